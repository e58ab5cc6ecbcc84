/**
 * Tracing for a function process, started by `shared/preload` (loaded with `node --require`
 * before the functions-framework). It registers a lean tracer provider (no auto-instrumentation: the HTTP
 * wrapper and the event emitter create the spans) exporting to Zipkin when configured, and the
 * W3C trace-context propagator. Without a Zipkin endpoint nothing is registered and the API's
 * no-op tracer costs next to nothing.
 */
import { ROOT_CONTEXT, TraceFlags, context, propagation, trace, type Context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator, ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { emptyResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type ReadableSpan,
  type Span,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { counter } from './metrics';

const spansDropped = counter('tagline_spans_dropped_total', 'Spans lost before Zipkin: the export queue was full, or an export failed or timed out');

/** Spans waiting for export at most; beyond it a span is dropped (and counted). */
const MAX_QUEUE = 4096;
/** An export Zipkin has not answered within this is given up (and its spans counted). */
const EXPORT_TIMEOUT_MS = 10_000;

let provider: BasicTracerProvider | undefined;

/**
 * Start tracing for `service` toward `endpoint`, with `attributes` (OTEL_RESOURCE_ATTRIBUTES, such
 * as the instance) on every span; idempotent. Returns whether tracing is on.
 */
export function startTracing(service: string, endpoint: string | undefined, sampleRatio = 1, attributes: Record<string, string> = {}): boolean {
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  if (provider !== undefined) return true;
  if (endpoint === undefined) return false;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  provider = new BasicTracerProvider({
    // Only the attributes the user set: the Zipkin exporter copies each onto every span as a tag;
    // the service name goes once per span into localEndpoint, from the exporter's own setting.
    resource: Object.keys(attributes).length === 0 ? emptyResource() : resourceFromAttributes(attributes),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(sampleRatio) }),
    spanProcessors: [countingBatchProcessor(new ZipkinExporter({ url: endpoint, serviceName: service }))],
  });
  trace.setGlobalTracerProvider(provider);
  return true;
}

/** True when spans are recorded and exported (a Zipkin endpoint is configured). */
export function tracingEnabled(): boolean {
  return provider !== undefined;
}

/** Flush spans still in the batch (on shutdown, and in tests). */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush();
}

/** The active context with `traceparent`/`tracestate` taken from incoming headers. */
export function extractContext(headers: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(context.active(), headers);
}

/** Write the W3C headers of `ctx` into `carrier`. */
export function injectContext(ctx: Context, carrier: Record<string, string>): void {
  propagation.inject(ctx, carrier);
}

/** The active context as a W3C `traceparent`, when there is one (to keep with work done later). */
export function activeTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** A root context whose remote parent is the given W3C `traceparent` (`ROOT_CONTEXT` when absent or malformed). */
export function contextFromTraceparent(traceparent: unknown, tracestate?: unknown): Context {
  if (typeof traceparent !== 'string') return ROOT_CONTEXT;
  const carrier: Record<string, string> = { traceparent };
  if (typeof tracestate === 'string') carrier.tracestate = tracestate;
  return propagation.extract(ROOT_CONTEXT, carrier);
}

const CLAIM = /^[0-9a-f]{48}$/;

/**
 * The active span as a short claim for a signed token: its trace id and span id in lower hex
 * (48 characters), only when the span is recorded, so untraced ads carry nothing.
 */
export function activeTraceClaim(): string | undefined {
  const span = trace.getActiveSpan();
  if (span === undefined || !span.isRecording()) return undefined;
  const { traceId, spanId } = span.spanContext();
  return traceId + spanId;
}

/** A context whose remote, sampled parent is the span a trace claim names; undefined if malformed. */
export function contextFromClaim(claim: unknown): Context | undefined {
  if (typeof claim !== 'string' || !CLAIM.test(claim)) return undefined;
  const spanContext = { traceId: claim.slice(0, 32), spanId: claim.slice(32), traceFlags: TraceFlags.SAMPLED, isRemote: true };
  return trace.isSpanContextValid(spanContext) ? trace.setSpanContext(ROOT_CONTEXT, spanContext) : undefined;
}

/**
 * The batch processor in front of `exporter`, counting every span that never reaches Zipkin:
 * refused because the queue is full (the SDK only logs those), or in an export that failed or
 * got no answer in time. `pending` mirrors the batch's queue: spans are counted in on `onEnd`
 * and out when the batch hands them to the exporter, so the queue limit is enforced here, first.
 */
function countingBatchProcessor(exporter: SpanExporter): SpanProcessor {
  let pending = 0;
  const counting: SpanExporter = {
    export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
      pending -= spans.length;
      let answered = false;
      const finish = (result: ExportResult): void => {
        if (answered) return;
        answered = true;
        clearTimeout(timer);
        if (result.code !== ExportResultCode.SUCCESS) spansDropped.inc(spans.length);
        done(result);
      };
      const timer = setTimeout(() => finish({ code: ExportResultCode.FAILED, error: new Error(`Zipkin did not answer within ${EXPORT_TIMEOUT_MS} ms`) }), EXPORT_TIMEOUT_MS);
      timer.unref();
      exporter.export(spans, finish);
    },
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
  };
  const batch = new BatchSpanProcessor(counting, { maxQueueSize: MAX_QUEUE, maxExportBatchSize: 512, scheduledDelayMillis: 500, exportTimeoutMillis: EXPORT_TIMEOUT_MS + 1000 });
  return {
    onStart: (span: Span, parent: Context) => batch.onStart(span, parent),
    onEnd(span: ReadableSpan): void {
      if ((span.spanContext().traceFlags & TraceFlags.SAMPLED) === 0) return;
      if (pending >= MAX_QUEUE) {
        spansDropped.inc();
        return;
      }
      pending++;
      batch.onEnd(span);
    },
    forceFlush: () => batch.forceFlush(),
    shutdown: () => batch.shutdown(),
  };
}
