/**
 * A Zipkin-compatible span receiver for tests: `POST /api/v2/spans` with a JSON v2 list, each
 * span validated against the Zipkin v2 model (`zipkin2-api.yaml`'s `Span`) before it is kept. A
 * batch with any invalid span is refused with 400, as Zipkin refuses a malformed batch, and
 * remembered with its errors so a test can say what was wrong.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type SpanKindName = 'CLIENT' | 'SERVER' | 'PRODUCER' | 'CONSUMER';

export interface ZipkinEndpoint {
  serviceName?: string;
  ipv4?: string;
  ipv6?: string;
  port?: number;
}

/** One span of the Zipkin v2 JSON model. */
export interface ZipkinSpan {
  traceId: string;
  id: string;
  parentId?: string;
  name?: string;
  kind?: SpanKindName;
  timestamp?: number;
  duration?: number;
  debug?: boolean;
  shared?: boolean;
  localEndpoint?: ZipkinEndpoint;
  remoteEndpoint?: ZipkinEndpoint;
  annotations?: { timestamp: number; value: string }[];
  tags?: Record<string, string>;
}

export interface ZipkinReceiver {
  /** The endpoint to give exporters (`OTEL_EXPORTER_ZIPKIN_ENDPOINT`). */
  url: string;
  /** Every valid span received, in arrival order. */
  spans: ZipkinSpan[];
  /** Batches refused, with why. */
  rejected: { body: string; errors: string[] }[];
  /** Resolve with the spans once `done(spans)` holds; reject after `timeoutMs` saying `what`. */
  waitFor(done: (spans: readonly ZipkinSpan[]) => boolean, timeoutMs: number, what: string): Promise<ZipkinSpan[]>;
  close(): Promise<void>;
}

const TRACE_ID = /^([0-9a-f]{16}|[0-9a-f]{32})$/;
const SPAN_ID = /^[0-9a-f]{16}$/;
const KINDS = new Set(['CLIENT', 'SERVER', 'PRODUCER', 'CONSUMER']);
const SPAN_FIELDS = new Set(['traceId', 'id', 'parentId', 'name', 'kind', 'timestamp', 'duration', 'debug', 'shared', 'localEndpoint', 'remoteEndpoint', 'annotations', 'tags']);
const ENDPOINT_FIELDS = new Set(['serviceName', 'ipv4', 'ipv6', 'port']);
/** Epoch microseconds between 2001 and 2286: a millisecond or nanosecond value falls outside. */
const MIN_EPOCH_MICROS = 1e15;
const MAX_EPOCH_MICROS = 1e16;

/** What is wrong with `value` as a Zipkin v2 span; empty when it is valid. */
export function spanErrors(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['a span must be a JSON object'];
  const span = value as Record<string, unknown>;
  const errors: string[] = [];
  for (const key of Object.keys(span)) if (!SPAN_FIELDS.has(key)) errors.push(`unknown field "${key}"`);
  if (typeof span.traceId !== 'string' || !TRACE_ID.test(span.traceId)) errors.push(`traceId must be 16 or 32 lower-hex characters, got ${JSON.stringify(span.traceId)}`);
  else if (/^0+$/.test(span.traceId)) errors.push('traceId must not be all zeros');
  if (typeof span.id !== 'string' || !SPAN_ID.test(span.id)) errors.push(`id must be 16 lower-hex characters, got ${JSON.stringify(span.id)}`);
  if (span.parentId !== undefined && (typeof span.parentId !== 'string' || !SPAN_ID.test(span.parentId))) errors.push(`parentId must be 16 lower-hex characters, got ${JSON.stringify(span.parentId)}`);
  if (span.parentId !== undefined && span.parentId === span.id) errors.push('a span cannot be its own parent');
  if (span.name !== undefined && typeof span.name !== 'string') errors.push('name must be a string');
  if (span.kind !== undefined && !KINDS.has(span.kind as string)) errors.push(`kind must be one of ${[...KINDS].join(', ')}, got ${JSON.stringify(span.kind)}`);
  if (span.timestamp !== undefined && !isEpochMicros(span.timestamp)) errors.push(`timestamp must be integer epoch microseconds, got ${JSON.stringify(span.timestamp)}`);
  if (span.duration !== undefined && !(Number.isSafeInteger(span.duration) && (span.duration as number) >= 1)) errors.push(`duration must be an integer number of microseconds ≥ 1, got ${JSON.stringify(span.duration)}`);
  for (const flag of ['debug', 'shared'] as const) if (span[flag] !== undefined && typeof span[flag] !== 'boolean') errors.push(`${flag} must be a boolean`);
  errors.push(...endpointErrors(span.localEndpoint, 'localEndpoint', true), ...endpointErrors(span.remoteEndpoint, 'remoteEndpoint', false));
  if (span.tags !== undefined) {
    if (typeof span.tags !== 'object' || span.tags === null || Array.isArray(span.tags)) errors.push('tags must be an object');
    else for (const [k, v] of Object.entries(span.tags)) if (typeof v !== 'string') errors.push(`tag "${k}" must be a string, got ${JSON.stringify(v)}`);
  }
  if (span.annotations !== undefined) {
    if (!Array.isArray(span.annotations)) errors.push('annotations must be a list');
    else
      for (const a of span.annotations as unknown[]) {
        const ann = a as Record<string, unknown> | null;
        if (ann === null || typeof ann !== 'object' || !isEpochMicros(ann.timestamp) || typeof ann.value !== 'string') errors.push(`annotation must be { timestamp: epoch µs, value: string }, got ${JSON.stringify(a)}`);
      }
  }
  return errors;
}

