import test from 'ava';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../shared/store';
import { startFunction, type FunctionProcess } from '../../test/kit/function-process';
import { campaign, PUBLISHER } from '../../test/kit/campaigns';

let fn: FunctionProcess;
let store: Store;
let dir: string;

test.before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tagline-ad-'));
  const storeUrl = `sqlite:${path.join(dir, 'store.db')}`;
  store = await openStore(storeUrl);
  await store.putDoc('publishers', PUBLISHER.id, PUBLISHER);
  await store.putDoc('campaigns', 'shoes', campaign({ id: 'shoes' }) as never);
  fn = await startFunction('ad-decision', { STORE_URL: storeUrl, TRACK_URL: 'https://track.example' });
});

test.after.always(async () => {
  await fn?.stop();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const validBody = { publisher: 'pub-demo', page: { url: 'https://news.example/a', title: 'Hello' }, slots: [{ id: 'top', format: 'banner', width: 300, height: 250 }] };

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${fn.url}/v1/ads`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

test.serial('POST /v1/ads answers ads with beacon URLs on the track base URL, CORS-enabled', async (t) => {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const res = await post(validBody, { origin: 'https://news.example', traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
  t.is(res.status, 200);
  t.is(res.headers.get('access-control-allow-origin'), '*');
  t.regex(res.headers.get('traceparent') ?? '', new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`), 'the trace continues');
  const body = (await res.json()) as { requestId: string; ads: { slot: string; campaign: string; impressionUrl: string; clickUrl: string }[] };
  t.truthy(body.requestId);
  t.is(body.ads.length, 1);
  t.is(body.ads[0]!.campaign, 'shoes');
  t.true(body.ads[0]!.impressionUrl.startsWith('https://track.example/i?t='));
  t.true(body.ads[0]!.clickUrl.startsWith('https://track.example/c?t='));
});

test.serial('CORS preflight is answered', async (t) => {
  const res = await fetch(`${fn.url}/v1/ads`, { method: 'OPTIONS', headers: { origin: 'https://news.example', 'access-control-request-method': 'POST' } });
  t.is(res.status, 204);
  t.regex(res.headers.get('access-control-allow-methods') ?? '', /POST/);
  t.regex(res.headers.get('access-control-allow-headers') ?? '', /content-type/);
});

const badInputs: [string, () => Promise<Response>, number, RegExp][] = [
  ['malformed JSON', () => post('{"publisher":'), 400, /JSON/],
  ['wrong types', () => post({ ...validBody, slots: [{ id: 'top', format: 'banner', width: '300', height: 250 }] }), 400, /slots\.0\.width/],
  ['unknown field', () => post({ ...validBody, extra: 1 }), 400, /extra|unrecognized/i],
  ['too many slots', () => post({ ...validBody, slots: Array.from({ length: 11 }, (_, i) => ({ id: `s${i}`, format: 'banner', width: 300, height: 250 })) }), 400, /slots/],
  ['no slots', () => post({ ...validBody, slots: [] }), 400, /slots/],
  ['unknown publisher', () => post({ ...validBody, publisher: 'pub-nope' }), 400, /publisher/],
  ['a javascript: page URL', () => post({ ...validBody, page: { url: 'javascript:alert(1)' } }), 400, /page\.url/],
  ['oversize body', () => post({ ...validBody, page: { url: 'https://news.example/a', text: 'x'.repeat(20_000) } }), 413, /larger/],
  ['wrong content type', () => post(JSON.stringify(validBody), { 'content-type': 'text/plain' }), 415, /application\/json/],
  ['wrong method', () => fetch(`${fn.url}/v1/ads`), 405, /POST/],
];

for (const [name, send, status, detail] of badInputs) {
  test.serial(`${name} → ${status} problem+json, nothing changed`, async (t) => {
    const before = await store.versions(['campaigns', 'publishers']);
    const res = await send();
    t.is(res.status, status);
    t.is(res.headers.get('content-type'), 'application/problem+json');
    const problem = (await res.json()) as { type: string; title: string; status: number; detail: string };
    t.is(problem.status, status);
    t.truthy(problem.type);
    t.truthy(problem.title);
    t.regex(problem.detail, detail);
    t.deepEqual(await store.versions(['campaigns', 'publishers']), before);
  });
}

test.serial('a campaign written to the store is served within a second', async (t) => {
  await store.putDoc('campaigns', 'sponsor', campaign({ id: 'sponsor', priority: 'sponsorship' }) as never);
  const deadline = Date.now() + 1500;
  let first = '';
  while (Date.now() < deadline) {
    const body = (await (await post(validBody)).json()) as { ads: { campaign: string }[] };
    first = body.ads[0]?.campaign ?? '';
    if (first === 'sponsor') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  t.is(first, 'sponsor');
});

test.serial('healthz and metrics are served, with the function label', async (t) => {
  t.is((await fetch(`${fn.url}/healthz`)).status, 200);
  const metrics = await (await fetch(`${fn.url}/metrics`)).text();
  t.regex(metrics, /tagline_ad_requests_total\{outcome="filled",function="ad-decision"/);
  t.regex(metrics, /http_server_request_duration_seconds_count\{function="ad-decision"/);
});
