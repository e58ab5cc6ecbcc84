import test from 'ava';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError, UnavailableError, ValidationError } from '../../shared/errors';
import { EVENT_TYPES } from '../../shared/events';
import type { Response } from '../../shared/http';
import type { Campaign } from '../../shared/model';
import type { Json } from '../../shared/store/types';
import { archiveCampaign, createCampaign, getCampaign, listCampaigns, patchCampaign, replaceCampaign } from './campaigns';
import type { CampaignView } from './convert';
import { ADMIN, advertiser, campaignBody, failedPaths, openTestDeps, request, type TestDeps } from '../../test/kit/campaigns-deps';

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

async function setup(t: { teardown(fn: () => unknown): void }): Promise<TestDeps> {
  const deps = await openTestDeps();
  t.teardown(() => deps.store.close());
  return deps;
}

async function create(deps: TestDeps, body: Record<string, unknown> = campaignBody(), who = ADMIN): Promise<CampaignView> {
  const res = await createCampaign(deps, who, request('POST', '/v1/campaigns', { body }));
  return res.body as CampaignView;
}

const stored = async (deps: TestDeps, id: string) => (await deps.store.getDoc<Json>('campaigns', id)) as unknown as Campaign;
const version = async (deps: TestDeps) => (await deps.store.versions(['campaigns']))[0];
const at = (id: string, body?: unknown) => ({ params: { id }, body });
const view = (res: Response) => res.body as CampaignView;

test('POST stores integer micros, answers 201 with decimals, the id and a Location', async (t) => {
  const deps = await setup(t);
  const res = await createCampaign(deps, ADMIN, request('POST', '/v1/campaigns', { body: campaignBody() }));
  t.is(res.status, 201);
  const body = view(res);
  t.regex(body.id, /^cmp-[0-9a-f]{20}$/);
  t.is(res.headers?.location, `campaigns/${body.id}`);
  t.deepEqual(body.pricing, { model: 'cpm', amount: 2.5, currency: 'EUR' });
  t.deepEqual(body.budget, { total: 5000, daily: 250 });
  t.is(body.createdAt, body.updatedAt);
  const doc = await stored(deps, body.id);
  t.deepEqual(doc.pricing, { model: 'cpm', amountMicros: 2_500_000, currency: 'EUR' });
  t.deepEqual(doc.budget, { totalMicros: 5_000_000_000, dailyMicros: 250_000_000 });
  t.deepEqual(doc.creatives, campaignBody().creatives as Json);
});

test('decimal amounts convert to micros exactly and back', async (t) => {
  const deps = await setup(t);
  const body = campaignBody();
  body.pricing = { model: 'cpc', amount: 0.000001, currency: 'USD' };
  body.budget = { total: 1234.567891 };
  const created = await create(deps, body);
  const doc = await stored(deps, created.id);
  t.is(doc.pricing.amountMicros, 1);
  t.is(doc.budget.totalMicros, 1_234_567_891);
  t.false('dailyMicros' in doc.budget);
  t.is(created.pricing.amount, 0.000001);
  t.deepEqual(created.budget, { total: 1234.567891 });
});

test('POST emits campaign.changed (created) with the collection version', async (t) => {
  const deps = await setup(t);
  const created = await create(deps);
  await settle();
  t.is(deps.emitter.events.length, 1);
  const [event] = deps.emitter.events;
  t.is(event?.type, EVENT_TYPES.campaignChanged);
  t.is(event?.source, '/campaigns');
  t.regex(event?.id ?? '', /^[0-9a-f-]{36}$/);
  t.deepEqual(event?.data, { kind: 'campaign', id: created.id, action: 'created', version: 1 });
});

