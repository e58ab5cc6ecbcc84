import test from 'ava';
import { EVENT_TYPES } from '../../shared/events';
import type { Json } from '../../shared/store';
import { startFunction } from '../../test/kit/function-process';
import { campaignDoc, seedCampaigns } from '../../test/kit/campaigns';
import { adEvent, deliver, deliverUntilAcked, post } from '../../test/kit/events';
import { backendTest, BACKENDS, testStore, type Backend } from '../../test/kit/stores';
import { issueKey } from '../../shared/auth';

const ADMIN_KEY = 'admin-key-for-report-tests-0123456789';
const admin = { authorization: `Bearer ${ADMIN_KEY}` };
const RANGE = 'from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z';

async function withReport(backend: Backend) {
  const store = await testStore(backend);
  const report = await startFunction('report', { STORE_URL: store.url, TAGLINE_ADMIN_KEY: ADMIN_KEY });
  return {
    store,
    url: report.url,
    get: (query: string, headers: Record<string, string> = admin) => fetch(`${report.url}/v1/reports?${query}`, { headers }),
    close: async () => {
      await report.stop();
      await store.close();
    },
  };
}

async function rows(res: Response): Promise<unknown[]> {
  return ((await res.json()) as { rows: unknown[] }).rows;
}

for (const backend of BACKENDS) {
  backendTest(backend).serial(`${backend}: the same events delivered three times, in turn and at once, are reported once`, async (t) => {
    const r = await withReport(backend);
    t.teardown(r.close);
    const at = '2026-03-01T10:15:00Z';
    const impression = adEvent(EVENT_TYPES.impression, { occurredAt: at, priceMicros: 2500 });
    const viewable = adEvent(EVENT_TYPES.viewable, { occurredAt: at, impressionId: impression.data.impressionId });
    const click = adEvent(EVENT_TYPES.click, { occurredAt: at, priceMicros: 0 });
    for (let i = 0; i < 3; i++) t.is((await deliver(`${r.url}/`, impression)).status, 204);
    const concurrent = await Promise.all([viewable, viewable, viewable, click, click, click].map((e) => deliver(`${r.url}/`, e)));
    t.true(concurrent.every((a) => a.status === 204 && a.body === ''));
    t.deepEqual(await rows(await r.get(RANGE)), [
      { period: '2026-03-01T10:00:00Z', campaign: 'camp-1', publisher: 'pub-demo', impressions: 1, viewable: 1, clicks: 1, spend: 0.0025 },
    ]);
  });

  backendTest(backend).serial(`${backend}: a malformed event is a 400 and a store outage a 503 whose redelivery counts once`, async (t) => {
    const r = await withReport(backend);
    t.teardown(r.close);
    const bad = await post(`${r.url}/`, { 'ce-id': 'x', 'ce-source': '/track', 'ce-specversion': '1.0', 'ce-type': EVENT_TYPES.impression, 'content-type': 'application/json' }, '{"campaign":"camp-1"}');
    t.is(bad.status, 400);
    t.is(bad.contentType, 'application/problem+json');
    const event = adEvent(EVENT_TYPES.impression, { occurredAt: '2026-03-01T10:15:00Z' });
    const restore = await r.store.outage();
    t.is((await deliver(`${r.url}/`, event)).status, 503);
    await restore();
    await deliverUntilAcked(`${r.url}/`, event);
    t.is((await deliver(`${r.url}/`, event)).status, 204);
    t.like(await rows(await r.get(RANGE)), [{ impressions: 1, spend: 0.0025 }]);
    t.is((await rows(await r.get(RANGE))).length, 1);
  });
}

