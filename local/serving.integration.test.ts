import test from 'ava';
import http from 'node:http';
import { serviceStatus, startFixturePlatform, status, waitFor, type Harness } from '../test/kit/platform';

let h: Harness;

test.before(async () => {
  h = await startFixturePlatform();
});

test.after.always(async () => {
  await h?.close();
});

interface Hello {
  service: string;
  revision: string;
  pid: number;
  url: string;
}

async function hello(path = '/hello/'): Promise<{ status: number; body: Hello }> {
  const res = await fetch(h.platform.url + path);
  return { status: res.status, body: (await res.json()) as Hello };
}

test.serial('a cold Service starts on its first request, which succeeds and is counted as a cold start', async (t) => {
  t.is((await serviceStatus(h.platform.url, 'hello')).state, 'cold');
  const res = await hello('/hello?x=1');
  t.is(res.status, 200);
  t.is(res.body.service, 'hello');
  t.is(res.body.revision, 'hello-00001');
  t.is(res.body.url, '/?x=1', 'the /<service> prefix is stripped, the query kept');
  const svc = await serviceStatus(h.platform.url, 'hello');
  t.is(svc.state, 'warm');
  t.is(svc.pid, res.body.pid);
  t.is(svc.coldStarts.count, 1);
  t.true(svc.coldStarts.recentMs[0]! > 0);
  const metrics = await (await fetch(`${h.platform.url}/_/metrics`)).text();
  t.regex(metrics, /tagline_platform_cold_starts_total\{function="hello"\} 1/);
  t.regex(metrics, /tagline_platform_instances\{function="hello"\} 1/);
  const sd = (await (await fetch(`${h.platform.url}/_/sd`)).json()) as { targets: string[]; labels: Record<string, string> }[];
  t.deepEqual(
    sd.find((g) => g.labels.function === 'hello'),
    { targets: [`127.0.0.1:${svc.port}`], labels: { function: 'hello', revision: 'hello-00001', instance: 'hello-00001-001' } },
  );
});

test.serial('after its idle window the process is gone and the next request cold-starts again', async (t) => {
  const first = await hello();
  const before = await serviceStatus(h.platform.url, 'hello');
  const cold = await waitFor(() => serviceStatus(h.platform.url, 'hello'), (s) => s.state === 'cold', 5000, 'hello to scale to zero');
  t.is(cold.pid, undefined);
  t.throws(() => process.kill(first.body.pid, 0), undefined, 'the old process has exited');
  const sd = (await (await fetch(`${h.platform.url}/_/sd`)).json()) as { labels: Record<string, string> }[];
  t.false(sd.some((g) => g.labels.function === 'hello'));
  const second = await hello();
  t.is(second.status, 200);
  t.not(second.body.pid, first.body.pid);
  t.is((await serviceStatus(h.platform.url, 'hello')).coldStarts.count, before.coldStarts.count + 1);
});

test.serial('concurrent first requests start one process', async (t) => {
  await waitFor(() => serviceStatus(h.platform.url, 'hello'), (s) => s.state === 'cold', 15_000, 'hello to scale to zero');
  const before = (await serviceStatus(h.platform.url, 'hello')).coldStarts.count;
  const answers = await Promise.all(Array.from({ length: 12 }, () => hello()));
  t.true(answers.every((a) => a.status === 200));
  t.is(new Set(answers.map((a) => a.body.pid)).size, 1);
  t.is((await serviceStatus(h.platform.url, 'hello')).coldStarts.count, before + 1);
});

test.serial('a min-scale Service is running from boot and is never scaled to zero', async (t) => {
  const pinned = await serviceStatus(h.platform.url, 'pinned');
  t.is(pinned.state, 'warm');
  t.is(pinned.requests, 0);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  t.is((await serviceStatus(h.platform.url, 'pinned')).pid, pinned.pid);
});

test.serial('the process gets the manifest env, ConfigMap values and the platform values; cluster-only ones are left out', async (t) => {
  const names = ['FROM_ENV', 'GREETING', 'K_SERVICE', 'K_REVISION', 'K_SINK', 'STORE_URL', 'TRACK_URL', 'NODE_ENV', 'TOKEN_KEYS', 'TAGLINE_ADMIN_KEY', 'OTEL_EXPORTER_ZIPKIN_ENDPOINT'];
  const env = (await (await fetch(`${h.platform.url}/hello/env?names=${names.join(',')}`)).json()) as Record<string, string | null>;
  t.is(env.FROM_ENV, 'manifest');
  t.is(env.GREETING, 'hola');
  t.is(env.K_SERVICE, 'hello');
  t.is(env.K_REVISION, 'hello-00001');
  t.is(env.K_SINK, `http://127.0.0.1:${h.platform.port}/_/broker/fixture/default`, 'the SinkBinding selects hello by label');
  t.is(env.STORE_URL, `sqlite:${h.dataDir}/tagline.db`);
  t.is(env.TRACK_URL, `http://localhost:${h.platform.port}/track`);
  t.is(env.NODE_ENV, 'production');
  t.regex(env.TOKEN_KEYS ?? '', /^local-[0-9a-f]+:.{20,}$/);
  t.is(env.TAGLINE_ADMIN_KEY, h.platform.adminKey);
  t.is(env.OTEL_EXPORTER_ZIPKIN_ENDPOINT, null);
  const pinnedEnv = (await (await fetch(`${h.platform.url}/pinned/env?names=K_SINK`)).json()) as Record<string, string | null>;
  t.is(pinnedEnv.K_SINK, null, 'pinned has no emits label, so no K_SINK');
});