const badInputs: [string, (b: Record<string, unknown>) => unknown, string][] = [
  ['an unknown field', (b) => ({ ...b, colour: 'red' }), 'body'],
  ['a wrong type', (b) => ({ ...b, budget: { total: '5000' } }), 'budget.total'],
  ['a missing field', ({ name: _n, ...rest }) => rest, 'name'],
  ['an end before the start', (b) => ({ ...b, schedule: { start: '2026-05-01T00:00:00Z', end: '2026-04-01T00:00:00Z' } }), 'schedule.end'],
  ['duplicate creative ids', (b) => ({ ...b, creatives: [...(b.creatives as object[]), ...(b.creatives as object[])] }), 'creatives'],
  ['a javascript: landing URL', (b) => ({ ...b, creatives: [{ id: 'x', format: 'banner', width: 300, height: 250, imageUrl: 'https://cdn.example/x.png', landingUrl: 'javascript:alert(1)' }] }), 'creatives.0.landingUrl'],
  ['both html and imageUrl', (b) => ({ ...b, creatives: [{ id: 'x', format: 'banner', width: 300, height: 250, html: '<b>hi</b>', imageUrl: 'https://cdn.example/x.png', landingUrl: 'https://shop.example' }] }), 'creatives.0.imageUrl'],
  ['more than 6 decimals', (b) => ({ ...b, pricing: { model: 'cpm', amount: 1.0000001, currency: 'EUR' } }), 'pricing.amount'],
  ['a negative budget', (b) => ({ ...b, budget: { total: -1 } }), 'budget.total'],
  ['an array body', () => [campaignBody()], 'body'],
];

for (const [what, mutate, path] of badInputs) {
  test(`POST with ${what} is a 400 naming ${path}, and stores nothing`, async (t) => {
    const deps = await setup(t);
    const err = await t.throwsAsync(createCampaign(deps, ADMIN, request('POST', '/v1/campaigns', { body: mutate(campaignBody()) })), { instanceOf: ValidationError });
    t.true(failedPaths(err).includes(path), `${failedPaths(err).join(', ')} should include ${path}`);
    if (what === 'an unknown field') t.regex(err?.message ?? '', /colour/);
    t.deepEqual((await deps.store.listDocs('campaigns')).docs, []);
    t.is(await version(deps), 0);
    await settle();
    t.deepEqual(deps.emitter.events, []);
  });
}

test('POST with malformed JSON is a 400', async (t) => {
  const deps = await setup(t);
  await t.throwsAsync(createCampaign(deps, ADMIN, request('POST', '/v1/campaigns', { body: '{"name": ' })), { instanceOf: BadRequestError, message: /not valid JSON/ });
});

test('an advertiser creates its own campaigns but not another advertiser\'s (403)', async (t) => {
  const deps = await setup(t);
  const own = await create(deps, campaignBody('adv-a'), advertiser('adv-a'));
  t.is(own.advertiser, 'adv-a');
  await t.throwsAsync(createCampaign(deps, advertiser('adv-a'), request('POST', '/v1/campaigns', { body: campaignBody('adv-b') })), { instanceOf: ForbiddenError });
  t.is((await deps.store.listDocs('campaigns')).docs.length, 1);
});

test('another advertiser\'s campaign is a 404, like a missing one', async (t) => {
  const deps = await setup(t);
  const a = await create(deps, campaignBody('adv-a'));
  t.is(view(await getCampaign(deps, advertiser('adv-a'), request('GET', '', at(a.id)))).id, a.id);
  const hidden = await t.throwsAsync(getCampaign(deps, advertiser('adv-b'), request('GET', '', at(a.id))), { instanceOf: NotFoundError });
  const missing = await t.throwsAsync(getCampaign(deps, advertiser('adv-b'), request('GET', '', at('cmp-nope'))), { instanceOf: NotFoundError });
  t.is(hidden?.message.replace(a.id, 'ID'), missing?.message.replace('cmp-nope', 'ID'));
  for (const write of [replaceCampaign, patchCampaign, archiveCampaign]) {
    await t.throwsAsync(write(deps, advertiser('adv-b'), request('PUT', '', at(a.id, { name: 'mine now' }))), { instanceOf: NotFoundError });
  }
  t.is((await stored(deps, a.id)).status, 'active');
});

test('GET /v1/campaigns filters by advertiser and status, and scopes advertiser keys', async (t) => {
  const deps = await setup(t);
  const a1 = await create(deps, campaignBody('adv-a'));
  const a2 = await create(deps, { ...campaignBody('adv-a'), status: 'paused' });
  const b1 = await create(deps, campaignBody('adv-b'));
  const ids = async (who = ADMIN, query = '') => ((await listCampaigns(deps, who, request('GET', '/v1/campaigns', { query }))).body as { campaigns: CampaignView[] }).campaigns.map((c) => c.id);
  const sorted = (...list: string[]) => list.sort();
  t.deepEqual(await ids(), sorted(a1.id, a2.id, b1.id));
  t.deepEqual(await ids(ADMIN, 'advertiser=adv-a'), sorted(a1.id, a2.id));
  t.deepEqual(await ids(ADMIN, 'status=paused'), [a2.id]);
  t.deepEqual(await ids(advertiser('adv-b')), [b1.id]);
  t.deepEqual(await ids(advertiser('adv-b'), 'advertiser=adv-b'), [b1.id]);
  await t.throwsAsync(ids(advertiser('adv-b'), 'advertiser=adv-a'), { instanceOf: ForbiddenError });
});

