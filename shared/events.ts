import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { HTTP, type CloudEventV1 } from 'cloudevents';
import { z } from 'zod';
import { EVENT_TYPES, messagingAttributes, type EventType, type TaglineEvent } from './emitter';
import { ValidationError } from './errors';
import type { Request, Response } from './http';
import { counter } from './metrics';
import { contextFromTraceparent, tracingEnabled } from './telemetry';
import { validate } from './validate';

/*
 * Event data shapes (one zod schema per type, the runtime check and the TypeScript type) and
 * receiving with validation. The emitting side lives in ./emitter and is re-exported here.
 */
export * from './emitter';

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

const received = counter('tagline_events_received_total', 'CloudEvents received by a consumer, by type and outcome', ['type', 'outcome']);

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
    // The SDK parses leniently: the attributes idempotence rests on are checked here.
    for (const name of ['id', 'source'] as const) {
      if (typeof parsed[name] !== 'string' || parsed[name] === '') throw new Error(`no ${name} (ce-${name})`);
    }
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
    if (typeof ce.traceparent === 'string') event.traceparent = ce.traceparent;
    received.inc({ type, outcome: 'accepted' });
    return event;
  } catch (err) {
    received.inc({ type, outcome: 'invalid' });
    throw err;
  }
}


const tracer = trace.getTracer('tagline-events');

/**
 * Receive one event as `receiveEvent` does, then `handle` it inside a CONSUMER span
 * `process <event type>`. Its parent is the event's `traceparent` extension (the PRODUCER span
 * that sent it, whatever the transport did to the HTTP `traceparent`), else the request's span;
 * whatever `handle` emits or replies is its child. A rejection or a 5xx marks the span failed.
 */
export function consumeEvent<T extends EventType>(req: Request, accepted: readonly T[], handle: (event: TaglineEvent<T>) => Promise<Response>): Promise<Response> {
  const event = receiveEvent(req, accepted);
  if (!tracingEnabled()) return handle(event);
  const parent = event.traceparent === undefined ? context.active() : contextFromTraceparent(event.traceparent);
  const span = tracer.startSpan(`process ${event.type}`, { kind: SpanKind.CONSUMER, attributes: messagingAttributes(event, 'process') }, parent);
  let handling: Promise<Response>;
  try {
    handling = context.with(trace.setSpan(parent, span), handle, undefined, event);
  } catch (err) {
    handling = Promise.reject(err);
  }
  return handling.then(
    (res) => {
      if (res.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      return res;
    },
    (err: unknown) => {
      span.recordException(err instanceof Error ? err : new Error(String(err)));
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      throw err;
    },
  );
}