test.serial('requests are proxied with X-Forwarded-* headers and bodies and responses stream through', async (t) => {
  const headers = (await (await fetch(`${h.platform.url}/hello/headers`, { headers: { 'x-forwarded-for': '203.0.113.9' } })).json()) as Record<string, string>;
  t.regex(headers['x-forwarded-for'] ?? '', /^203\.0\.113\.9, (127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);
  t.is(headers['x-forwarded-proto'], 'http');
  t.is(headers['x-forwarded-host'], `localhost:${h.platform.port}`);

  const payload = Buffer.alloc(200_000, 'x');
  const echo = await fetch(`${h.platform.url}/hello/echo`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: payload });
  t.is(echo.status, 200);
  t.deepEqual(Buffer.from(await echo.arrayBuffer()), payload);

  const firstChunkAfter = await new Promise<number>((resolve, reject) => {
    const started = Date.now();
    http.get(`${h.platform.url}/hello/stream?gapMs=800`, (res) => {
      res.once('data', () => resolve(Date.now() - started));
      res.resume();
    }).on('error', reject);
  });
  t.true(firstChunkAfter < 600, `the first chunk arrived after ${firstChunkAfter} ms: the proxy must not buffer`);
});

test.serial('a request over the Service timeoutSeconds gets 504', async (t) => {
  const res = await fetch(`${h.platform.url}/hello/slow?ms=3000`);
  t.is(res.status, 504);
  t.is(res.headers.get('content-type'), 'application/problem+json');
});

test.serial('a crashed process is visible in the status and restarts on the next request', async (t) => {
  const before = await hello();
  t.is((await fetch(`${h.platform.url}/hello/exit?code=3`)).status, 200);
  const crashed = await waitFor(() => serviceStatus(h.platform.url, 'hello'), (s) => s.crashes.count >= 1 && s.state === 'cold', 5000, 'the crash to be seen');
  t.is(crashed.crashes.last?.code, 3);
  t.true(h.log.some((line) => line.includes('exited unexpectedly') && line.includes('"function":"hello"')));
  const after = await hello();
  t.is(after.status, 200);
  t.not(after.body.pid, before.body.pid);
});

test('a process that cannot start answers 503 with the reason, counts a crash, and its output is prefixed with its name', async (t) => {
  const res = await fetch(`${h.platform.url}/broken/`);
  t.is(res.status, 503);
  t.is(res.headers.get('content-type'), 'application/problem+json');
  t.regex(((await res.json()) as { detail: string }).detail, /broken exited while starting \(1\)/);
  const svc = await serviceStatus(h.platform.url, 'broken');
  t.is(svc.state, 'cold');
  t.is(svc.crashes.count, 1);
  t.is(svc.crashes.last?.code, 1);
  t.true(h.log.some((line) => line.startsWith('broken | ') && line.includes('no-such-function')));
});

test('an unknown Service is a 404 problem, an unknown platform page too', async (t) => {
  const res = await fetch(`${h.platform.url}/nope/x`);
  t.is(res.status, 404);
  t.is(res.headers.get('content-type'), 'application/problem+json');
  t.regex(((await res.json()) as { detail: string }).detail, /No Service "nope"/);
  t.is((await fetch(`${h.platform.url}/_/nothing`)).status, 404);
});

test('the status page is HTML for a browser and JSON on request; / serves the demo page', async (t) => {
  const html = await fetch(`${h.platform.url}/_/status`);
  t.regex(html.headers.get('content-type') ?? '', /text\/html/);
  t.regex(await html.text(), /<td><a href="\/hello\/healthz">hello<\/a><\/td>/);
  const json = await status(h.platform.url);
  t.deepEqual(json.services.map((s) => s.name).sort(), ['broken', 'burner', 'burner-single', 'dlq', 'hello', 'pinned', 'sink']);
  t.is(json.brokers[0]?.name, 'default');
  t.deepEqual(json.pingSources, [{ name: 'yearly', namespace: 'fixture', schedule: '0 0 1 1 *', sink: `${h.platform.url}/sink/ping` }]);
  const demo = await fetch(`${h.platform.url}/`);
  t.is(demo.status, 200);
  t.regex(await demo.text(), /href="\/_\/status"/);
  const creative = await fetch(`${h.platform.url}/_/creatives/trail-300x250.svg`);
  t.is(creative.headers.get('content-type'), 'image/svg+xml');
  t.is((await fetch(`${h.platform.url}/_/creatives/..%2f..%2fpackage.json`)).status, 404);
});