test('GET /v1/campaigns pages with limit and cursor through every campaign once', async (t) => {
  const deps = await setup(t);
  const created: string[] = [];
  for (let i = 0; i < 5; i++) created.push((await create(deps)).id);
  const seen: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query: string = `limit=2${cursor === null ? '' : `&cursor=${cursor}`}`;
    const body = (await listCampaigns(deps, ADMIN, request('GET', '/v1/campaigns', { query }))).body as { campaigns: CampaignView[]; nextCursor: string | null; version: number };
    t.true(body.campaigns.length <= 2);
    t.is(body.version, 5);
    seen.push(...body.campaigns.map((c) => c.id));
    cursor = body.nextCursor;
    pages++;
  } while (cursor !== null);
  t.is(pages, 3);
  t.deepEqual(seen, created.sort());
});

for (const [query, path] of [['limit=501', 'limit'], ['limit=0', 'limit'], ['limit=ten', 'limit'], ['status=deleted', 'status'], ['cursor=%25%25', 'cursor'], ['sort=name', 'query']] as const) {
  test(`GET /v1/campaigns?${query} is a 400 naming ${path}`, async (t) => {
    const deps = await setup(t);
    const err = await t.throwsAsync(listCampaigns(deps, ADMIN, request('GET', '/v1/campaigns', { query })), { instanceOf: ValidationError });
    t.deepEqual(failedPaths(err), [path]);
  });
}

test('PUT replaces the campaign, keeps createdAt, bumps the version and emits updated', async (t) => {
  const deps = await setup(t);
  const created = await create(deps);
  await settle();
  const body = { ...campaignBody(), name: 'Summer running shoes', budget: { total: 7000 } };
  const res = await replaceCampaign(deps, ADMIN, request('PUT', '', at(created.id, body)));
  t.is(res.status, 200);
  const updated = view(res);
  t.is(updated.name, 'Summer running shoes');
  t.deepEqual(updated.budget, { total: 7000 });
  t.is(updated.createdAt, created.createdAt);
  t.true(updated.updatedAt >= created.updatedAt);
  t.deepEqual((await stored(deps, created.id)).budget, { totalMicros: 7_000_000_000 });
  t.is(await version(deps), 2);
  t.deepEqual(deps.emitter.events[1]?.data, { kind: 'campaign', id: created.id, action: 'updated', version: 2 });
});

test('PUT accepts a GET representation back (id and timestamps echoed) but not a different id', async (t) => {
  const deps = await setup(t);
  const created = await create(deps);
  const echoed = { ...created, name: 'Renamed' };
  t.is(view(await replaceCampaign(deps, ADMIN, request('PUT', '', at(created.id, echoed)))).name, 'Renamed');
  const err = await t.throwsAsync(replaceCampaign(deps, ADMIN, request('PUT', '', at(created.id, { ...echoed, id: 'cmp-other' }))), { instanceOf: ValidationError });
  t.deepEqual(failedPaths(err), ['id']);
});

test('the advertiser of a campaign cannot change (400), and nothing is written', async (t) => {
  const deps = await setup(t);
  const created = await create(deps, campaignBody('adv-a'));
  const err = await t.throwsAsync(replaceCampaign(deps, ADMIN, request('PUT', '', at(created.id, campaignBody('adv-b')))), { instanceOf: ValidationError });
  t.deepEqual(failedPaths(err), ['advertiser']);
  await t.throwsAsync(patchCampaign(deps, ADMIN, request('PATCH', '', at(created.id, { advertiser: 'adv-b' }))), { instanceOf: ValidationError });
  t.is((await stored(deps, created.id)).advertiser, 'adv-a');
  t.is(await version(deps), 1);
});

