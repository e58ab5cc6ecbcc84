import test from 'ava';
import { ForbiddenError, ValidationError } from '../../shared/errors';
import type { Campaign } from '../../shared/model';
import type { Json } from '../../shared/store/types';
import { createCampaign, patchCampaign, replaceCampaign } from './campaigns';
import type { CampaignView } from './convert';
import { addCreative } from './creatives';
import { ADMIN, advertiser, campaignBody, failedPaths, openTestDeps, request, TEST_LIMITS, type TestDeps } from '../../test/kit/campaigns-deps';

const ADV = advertiser('adv-sport');

async function setup(t: { teardown(fn: () => unknown): void }): Promise<TestDeps> {
  const deps = await openTestDeps();
  t.teardown(() => deps.store.close());
  return deps;
}

const post = (deps: TestDeps, body: Record<string, unknown>, who = ADV) => createCampaign(deps, who, request('POST', '/v1/campaigns', { body }));
const patch = (deps: TestDeps, id: string, body: unknown, who = ADV) => patchCampaign(deps, who, request('PATCH', '', { params: { id }, body }));
const stored = async (deps: TestDeps, id: string) => (await deps.store.getDoc<Json>('campaigns', id)) as unknown as Campaign;
const count = async (deps: TestDeps) => (await deps.store.listDocs('campaigns')).docs.length;

async function refused(t: import('ava').ExecutionContext, action: Promise<unknown>, path: string): Promise<void> {
  const err = await t.throwsAsync(action, { instanceOf: ForbiddenError });
  t.deepEqual(failedPaths(err), [path]);
  t.true(err?.message.startsWith(`${path}: `));
}

test('the network limits default to a 0.5 CPM floor, a 0.05 CPC floor and a 10,000 budget ceiling', (t) => {
  t.deepEqual(TEST_LIMITS, { minCpmMicros: 500_000, minCpcMicros: 50_000, maxBudgetMicros: 10_000_000_000 });
});

test('an advertiser key creates a standard campaign within the limits (201)', async (t) => {
  const deps = await setup(t);
  t.is((await post(deps, campaignBody())).status, 201);
  t.is((await post(deps, { ...campaignBody(), pricing: { model: 'cpm', amount: 0.5, currency: 'EUR' }, budget: { total: 10_000 } })).status, 201);
});

for (const priority of ['sponsorship', 'house']) {
  test(`priority "${priority}" is admin-only: 403 naming priority for an advertiser key, 201 for the admin`, async (t) => {
    const deps = await setup(t);
    await refused(t, post(deps, { ...campaignBody(), priority }), 'priority');
    t.is(await count(deps), 0);
    t.is((await post(deps, { ...campaignBody(), priority }, ADMIN)).status, 201);
  });
}

test('priority: an advertiser key cannot move its campaign up a tier by PATCH or PUT', async (t) => {
  const deps = await setup(t);
  const { id } = (await post(deps, campaignBody())).body as CampaignView;
  await refused(t, patch(deps, id, { priority: 'sponsorship' }), 'priority');
  await refused(t, replaceCampaign(deps, ADV, request('PUT', '', { params: { id }, body: { ...campaignBody(), priority: 'house' } })), 'priority');
  t.is((await stored(deps, id)).priority, 'standard');
});

for (const [model, below] of [['cpm', 0.49], ['cpc', 0.04]] as const) {
  test(`pricing.amount: a ${model} price below the network floor is admin-only`, async (t) => {
    const deps = await setup(t);
    await refused(t, post(deps, { ...campaignBody(), pricing: { model, amount: below, currency: 'EUR' } }), 'pricing.amount');
    await refused(t, post(deps, { ...campaignBody(), pricing: { model, amount: 0, currency: 'EUR' } }), 'pricing.amount');
    const { id } = (await post(deps, campaignBody())).body as CampaignView;
    await refused(t, patch(deps, id, { pricing: { model, amount: below } }), 'pricing.amount');
    t.is((await stored(deps, id)).pricing.amountMicros, 2_500_000);
    t.is((await post(deps, { ...campaignBody(), pricing: { model, amount: 0, currency: 'EUR' } }, ADMIN)).status, 201);
  });
}

test('budget.total: an advertiser key cannot set more than the ceiling, nor raise its own budget to 1e9', async (t) => {
  const deps = await setup(t);
  await refused(t, post(deps, { ...campaignBody(), budget: { total: 10_000.000001 } }), 'budget.total');
  const { id } = (await post(deps, campaignBody())).body as CampaignView;
  await refused(t, patch(deps, id, { budget: { total: 1e9 } }), 'budget.total');
  t.is((await stored(deps, id)).budget.totalMicros, 5_000_000_000);
  t.is((await patch(deps, id, { budget: { total: 8000 } })).status, 200);
  t.is((await patch(deps, id, { budget: { total: 1e9 } }, ADMIN)).status, 200);
});

test('budget.daily: an advertiser key cannot raise a daily budget above the ceiling', async (t) => {
  const deps = await setup(t);
  const { id } = (await post(deps, campaignBody())).body as CampaignView;
  await patch(deps, id, { budget: { total: 50_000, daily: 10_000 } }, ADMIN);
  await refused(t, patch(deps, id, { budget: { daily: 20_000 } }), 'budget.daily');
  t.is((await stored(deps, id)).budget.dailyMicros, 10_000_000_000);
});

test('an exception the admin granted survives the advertiser’s other edits, and lowering always passes', async (t) => {
  const deps = await setup(t);
  const { id } = (await post(deps, { ...campaignBody(), priority: 'sponsorship', pricing: { model: 'cpm', amount: 0, currency: 'EUR' }, budget: { total: 50_000 } }, ADMIN)).body as CampaignView;
  t.is((await patch(deps, id, { name: 'Renamed by the advertiser' })).status, 200);
  t.is((await addCreative(deps, ADV, request('POST', '', { params: { id }, body: { id: 'shoe-300', format: 'banner', width: 300, height: 250, imageUrl: 'https://cdn.example/s.png', landingUrl: 'https://shop.example/' } }))).status, 201);
  t.is((await patch(deps, id, { budget: { total: 40_000 } })).status, 200);
  await refused(t, patch(deps, id, { budget: { total: 45_000 } }), 'budget.total');
  t.is((await patch(deps, id, { priority: 'standard', pricing: { amount: 1 } })).status, 200);
  await refused(t, patch(deps, id, { priority: 'sponsorship' }), 'priority');
  t.like(await stored(deps, id), { name: 'Renamed by the advertiser', priority: 'standard', budget: { totalMicros: 40_000_000_000 } });
});

test('a daily budget larger than the total is refused (400 naming budget.daily), for every role', async (t) => {
  const deps = await setup(t);
  for (const who of [ADMIN, ADV]) {
    const err = await t.throwsAsync(post(deps, { ...campaignBody(), budget: { total: 100, daily: 100.000001 } }, who), { instanceOf: ValidationError });
    t.deepEqual(failedPaths(err), ['budget.daily']);
  }
  const { id } = (await post(deps, campaignBody())).body as CampaignView;
  const err = await t.throwsAsync(patch(deps, id, { budget: { total: 200 } }, ADMIN), { instanceOf: ValidationError });
  t.deepEqual(failedPaths(err), ['budget.daily']);
  t.is((await post(deps, { ...campaignBody(), budget: { total: 100, daily: 100 } })).status, 201);
});
