/**
 * Event path benchmarks, each against a bare functions-framework function started the same way
 * (`bench/fixtures/hello`, answering 204) in the same run, server and load pinned to different
 * cores; baseline and subject alternate over several rounds and the median ratio is reported:
 * - track pixel throughput (a signed beacon, its event sent to a Broker stand-in), and without a
 *   Broker (the function's own cost) — goal ≥ 0.9×;
 * - ledger and report events per second, on SQLite and on Redis, every request a binary
 *   CloudEvent with a unique id (a wrk Lua script) — goal ≥ 0.8×;
 * - beacon-to-report latency p99 through the local platform (a beacon until the report counts it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { EVENT_TYPES, newEvent, toBinary, type AdEventData } from '../shared/events';
import { outboxQueue } from '../shared/outbox';
import { openStore, type Store } from '../shared/store';
import { freePort, startFunction, type FunctionProcess } from '../test/kit/function-process';
import { campaignDoc, seedCampaigns } from '../test/kit/campaigns';
import { BROWSER_UA, claims, token } from '../test/kit/tokens';
import { beaconToReportLatencies } from '../test/kit/event-path-platform';
import { binaryEventScript, compare, comparisonNote, errorCount, HELLO_SOURCE, hasWrk, LOAD_CPU, luaString, medianRps, percentile, pinSelf, report, round, SERVER_CPU, wrk, type Target, type WrkResult } from './lib';

const ROUNDS = 3;
const SECONDS = 4;
const CONNECTIONS = 16;

type Backend = 'sqlite' | 'redis';

/** One wrk run driven by a Lua script, pinned to the load core. */
function wrkScript(url: string, script: string, seconds = SECONDS): Promise<WrkResult> {
  return wrk(url, { seconds, connections: CONNECTIONS, cpus: LOAD_CPU, script });
}


/** A GET of one beacon URL from a browser. */
function beaconScript(pathAndQuery: string): string {
  return `wrk.method = "GET"\nwrk.path = ${luaString(pathAndQuery)}\nwrk.headers["User-Agent"] = ${luaString(BROWSER_UA)}\n`;
}

/** Binary CloudEvents of `type`, the same data, a unique `ce-id` per request. */
function cloudEventScript(type: string, data: AdEventData): string {
  const { headers, body } = toBinary(newEvent(EVENT_TYPES.impression, '/track', data, 'x'));
  return binaryEventScript({ headers: { ...headers, 'ce-type': type }, body });
}

async function hello(): Promise<FunctionProcess> {
  return startFunction('hello', {}, { source: HELLO_SOURCE, readyPath: '/', cpus: SERVER_CPU });
}

/** A Broker stand-in for track (`bench/broker-stand-in`), on the load core. */
async function brokerStandIn(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn('taskset', ['-c', LOAD_CPU, process.execPath, path.join(__dirname, 'broker-stand-in.js')], { env: { PORT: String(port) }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const up = await fetch(`${url}/`, { method: 'POST', body: '{}' }).then((res) => res.status === 202, () => false);
    if (up) break;
    if (i >= 100 || child.exitCode !== null) throw new Error('the Broker stand-in did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, stop: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGKILL')))) };
}

async function trackThroughput(dir: string): Promise<void> {
  const storeUrl = `sqlite:${path.join(dir, 'track.db')}`;
  const broker = await brokerStandIn();
  const base = await hello();
  const beacon = beaconScript(`/i?t=${token(claims({ exp: Math.floor(Date.now() / 1000) + 86_400 }))}`);
  const baseline: Target = { fn: base, load: () => wrkScript(base.url, beaconScript('/')) };
  for (const sink of [`${broker.url}/`, undefined]) {
    const track = await startFunction('track', { STORE_URL: storeUrl, ...(sink === undefined ? {} : { K_SINK: sink }) }, { cpus: SERVER_CPU });
    const probe = await fetch(`${track.url}/i?t=${token(claims())}`, { headers: { 'user-agent': BROWSER_UA } });
    const result = await compare({ fn: track, load: () => wrkScript(track.url, beacon) }, baseline, ROUNDS, SECONDS);
    await track.stop();
    const outbox = await openStore(storeUrl);
    const kept = await outbox.depth(outboxQueue('track'));
    await outbox.close();
    report({
      name: sink === undefined ? 'track pixel throughput without a Broker (the function alone) vs hello' : 'track pixel throughput (each event sent to a Broker before the pixel answers) vs hello',
      value: medianRps(result.subject),
      unit: 'req/s',
      baseline: medianRps(result.baseline),
      ratio: round(result.ratio),
      goal: '>= 0.9x',
      pass: result.ratio >= 0.9 && errorCount(result.subject) === 0 && probe.status === 200 && kept === 0,
      note: `${comparisonNote(result)}; ${kept} events left in the outbox`,
    });
  }
  await Promise.all([base.stop(), broker.stop()]);
}

