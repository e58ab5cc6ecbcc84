import { randomUUID } from 'node:crypto';
import { SpanKind, SpanStatusCode, context, trace, type Context, type Span } from '@opentelemetry/api';
import { binaryHeaders } from './cloudevents';
import { UnavailableError } from './errors';
import type { EventData, TaglineEvent } from './event-data';
import type { EventType } from './event-types';
import type { Response } from './http';
import type { Logger } from './logger';
import { counter } from './metrics';
import { isRetryableStatus } from './retry';
import { contextFromTraceparent, injectContext } from './telemetry';

/*
 * Emitting events: ids and the binary-mode emitter to the Broker at K_SINK. Kept free of zod
 * (the data types are a type-only import) so that functions which only emit (ad-decision) start
 * fast; the data schemas live in ./event-data and receiving in ./events.
 */

export { EVENT_TYPES, type EventType } from './event-types';
export type { TaglineEvent } from './event-data';

const emitted = counter('tagline_events_emitted_total', 'CloudEvents sent to the Broker, by type and outcome', ['type', 'outcome']);

/** Build an event with a fresh uuid when no deterministic id applies. */
export function newEvent<T extends EventType>(type: T, source: string, data: EventData<T>, eventId: string = randomUUID(), subject?: string): TaglineEvent<T> {
  const event: TaglineEvent<T> = { id: eventId, type, source, time: new Date().toISOString(), data };
  if (subject !== undefined) event.subject = subject;
  return event;
}

/**
 * Binary-mode HTTP headers and body of an event (CloudEvents HTTP binding 1.0), with the active
 * trace context carried both as HTTP headers and as the `traceparent` extension.
 */
export function toBinary(event: TaglineEvent): { headers: Record<string, string>; body: string } {
  const attrs: Record<string, string> = {
    specversion: '1.0',
    id: event.id,
    type: event.type,
    source: event.source,
    time: event.time ?? new Date().toISOString(),
    datacontenttype: 'application/json',
  };
  if (event.subject !== undefined) attrs.subject = event.subject;
  const trace: Record<string, string> = {};
  injectContext(context.active(), trace);
  if (trace.traceparent !== undefined) attrs.traceparent = trace.traceparent;
  const headers = binaryHeaders(attrs);
  Object.assign(headers, trace);
  return { headers, body: JSON.stringify(event.data) };
}

export interface Emitter {
  /** Deliver now, retrying a few times; rejects with `UnavailableError` if the Broker stays unreachable. */
  send(event: TaglineEvent): Promise<void>;
  /** Deliver in the background without delaying the caller; failures are counted and logged. */
  emit(event: TaglineEvent): void;
  /** Wait for background deliveries still in flight. */
  drain(): Promise<void>;
}

/**
 * How one binary-mode event goes over HTTP: POST `body` with `headers` to `url`, resolving with
 * the response status (the body is read and dropped), rejecting when there is no answer within
 * `timeoutMs`.
 */
export type EventTransport = (url: string, headers: Record<string, string>, body: string, timeoutMs: number) => Promise<number>;

export interface EmitterOptions {
  sink: string | undefined;
  logger: Logger;
  attempts?: number;
  timeoutMs?: number;
  /** Background deliveries allowed in flight; beyond it `emit` drops and counts. */
  maxInFlight?: number;
  fetch?: typeof fetch;
  /** The HTTP client, when not `fetch` (track's lean keep-alive client); wins over `fetch`. */
  transport?: EventTransport;
  /** The sender's OIDC token (`shared/event-auth` `tokenFromFile`), sent as `Authorization: Bearer`. */
  token?: () => string | undefined;
}

const tracer = trace.getTracer('tagline-events');

/** Span attributes of an event, shared by its PRODUCER and CONSUMER spans. */
export function messagingAttributes(event: { id: string; type: string }, operation: 'send' | 'process'): Record<string, string> {
  return { 'messaging.system': 'knative', 'messaging.operation.type': operation, 'messaging.message.id': event.id, 'cloudevents.event_type': event.type };
}