test('PATCH merges nested fields, null removes them, and the result is stored in micros', async (t) => {
  const deps = await setup(t);
  const created = await create(deps);
  const res = await patchCampaign(deps, ADMIN, request('PATCH', '', at(created.id, { pricing: { amount: 3.75 }, schedule: { end: null }, frequencyCap: null, targeting: { countries: ['DE'] } })));
  const patched = view(res);
  t.deepEqual(patched.pricing, { model: 'cpm', amount: 3.75, currency: 'EUR' });
  t.deepEqual(patched.schedule, { start: '2026-03-01T00:00:00Z' });
  t.false('frequencyCap' in patched);
  t.deepEqual(patched.targeting?.countries, ['DE']);
  t.deepEqual(patched.targeting?.devices, ['mobile']);
  t.deepEqual(patched.budget, { total: 5000, daily: 250 });
  const doc = await stored(deps, created.id);
  t.is(doc.pricing.amountMicros, 3_750_000);
  t.false('frequencyCap' in doc);
});

test('PATCH re-validates the whole merged campaign: a 400 names the field and nothing changes', async (t) => {
  const deps = await setup(t);
  const created = await create(deps);
  await settle();
  const before = await stored(deps, created.id);
  const cases: [unknown, string][] = [
    [{ schedule: { end: '2026-01-01T00:00:00Z' } }, 'schedule.end'],
    [{ pricing: { model: 'cpa' } }, 'pricing.model'],
    [{ creatives: [] }, 'creatives'],
    [{ targeting: { colour: 'red' } }, 'targeting'],
    [{ name: null }, 'name'],
  ];
  for (const [patch, path] of cases) {
    const err = await t.throwsAsync(patchCampaign(deps, ADMIN, request('PATCH', '', at(created.id, patch))), { instanceOf: ValidationError });
    t.deepEqual(failedPaths(err), [path], JSON.stringify(patch));
  }
  t.deepEqual(await stored(deps, created.id), before);
  t.is(await version(deps), 1);
  await settle();
  t.is(deps.emitter.events.length, 1);
});

test('a "__proto__" key in a PATCH is an unknown field, not a prototype change', async (t) => {
  const deps = await setup(t);
  const created = await create(deps);
  const err = await t.throwsAsync(patchCampaign(deps, ADMIN, request('PATCH', '', at(created.id, '{"__proto__": {"status": "paused"}}'))), { instanceOf: ValidationError });
  t.regex(err?.message ?? '', /__proto__/);
  t.is((await stored(deps, created.id)).status, 'active');
});

test('DELETE archives: 204, stops serving, leaves the list, becomes read-only, emits deleted once', async (t) => {
  const deps = await setup(t);
  const created = await create(deps);
  const res = await archiveCampaign(deps, ADMIN, request('DELETE', '', at(created.id)));
  t.is(res.status, 204);
  t.is((await stored(deps, created.id)).status, 'archived');
  t.is(view(await getCampaign(deps, ADMIN, request('GET', '', at(created.id)))).status, 'archived');
  const list = async (query = '') => ((await listCampaigns(deps, ADMIN, request('GET', '/v1/campaigns', { query }))).body as { campaigns: CampaignView[] }).campaigns.length;
  t.is(await list(), 0);
  t.is(await list('status=archived'), 1);
  await t.throwsAsync(patchCampaign(deps, ADMIN, request('PATCH', '', at(created.id, { status: 'active' }))), { instanceOf: ConflictError });
  await t.throwsAsync(replaceCampaign(deps, ADMIN, request('PUT', '', at(created.id, campaignBody()))), { instanceOf: ConflictError });
  t.is((await archiveCampaign(deps, ADMIN, request('DELETE', '', at(created.id)))).status, 204);
  await settle();
  t.deepEqual(deps.emitter.events.map((e) => (e.data as { action: string }).action), ['created', 'deleted']);
  t.deepEqual(deps.emitter.events[1]?.data, { kind: 'campaign', id: created.id, action: 'deleted', version: 2 });
  t.is(await version(deps), 2);
});

test('a store failure is a 503 (UnavailableError), for reads and writes', async (t) => {
  const deps = await setup(t);
  const created = await create(deps);
  await deps.store.close();
  await t.throwsAsync(getCampaign(deps, ADMIN, request('GET', '', at(created.id))), { instanceOf: UnavailableError });
  await t.throwsAsync(createCampaign(deps, ADMIN, request('POST', '/v1/campaigns', { body: campaignBody() })), { instanceOf: UnavailableError });
  await t.throwsAsync(listCampaigns(deps, ADMIN, request('GET', '/v1/campaigns')), { instanceOf: UnavailableError });
});
