import { capWindowStart, counterKeys, utcDay } from '../../shared/counters';
import { EVENT_TYPES, toBinary } from '../../shared/events';
import { campaignDoc, seedCampaigns } from '../../test/kit/campaigns';
import { adEvent, deliver, deliverUntilAcked, metricValue, post } from '../../test/kit/events';
import { backendTest, BACKENDS, type Backend } from '../../test/kit/stores';
import { startSubscriber } from '../../test/kit/subscriber';

const today = utcDay();

async function withLedger(backend: Backend) {
  const ledger = await startSubscriber('ledger', backend);
  return {
    ...ledger,
    url: `${ledger.fn.url}/`,
    base: ledger.fn.url,
    spend: (campaign = 'camp-1') => ledger.store.store.getCounters([counterKeys.spendTotal(campaign), counterKeys.spendDay(campaign, today)]),
  };
}

for (const backend of BACKENDS) {
  backendTest(backend).serial(`${backend}: the same impression delivered three times, one after another, is spent once`, async (t) => {
    const l = await withLedger(backend);
    t.teardown(l.close);
    const event = adEvent(EVENT_TYPES.impression, { priceMicros: 2500 });
    for (let i = 0; i < 3; i++) {
      const res = await deliver(l.url, event);
      t.is(res.status, 204);
      t.is(res.body, '');
    }
    t.deepEqual(await l.spend(), [2500, 2500]);
  });

  backendTest(backend).serial(`${backend}: the same click delivered three times at once is spent once`, async (t) => {
    const l = await withLedger(backend);
    t.teardown(l.close);
    await seedCampaigns(l.store.store, campaignDoc({ pricing: { model: 'cpc', amountMicros: 400_000, currency: 'EUR' } }));
    const event = adEvent(EVENT_TYPES.click, { priceMicros: 400_000, model: 'cpc' });
    const answers = await Promise.all([1, 2, 3].map(() => deliver(l.url, event)));
    t.deepEqual(answers.map((a) => a.status), [204, 204, 204]);
    t.deepEqual(await l.spend(), [400_000, 400_000]);
  });

  backendTest(backend).serial(`${backend}: malformed events are 400 problem+json and change nothing`, async (t) => {
    const l = await withLedger(backend);
    t.teardown(l.close);
    const good = toBinary(adEvent());
    const noSource = { ...good.headers };
    delete noSource['ce-source'];
    const cases: [Record<string, string>, string][] = [
      [good.headers, '{"impressionId":'],
      [good.headers, JSON.stringify({ ...JSON.parse(good.body), priceMicros: -5 })],
      [good.headers, JSON.stringify({ ...JSON.parse(good.body), surprise: true })],
      [{ ...good.headers, 'ce-type': 'dev.tagline.ad.viewable' }, good.body],
      [{ ...good.headers, 'ce-type': 'com.example.other' }, good.body],
      [noSource, good.body],
      [{ 'content-type': 'application/json' }, good.body],
    ];
    for (const [headers, body] of cases) {
      const res = await post(l.url, headers, body);
      t.is(res.status, 400, body);
      t.is(res.contentType, 'application/problem+json');
    }
    t.deepEqual(await l.spend(), [0, 0]);
    // A rejected delivery marks nothing: the valid event still counts afterwards.
    t.is((await post(l.url, good.headers, good.body)).status, 204);
    t.deepEqual(await l.spend(), [2500, 2500]);
  });

  backendTest(backend).serial(`${backend}: a store outage is a 503 and the redelivery applies once`, async (t) => {
    const l = await withLedger(backend);
    t.teardown(l.close);
    const event = adEvent(EVENT_TYPES.impression, { priceMicros: 2500 });
    const restore = await l.store.outage();
    const during = await deliver(l.url, event);
    t.is(during.status, 503);
    t.is(during.contentType, 'application/problem+json');
    await restore();
    const statuses = await deliverUntilAcked(l.url, event);
    t.is(statuses.at(-1), 204);
    t.is((await deliver(l.url, event)).status, 204);
    t.deepEqual(await l.spend(), [2500, 2500]);
  });

  backendTest(backend).serial(`${backend}: a reached total budget flags the campaign and announces campaign.exhausted once`, async (t) => {
    const l = await withLedger(backend);
    t.teardown(l.close);
    await seedCampaigns(l.store.store, campaignDoc({ budget: { totalMicros: 10_000 } }));
    const events = Array.from({ length: 8 }, () => adEvent(EVENT_TYPES.impression, { priceMicros: 3000 }));
    t.is((await deliver(l.url, events[0]!)).status, 204);
    t.is(await l.store.store.get(counterKeys.exhausted('camp-1')), undefined);
    const answers = await Promise.all(events.slice(1).map((e) => deliver(l.url, e)));
    t.true(answers.every((a) => a.status === 204));
    t.like(await l.store.store.get(counterKeys.exhausted('camp-1')), { scope: 'total', budgetMicros: 10_000 });
    await Promise.all(events.map((e) => deliver(l.url, e)));
    const announced = l.broker.events(EVENT_TYPES.campaignExhausted);
    t.deepEqual([...new Set(announced.map((e) => e.id))], ['camp-1:total']);
    t.is(await metricValue(l.base, 'tagline_ledger_budgets_exhausted_total', { scope: 'total' }), 1, 'announced once (the Broker may see a retried send twice)');
    t.like(announced[0]?.data as object, { campaign: 'camp-1', advertiser: 'adv-1', scope: 'total', budgetMicros: 10_000 });
    t.is(announced[0]?.source, '/ledger');
    t.deepEqual(await l.spend(), [24_000, 24_000]);
  });

  backendTest(backend).serial(`${backend}: a reached daily budget flags the day until it ends`, async (t) => {
    const l = await withLedger(backend);
    t.teardown(l.close);
    await seedCampaigns(l.store.store, campaignDoc({ budget: { totalMicros: 1_000_000, dailyMicros: 5000 } }));
    for (let i = 0; i < 2; i++) t.is((await deliver(l.url, adEvent(EVENT_TYPES.impression, { priceMicros: 2500 }))).status, 204);
    t.like(await l.store.store.get(counterKeys.exhaustedDay('camp-1', today)), { scope: 'daily', day: today, budgetMicros: 5000 });
    t.is(await l.store.store.get(counterKeys.exhausted('camp-1')), undefined);
    t.deepEqual([...new Set(l.broker.events(EVENT_TYPES.campaignExhausted).map((e) => e.id))], [`camp-1:${today}`]);
    t.is(await metricValue(l.base, 'tagline_ledger_budgets_exhausted_total', { scope: 'daily' }), 1);
  });

  backendTest(backend).serial(`${backend}: a consented user's impressions count toward the frequency cap of the window`, async (t) => {
    const l = await withLedger(backend);
    t.teardown(l.close);
    await seedCampaigns(l.store.store, campaignDoc({ frequencyCap: { impressions: 3, windowSeconds: 3600 } }));
    const impressions = [adEvent(EVENT_TYPES.impression, { user: 'u-1' }), adEvent(EVENT_TYPES.impression, { user: 'u-1' }), adEvent(EVENT_TYPES.impression)];
    for (const e of [...impressions, impressions[0]!]) t.is((await deliver(l.url, e)).status, 204);
    t.is((await deliver(l.url, adEvent(EVENT_TYPES.click, { user: 'u-1', priceMicros: 0 }))).status, 204);
    const key = counterKeys.frequency('camp-1', 'u-1', capWindowStart(Date.now(), 3600));
    t.deepEqual(await l.store.store.getCounters([key]), [2]);
  });
}
