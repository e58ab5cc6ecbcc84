import test from 'ava';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { registry } from '../../shared/metrics';
import { flushTracing, startTracing } from '../../shared/telemetry';

/*
 * One provider per process (tracing is started once, by the preload), so this file owns its ava
 * worker: the exporter points at a Zipkin that takes requests and never answers, then goes away.
 */

async function dropped(): Promise<number> {
  const metric = registry.getSingleMetric('tagline_spans_dropped_total');
  return (await metric!.get()).values[0]?.value ?? 0;
}

async function until(done: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('spans refused by a full queue, and spans of exports that fail, are counted in tagline_spans_dropped_total', async (t) => {
  t.timeout(60_000);
  const held: http.ServerResponse[] = [];
  const hanging = http.createServer((_req, res) => void held.push(res));
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  const { port } = hanging.address() as AddressInfo;
  t.true(startTracing('drops', `http://127.0.0.1:${port}/api/v2/spans`));
  t.is(await dropped(), 0);

  const tracer = trace.getTracer('drops-test');
  for (let i = 0; i < 5000; i++) tracer.startSpan(`span ${i % 10}`).end();
  // 512 went out in the first batch (and hang), 4096 wait in the queue, the rest were refused.
  t.is(await dropped(), 5000 - 512 - 4096);
  await until(async () => held.length > 0, 10_000);

  // Zipkin goes away: the hanging export fails, and so does every later one (connection refused).
  hanging.closeAllConnections();
  await new Promise<void>((resolve) => hanging.close(() => resolve()));
  await until(async () => (await dropped()) >= 5000 - 4096, 20_000);
  await flushTracing().catch(() => undefined);
  await until(async () => (await dropped()) === 5000, 20_000);
  t.is(await dropped(), 5000, 'every span was lost and every one is counted, none twice');
  t.regex(await registry.metrics(), /^tagline_spans_dropped_total(\{[^}]*\})? 5000$/m);
});
