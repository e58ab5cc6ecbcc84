import { randomUUID } from 'node:crypto';
import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { CloudEvent, HTTP, type CloudEventV1 } from 'cloudevents';
import { z } from 'zod';
import { UnavailableError, ValidationError } from './errors';
import type { Request, Response } from './http';
import type { Logger } from './logger';
import { counter } from './metrics';
import { injectContext } from './telemetry';
import { validate } from './validate';

/** Every event type Tagline emits (ARCHITECTURE §4). */
export const EVENT_TYPES = {
  impression: 'dev.tagline.ad.impression',
  viewable: 'dev.tagline.ad.viewable',
  click: 'dev.tagline.ad.click',
  pageObserved: 'dev.tagline.page.observed',
  pageClassified: 'dev.tagline.page.classified',
  campaignChanged: 'dev.tagline.campaign.changed',
  campaignExhausted: 'dev.tagline.campaign.exhausted',
} as const;

export type EventType = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES];

const id = z.string().min(1).max(128);
const isoTime = z.iso.datetime({ offset: true });

/** Data of `ad.impression`, `ad.viewable` and `ad.click`: the facts of the signed token. */
export const AdEventData = z.strictObject({
  impressionId: id,
  campaign: id,
  creative: id,
  publisher: id,
  advertiser: id,
  slot: z.string().max(64),
  format: z.string().max(32),
  /** What this event is billed, in micros of `currency` (0 for viewables and unbilled models). */
  priceMicros: z.number().int().nonnegative(),
  currency: z.string().length(3),
  model: z.enum(['cpm', 'cpc']),
  /** A consented first-party user id, only when the ad was chosen with consent. */
  user: z.string().max(128).optional(),
  servedAt: isoTime,
  occurredAt: isoTime,
});
export type AdEventData = z.infer<typeof AdEventData>;

/** Data of `page.observed`: what the widget read from the page. */
export const PageObservedData = z.strictObject({
  pageHash: id,
  url: z.string().max(2048),
  title: z.string().max(512).optional(),
  description: z.string().max(1024).optional(),
  keywords: z.array(z.string().max(64)).max(50).optional(),
  lang: z.string().max(16).optional(),
  text: z.string().max(8192).optional(),
  imageAlts: z.array(z.string().max(256)).max(50).optional(),
});
export type PageObservedData = z.infer<typeof PageObservedData>;

export const BRAND_SAFETY_RISKS = ['none', 'low', 'medium', 'high'] as const;
export type BrandSafetyRisk = (typeof BRAND_SAFETY_RISKS)[number];

/** Data of `page.classified` and the page classification kept in the store. */
export const PageClassifiedData = z.strictObject({
  pageHash: id,
  url: z.string().max(2048),
  categories: z.array(z.strictObject({ id: z.string().max(16), name: z.string().max(128), tier: z.number().int().min(1).max(4), score: z.number() })).max(20),
  brandSafety: z.strictObject({
    risk: z.enum(BRAND_SAFETY_RISKS),
    flags: z.array(z.strictObject({ category: z.string().max(64), risk: z.enum(BRAND_SAFETY_RISKS) })).max(20),
  }),
  language: z.string().max(16),
  confidence: z.enum(['high', 'low']),
  version: z.number().int().nonnegative(),
  classifiedAt: isoTime,
});
export type PageClassifiedData = z.infer<typeof PageClassifiedData>;

export const CampaignChangedData = z.strictObject({
  kind: z.enum(['campaign', 'publisher', 'apikey']),
  id,
  action: z.enum(['created', 'updated', 'deleted']),
  version: z.number().int().nonnegative(),
});
export type CampaignChangedData = z.infer<typeof CampaignChangedData>;

export const CampaignExhaustedData = z.strictObject({
  campaign: id,
  advertiser: id,
  scope: z.enum(['total', 'daily']),
  day: z.iso.date(),
  spendMicros: z.number().int().nonnegative(),
  budgetMicros: z.number().int().nonnegative(),
});
export type CampaignExhaustedData = z.infer<typeof CampaignExhaustedData>;

/** The data schema of each event type: what every consumer validates. */
export const EVENT_DATA = {
  [EVENT_TYPES.impression]: AdEventData,
  [EVENT_TYPES.viewable]: AdEventData,
  [EVENT_TYPES.click]: AdEventData,
  [EVENT_TYPES.pageObserved]: PageObservedData,
  [EVENT_TYPES.pageClassified]: PageClassifiedData,
  [EVENT_TYPES.campaignChanged]: CampaignChangedData,
  [EVENT_TYPES.campaignExhausted]: CampaignExhaustedData,
} as const;

export type EventData<T extends EventType> = z.infer<(typeof EVENT_DATA)[T]>;

/** An event about to be emitted or just received, with its data typed by its type. */
export interface TaglineEvent<T extends EventType = EventType> {
  id: string;
  type: T;
  source: string;
  subject?: string;
  time?: string;
  data: EventData<T>;
}

const emitted = counter('tagline_events_emitted_total', 'CloudEvents sent to the Broker, by type and outcome', ['type', 'outcome']);
const received = counter('tagline_events_received_total', 'CloudEvents received by a consumer, by type and outcome', ['type', 'outcome']);

/** Build an event with a fresh uuid when no deterministic id applies. */
export function newEvent<T extends EventType>(type: T, source: string, data: EventData<T>, eventId: string = randomUUID(), subject?: string): TaglineEvent<T> {
  const event: TaglineEvent<T> = { id: eventId, type, source, time: new Date().toISOString(), data };
  if (subject !== undefined) event.subject = subject;
  return event;
}

