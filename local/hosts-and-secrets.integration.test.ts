/**
 * The platform shows no credentials (the store password is redacted in `/_/status` and in the
 * log) and its pages and Broker refuse a foreign `Host` (DNS rebinding); Services' routes are
 * not affected.
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { BROKER_PATH, postEvent, startFixturePlatform, waitFor, type Harness } from '../test/kit/platform';
import { findProgram, needs } from '../test/kit/needs';

const PASSWORD = 's3cret-store-password';

/** One request with a `Host` of our choosing (fetch does not let a caller set it). */
function withHost(url: string, method: string, host: string): Promise<{ status: number; type: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { host, ...(method === 'POST' ? { 'content-length': '0' } : {}) } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] }));
    });
    req.on('error', reject);
    req.end();
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

needs('redis-server')('the store password is not shown in /_/status nor logged; a foreign Host is refused', async (t) => {
  t.timeout(120_000);
  const port = await freePort();
  const redis = spawn(findProgram('redis-server')!, ['--port', String(port), '--bind', '127.0.0.1', '--requirepass', PASSWORD, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  t.teardown(() => void redis.kill('SIGKILL'));
  await new Promise((resolve) => setTimeout(resolve, 300));
  let h: Harness | undefined;
  for (let i = 0; h === undefined; i++) {
    try {
      h = await startFixturePlatform({ storeUrl: `redis://:${PASSWORD}@127.0.0.1:${port}` });
    } catch (err) {
      if (i > 20) throw err;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  t.teardown(() => h!.close());

  const json = await (await fetch(`${h.platform.url}/_/status`, { headers: { accept: 'application/json' } })).text();
  const html = await (await fetch(`${h.platform.url}/_/status`)).text();
  t.true(json.includes(`127.0.0.1:${port}`), 'the store is shown');
  t.false(json.includes(PASSWORD));
  t.false(html.includes(PASSWORD));
  t.is(await postEvent(h, { id: 'redacted-1', type: 'dev.test.f.a' }), 202);
  t.false(h.log.join('\n').includes(PASSWORD), 'nothing logged the password');

  const evil = 'rebound.evil.example';
  for (const path of ['/_/status', '/_/sd', '/', BROKER_PATH]) {
    const res = await withHost(`${h.platform.url}${path}`, path === BROKER_PATH ? 'POST' : 'GET', evil);
    t.is(res.status, 403, path);
    t.is(res.type, 'application/problem+json', path);
  }
  t.is((await withHost(`${h.platform.url}/_/status`, 'GET', `localhost:${h.platform.port}`)).status, 200);
  await waitFor(async () => (await fetch(`${h!.platform.url}/hello/`)).status, (status) => status === 200, 60_000, 'hello to start');
  t.is((await withHost(`${h.platform.url}/hello/`, 'GET', evil)).status, 200, "a Service's route is not a platform page");
});
