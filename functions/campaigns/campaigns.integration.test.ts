/**
 * The campaigns function as the platform runs it: its own process, the framework, the real HTTP
 * wrapper and a SQLite file, with a Broker stand-in at K_SINK that parses the CloudEvents it gets.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import { HTTP, type CloudEventV1 } from 'cloudevents';
import type { Campaign } from '../../shared/model';
import { openStore, type Json, type Store } from '../../shared/store';
import { startFunction, type FunctionProcess } from '../../test/kit/function-process';
import { needsStoppableRedis, startRedis } from '../../test/kit/redis';
import type { CampaignView } from './convert';
import { campaignBody } from '../../test/kit/campaigns-deps';

const ADMIN_KEY = 'integration-admin-key-0123456789abcdef';

interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

interface Broker {
  url: string;
  events: { headers: http.IncomingHttpHeaders; event: CloudEventV1<unknown> }[];
  close(): Promise<void>;
}

let dir: string;
let dbPath: string;
let fn: FunctionProcess;
let broker: Broker;
let store: Store;

test.before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tagline-campaigns-'));
  dbPath = join(dir, 'tagline.db');
  broker = await startBroker();
  fn = await startFunction('campaigns', { STORE_URL: `sqlite:${dbPath}`, TAGLINE_ADMIN_KEY: ADMIN_KEY, K_SINK: broker.url });
  store = await openStore(`sqlite:${dbPath}`);
});

test.after.always(async () => {
  await fn?.stop();
  await store?.close();
  await broker?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

async function api(method: string, path: string, init: { key?: string | null; body?: unknown; contentType?: string; base?: string } = {}): Promise<Reply> {
  const headers: Record<string, string> = {};
  const key = init.key === undefined ? ADMIN_KEY : init.key;
  if (key !== null) headers.authorization = `Bearer ${key}`;
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['content-type'] = init.contentType ?? 'application/json';
  }
  const res = await fetch((init.base ?? fn.url) + path, { method, headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

const paths = (reply: Reply) => ((reply.body.errors ?? []) as { path: string }[]).map((e) => e.path);
const stored = async (id: string) => (await store.getDoc<Json>('campaigns', id)) as unknown as Campaign | undefined;
const version = async () => (await store.versions(['campaigns']))[0] ?? 0;

async function created(body: Record<string, unknown> = campaignBody(), key?: string): Promise<CampaignView> {
  const reply = await api('POST', '/v1/campaigns', { body, ...(key === undefined ? {} : { key }) });
  if (reply.status !== 201) throw new Error(`POST /v1/campaigns answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body as unknown as CampaignView;
}

async function issueKey(advertiser: string): Promise<{ id: string; key: string }> {
  const reply = await api('POST', '/v1/apikeys', { body: { advertiser, name: `${advertiser} key` } });
  if (reply.status !== 201) throw new Error(`POST /v1/apikeys answered ${reply.status}`);
  return reply.body as { id: string; key: string };
}

/** Wait until the Broker has received an event matching `match`. */
async function received(match: (data: Record<string, unknown>) => boolean): Promise<Broker['events'][number]> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const found = broker.events.find((e) => match(e.event.data as Record<string, unknown>));
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`no matching event among ${JSON.stringify(broker.events.map((e) => e.event.data))}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test.serial('campaign round trip: decimals in and out, micros in the store, archive on DELETE', async (t) => {
  const post = await api('POST', '/v1/campaigns', { body: campaignBody() });
  t.is(post.status, 201);
  const campaign = post.body as unknown as CampaignView;
  const location = new URL(post.headers.get('location') ?? '', `${fn.url}/v1/campaigns`);
  t.is(location.pathname, `/v1/campaigns/${campaign.id}`);
  t.deepEqual(campaign.pricing, { model: 'cpm', amount: 2.5, currency: 'EUR' });
  t.deepEqual((await stored(campaign.id))?.pricing, { model: 'cpm', amountMicros: 2_500_000, currency: 'EUR' });
  t.deepEqual((await stored(campaign.id))?.budget, { totalMicros: 5_000_000_000, dailyMicros: 250_000_000 });

  const get = await api('GET', location.pathname);
  t.is(get.status, 200);
  t.deepEqual(get.body, post.body);

  const put = await api('PUT', location.pathname, { body: { ...get.body, budget: { total: 6000.5, daily: 300.25 } } });
  t.is(put.status, 200);
  t.deepEqual(put.body.budget, { total: 6000.5, daily: 300.25 });
  t.deepEqual((await stored(campaign.id))?.budget, { totalMicros: 6_000_500_000, dailyMicros: 300_250_000 });

  const patch = await api('PATCH', location.pathname, { body: { pricing: { amount: 0.75 }, status: 'paused' }, contentType: 'application/merge-patch+json' });
  t.is(patch.status, 200);
  t.like(patch.body, { status: 'paused', pricing: { model: 'cpm', amount: 0.75, currency: 'EUR' }, budget: { total: 6000.5, daily: 300.25 } });
  t.is((await stored(campaign.id))?.pricing.amountMicros, 750_000);

  const del = await api('DELETE', location.pathname);
  t.is(del.status, 204);
  t.is((await stored(campaign.id))?.status, 'archived');
  t.is((await api('GET', location.pathname)).body.status, 'archived');
  const listed = (await api('GET', '/v1/campaigns')).body.campaigns as CampaignView[];
  t.false(listed.some((c) => c.id === campaign.id));
  t.is((await api('PATCH', location.pathname, { body: { status: 'active' } })).status, 409);
});

const badBodies: [string, (b: Record<string, unknown>) => unknown, string][] = [
  ['an unknown field', (b) => ({ ...b, colour: 'red' }), 'body'],
  ['a wrong type', (b) => ({ ...b, priority: 1 }), 'priority'],
  ['an end before the start', (b) => ({ ...b, schedule: { start: '2026-05-01T00:00:00Z', end: '2026-04-30T00:00:00Z' } }), 'schedule.end'],
  ['a duplicate creative id', (b) => ({ ...b, creatives: [...(b.creatives as object[]), ...(b.creatives as object[])] }), 'creatives'],
  ['a javascript: landing URL', (b) => ({ ...b, creatives: [{ ...(b.creatives as object[])[0], landingUrl: 'javascript:alert(1)' }] }), 'creatives.0.landingUrl'],
  ['html and imageUrl both', (b) => ({ ...b, creatives: [{ ...(b.creatives as object[])[0], html: '<b>Run</b>' }] }), 'creatives.0.imageUrl'],
];

test.serial('every bad input is a 400 problem naming the field, and changes nothing', async (t) => {
  const before = { docs: (await store.listDocs('campaigns')).docs, version: await version(), events: broker.events.length };
  for (const [what, mutate, path] of badBodies) {
    const reply = await api('POST', '/v1/campaigns', { body: mutate(campaignBody()) });
    t.is(reply.status, 400, what);
    t.is(reply.headers.get('content-type'), 'application/problem+json', what);
    t.true(paths(reply).includes(path), `${what}: ${paths(reply).join(', ')}`);
    if (what === 'an unknown field') t.regex(String(reply.body.detail), /colour/);
  }
  const existing = await created();
  const patch = await api('PATCH', `/v1/campaigns/${existing.id}`, { body: { schedule: { end: '2020-01-01T00:00:00Z' } } });
  t.is(patch.status, 400);
  t.deepEqual(paths(patch), ['schedule.end']);
  const malformed = await api('POST', '/v1/campaigns', { body: '{"name": "x",' });
  t.is(malformed.status, 400);
  t.regex(String(malformed.body.detail), /JSON/);

  const byId = (docs: Json[]) => [...docs].sort((a, b) => String((a as { id: string }).id).localeCompare(String((b as { id: string }).id)));
  t.deepEqual(byId((await store.listDocs('campaigns')).docs), byId([...before.docs, (await stored(existing.id)) as unknown as Json]));
  t.is(await version(), before.version + 1);
  await received((d) => d.id === existing.id);
  const since = broker.events.slice(before.events).map((e) => e.event.data);
  t.deepEqual(since, [{ kind: 'campaign', id: existing.id, action: 'created', version: before.version + 1 }]);
});

test.serial('transport errors: 413 over 64 KB, 415 for non-JSON, 405 with Allow, 404 for no route', async (t) => {
  const before = await version();
  const huge = { ...campaignBody(), name: 'x'.repeat(70 * 1024) };
  const tooLarge = await api('POST', '/v1/campaigns', { body: huge });
  t.is(tooLarge.status, 413);
  t.is(tooLarge.headers.get('content-type'), 'application/problem+json');
  const wrongType = await api('POST', '/v1/campaigns', { body: JSON.stringify(campaignBody()), contentType: 'text/plain' });
  t.is(wrongType.status, 415);
  const form = await api('POST', '/v1/publishers', { body: 'id=pub-x', contentType: 'application/x-www-form-urlencoded' });
  t.is(form.status, 415);
  const wrongMethod = await api('PATCH', '/v1/campaigns', { body: {} });
  t.is(wrongMethod.status, 405);
  t.deepEqual(wrongMethod.headers.get('allow')?.split(', ').sort(), ['GET', 'HEAD', 'POST']);
  t.is((await api('GET', '/v1/advertisers')).status, 404);
  t.is(await version(), before);
});

test.serial('auth: no key and a wrong key are 401 with WWW-Authenticate', async (t) => {
  const none = await api('GET', '/v1/campaigns', { key: null });
  t.is(none.status, 401);
  t.is(none.headers.get('www-authenticate'), 'Bearer realm="tagline"');
  t.is(none.headers.get('content-type'), 'application/problem+json');
  const wrong = await api('POST', '/v1/campaigns', { key: 'wrong-key', body: campaignBody() });
  t.is(wrong.status, 401);
  t.is(wrong.headers.get('www-authenticate'), 'Bearer realm="tagline", error="invalid_token"');
  t.is((await api('POST', '/v1/publishers', { key: 'tgl_0123456789abcdef_' + 'a'.repeat(43), body: { id: 'p', name: 'p', domains: ['p.example'] } })).status, 401);
  t.is((await store.getDoc('publishers', 'p')), undefined);
});

test.serial('auth: advertisers see and change only their own campaigns', async (t) => {
  const a = await issueKey('adv-a');
  const b = await issueKey('adv-b');
  const ofA = await created(campaignBody('adv-a'), a.key);
  t.is(ofA.advertiser, 'adv-a');
  t.is((await api('POST', '/v1/campaigns', { key: a.key, body: campaignBody('adv-b') })).status, 403);

  const url = `/v1/campaigns/${ofA.id}`;
  const missing = await api('GET', '/v1/campaigns/cmp-00000000000000000000', { key: b.key });
  const hidden = await api('GET', url, { key: b.key });
  t.is(hidden.status, 404);
  t.is(missing.status, 404);
  t.is((await api('PUT', url, { key: b.key, body: campaignBody('adv-b') })).status, 404);
  t.is((await api('PATCH', url, { key: b.key, body: { name: 'taken' } })).status, 404);
  t.is((await api('DELETE', url, { key: b.key })).status, 404);
  t.is((await api('GET', `${url}/creatives`, { key: b.key })).status, 404);
  t.is((await api('DELETE', `${url}/creatives/shoe-640`, { key: b.key })).status, 404);
  t.like(await stored(ofA.id), { name: 'Spring running shoes', status: 'active' });

  const listB = (await api('GET', '/v1/campaigns', { key: b.key })).body.campaigns as CampaignView[];
  t.false(listB.some((c) => c.id === ofA.id));
  t.is((await api('GET', '/v1/campaigns?advertiser=adv-a', { key: b.key })).status, 403);
  const listA = (await api('GET', '/v1/campaigns', { key: a.key })).body.campaigns as CampaignView[];
  t.deepEqual(listA.map((c) => c.id), [ofA.id]);
  t.is((await api('PATCH', url, { key: a.key, body: { name: 'Autumn shoes' } })).status, 200);
});

test.serial('auth: an advertiser key cannot buy the top of the auction: 403 problem+json naming the field', async (t) => {
  const a = await issueKey('adv-a');
  const free = await api('POST', '/v1/campaigns', { key: a.key, body: { ...campaignBody('adv-a'), priority: 'sponsorship', pricing: { model: 'cpm', amount: 0, currency: 'EUR' }, budget: { total: 1 } } });
  t.is(free.status, 403);
  t.is(free.headers.get('content-type'), 'application/problem+json');
  t.deepEqual(paths(free), ['priority']);
  const own = await created(campaignBody('adv-a'), a.key);
  const raised = await api('PATCH', `/v1/campaigns/${own.id}`, { key: a.key, body: { budget: { total: 1e9 } } });
  t.is(raised.status, 403);
  t.deepEqual(paths(raised), ['budget.total']);
  t.is((await stored(own.id))?.budget.totalMicros, 5_000_000_000);
  t.is((await api('PATCH', `/v1/campaigns/${own.id}`, { key: a.key, body: { budget: { daily: 6000 } } })).status, 400);
});

test.serial('auth: advertiser keys cannot manage publishers or API keys (403)', async (t) => {
  const a = await issueKey('adv-a');
  const publisher = { id: 'pub-403', name: 'Forbidden', domains: ['forbidden.example'] };
  t.is((await api('GET', '/v1/publishers', { key: a.key })).status, 403);
  t.is((await api('POST', '/v1/publishers', { key: a.key, body: publisher })).status, 403);
  t.is((await api('GET', '/v1/apikeys', { key: a.key })).status, 403);
  t.is((await api('POST', '/v1/apikeys', { key: a.key, body: { advertiser: 'adv-a', name: 'more' } })).status, 403);
  t.is((await api('DELETE', `/v1/apikeys/${a.id}`, { key: a.key })).status, 403);
  t.is(await store.getDoc('publishers', 'pub-403'), undefined);
  t.is((await api('GET', '/v1/campaigns', { key: a.key })).status, 200);
});

test.serial('API keys: the secret is shown once, stored only as a hash, and revocation is immediate', async (t) => {
  const post = await api('POST', '/v1/apikeys', { body: { advertiser: 'adv-c', name: 'dashboard' } });
  t.is(post.status, 201);
  t.is(post.headers.get('cache-control'), 'no-store');
  const { id, key } = post.body as { id: string; key: string };
  const secret = key.slice(`tgl_${id}_`.length);
  t.is(secret.length, 43);
  for (const reply of [await api('GET', '/v1/apikeys'), await api('GET', `/v1/apikeys/${id}`)]) {
    t.is(reply.status, 200);
    const text = JSON.stringify(reply.body);
    t.true(text.includes(id));
    t.false(text.includes(secret));
    t.false(text.includes('secretHash'));
  }
  const onDisk = [dbPath, `${dbPath}-wal`].filter(existsSync).map((p) => readFileSync(p).toString('latin1')).join('');
  t.true(onDisk.includes(id));
  t.false(onDisk.includes(secret));
  t.is((await api('GET', '/v1/campaigns', { key })).status, 200);
  t.is((await api('DELETE', `/v1/apikeys/${id}`)).status, 204);
  t.is((await api('GET', '/v1/campaigns', { key })).status, 401);
});

test.serial('publishers: 201 with the stored object, duplicate id 409, admin CRUD', async (t) => {
  const publisher = { id: 'pub-demo', name: 'Demo News', domains: ['news.example'] };
  const post = await api('POST', '/v1/publishers', { body: publisher });
  t.is(post.status, 201);
  t.deepEqual(post.body, publisher);
  t.is(new URL(post.headers.get('location') ?? '', `${fn.url}/v1/publishers`).pathname, '/v1/publishers/pub-demo');
  t.is((await api('POST', '/v1/publishers', { body: publisher })).status, 409);
  t.deepEqual((await api('GET', '/v1/publishers/pub-demo')).body, publisher);
  t.is((await api('PUT', '/v1/publishers/pub-demo', { body: { ...publisher, domains: ['news.example', 'localhost'] } })).status, 200);
  t.deepEqual(await store.getDoc('publishers', 'pub-demo'), { ...publisher, domains: ['news.example', 'localhost'] });
  t.is((await api('DELETE', '/v1/publishers/pub-demo')).status, 204);
  t.is((await api('GET', '/v1/publishers/pub-demo')).status, 404);
});

test.serial('every write bumps the collection version and emits campaign.changed with it', async (t) => {
  const start = await version();
  const campaign = await created();
  t.is(await version(), start + 1);
  t.is((await api('PATCH', `/v1/campaigns/${campaign.id}`, { body: { name: 'Renamed' } })).status, 200);
  t.is(await version(), start + 2);
  t.is((await api('POST', `/v1/campaigns/${campaign.id}/creatives`, { body: { id: 'banner', format: 'banner', width: 300, height: 250, html: '<b>Run</b>', landingUrl: 'https://shop.example' } })).status, 201);
  t.is(await version(), start + 3);
  t.is((await api('DELETE', `/v1/campaigns/${campaign.id}`)).status, 204);
  t.is(await version(), start + 4);

  const actions = ['created', 'updated', 'updated', 'deleted'];
  for (const [i, action] of actions.entries()) {
    const { headers, event } = await received((d) => d.id === campaign.id && d.version === start + i + 1);
    t.is(headers['ce-specversion'], '1.0');
    t.is(event.type, 'dev.tagline.campaign.changed');
    t.is(event.source, '/campaigns');
    t.regex(event.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    t.deepEqual(event.data, { kind: 'campaign', id: campaign.id, action, version: start + i + 1 });
  }
});

needsStoppableRedis().serial('a store that goes away is a 503 with Retry-After, and service resumes when it is back', async (t) => {
  const redis = await startRedis();
  const onRedis = await startFunction('campaigns', { STORE_URL: redis.url, TAGLINE_ADMIN_KEY: ADMIN_KEY });
  try {
    const base = onRedis.url;
    const post = await api('POST', '/v1/campaigns', { base, body: campaignBody() });
    t.is(post.status, 201);
    await redis.stop();
    for (const reply of [await api('GET', `/v1/campaigns/${String(post.body.id)}`, { base }), await api('POST', '/v1/campaigns', { base, body: campaignBody() }), await api('GET', '/v1/campaigns', { base })]) {
      t.is(reply.status, 503);
      t.is(reply.headers.get('retry-after'), '1');
      t.is(reply.headers.get('content-type'), 'application/problem+json');
    }
    await redis.restart();
    let again: Reply | undefined;
    for (let i = 0; i < 50 && again?.status !== 201; i++) {
      again = await api('POST', '/v1/campaigns', { base, body: campaignBody() });
      if (again.status !== 201) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    t.is(again?.status, 201);
  } finally {
    await onRedis.stop();
    await redis.stop();
  }
});

function startBroker(): Promise<Broker> {
  const events: Broker['events'] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const event = HTTP.toEvent<unknown>({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        if (Array.isArray(event)) throw new Error('batch');
        events.push({ headers: req.headers, event });
        res.writeHead(202).end();
      } catch {
        res.writeHead(400).end();
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/`, events, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}
