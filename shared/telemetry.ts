/**
 * Tracing for a function process, started by `shared/preload` (loaded with `node --require`
 * before the functions-framework). It registers a lean tracer provider (no auto-instrumentation: the HTTP
 * wrapper and the event emitter create the spans) exporting to Zipkin when configured, and the
 * W3C trace-context propagator. Without a Zipkin endpoint nothing is registered and the API's
 * no-op tracer costs next to nothing.
 */
import { context, propagation, trace, type Context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator, ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { ZipkinExporter } from '@opentelemetry/exporter-zipkin';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type ReadableSpan,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';
import { counter } from './metrics';

const spansDropped = counter('tagline_spans_dropped_total', 'Spans the exporter failed to deliver to Zipkin');

let provider: BasicTracerProvider | undefined;

/** Start tracing for `service` toward `endpoint`; idempotent. Returns whether tracing is on. */
export function startTracing(service: string, endpoint: string | undefined, sampleRatio = 1): boolean {
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  if (provider !== undefined) return true;
  if (endpoint === undefined) return false;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  provider = new BasicTracerProvider({
    // Only service.name: the Zipkin exporter copies every resource attribute onto every span.
    resource: resourceFromAttributes({ 'service.name': service }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(sampleRatio) }),
    spanProcessors: [
      new BatchSpanProcessor(new CountingExporter(new ZipkinExporter({ url: endpoint, serviceName: service })), {
        maxQueueSize: 4096,
        maxExportBatchSize: 512,
        scheduledDelayMillis: 500,
      }),
    ],
  });
  trace.setGlobalTracerProvider(provider);
  return true;
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

class CountingExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}
  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.inner.export(spans, (result) => {
      if (result.code !== ExportResultCode.SUCCESS) spansDropped.inc(spans.length);
      done(result);
    });
  }
  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }
  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
