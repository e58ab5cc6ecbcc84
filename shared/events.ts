import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
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

/** The context attributes and data of one CloudEvent read off an HTTP request, before validation. */
interface WireEvent {
  id: string;
  type: string;
  source: string;
  subject?: string;
  time?: string;
  traceparent?: string;
  /** The data as parsed JSON, or its JSON text still to parse. */
  data: unknown;
  dataText?: string;
}

const STRUCTURED_TYPE = 'application/cloudevents';
const BATCH_TYPE = 'application/cloudevents-batch';
/** RFC 3339 `date-time` (the CloudEvents `Timestamp` type). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Read a CloudEvent (binary or structured) from a request and validate its attributes and its
 * data against the schema of its type, which must be one of `accepted`. Anything wrong is a 400,
 * which Knative does not retry.
 */
export function receiveEvent<T extends EventType>(req: Request, accepted: readonly T[]): TaglineEvent<T> {
  let ce: WireEvent;
  try {
    ce = readCloudEvent(req);
  } catch (err) {
    received.inc({ type: 'unknown', outcome: 'invalid' });
    throw new ValidationError(`Not a valid CloudEvent: ${(err as Error).message}`);
  }
  const type = ce.type as T;
  if (!accepted.includes(type)) {
    received.inc({ type: 'unknown', outcome: 'invalid' });
    throw new ValidationError(`Event type ${ce.type} is not one of ${accepted.join(', ')}`);
  }
  try {
    const data = ce.dataText === undefined ? ce.data : jsonData(ce.dataText);
    const event: TaglineEvent<T> = { id: ce.id, type, source: ce.source, data: validate(EVENT_DATA[type], data, 'data') as EventData<T> };
    if (ce.subject !== undefined) event.subject = ce.subject;
    if (ce.time !== undefined) event.time = ce.time;
    if (ce.traceparent !== undefined) event.traceparent = ce.traceparent;
    received.inc({ type, outcome: 'accepted' });
    return event;
  } catch (err) {
    received.inc({ type, outcome: 'invalid' });
    throw err;
  }
}

/**
 * One CloudEvent 1.0 from an HTTP request (CloudEvents HTTP protocol binding): structured mode
 * when the media type is `application/cloudevents+json`, binary mode (`ce-*` headers, the body
 * as data) otherwise. Required attributes are non-empty strings, `time` is RFC 3339, the data is
 * JSON. Batches and other spec versions are refused. Read by hand rather than with the SDK's
 * `HTTP.toEvent`, which costs more than the rest of a consumer's parsing and checks less.
 */
function readCloudEvent(req: Request): WireEvent {
  const headers = req.headers;
  const contentType = (headers['content-type'] ?? '').trimStart().toLowerCase();
  if (contentType.startsWith(BATCH_TYPE)) throw new Error('batches are not accepted; send one event per request');
  if (contentType.startsWith(STRUCTURED_TYPE)) return readStructured(req.body);
  if (headers['ce-id'] === undefined && headers['ce-specversion'] === undefined) {
    throw new Error('expected ce-* headers (binary mode) or Content-Type application/cloudevents+json');
  }
  return readBinary(headers, req.body);
}

function readBinary(headers: Request['headers'], body: Buffer): WireEvent {
  const attribute = (name: string): string | undefined => {
    const value = headers[`ce-${name}`];
    return value === undefined ? undefined : headerValue(Array.isArray(value) ? value.join(',') : value);
  };
  const event = checkAttributes({
    specversion: attribute('specversion'),
    id: attribute('id'),
    type: attribute('type'),
    source: attribute('source'),
    subject: attribute('subject'),
    time: attribute('time'),
    traceparent: attribute('traceparent'),
  });
  return body.length === 0 ? { ...event, data: undefined } : { ...event, data: undefined, dataText: body.toString('utf8') };
}

function readStructured(body: Buffer): WireEvent {
  let envelope: unknown;
  try {
    envelope = JSON.parse(body.toString('utf8'));
  } catch (err) {
    throw new Error(`the structured envelope is not JSON: ${(err as Error).message}`);
  }
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) throw new Error('the structured envelope is not a JSON object');
  const fields = envelope as Record<string, unknown>;
  const event = checkAttributes(fields);
  if (typeof fields.data_base64 === 'string') return { ...event, data: undefined, dataText: Buffer.from(fields.data_base64, 'base64').toString('utf8') };
  return typeof fields.data === 'string' ? { ...event, data: undefined, dataText: fields.data } : { ...event, data: fields.data };
}

/** The attributes Tagline reads, checked as the CloudEvents 1.0 spec types them. */
function checkAttributes(attrs: Record<string, unknown>): Omit<WireEvent, 'data'> {
  if (attrs.specversion !== '1.0') throw new Error(attrs.specversion === undefined ? 'no specversion (ce-specversion)' : `specversion ${String(attrs.specversion)} is not supported; expected 1.0`);
  const required = (name: 'id' | 'source' | 'type'): string => {
    const value = attrs[name];
    if (typeof value !== 'string' || value === '') throw new Error(`no ${name} (ce-${name})`);
    return value;
  };
  const optional = (name: 'subject' | 'time' | 'traceparent'): string | undefined => {
    const value = attrs[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || value === '') throw new Error(`the ${name} attribute is not a non-empty string`);
    return value;
  };
  const event: Omit<WireEvent, 'data'> = { id: required('id'), type: required('type'), source: required('source') };
  const subject = optional('subject');
  const time = optional('time');
  const traceparent = optional('traceparent');
  if (time !== undefined && (!RFC3339.test(time) || Number.isNaN(Date.parse(time)))) throw new Error(`the time attribute is not an RFC 3339 timestamp: ${time}`);
  if (subject !== undefined) event.subject = subject;
  if (time !== undefined) event.time = time;
  if (traceparent !== undefined) event.traceparent = traceparent;
  return event;
}

/**
 * A binary-mode header value: the binding percent-encodes what HTTP headers cannot carry. A value
 * that is not valid percent-encoding came from a sender that does not encode (the JS SDK) and is
 * taken as it is.
 */
function headerValue(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function jsonData(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError('Event data is not JSON');
  }
}

const tracer = trace.getTracer('tagline-events');

/**
 * Receive one event as `receiveEvent` does, then `handle` it inside its CONSUMER span
 * (`processInSpan`).
 */
export function consumeEvent<T extends EventType>(req: Request, accepted: readonly T[], handle: (event: TaglineEvent<T>) => Promise<Response>): Promise<Response> {
  return processInSpan(receiveEvent(req, accepted), handle);
}

/**
 * `handle` an event inside a CONSUMER span `process <event type>`. Its parent is the event's
 * `traceparent` extension (the PRODUCER span that sent it, whatever the transport did to the HTTP
 * `traceparent`), else the request's span; whatever `handle` emits or replies is its child. A
 * rejection or a 5xx marks the span failed.
 */
export function processInSpan<E extends { id: string; type: string; traceparent?: unknown }>(event: E, handle: (event: E) => Promise<Response>): Promise<Response> {
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
