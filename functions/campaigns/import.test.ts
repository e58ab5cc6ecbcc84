import test from 'ava';
import { BadRequestError } from '../../shared/errors';
import { EVENT_TYPES } from '../../shared/events';
import type { Campaign } from '../../shared/model';
import type { Json } from '../../shared/store/types';
import { ADMIN, advertiser, campaignBody, openTestDeps, request } from '../../test/kit/campaigns-deps';
import { importCampaigns, type LineError } from './import';

interface ImportReport {
  imported: number;
  failed: number;
  campaigns: { line: number; id: string }[];
  errors: LineError[];
}

const ndjson = (lines: unknown[]) => Buffer.from(lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');

test('valid lines are stored as a POST would store them, each with its own id, and announced', async (t) => {
  const deps = await openTestDeps();
  t.teardown(() => deps.store.close());
  const second = { ...campaignBody(), name: 'Second' };
  const res = await importCampaigns(deps, ADMIN, request('POST', '/v1/campaigns/import', { body: ndjson([campaignBody(), '', second]) }));
  t.is(res.status, 200);
  const report = res.body as ImportReport;
  t.is(report.imported, 2);
  t.is(report.failed, 0);
  t.deepEqual(report.campaigns.map((c) => c.line), [1, 3]);
  const docs = await Promise.all(report.campaigns.map(async (c) => (await deps.store.getDoc<Json>('campaigns', c.id)) as unknown as Campaign));
  t.deepEqual(docs.map((d) => d.name), [campaignBody().name, 'Second']);
  t.deepEqual(docs[0]!.pricing, { model: 'cpm', amountMicros: 2_500_000, currency: 'EUR' });
  await new Promise((r) => setImmediate(r));
  t.is(deps.emitter.events.filter((e) => e.type === EVENT_TYPES.campaignChanged).length, 2);
});

test('invalid lines are reported by line with their field errors; the valid ones are still applied', async (t) => {
  const deps = await openTestDeps();
  t.teardown(() => deps.store.close());
  const badPrice = { ...campaignBody(), pricing: { model: 'cpm', amount: -1, currency: 'EUR' } };
  const unknownField = { ...campaignBody(), color: 'red' };
  const body = ndjson([campaignBody(), '{"name": "cut off', badPrice, unknownField, campaignBody('adv-other')]);
  const res = await importCampaigns(deps, advertiser('adv-sport'), request('POST', '/v1/campaigns/import', { body }));
  const report = res.body as ImportReport;
  t.is(report.imported, 1);
  t.is(report.failed, 4);
  t.deepEqual(report.campaigns.map((c) => c.line), [1]);
  t.deepEqual(report.errors.map((e) => e.line), [2, 3, 4, 5]);
  t.regex(report.errors[0]!.errors[0]!.message, /not valid JSON/);
  t.true(report.errors[1]!.errors.some((e) => e.path === 'pricing.amount'));
  t.true(report.errors[2]!.errors.some((e) => /unrecognized/i.test(e.message)));
  t.is(report.errors[3]!.errors[0]!.path, 'advertiser', 'an advertiser key imports only its own campaigns');
  const { docs } = await deps.store.listDocs('campaigns');
  t.is(docs.length, 1);
});

test('an empty import is a 400', async (t) => {
  const deps = await openTestDeps();
  t.teardown(() => deps.store.close());
  await t.throwsAsync(importCampaigns(deps, ADMIN, request('POST', '/v1/campaigns/import', { body: Buffer.alloc(0) })), { instanceOf: BadRequestError });
});
