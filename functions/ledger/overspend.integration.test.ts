import { counterKeys } from '../../shared/counters';
import { EVENT_TYPES } from '../../shared/events';
import { startFunction } from '../../test/kit/function-process';
import { BrokerStandIn } from '../../test/kit/broker-stand-in';
import { backendTest, BACKENDS, testStore } from '../../test/kit/stores';
import { BROWSER_UA } from '../../test/kit/tokens';
import { campaign, PUBLISHER } from '../../test/kit/campaigns';

const REQUESTS = 500;
const CPM_MICROS = 2_000_000;
const BID_MICROS = CPM_MICROS / 1000;
const BUDGET_MICROS = 300_000;
const WAVES = 4;

for (const backend of BACKENDS) {
  backendTest(backend).serial(`${backend}: ${REQUESTS} concurrent decisions on two ad-decision replicas for a nearly exhausted campaign overspend by at most 1% or one bid`, async (t) => {
    const store = await testStore(backend);
    await store.store.putDoc('publishers', PUBLISHER.id, PUBLISHER);
    await store.store.putDoc('campaigns', 'tight', campaign({ id: 'tight', pricing: { model: 'cpm', amountMicros: CPM_MICROS, currency: 'EUR' }, budget: { totalMicros: BUDGET_MICROS } }) as never);
    const env = { STORE_URL: store.url };
    const ledger = await startFunction('ledger', env);
    const broker = await BrokerStandIn.start([{ url: `${ledger.url}/`, types: [EVENT_TYPES.impression, EVENT_TYPES.click] }]);
    const track = await startFunction('track', { ...env, K_SINK: broker.url });
    // Two replicas, as Knative runs under load: each holds budget leases of its own from the store.
    const deciders = await Promise.all([0, 1].map(() => startFunction('ad-decision', { ...env, K_SINK: broker.url, TRACK_URL: track.url })));
    t.teardown(async () => {
      await Promise.all([...deciders.map((d) => d.stop()), track.stop(), ledger.stop(), broker.stop()]);
      await store.close();
    });

    const body = JSON.stringify({ publisher: PUBLISHER.id, page: { url: 'https://news.example/run', title: 'Running' }, slots: [{ id: 'top', format: 'banner', width: 300, height: 250 }] });
    const bound = Math.max(BUDGET_MICROS * 1.01, BUDGET_MICROS + BID_MICROS);
    let served = 0;
    let spend = 0;
    // Bursts until the budget is spent: each one far larger than what is left of it.
    for (let wave = 0; wave < WAVES && spend < BUDGET_MICROS - BID_MICROS; wave++) {
      const answers = await Promise.all(
        Array.from({ length: REQUESTS }, (_, i) =>
          fetch(`${deciders[i % deciders.length]!.url}/v1/ads`, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': BROWSER_UA }, body }).then(
            async (r) => {
              t.is(r.status, 200);
              return ((await r.json()) as { ads: { impressionUrl: string }[] }).ads;
            },
            // A connection the loaded machine refused is a page without an ad, as in a browser.
            () => [],
          ),
        ),
      );
      const beacons = answers.flat().map((ad) => ad.impressionUrl);
      served += beacons.length;
      const pixels = await Promise.all(beacons.map((url) => fetch(url, { headers: { 'user-agent': BROWSER_UA } }).then((r) => r.status)));
      t.true(pixels.every((s) => s === 200));
      // Events a slow Broker answer sent to the outbox go out now, as the PingSource would send them.
      t.is(((await (await fetch(`${track.url}/v1/outbox/flush`, { method: 'POST' })).json()) as { remaining: number }).remaining, 0);
      await broker.settled();
      [spend = 0] = await store.store.getCounters([counterKeys.spendTotal('tight')]);
      t.log(`wave ${wave + 1}: ${beacons.length} ads served, spend ${spend} of ${BUDGET_MICROS} (bound ${bound})`);
      t.true(spend <= bound, `spend ${spend} over the bound ${bound}`);
      await new Promise((r) => setTimeout(r, 300));
    }
    t.is(spend, served * BID_MICROS, 'every served impression is billed once');
    t.true(served > 0, 'the campaign served while it had budget');
    if (spend >= BUDGET_MICROS) t.like(await store.store.get(counterKeys.exhausted('tight')), { scope: 'total' });
  });
}