/** Binary-mode HTTP headers and body of an event, with the active trace context carried in it. */
export function toBinary(event: TaglineEvent): { headers: Record<string, string>; body: string } {
  const trace: Record<string, string> = {};
  injectContext(context.active(), trace);
  const ce = new CloudEvent<unknown>({
    specversion: '1.0',
    id: event.id,
    type: event.type,
    source: event.source,
    subject: event.subject,
    time: event.time ?? new Date().toISOString(),
    datacontenttype: 'application/json',
    data: event.data,
    ...(trace.traceparent === undefined ? {} : { traceparent: trace.traceparent }),
  }, false);
  const message = HTTP.binary(ce);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(message.headers)) if (typeof v === 'string') headers[k] = v;
  Object.assign(headers, trace);
  return { headers, body: typeof message.body === 'string' ? message.body : JSON.stringify(message.body) };
}

export interface Emitter {
  /** Deliver now, retrying a few times; rejects with `UnavailableError` if the Broker stays unreachable. */
  send(event: TaglineEvent): Promise<void>;
  /** Deliver in the background without delaying the caller; failures are counted and logged. */
  emit(event: TaglineEvent): void;
  /** Wait for background deliveries still in flight. */
  drain(): Promise<void>;
}

export interface EmitterOptions {
  sink: string | undefined;
  logger: Logger;
  attempts?: number;
  timeoutMs?: number;
  /** Background deliveries allowed in flight; beyond it `emit` drops and counts. */
  maxInFlight?: number;
  fetch?: typeof fetch;
}

const tracer = trace.getTracer('tagline-events');

/** An emitter of binary CloudEvents to the Broker at `K_SINK` (nothing is sent without one). */
export function createEmitter(options: EmitterOptions): Emitter {
  const attempts = options.attempts ?? 3;
  const timeoutMs = options.timeoutMs ?? 2000;
  const maxInFlight = options.maxInFlight ?? 1000;
  const doFetch = options.fetch ?? fetch;
  const inFlight = new Set<Promise<void>>();

  async function send(event: TaglineEvent): Promise<void> {
    if (options.sink === undefined) {
      emitted.inc({ type: event.type, outcome: 'no_sink' });
      return;
    }
    const span = tracer.startSpan(`send ${event.type}`, { kind: SpanKind.PRODUCER, attributes: { 'messaging.system': 'knative', 'messaging.operation.type': 'send', 'messaging.message.id': event.id, 'cloudevents.event_type': event.type } });
    try {
      const { headers, body } = context.with(trace.setSpan(context.active(), span), () => toBinary(event));
      let lastError: unknown;
      for (let attempt = 0; attempt < attempts; attempt++) {
        if (attempt > 0) await sleep(50 * 4 ** (attempt - 1));
        try {
          const res = await doFetch(options.sink, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
          await res.arrayBuffer();
          if (res.ok) {
            emitted.inc({ type: event.type, outcome: 'sent' });
            return;
          }
          lastError = new Error(`Broker answered ${res.status}`);
          if (res.status < 500 && res.status !== 429 && res.status !== 404 && res.status !== 408) break;
        } catch (err) {
          lastError = err;
        }
      }
      emitted.inc({ type: event.type, outcome: 'failed' });
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw new UnavailableError(`Broker unreachable for ${event.type} ${event.id}`, { cause: lastError });
    } finally {
      span.end();
    }
  }

  function emit(event: TaglineEvent): void {
    if (inFlight.size >= maxInFlight) {
      emitted.inc({ type: event.type, outcome: 'dropped' });
      options.logger.warn('event dropped: too many in flight', { type: event.type, id: event.id });
      return;
    }
    const p = send(event)
      .catch((err: unknown) => options.logger.warn('event not delivered', { type: event.type, id: event.id, err }))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }

  return {
    send,
    emit,
    drain: async () => {
      await Promise.all([...inFlight]);
    },
  };
}

/**
 * Read a CloudEvent (binary or structured) from a request and validate its attributes and its
 * data against the schema of its type, which must be one of `accepted`. Anything wrong is a 400,
 * which Knative does not retry.
 */
export function receiveEvent<T extends EventType>(req: Request, accepted: readonly T[]): TaglineEvent<T> {
  let ce: CloudEventV1<unknown>;
  try {
    const parsed = HTTP.toEvent<unknown>({ headers: req.headers, body: req.body.toString('utf8') });
    if (Array.isArray(parsed)) throw new Error('batched events are not accepted');
    ce = parsed;
  } catch (err) {
    received.inc({ type: 'unknown', outcome: 'invalid' });
    throw new ValidationError(`Not a valid CloudEvent: ${(err as Error).message}`);
  }
  const type = ce.type as T;
  if (!accepted.includes(type)) {
    received.inc({ type: 'unknown', outcome: 'invalid' });
    throw new ValidationError(`Event type ${ce.type} is not one of ${accepted.join(', ')}`);
  }
  let data: unknown = ce.data;
  if (typeof data === 'string' || Buffer.isBuffer(data)) {
    try {
      data = JSON.parse(data.toString());
    } catch {
      received.inc({ type, outcome: 'invalid' });
      throw new ValidationError('Event data is not JSON');
    }
  }
  try {
    const event: TaglineEvent<T> = { id: ce.id, type, source: ce.source, data: validate(EVENT_DATA[type], data, 'data') as EventData<T> };
    if (ce.subject !== undefined) event.subject = ce.subject;
    if (ce.time !== undefined) event.time = ce.time;
    received.inc({ type, outcome: 'accepted' });
    return event;
  } catch (err) {
    received.inc({ type, outcome: 'invalid' });
    throw err;
  }
}

/** A 200 response carrying `event` in binary mode: Knative puts it back on the Broker. */
export function replyWith(event: TaglineEvent): Response {
  const { headers, body } = toBinary(event);
  return { status: 200, headers, body };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