/** The PRODUCER span `send <type>` of `event`, child of the event's own trace context or else the active one. */
function producerSpan(event: TaglineEvent): { span: Span; ctx: Context } {
  const parent = event.traceparent === undefined ? context.active() : contextFromTraceparent(event.traceparent);
  const span = tracer.startSpan(`send ${event.type}`, { kind: SpanKind.PRODUCER, attributes: messagingAttributes(event, 'send') }, parent);
  return { span, ctx: trace.setSpan(parent, span) };
}

/**
 * The CLIENT span of one HTTP attempt to the Broker, child of the PRODUCER span: retries and
 * their statuses show in the trace, and the Broker's deliveries hang under the attempt that landed.
 */
function clientSpan(producer: Context, sink: string, attempt: number): Span {
  const attributes: Record<string, string | number> = { 'http.request.method': 'POST', 'url.full': sink };
  if (attempt > 0) attributes['http.request.resend_count'] = attempt;
  return tracer.startSpan('POST', { kind: SpanKind.CLIENT, attributes }, producer);
}

/** An emitter of binary CloudEvents to the Broker at `K_SINK` (nothing is sent without one). */
export function createEmitter(options: EmitterOptions): Emitter {
  const attempts = options.attempts ?? 3;
  const timeoutMs = options.timeoutMs ?? 2000;
  const maxInFlight = options.maxInFlight ?? 1000;
  const transport = options.transport ?? fetchTransport(options.fetch);
  const inFlight = new Set<Promise<void>>();

  async function send(event: TaglineEvent): Promise<void> {
    const sink = options.sink;
    if (sink === undefined) {
      emitted.inc({ type: event.type, outcome: 'no_sink' });
      return;
    }
    const { span, ctx } = producerSpan(event);
    try {
      const { headers, body } = context.with(ctx, () => toBinary(event));
      const token = options.token?.();
      if (token !== undefined) headers.authorization = `Bearer ${token}`;
      let lastError: unknown;
      for (let attempt = 0; attempt < attempts; attempt++) {
        if (attempt > 0) await sleep(50 * 4 ** (attempt - 1));
        const client = span.isRecording() ? clientSpan(ctx, sink, attempt) : undefined;
        try {
          const status = await transport(sink, client === undefined ? headers : transportHeaders(headers, trace.setSpan(ctx, client)), body, timeoutMs);
          client?.setAttribute('http.response.status_code', status);
          if (status >= 200 && status < 300) {
            emitted.inc({ type: event.type, outcome: 'sent' });
            return;
          }
          client?.setStatus({ code: SpanStatusCode.ERROR });
          lastError = new Error(`Broker answered ${status}`);
          if (!isRetryableStatus(status)) break;
        } catch (err) {
          client?.setAttribute('error.type', err instanceof Error ? err.name : 'Error');
          client?.setStatus({ code: SpanStatusCode.ERROR });
          lastError = err;
        } finally {
          client?.end();
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
 * A 200 response carrying `event` in binary mode: Knative puts it back on the Broker. The reply
 * gets its own PRODUCER span, which its `traceparent` (header and extension) names.
 */
export function replyWith(event: TaglineEvent): Response {
  const { span, ctx } = producerSpan(event);
  const { headers, body } = context.with(ctx, () => toBinary(event));
  span.end();
  return { status: 200, headers, body };
}

/**
 * The event's headers with the HTTP `traceparent` of the CLIENT span of one attempt; the
 * `ce-traceparent` extension keeps naming the PRODUCER span that created the event.
 */
function transportHeaders(headers: Record<string, string>, attempt: Context): Record<string, string> {
  const copy = { ...headers };
  injectContext(attempt, copy);
  return copy;
}

/** The transport over `fetch` (undici): the default. */
export function fetchTransport(doFetch: typeof fetch = fetch): EventTransport {
  return async (url, headers, body, timeoutMs) => {
    const res = await doFetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status;
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
