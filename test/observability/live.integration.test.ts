/**
 * The dashboards, the alerts and the catalogue against live servers: the local platform on the
 * real `knative/` manifests with a real Prometheus scraping it, real traffic (ad requests, beacons,
 * a forged beacon, an exhausted budget, an event dead-lettered), then every panel query and alert
 * expression through Prometheus's HTTP API, and every catalogued metric on the live `/metrics`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import test from 'ava';
import { ROOT } from '../../local/command';
import { startPlatform, type Platform } from '../../local/platform';
import { createLogger } from '../../shared/logger';
import { missing, needs } from '../kit/needs';
import { BROWSER_UA } from '../kit/tokens';
import { senderAuth } from '../kit/platform';
import { alertRules, catalogued, panelQueries, readCatalogue } from '../kit/catalogue';

const SERVICES = ['ad-decision', 'campaigns', 'classify', 'dead-letters', 'ledger', 'report', 'track'];
const PUBLISHER = { id: 'pub-observed', name: 'Observed News', domains: ['news.example'] };
const BAD_EVENT_ID = 'observability-invalid-impression';
const noPrometheus = missing('prometheus');

interface Sample {
  metric: Record<string, string>;
}
type QueryAnswer = { status: 'success'; data: { resultType: string; result: Sample[] } } | { status: 'error'; errorType: string; error: string };

let platform: Platform;
let dataDir: string;
let warmer: NodeJS.Timeout | undefined;
const log: string[] = [];

async function call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method, headers: { 'user-agent': BROWSER_UA, ...headers }, redirect: 'manual', ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  return { status: res.status, text: await res.text() };
}

async function admin(method: string, route: string, body?: unknown): Promise<string> {
  const res = await call(method, `${platform.url}${route}`, body, { authorization: `Bearer ${platform.adminKey}`, 'content-type': 'application/json' });
  if (res.status >= 300) throw new Error(`${method} ${route} → ${res.status}: ${res.text}`);
  return res.text;
}

function campaign(name: string, priority: string, budget: number): Record<string, unknown> {
  return {
    name,
    advertiser: 'adv-observed',
    status: 'active',
    priority,
    pricing: { model: 'cpm', amount: 2.5, currency: 'EUR' },
    budget: { total: budget },
    pacing: 'asap',
    schedule: { start: '2020-01-01T00:00:00Z' },
    targeting: { publishers: [PUBLISHER.id] },
    creatives: [{ id: `${name}-banner`, format: 'banner', width: 300, height: 250, imageUrl: 'https://cdn.example/banner.png', landingUrl: 'https://shop.example/landing' }],
  };
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${log.slice(-30).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Requests for ads (some slots nobody fills, one crawler), then beacons for what was served. */
async function driveTraffic(): Promise<void> {
  const ads: { impressionUrl: string; viewableUrl: string; clickUrl: string }[] = [];
  for (let i = 0; i < 12; i++) {
    const slots = [{ id: 'top', format: 'banner', width: 300, height: 250 }, ...(i % 3 === 0 ? [{ id: 'hero', format: 'in-image', width: 640, height: 360 }] : [])];
    const body = { publisher: PUBLISHER.id, page: { url: `https://news.example/observed-${i}`, title: `Marathon training week ${i}`, text: 'Running shoes, marathon training plans and race results from the weekend.' }, slots };
    const res = await call('POST', `${platform.url}/ad-decision/v1/ads`, body, { 'content-type': 'application/json' });
    if (res.status !== 200) throw new Error(`POST /v1/ads → ${res.status}: ${res.text}`);
    ads.push(...(JSON.parse(res.text) as { ads: typeof ads }).ads);
  }
  const crawler = await call('POST', `${platform.url}/ad-decision/v1/ads`, { publisher: PUBLISHER.id, page: { url: 'https://news.example/observed-0' }, slots: [{ id: 'top', format: 'banner', width: 300, height: 250 }] }, { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' });
  if (crawler.status !== 200) throw new Error(`crawler POST /v1/ads → ${crawler.status}`);
  if (ads.length < 10) throw new Error(`only ${ads.length} ads served`);
  for (const [i, ad] of ads.entries()) {
    await call('GET', ad.impressionUrl);
    if (i % 2 === 0) await call('GET', ad.viewableUrl);
    if (i % 4 === 0) await call('GET', ad.clickUrl);
  }
  await call('GET', `${platform.url}/track/i?t=forged`);
  const bad = await call('POST', `${platform.url}/_/broker/tagline/default`, '{}', {
    ...senderAuth(dataDir, 'track'),
    'content-type': 'application/json',
    'ce-specversion': '1.0',
    'ce-type': 'dev.tagline.ad.impression',
    'ce-source': '/observability-test',
    'ce-id': BAD_EVENT_ID,
  });
  if (bad.status !== 202) throw new Error(`the Broker answered ${bad.status} to the invalid event`);
}

test.before(async (t) => {
  t.timeout(240_000);
  dataDir = mkdtempSync(path.join(tmpdir(), 'tagline-observability-'));
  platform = await startPlatform({
    manifestsDir: path.join(ROOT, 'knative'),
    dataDir,
    port: 0,
    seed: false,
    idleMs: 600_000,
    prometheus: noPrometheus === undefined,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn' },
    logger: createLogger('platform', 'info', (line) => void log.push(line)),
    output: (line) => void log.push(line),
    stopGraceMs: 2000,
  });
  await admin('POST', '/campaigns/v1/publishers', PUBLISHER);
  await admin('POST', '/campaigns/v1/campaigns', campaign('steady', 'standard', 1000));
  // An impression at a 2.50 CPM costs 0.0025: two exhaust this budget (ad-decision serves a
  // campaign only while it can still pay for one more).
  await admin('POST', '/campaigns/v1/campaigns', campaign('tiny', 'sponsorship', 0.005));
  await driveTraffic();
  // Requests through the platform keep every Service warm (their retention windows are 30-60 s),
  // so each process stays a scrape target while the queries run.
  const keepWarm = () => Promise.all(SERVICES.map((service) => call('GET', `${platform.url}/${service}/healthz`).catch(() => undefined)));
  await keepWarm();
  warmer = setInterval(() => void keepWarm(), 5000);
  await waitFor('the invalid event in dead-letters', async () => (await admin('GET', '/dead-letters/v1/dead-letters')).includes(BAD_EVENT_ID));
  await waitFor('the tiny budget exhausted', async () => /tagline_ledger_budgets_exhausted_total\{[^}]*scope="total"[^}]*\} [1-9]/.test((await call('GET', `${platform.url}/ledger/metrics`)).text));
});