function isEpochMicros(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= MIN_EPOCH_MICROS && (value as number) < MAX_EPOCH_MICROS;
}

/** The local endpoint is required here: the span must say which service recorded it. */
function endpointErrors(value: unknown, field: string, required: boolean): string[] {
  if (value === undefined) return required ? [`${field} with a serviceName is required`] : [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${field} must be an object`];
  const endpoint = value as Record<string, unknown>;
  const errors: string[] = [];
  for (const key of Object.keys(endpoint)) if (!ENDPOINT_FIELDS.has(key)) errors.push(`${field}: unknown field "${key}"`);
  const name = endpoint.serviceName;
  if (required && (typeof name !== 'string' || name === '')) errors.push(`${field}.serviceName is required`);
  if (name !== undefined && (typeof name !== 'string' || name !== name.toLowerCase())) errors.push(`${field}.serviceName must be a lower-case string, got ${JSON.stringify(name)}`);
  if (endpoint.port !== undefined && !(Number.isInteger(endpoint.port) && (endpoint.port as number) > 0 && (endpoint.port as number) < 65536)) errors.push(`${field}.port must be 1..65535`);
  for (const ip of ['ipv4', 'ipv6'] as const) if (endpoint[ip] !== undefined && typeof endpoint[ip] !== 'string') errors.push(`${field}.${ip} must be a string`);
  return errors;
}

/** What is wrong with a `POST /api/v2/spans` body; empty when every span is valid. */
export function batchErrors(body: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (err) {
    return [`not JSON: ${(err as Error).message}`];
  }
  if (!Array.isArray(parsed)) return ['the body must be a JSON list of spans'];
  return parsed.flatMap((span, i) => spanErrors(span).map((e) => `span ${i}: ${e}`));
}

/** Start a receiver on a free local port. */
export async function startZipkinReceiver(): Promise<ZipkinReceiver> {
  const spans: ZipkinSpan[] = [];
  const rejected: { body: string; errors: string[] }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/api/v2/spans') {
        res.writeHead(404).end();
        return;
      }
      if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
        res.writeHead(415).end();
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const errors = batchErrors(body);
      if (errors.length > 0) {
        rejected.push({ body, errors });
        res.writeHead(400, { 'content-type': 'text/plain' }).end(errors.join('\n'));
        return;
      }
      spans.push(...(JSON.parse(body) as ZipkinSpan[]));
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/v2/spans`,
    spans,
    rejected,
    async waitFor(done, timeoutMs, what) {
      const until = Date.now() + timeoutMs;
      while (!done(spans)) {
        if (Date.now() > until) throw new Error(`no ${what} within ${timeoutMs} ms (${spans.length} spans received, ${rejected.length} batches refused)`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return [...spans];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
