import { counterKeys, utcDay } from '../../shared/counters';
import { EVENT_TYPES } from '../../shared/events';
import { startFunction } from '../../test/kit/function-process';
import { BrokerStandIn } from '../../test/kit/broker-stand-in';
import { backendTest, BACKENDS, testStore } from '../../test/kit/stores';
import { BROWSER_UA, claims, token } from '../../test/kit/tokens';

const ADMIN_KEY = 'admin-key-for-pipeline-tests-0123456';
const browser = { 'user-agent': BROWSER_UA };

for (const backend of BACKENDS) {
  backendTest(backend).serial(`${backend}: beacons fired through a Broker outage reach the ledger and the report exactly once`, async (t) => {
    const store = await testStore(backend);
    const env = { STORE_URL: store.url, TAGLINE_ADMIN_KEY: ADMIN_KEY };
    const [ledger, report] = await Promise.all([startFunction('ledger', env), startFunction('report', env)]);
    const broker = await BrokerStandIn.start([
      { url: `${ledger.url}/`, types: [EVENT_TYPES.impression, EVENT_TYPES.click] },
      { url: `${report.url}/`, types: [EVENT_TYPES.impression, EVENT_TYPES.viewable, EVENT_TYPES.click] },
    ]);
    const track = await startFunction('track', { ...env, K_SINK: broker.url });
    t.teardown(async () => {
      await Promise.all([track.stop(), ledger.stop(), report.stop(), broker.stop()]);
      await store.close();
    });

    const cpm = Array.from({ length: 40 }, () => claims({ c: 'camp-cpm', m: 'cpm', pr: 2_000_000 }));
    const cpc = Array.from({ length: 10 }, () => claims({ c: 'camp-cpc', m: 'cpc', pr: 300_000 }));
    const fire = (path: string, c: ReturnType<typeof claims>) => fetch(`${track.url}/${path}?t=${token(c)}`, { headers: browser, redirect: 'manual' }).then((r) => r.status);
    const burst = () => [
      ...cpm.map((c) => fire('i', c)),
      ...cpm.slice(0, 30).map((c) => fire('v', c)),
      ...cpm.slice(0, 5).map((c) => fire('c', c)),
      ...cpc.map((c) => fire('i', c)),
      ...cpc.map((c) => fire('c', c)),
    ];
    // Half the burst while the Broker is up, all of it again (duplicates) while it is down.
    await Promise.all(burst().slice(0, 48));
    await broker.stop();
    const during = await Promise.all(burst());
    t.true(during.every((s) => s === 200 || s === 302));
    await broker.start();
    const flushed = (await (await fetch(`${track.url}/v1/outbox/flush`, { method: 'POST' })).json()) as { remaining: number };
    t.is(flushed.remaining, 0);
    await broker.settled();

    const day = utcDay();
    const spend = await store.store.getCounters([counterKeys.spendTotal('camp-cpm'), counterKeys.spendDay('camp-cpc', day)]);
    t.deepEqual(spend, [40 * 2000, 10 * 300_000]);
    const res = await fetch(`${report.url}/v1/reports?granularity=day`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    const { rows } = (await res.json()) as { rows: { campaign: string; impressions: number; viewable: number; clicks: number; spend: number }[] };
    t.like(rows.find((r) => r.campaign === 'camp-cpm'), { impressions: 40, viewable: 30, clicks: 5, spend: 0.08 });
    t.like(rows.find((r) => r.campaign === 'camp-cpc'), { impressions: 10, viewable: 0, clicks: 10, spend: 3 });
  });
}
