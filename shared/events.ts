import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { hasJsonData, readCloudEvent, type CloudEventMessage } from './cloudevents';
import { messagingAttributes } from './emitter';
import { EVENT_DATA, type EventData, type TaglineEvent } from './event-data';
import type { EventType } from './event-types';
import { BadRequestError, ValidationError } from './errors';
import type { Request, Response } from './http';
import { counter } from './metrics';
import { contextFromTraceparent, tracingEnabled } from './telemetry';
import { validate } from './validate';

/*
 * Receiving events: read off the wire by ./cloudevents, validated against ./event-data, handled
 * in a CONSUMER span. The event types, data shapes and the emitter are re-exported here, so a
 * function imports its events from one place.
 */
export * from './event-types';
export * from './event-data';
export * from './emitter';

const received = counter('tagline_events_received_total', 'CloudEvents received by a consumer, by type and outcome', ['type', 'outcome']);

/**
 * Read a CloudEvent (binary or structured) from a request and validate its attributes and its
 * data against the schema of its type, which must be one of `accepted`. Anything wrong is a 400,
 * which Knative does not retry.
 */
export function receiveEvent<T extends EventType>(req: Request, accepted: readonly T[]): TaglineEvent<T> {
  let ce: CloudEventMessage;
  try {
    ce = readCloudEvent(req.headers, req.body);
  } catch (err) {
    received.inc({ type: 'unknown', outcome: 'invalid' });
    if (err instanceof BadRequestError) throw new ValidationError(`Not a valid CloudEvent: ${err.message}`);
    throw err;
  }
  const { id, source, subject, time, traceparent } = ce.attrs;
  const type = ce.attrs.type as T;
  if (!accepted.includes(type)) {
    received.inc({ type: 'unknown', outcome: 'invalid' });
    throw new ValidationError(`Event type ${type} is not one of ${accepted.join(', ')}`);
  }
  try {
    const data = ce.data.length === 0 ? undefined : jsonData(ce);
    const event: TaglineEvent<T> = { id: id!, type, source: source!, data: validate(EVENT_DATA[type], data, 'data') as EventData<T> };
    if (subject !== undefined) event.subject = subject;
    if (time !== undefined) event.time = time;
    if (traceparent !== undefined) event.traceparent = traceparent;
    received.inc({ type, outcome: 'accepted' });
    return event;
  } catch (err) {
    received.inc({ type, outcome: 'invalid' });
    throw err;
  }
}

/**
 * The event's data as JSON. Structured senders that put the JSON text of the data in a JSON
 * string (`"data": "{…}"`) mean the object, so such a string is read once more.
 */
function jsonData(ce: CloudEventMessage): unknown {
  let value: unknown;
  try {
    value = JSON.parse(ce.data.toString('utf8'));
  } catch {
    throw new ValidationError('Event data is not JSON');
  }
  if (typeof value !== 'string' || !hasJsonData(ce)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
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
