import test from 'ava';
import path from 'node:path';
import { startFunction, type FunctionProcess } from '../test/kit/function-process';

let fn: FunctionProcess;

test.before(async () => {
  fn = await startFunction('echo', {}, { source: path.join(__dirname, '..', 'test', 'fixtures', 'echo') });
});
test.after.always(() => fn?.stop());

async function call(p: string, init?: RequestInit): Promise<{ status: number; type: string | null; body: Record<string, unknown> | undefined; headers: Headers }> {
  const res = await fetch(fn.url + p, init);
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type'), body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>), headers: res.headers };
}

const json = (body: string, type = 'application/json'): RequestInit => ({ method: 'POST', headers: { 'content-type': type }, body });

test('routes with params and query; healthz', async (t) => {
  t.like(await call('/items/a%20b?q=1'), { status: 200, body: { id: 'a b', q: '1' } });
  t.like(await call('/healthz'), { status: 200, body: { status: 'ok', service: 'echo' } });
  t.like(await call('/echo', json('{"a":1}')), { status: 200, body: { got: { a: 1 } } });
});

const problems: [string, string, RequestInit | undefined, number][] = [
  ['unknown route', '/nope', undefined, 404],
  ['bad request thrown by a handler', '/bad', undefined, 400],
  ['dependency failure', '/down', undefined, 503],
  ['malformed JSON', '/echo', json('{"a":'), 400],
  ['wrong content type', '/echo', json('hi', 'text/plain'), 415],
  ['body over the limit', '/echo', json(JSON.stringify({ x: 'a'.repeat(5000) })), 413],
  ['wrong method', '/echo', json('{}', 'application/json'), 405],
  ['bad percent-encoding in the path', '/items/%E0%A4%A', undefined, 400],
  ['a JSON body nested deeper than 64 levels', '/echo', json(`${'['.repeat(100)}${']'.repeat(100)}`), 400],
];

for (const [name, p, init, status] of problems) {
  test(`${name} → ${status} problem+json`, async (t) => {
    const res = await call(p, name === 'wrong method' ? { ...init, method: 'PUT' } : init);
    t.is(res.status, status);
    t.is(res.type, 'application/problem+json');
    t.like(res.body, { status, type: `https://tagline.dev/problems/${String(res.body?.type).split('/').pop()}` });
    t.truthy(res.body?.title);
    t.truthy(res.body?.detail);
  });
}

test('405 says which methods are allowed; 503 says when to retry', async (t) => {
  t.is((await call('/echo', { method: 'PUT' })).headers.get('allow'), 'POST');
  t.is((await call('/down')).headers.get('retry-after'), '1');
});

test('an unexpected error is a 500 that does not leak its message in production', async (t) => {
  const res = await call('/crash');
  t.is(res.status, 500);
  t.is(res.type, 'application/problem+json');
  t.false(JSON.stringify(res.body).includes('secret internals'));
  t.regex(await fn.waitForOutput(/secret internals/), /secret internals/, 'but it is logged');
});

test('a chunked body over the limit is cut off without being buffered', async (t) => {
  const body = new ReadableStream({
    start(c) {
      for (let i = 0; i < 100; i++) c.enqueue(new TextEncoder().encode('x'.repeat(1000)));
      c.close();
    },
  });
  const res = await fetch(fn.url + '/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit).catch((err: Error) => err);
  if (res instanceof Error) t.pass('connection closed while the client was still sending');
  else t.is(res.status, 413);
});

test('CORS preflight on a cors route', async (t) => {
  const res = await call('/echo', { method: 'OPTIONS', headers: { origin: 'https://pub.example', 'access-control-request-method': 'POST' } });
  t.is(res.status, 204);
  t.is(res.headers.get('access-control-allow-origin'), '*');
});

test('RED metrics by route pattern and status, labelled with the function', async (t) => {
  await call('/items/x');
  const text = await (await fetch(fn.url + '/metrics')).text();
  t.regex(text, /http_server_request_duration_seconds_count\{function="echo",revision="local",method="GET",route="\/items\/:id",status="200"\} \d+/);
  t.notRegex(text, /route="\/items\/x"/);
});
