import test from 'ava';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SpanKind, trace } from '@opentelemetry/api';
import { Outbox } from '../../shared/outbox';
import { EVENT_TYPES, createEmitter, newEvent } from '../../shared/events';
import { createLogger } from '../../shared/logger';
import { openStore } from '../../shared/store';
import { flushTracing, startTracing } from '../../shared/telemetry';
import { startZipkinReceiver } from '../kit/zipkin-receiver';

/*
 * An event the Broker could not take waits in track's outbox and goes out later, from a timer or
 * another request: it must still be sent within the trace of the beacon that made it. Tracing is
 * started once per process, so this file owns its ava worker.
 */

test('an event kept in the outbox is sent later within the trace of the request that made it', async (t) => {
  t.timeout(60_000);
  const receiver = await startZipkinReceiver();
  t.teardown(() => receiver.close());
  t.true(startTracing('track', receiver.url));

  let down = true;
  const delivered: http.IncomingHttpHeaders[] = [];
  const broker = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (down) return void res.writeHead(503).end();
      delivered.push(req.headers);
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => broker.listen(0, '127.0.0.1', resolve));
  t.teardown(() => void broker.close());
  const dir = mkdtempSync(path.join(tmpdir(), 'tagline-outbox-trace-'));
  const store = await openStore(`sqlite:${path.join(dir, 'store.db')}`);
  t.teardown(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const logger = createLogger('track', 'error');
  const emitter = createEmitter({ sink: `http://127.0.0.1:${(broker.address() as AddressInfo).port}/`, logger, attempts: 1 });
  const outbox = new Outbox({ function: 'track', emitter, store: async () => store, logger, cooldownMs: 60_000 });

  const now = new Date().toISOString();
  const event = newEvent(EVENT_TYPES.impression, '/track', { impressionId: 'i1', campaign: 'c1', creative: 'cr1', publisher: 'p1', advertiser: 'a1', slot: 'top', format: 'banner', priceMicros: 2500, currency: 'EUR', model: 'cpm', servedAt: now, occurredAt: now }, 'imp:i1');
  const outcome = await trace.getTracer('test').startActiveSpan('GET /i', { kind: SpanKind.SERVER }, async (span) => {
    try {
      return { outcome: await outbox.publish(event), span: span.spanContext() };
    } finally {
      span.end();
    }
  });
  t.is(outcome.outcome, 'kept');

  down = false;
  t.deepEqual(await outbox.flush(), { published: 1, remaining: 0 });
  t.is(delivered.length, 1);
  const extension = String(delivered[0]!['ce-traceparent']);
  t.regex(extension, new RegExp(`^00-${outcome.span.traceId}-[0-9a-f]{16}-01$`), 'sent in the trace of the beacon, not in a new one');

  await flushTracing();
  const sends = receiver.spans.filter((s) => s.name === 'send dev.tagline.ad.impression');
  t.is(sends.length, 2, 'the failed send and the one from the outbox');
  for (const s of sends) t.like(s, { traceId: outcome.span.traceId, parentId: outcome.span.spanId, kind: 'PRODUCER' });
  t.true(sends.some((s) => extension.includes(s.id)), 'the event names the PRODUCER span that sent it');
  const attempts = receiver.spans.filter((s) => s.kind === 'CLIENT');
  t.deepEqual(attempts.map((c) => c.tags?.['http.response.status_code']).sort(), ['202', '503'], 'one CLIENT span per HTTP attempt, with its status');
  t.true(attempts.every((c) => sends.some((s) => s.id === c.parentId)));
  t.is(attempts.find((c) => c.tags?.['http.response.status_code'] === '503')?.tags?.['otel.status_code'], 'ERROR');
  t.is(String(delivered[0]!.traceparent).split('-')[2], attempts.find((c) => c.tags?.['http.response.status_code'] === '202')?.id, 'the HTTP traceparent names the attempt');
});
