/**
 * `npm run load` for two seconds against real ad-decision and track processes (started as the
 * platform starts them, over one SQLite store): its summary adds up, and agrees with what the
 * servers themselves counted (their /metrics). It sends nothing to origins it was not given.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import test from 'ava';
import type { Campaign, Publisher } from '../../shared/model';
import { openStore } from '../../shared/store';
import { parseDuration, parseLoadArgs, percentile, type Summary } from '../../scripts/load';
import { REPO_ROOT } from '../../scripts/render';
import { campaign } from '../kit/campaigns';
import { freePort, startFunction, type FunctionProcess } from '../kit/function-process';

const LOAD = path.join(REPO_ROOT, 'dist', 'scripts', 'load.js');

function creative(id: string, format: 'banner' | 'in-image' | 'in-article', width: number, height: number) {
  return { id, format, width, height, imageUrl: `https://cdn.example/${id}.png`, landingUrl: `https://shop.example/${id}` };
}

/** A campaign with a budget the run cannot exhaust and creatives in the sizes the load script asks for. */
function loadCampaign(id: string, overrides: Partial<Campaign>): Campaign {
  return campaign({
    id,
    name: id,
    advertiser: 'adv-sport',
    pricing: { model: 'cpm', amountMicros: 2_500_000, currency: 'EUR' },
    budget: { totalMicros: 1_000_000_000_000 },
    creatives: [creative(`${id}-banner`, 'banner', 320, 50), creative(`${id}-image`, 'in-image', 640, 120), creative(`${id}-article`, 'in-article', 600, 250)],
    ...overrides,
  });
}

const PUBLISHERS: Publisher[] = [
  { id: 'pub-a', name: 'A News', domains: ['news.example', 'runnersworld.example'] },
  { id: 'pub-b', name: 'B Noticias', domains: ['noticias.example', 'recetas.example'] },
];

/** A store with two publishers, a run-of-network campaign and a frequency-capped sponsorship. */
async function seededStore(dir: string): Promise<string> {
  const url = `sqlite:${path.join(dir, 'tagline.db')}`;
  const store = await openStore(url);
  for (const p of PUBLISHERS) await store.putDoc('publishers', p.id, p);
  await store.putDoc('campaigns', 'ron', loadCampaign('ron', {}) as never);
  await store.putDoc('campaigns', 'spring-run', loadCampaign('spring-run', { priority: 'sponsorship', frequencyCap: { impressions: 2, windowSeconds: 86_400 }, targeting: { categories: { include: ['483'] } } }) as never);
  await store.close();
  return url;
}

function runLoadCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [LOAD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The sum of a metric's samples whose labels include `labels`. */
async function metric(fn: FunctionProcess, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${fn.url}/metrics`)).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    const m = new RegExp(`^${name}(\\{[^}]*\\})? (\\S+)$`).exec(line);
    if (m === null) continue;
    if (Object.entries(labels).every(([k, v]) => (m[1] ?? '').includes(`${k}="${v}"`))) sum += Number(m[2]);
  }
  return sum;
}

const total = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);

test.serial('load: two seconds of page views against ad-decision and track add up, and match what the servers counted', async (t) => {
  t.timeout(90_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'tagline-load-'));
  const storeUrl = await seededStore(dir);
  const track = await startFunction('track', { STORE_URL: storeUrl });
  const ads = await startFunction('ad-decision', { STORE_URL: storeUrl, TRACK_URL: track.url });
  try {
    const res = await runLoadCli(['--ads-url', ads.url, '--track-url', track.url, '--rps', '40', '--duration', '2s', '--publishers', 'pub-a,pub-b', '--render-rate', '1', '--click-rate', '0.05', '--seed', '7', '--json']);
    t.is(res.code, 0, res.stderr);
    t.regex(res.stderr, /\r\s+\d+\.\ds {2}sent \d+ {2}ok \d+/, 'a live progress line');
    const s = JSON.parse(res.stdout) as Summary;
    t.is(s.requests.scheduled, 80, 'rps × duration');
    t.is(s.requests.sent + s.requests.dropped, s.requests.scheduled);
    t.is(s.requests.answered + s.requests.failed, s.requests.sent);
    t.is(total(s.statuses), s.requests.answered);
    t.deepEqual(s.statuses, { '200': s.requests.sent });
    t.is(s.slots.requested, 2 * s.requests.sent, 'every simulated page has two slots');
    t.true(s.slots.filled > 0 && s.slots.filled <= s.slots.requested);
    t.is(s.fillRate, Math.round((s.slots.filled / s.slots.requested) * 100) / 100);
    t.true(s.latencyMs.p50 > 0 && s.latencyMs.p50 <= s.latencyMs.p95 && s.latencyMs.p95 <= s.latencyMs.p99 && s.latencyMs.p99 <= s.latencyMs.max);
    t.true(s.achievedRps > 30 && s.achievedRps < 50, `achieved ${s.achievedRps} req/s`);

    const b = s.beacons;
    t.is(b.impression.sent, s.slots.filled, 'every rendered ad fires its impression (render rate 1)');
    t.true(b.viewable.sent > 0 && b.viewable.sent < b.impression.sent, 'some, not all, ads are viewable');
    t.true(b.click.sent <= b.impression.sent);
    t.deepEqual(b.impression.statuses, { '200': b.impression.sent }, 'pixels answer 200');
    t.deepEqual(b.viewable.statuses, { '200': b.viewable.sent });
    t.deepEqual(b.click.statuses, b.click.sent === 0 ? {} : { '302': b.click.sent }, 'clicks redirect');
    t.is(b.skipped + b.dropped, 0);

    t.is(await metric(ads, 'tagline_ad_requests_total'), s.requests.sent, "ad-decision's own request count");
    t.is(await metric(ads, 'tagline_ad_slots_total', { result: 'filled' }), s.slots.filled, "ad-decision's filled slots");
    t.is(await metric(track, 'tagline_track_beacons_total', { kind: 'impression' }), b.impression.sent, "track's billable impressions");
    t.is(await metric(track, 'tagline_track_beacons_total', { kind: 'viewable' }), b.viewable.sent);
    t.is(await metric(track, 'tagline_track_beacons_total', { kind: 'click' }), b.click.sent);
  } finally {
    await ads.stop();
    await track.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test.serial('load: beacons pointing anywhere but the given URLs are skipped, never sent', async (t) => {
  t.timeout(60_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'tagline-load-'));
  const storeUrl = await seededStore(dir);
  let hits = 0;
  const elsewhere = createServer((_req, res) => {
    hits++;
    res.end();
  });
  const port = await freePort();
  await new Promise<void>((resolve) => elsewhere.listen(port, '127.0.0.1', resolve));
  const ads = await startFunction('ad-decision', { STORE_URL: storeUrl, TRACK_URL: `http://127.0.0.1:${port}` });
  try {
    const res = await runLoadCli(['--target', `ad-decision=${ads.url}`, '--rps', '20', '--duration', '1s', '--publishers', 'pub-a,pub-b', '--render-rate', '1', '--json']);
    t.is(res.code, 0, res.stderr);
    const s = JSON.parse(res.stdout) as Summary;
    t.true(s.slots.filled > 0);
    t.is(s.beacons.impression.sent + s.beacons.viewable.sent + s.beacons.click.sent, 0);
    t.true(s.beacons.skipped >= s.slots.filled, 'every impression (at least) was skipped');
    t.is(hits, 0, 'nothing reached the other origin');
  } finally {
    await ads.stop();
    elsewhere.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('load arguments: a single target or one URL per service; bad input is refused with the usage', (t) => {
  const local = parseLoadArgs(['--target', 'http://localhost:8080/', '--rps', '50', '--duration', '30s']);
  if (typeof local === 'string') return t.fail(local);
  t.is(local.adsUrl, 'http://localhost:8080/ad-decision');
  t.deepEqual(local.allowedOrigins, ['http://localhost:8080']);
  t.is(local.durationMs, 30_000);
  const cluster = parseLoadArgs(['--target', 'ad-decision=http://ad-decision.tagline.127.0.0.1.sslip.io,track=http://track.tagline.127.0.0.1.sslip.io', '--rps', '5', '--duration', '1m']);
  if (typeof cluster === 'string') return t.fail(cluster);
  t.is(cluster.adsUrl, 'http://ad-decision.tagline.127.0.0.1.sslip.io');
  t.deepEqual(cluster.allowedOrigins, ['http://ad-decision.tagline.127.0.0.1.sslip.io', 'http://track.tagline.127.0.0.1.sslip.io']);
  for (const bad of [[], ['--target', 'ftp://x', '--rps', '1', '--duration', '1s'], ['--target', 'http://x', '--rps', '0', '--duration', '1s'], ['--target', 'http://x', '--rps', '1', '--duration', 'soon'], ['--target', 'http://x', '--rps', '1', '--duration', '1s', '--bogus', '1']]) {
    t.is(typeof parseLoadArgs(bad), 'string', bad.join(' '));
  }
  t.is(parseDuration('500ms'), 500);
  t.is(parseDuration('2m'), 120_000);
  t.is(parseDuration('1.5'), 1500);
  t.is(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95), 10);
  t.is(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50), 5);
});

test('npm run load without its required flags says how to call it and exits 2', async (t) => {
  const res = await runLoadCli(['--target', 'http://localhost:1']);
  t.is(res.code, 2);
  t.regex(res.stderr, /--rps and --duration are required/);
  t.regex(res.stderr, /usage: npm run load -- --target/);
});