test.serial('rows by hour and by UTC day, as JSON and as RFC 4180 CSV', async (t) => {
  const r = await withReport('sqlite');
  t.teardown(r.close);
  const events = [
    adEvent(EVENT_TYPES.impression, { occurredAt: '2026-03-01T10:15:00Z', priceMicros: 2500 }),
    adEvent(EVENT_TYPES.impression, { occurredAt: '2026-03-01T11:59:59Z', priceMicros: 2500 }),
    adEvent(EVENT_TYPES.click, { occurredAt: '2026-03-01T11:30:00Z', priceMicros: 400_000, model: 'cpc' }),
    adEvent(EVENT_TYPES.impression, { occurredAt: '2026-03-01T11:00:00Z', publisher: 'pub-other', priceMicros: 2500 }),
    adEvent(EVENT_TYPES.impression, { occurredAt: '2026-03-02T23:00:00Z', campaign: 'camp-2', priceMicros: 1000 }),
  ];
  for (const e of events) t.is((await deliver(`${r.url}/`, e)).status, 204);

  t.deepEqual(await rows(await r.get(`${RANGE}&campaign=camp-1&publisher=pub-demo`)), [
    { period: '2026-03-01T10:00:00Z', campaign: 'camp-1', publisher: 'pub-demo', impressions: 1, viewable: 0, clicks: 0, spend: 0.0025 },
    { period: '2026-03-01T11:00:00Z', campaign: 'camp-1', publisher: 'pub-demo', impressions: 1, viewable: 0, clicks: 1, spend: 0.4025 },
  ]);
  t.deepEqual(await rows(await r.get(`${RANGE}&granularity=day`)), [
    { period: '2026-03-01T00:00:00Z', campaign: 'camp-1', publisher: 'pub-demo', impressions: 2, viewable: 0, clicks: 1, spend: 0.405 },
    { period: '2026-03-01T00:00:00Z', campaign: 'camp-1', publisher: 'pub-other', impressions: 1, viewable: 0, clicks: 0, spend: 0.0025 },
    { period: '2026-03-02T00:00:00Z', campaign: 'camp-2', publisher: 'pub-demo', impressions: 1, viewable: 0, clicks: 0, spend: 0.001 },
  ]);
  const csv = await r.get(`${RANGE}&granularity=day&campaign=camp-2`, { ...admin, accept: 'text/csv' });
  t.is(csv.status, 200);
  t.regex(csv.headers.get('content-type') ?? '', /^text\/csv/);
  t.is(await csv.text(), 'period,campaign,publisher,impressions,viewable,clicks,spend\r\n2026-03-02T00:00:00Z,camp-2,pub-demo,1,0,0,0.001\r\n');
  const empty = await r.get(`${RANGE}&campaign=nothing`, { ...admin, accept: 'text/csv' });
  t.is(await empty.text(), 'period,campaign,publisher,impressions,viewable,clicks,spend\r\n');
});

test.serial('an advertiser key sees only its own campaigns; no key is a 401', async (t) => {
  const r = await withReport('sqlite');
  t.teardown(r.close);
  await seedCampaigns(r.store.store, campaignDoc({ id: 'camp-1', advertiser: 'adv-1' }), campaignDoc({ id: 'camp-2', advertiser: 'adv-2' }));
  const key = issueKey();
  await r.store.store.putDoc('apikeys', key.id, { id: key.id, advertiser: 'adv-1', name: 'reports', secretHash: key.secretHash, createdAt: new Date().toISOString() } satisfies Json);
  for (const campaign of ['camp-1', 'camp-2']) t.is((await deliver(`${r.url}/`, adEvent(EVENT_TYPES.impression, { campaign, occurredAt: '2026-03-01T10:00:00Z' }))).status, 204);
  const advertiser = { authorization: `Bearer ${key.token}` };
  t.deepEqual((await rows(await r.get(RANGE, advertiser))).map((row) => (row as { campaign: string }).campaign), ['camp-1']);
  t.is((await r.get(`${RANGE}&campaign=camp-2`, advertiser)).status, 404);
  t.is((await rows(await r.get(RANGE))).length, 2);
  const anonymous = await r.get(RANGE, {});
  t.is(anonymous.status, 401);
  t.truthy(anonymous.headers.get('www-authenticate'));
  t.is((await r.get(RANGE, { authorization: 'Bearer wrong' })).status, 401);
});

test.serial('bad parameters are a 400 naming the parameter', async (t) => {
  const r = await withReport('sqlite');
  t.teardown(r.close);
  const cases: [string, string][] = [
    ['from=yesterday', 'from'],
    ['to=2026-13-01', 'to'],
    ['granularity=week', 'granularity'],
    ['campaign=a&campaign=b', 'campaign'],
    ['colour=blue', 'colour'],
    ['from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z', 'from'],
    ['from=2025-01-01T00:00:00Z&to=2026-03-01T00:00:00Z', 'from'],
  ];
  for (const [query, parameter] of cases) {
    const res = await r.get(query);
    t.is(res.status, 400, query);
    t.is(res.headers.get('content-type'), 'application/problem+json');
    const problem = (await res.json()) as { detail: string; errors: { path: string }[] };
    t.true(problem.errors.some((e) => e.path === parameter) || problem.detail.includes(parameter), `${query}: ${problem.detail}`);
  }
  t.is((await r.get('')).status, 200);
});
