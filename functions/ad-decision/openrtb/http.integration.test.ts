import test from 'ava';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BidResponse } from 'iab-openrtb/v26';
import { openStore, type Store } from '../../../shared/store';
import { startFunction, type FunctionProcess } from '../../../test/kit/function-process';
import { campaign, PUBLISHER } from '../../../test/kit/ad-decision';
import { prebidBanner } from './iab-examples';

let fn: FunctionProcess;
let store: Store;
let dir: string;

test.before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tagline-ortb-'));
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

test.serial('POST /openrtb2/auction takes Prebid.js’s text/plain body and answers a credentialed CORS request', async (t) => {
  const res = await fetch(`${fn.url}/openrtb2/auction`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=utf-8', origin: 'https://news.example' },
    body: JSON.stringify(prebidBanner([{ id: 'top' }])),
  });
  t.is(res.status, 200);
  t.is(res.headers.get('access-control-allow-origin'), 'https://news.example');
  t.is(res.headers.get('access-control-allow-credentials'), 'true');
  const body = (await res.json()) as BidResponse;
  t.is(body.seatbid?.[0]?.seat, 'tagline');
  t.true(body.seatbid?.[0]?.bid[0]?.burl?.startsWith('https://track.example/i?t='));
});

test.serial('malformed OpenRTB over HTTP: 400 application/problem+json naming the field', async (t) => {
  const res = await fetch(`${fn.url}/openrtb2/auction`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'r', imp: [{ id: '1', banner: { w: 'wide' } }] }) });
  t.is(res.status, 400);
  t.is(res.headers.get('content-type'), 'application/problem+json');
  const problem = (await res.json()) as { detail: string; errors: { path: string }[] };
  t.regex(problem.detail, /^imp\.0\.banner\.w:/);
  t.deepEqual(problem.errors.map((e) => e.path), ['imp.0.banner.w']);
  const wrongType = await fetch(`${fn.url}/openrtb2/auction`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<x/>' });
  t.is(wrongType.status, 415);
});
