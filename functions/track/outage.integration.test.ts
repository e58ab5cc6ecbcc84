/**
 * The Broker and the store both down at once (issue 19): every beacon that got its pixel is kept in
 * track's disk spool, survives a `kill -9` of track, and is counted exactly once by the ledger and
 * the report once they are back. Real processes, a real Broker stand-in, a real redis-server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { counterKeys } from '../../shared/counters';
import { EVENT_TYPES } from '../../shared/events';
import { metricValue } from '../../test/kit/events';
import { startFunction, type FunctionProcess } from '../../test/kit/function-process';
import { BrokerStandIn } from '../../test/kit/broker-stand-in';
import { backendTest, BACKENDS, testStore, type TestStore } from '../../test/kit/stores';
import { BROWSER_UA, claims, token } from '../../test/kit/tokens';

const ADMIN_KEY = 'admin-key-for-outage-tests-0123456789';
const PRICE = 2_000_000;

/** How many beacons each track process answers during the outage: a locked SQLite makes each store write wait 5 s. */
const PER_PROCESS = { sqlite: 2, redis: 150 } as const;

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

for (const backend of BACKENDS) {
  backendTest(backend).serial(`${backend}: beacons answered while the Broker and the store are both down are spooled, survive kill -9 of track, and are counted exactly once`, async (t) => {
    t.timeout(240_000);
    const store: TestStore = await testStore(backend);
    const spoolDir = mkdtempSync(join(tmpdir(), 'tagline-spool-'));
    const env = { STORE_URL: store.url, TAGLINE_ADMIN_KEY: ADMIN_KEY };
    const slow = { timeoutMs: 60_000 };
    const [ledger, report] = await Promise.all([startFunction('ledger', env, slow), startFunction('report', env, slow)]);
    const broker = await BrokerStandIn.start([
      { url: `${ledger.url}/`, types: [EVENT_TYPES.impression, EVENT_TYPES.click] },
      { url: `${report.url}/`, types: [EVENT_TYPES.impression, EVENT_TYPES.viewable, EVENT_TYPES.click] },
    ]);
    const trackEnv = { ...env, K_SINK: broker.url, SPOOL_DIR: spoolDir };
    let track = await startFunction('track', trackEnv, slow);
    t.teardown(async () => {
      await Promise.all([track.stop(), ledger.stop(), report.stop(), broker.stop()]);
      await store.close();
      rmSync(spoolDir, { recursive: true, force: true });
    });

    const n = PER_PROCESS[backend];
    const fire = (fn: FunctionProcess, count: number) =>
      Promise.all(Array.from({ length: count }, () => fetch(`${fn.url}/i?t=${token(claims({ c: 'camp-outage', pr: PRICE }))}`, { headers: { 'user-agent': BROWSER_UA } }).then((r) => r.status)));

    await broker.stop();
    const restore = await store.outage();
    const first = await fire(track, n);
    t.true(first.every((s) => s === 200));
    t.is(await metricValue(track.url, 'tagline_track_spool_events_total', { outcome: 'spooled' }), n);
    t.is(await metricValue(track.url, 'tagline_outbox_events_lost_total'), 0);

    // The process dies with the spool on disk; its successor answers more beacons, still with both down.
    track.child.kill('SIGKILL');
    track = await startFunction('track', trackEnv, slow);
    const second = await fire(track, n);
    t.true(second.every((s) => s === 200));

    await restore();
    await broker.start();
    const spend = async () => (await store.store.getCounters([counterKeys.spendTotal('camp-outage')]))[0] ?? 0;
    await until('the ledger to count every answered beacon', async () => (await spend()) >= 2 * n * (PRICE / 1000));
    await until('the spool to be replayed', async () => (await metricValue(track.url, 'tagline_track_spool_bytes')) === 0);
    await broker.settled();
    t.is(await spend(), 2 * n * (PRICE / 1000));
    t.is(await metricValue(track.url, 'tagline_track_spool_events_total', { outcome: 'replayed' }), 2 * n);
    t.is(await metricValue(track.url, 'tagline_track_spool_events_total', { outcome: 'dropped' }), 0);
    const res = await fetch(`${report.url}/v1/reports?granularity=day&campaign=camp-outage`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    const { rows } = (await res.json()) as { rows: { impressions: number }[] };
    t.is(rows.reduce((sum, r) => sum + r.impressions, 0), 2 * n);
  });
}
