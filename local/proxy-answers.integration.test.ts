/**
 * What the platform's proxy answers when the function answers early or the request is not one a
 * function can take: the function's own 413 for an oversized body (never a 502 from a write the
 * function no longer reads), and problem+json for methods Node's parser or the proxy refuse.
 */
import { connect } from 'node:net';
import test from 'ava';
import { knativeOptions, startTempPlatform, type Harness } from '../test/kit/platform';

let h: Harness;
test.before(async () => {
  h = await startTempPlatform(knativeOptions({ seed: false, env: { LOG_LEVEL: 'warn' } }), 'tagline-proxy-', 'warn');
});
test.after.always(() => h?.close());

test.serial("an oversized body gets the function's 413, every time, from 20 KB to 1 MB", async (t) => {
  const statuses: number[] = [];
  for (const size of [20_000, 100_000, 300_000, 1_000_000]) {
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${h.platform.url}/track/i?t=x`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(size) });
      statuses.push(res.status);
      t.is(res.headers.get('content-type'), 'application/problem+json', `${size} bytes, try ${i + 1}`);
      await res.arrayBuffer();
    }
  }
  t.deepEqual(statuses, statuses.map(() => 413));
});

/** The raw answer to `request`, as a client without an HTTP library sees it. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(h.platform.port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (d: string) => (answer += d));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer; so far: ${answer}`)));
  });
}

test('an unknown method and CONNECT through the platform are answered with problem+json', async (t) => {
  for (const request of [
    'FOO /campaigns/v1/campaigns HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
    'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n',
    'GET /campaigns/healthz HTTP/1.1\r\nHost: localhost\r\nBad Header\r\nConnection: close\r\n\r\n',
  ]) {
    const answer = await raw(request);
    t.regex(answer, /^HTTP\/1\.1 4\d\d /, request.split('\r\n', 1)[0]);
    t.regex(answer, /\r\ncontent-type: application\/problem\+json\r\n/i, request.split('\r\n', 1)[0]);
    const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
    t.like(JSON.parse(body) as object, { status: Number(/^HTTP\/1\.1 (\d+)/.exec(answer)![1]) });
  }
});