/** A redis-server pinned to the load core (the store is another machine in production). */
async function pinnedRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn('taskset', ['-c', LOAD_CPU, 'redis-server', '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const store = await openStore(url);
      await store.close();
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { url, stop: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGKILL')))) };
}

async function consumerThroughput(dir: string, target: 'ledger' | 'report', backend: Backend): Promise<void> {
  const redis = backend === 'redis' ? await pinnedRedis() : undefined;
  const storeUrl = redis?.url ?? `sqlite:${path.join(dir, `${target}.db`)}`;
  const seed: Store = await openStore(storeUrl);
  await seedCampaigns(seed, campaignDoc({ id: 'camp-bench', budget: { totalMicros: 1e15 } }));
  const now = new Date().toISOString();
  const data: AdEventData = { impressionId: randomUUID(), campaign: 'camp-bench', creative: 'creative-1', publisher: 'pub-demo', advertiser: 'adv-1', slot: 'hero', format: 'in-image', priceMicros: 2500, currency: 'EUR', model: 'cpm', servedAt: now, occurredAt: now };
  const base = await hello();
  const fn = await startFunction(target, { STORE_URL: storeUrl }, { cpus: SERVER_CPU });
  // A fresh script per run: its ids must never repeat, or the subject would skip duplicates.
  const events = () => cloudEventScript(EVENT_TYPES.impression, data);
  const result = await compare({ fn, load: () => wrkScript(`${fn.url}/`, events()) }, { fn: base, load: () => wrkScript(`${base.url}/`, events()) }, ROUNDS, SECONDS);
  await Promise.all([fn.stop(), base.stop()]);
  const applied = target === 'ledger' ? (await seed.getCounters(['spend:total:camp-bench']))[0]! / 2500 : (await seed.rollups({ from: new Date(Date.now() - 7_200_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() })).reduce((n, r) => n + r.impressions, 0);
  const sent = Math.round(result.subject.reduce((n, r) => n + r.rps * SECONDS, 0));
  await seed.close();
  await redis?.stop();
  report({
    name: `${target} events per second on ${backend} vs hello`,
    value: medianRps(result.subject),
    unit: 'events/s',
    baseline: medianRps(result.baseline),
    ratio: round(result.ratio),
    goal: '>= 0.8x',
    pass: result.ratio >= 0.8 && errorCount(result.subject) === 0,
    note: `${comparisonNote(result)}; ${applied} events applied (about ${sent} in the measured runs, more in the warm-up)`,
  });
}

/** Beacon fired → counted in the report, one at a time, through the local platform. */
async function endToEndLatency(): Promise<void> {
  const samples = (await beaconToReportLatencies(200)).sort((a, b) => a - b);
  const p99 = percentile(samples, 99);
  report({ name: 'beacon-to-report latency p99 through the local platform', value: round(p99), unit: 'ms', goal: '<= 1000 ms', pass: p99 <= 1000, note: `p50 ${round(percentile(samples, 50))} ms over ${samples.length} beacons (track → Broker → report → GET /v1/reports)` });
}

/** `node dist/bench/event-path.js [track|sqlite|redis|latency]` runs one part; no argument runs all. */
async function main(): Promise<void> {
  pinSelf(LOAD_CPU);
  const only = process.argv[2];
  const wanted = (part: string): boolean => only === undefined || only === part;
  const dir = mkdtempSync(path.join(tmpdir(), 'tagline-bench-event-path-'));
  try {
    if (!hasWrk()) {
      for (const name of ['track pixel throughput vs hello', 'ledger events per second vs hello', 'report events per second vs hello']) report({ name, value: 0, unit: 'req/s', skipped: 'wrk not installed' });
    } else {
      if (wanted('track')) await trackThroughput(dir);
      for (const backend of ['sqlite', 'redis'] as const) {
        if (!wanted(backend)) continue;
        await consumerThroughput(dir, 'ledger', backend);
        await consumerThroughput(dir, 'report', backend);
      }
    }
    // The platform and its functions spread over both cores, as `npm start` runs them.
    pinSelf(`${SERVER_CPU},${LOAD_CPU}`);
    if (wanted('latency')) await endToEndLatency();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