test.after.always(async () => {
  clearInterval(warmer);
  await platform?.stop();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
});

async function query(expr: string): Promise<QueryAnswer> {
  const res = await fetch(`${platform.prometheusUrl}/api/v1/query?query=${encodeURIComponent(expr)}`);
  return (await res.json()) as QueryAnswer;
}

const tLive = needs('prometheus').serial;

tLive('every dashboard panel query parses and returns data from the scraped processes', async (t) => {
  t.timeout(180_000);
  const queries = panelQueries();
  t.true(queries.length >= 25, `${queries.length} panel queries`);
  const empty = async () => {
    const answers = await Promise.all(queries.map(async (q) => ({ ...q, answer: await query(q.expr) })));
    return answers.filter((a) => a.answer.status !== 'success' || a.answer.data.result.length === 0);
  };
  let failing = await empty();
  const deadline = Date.now() + 90_000;
  while (failing.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    failing = await empty();
  }
  for (const f of failing) t.log(`${f.where}: ${f.expr} → ${JSON.stringify(f.answer)}`);
  t.deepEqual(failing.map((f) => f.where), []);
});

tLive('every alert expression parses; the dead letter fires TaglineEventsDeadLettered for its type', async (t) => {
  t.timeout(120_000);
  for (const rule of alertRules()) {
    const answer = await query(rule.expr);
    t.is(answer.status, 'success', `${rule.alert}: ${JSON.stringify(answer)}`);
  }
  const deadLettered = alertRules().find((r) => r.alert === 'TaglineEventsDeadLettered')!;
  const answer = await query(deadLettered.expr);
  t.deepEqual(answer.status === 'success' ? answer.data.result.map((s) => s.metric.type) : [], ['dev.tagline.ad.impression']);
  await waitFor('the alert firing', async () => {
    const res = (await (await fetch(`${platform.prometheusUrl}/api/v1/alerts`)).json()) as { data: { alerts: { labels: Record<string, string>; state: string }[] } };
    return res.data.alerts.some((a) => a.labels.alertname === 'TaglineEventsDeadLettered' && a.state === 'firing');
  });
  const quiet = await query('ALERTS{alertstate="firing", alertname!="TaglineEventsDeadLettered"}');
  t.deepEqual(quiet.status === 'success' ? quiet.data.result.map((s) => s.metric.alertname) : ['query failed'], [], 'no other alert on a healthy run');
});

tLive('series carry the function that emitted them, from the process itself, never renamed by discovery', async (t) => {
  const up = await query('up{job="tagline-functions"} == 1');
  const functions = up.status === 'success' ? [...new Set(up.data.result.map((s) => s.metric.function))].sort() : [];
  t.deepEqual(functions, SERVICES);
  const requests = await query('tagline_ad_requests_total');
  t.deepEqual(requests.status === 'success' ? [...new Set(requests.data.result.map((s) => s.metric.function))] : [], ['ad-decision']);
  const renamed = await query('{exported_function!=""}');
  t.deepEqual(renamed.status === 'success' ? renamed.data.result : ['query failed'], []);
  const status = (await (await fetch(`${platform.url}/_/status`)).text());
  t.true(status.includes(`${platform.prometheusUrl!}/targets`), 'the status page links Prometheus');
});

test('every catalogued metric is on the live /metrics of the function the catalogue names, and every tagline_ metric there is catalogued', async (t) => {
  const catalogue = readCatalogue();
  const exposition = new Map<string, string>();
  for (const service of SERVICES) exposition.set(service, (await call('GET', `${platform.url}/${service}/metrics`)).text);
  exposition.set('platform', (await call('GET', `${platform.url}/_/metrics`)).text);
  const declared = (text: string) => new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]!));
  for (const entry of catalogue) {
    const where = entry.emittedBy.includes('every function') ? SERVICES : entry.emittedBy;
    t.true(where.length > 0, `${entry.name}: the catalogue names who emits it`);
    for (const source of where) {
      const names = declared(exposition.get(source) ?? '');
      const found = entry.name.endsWith('*') ? [...names].some((n) => n.startsWith(entry.name.slice(0, -1))) : names.has(entry.name);
      t.true(found, `${entry.name} on ${source}'s /metrics`);
    }
  }
  for (const [source, text] of exposition) {
    for (const name of declared(text)) if (name.startsWith('tagline_')) t.truthy(catalogued(catalogue, name), `${source} exposes ${name}, which docs/telemetry.md does not list`);
  }
});
