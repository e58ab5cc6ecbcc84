/**
 * `npm run load -- --target <url> --rps N --duration D`: simulated publisher traffic. Pages of
 * several sites (English and Spanish articles, devices, consent choices) ask for ads at a fixed
 * rate, open-loop (a slow server does not slow the schedule; requests beyond `--concurrency`
 * in flight are dropped and counted), then fire the returned beacons as browsers would: the
 * impression when rendered, the viewable one after a second in view (~60%), a click now and then
 * (~0.3%). A progress line on stderr, a summary on stdout (`--json` for a machine).
 *
 * Requests go only to the URLs given: `--target http://localhost:8080` (the local platform,
 * `/ad-decision/v1/ads` and `/track/…`), or per service on a cluster with
 * `--target ad-decision=<url>,track=<url>` (or `--ads-url`/`--track-url`); a beacon URL on any
 * other origin is skipped and counted.
 */
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { GVL, TCModel, TCString } from '@iabtechlabtcf/core';
import { runMain } from './cli';

export interface LoadOptions {
  /** Base URL of ad-decision (its `/v1/ads` is appended). */
  adsUrl: string;
  /** Origins beacons may be sent to. */
  allowedOrigins: string[];
  rps: number;
  durationMs: number;
  concurrency: number;
  timeoutMs: number;
  publishers: string[];
  viewRate: number;
  clickRate: number;
  renderRate: number;
  seed: number;
  json: boolean;
}

export const USAGE = `usage: npm run load -- --target <url | ad-decision=<url>,track=<url>> [--ads-url <url>] [--track-url <url>]
       --rps <n> --duration <30s|2m|…> [--concurrency 64] [--timeout 5s] [--publishers pub-demo,…]
       [--view-rate 0.6] [--click-rate 0.003] [--seed 1] [--json]`;

/** `"30s"`, `"2m"`, `"500ms"` or a number of seconds, in milliseconds. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (m === null) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  return Math.round(Number(m[1]) * unit);
}

function origin(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Read the command line into options, or a message saying what is wrong. */
export function parseLoadArgs(argv: readonly string[]): LoadOptions | string {
  const flags = new Map<string, string>();
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a.startsWith('--') && argv[i + 1] !== undefined) flags.set(a.slice(2), argv[++i]!);
    else return `unexpected argument "${a}"\n${USAGE}`;
  }
  const known = ['target', 'ads-url', 'track-url', 'rps', 'duration', 'concurrency', 'timeout', 'publishers', 'view-rate', 'click-rate', 'render-rate', 'seed'];
  const unknown = [...flags.keys()].find((k) => !known.includes(k));
  if (unknown !== undefined) return `unknown flag --${unknown}\n${USAGE}`;
  const target = flags.get('target') ?? '';
  const services = new Map(target.includes('=') ? target.split(',').map((p) => [p.slice(0, p.indexOf('=')).trim(), p.slice(p.indexOf('=') + 1).trim()] as const) : []);
  const base = target.includes('=') ? undefined : target.replace(/\/+$/, '');
  const adsUrl = (flags.get('ads-url') ?? services.get('ad-decision') ?? (base === undefined || base === '' ? '' : `${base}/ad-decision`)).replace(/\/+$/, '');
  const trackUrl = flags.get('track-url') ?? services.get('track') ?? (base === undefined || base === '' ? undefined : `${base}/track`);
  if (origin(adsUrl) === undefined) return `--target (or --ads-url) must be an http(s) URL\n${USAGE}`;
  if (trackUrl !== undefined && origin(trackUrl) === undefined) return `--track-url must be an http(s) URL`;
  const number = (name: string, fallback: number, min: number, max: number) => {
    const raw = flags.get(name);
    const n = raw === undefined ? fallback : Number(raw);
    return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
  };
  const rps = number('rps', NaN, 0.1, 1_000_000);
  const durationMs = parseDuration(flags.get('duration') ?? '');
  const timeoutMs = parseDuration(flags.get('timeout') ?? '5s');
  const concurrency = number('concurrency', 64, 1, 100_000);
  const [viewRate, clickRate, renderRate, seed] = [number('view-rate', 0.6, 0, 1), number('click-rate', 0.003, 0, 1), number('render-rate', 0.97, 0, 1), number('seed', 1, 0, 2 ** 31)];
  if (rps === undefined || durationMs === undefined || durationMs <= 0 || timeoutMs === undefined) return `--rps and --duration are required (e.g. --rps 50 --duration 30s)\n${USAGE}`;
  if (concurrency === undefined || viewRate === undefined || clickRate === undefined || renderRate === undefined || seed === undefined) return `a flag is out of range\n${USAGE}`;
  const publishers = (flags.get('publishers') ?? 'pub-demo').split(',').map((p) => p.trim()).filter(Boolean);
  const allowedOrigins = [...new Set([origin(adsUrl)!, ...(trackUrl === undefined ? [] : [origin(trackUrl)!])])];
  return { adsUrl, allowedOrigins, rps, durationMs, concurrency: Math.floor(concurrency), timeoutMs, publishers, viewRate, clickRate, renderRate, seed, json };
}

/** A small seeded generator (mulberry32), so a run can be repeated. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One of the items, by weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let r = this.next() * items.reduce((s, [, w]) => s + w, 0);
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items.at(-1)![0];
  }
}

interface Article {
  path: string;
  title: string;
  text: string;
  keywords: string[];
  categories: string[];
}

interface Site {
  host: string;
  lang: 'en' | 'es';
  countries: readonly (readonly [string, number])[];
  slots: { id: string; format: 'in-image' | 'in-article' | 'banner'; width: number; height: number }[];
  articles: Article[];
}

/** The publishers' pages the simulation visits: news, sport, recipes, travel; English and Spanish. */
export const SITES: readonly Site[] = [
  {
    host: 'news.example',
    lang: 'en',
    countries: [['GB', 4], ['US', 4], ['IE', 1], ['FR', 1]],
    slots: [{ id: 'hero', format: 'in-image', width: 640, height: 360 }, { id: 'mid', format: 'in-article', width: 600, height: 300 }],
    articles: [
      { path: '/city/marathon-record-turnout', title: 'Record turnout as 40,000 runners take on the city marathon', text: 'Organisers said the spring marathon drew more first-time runners than ever, with training groups in every borough. Physiotherapists at the finish line reported fewer injuries than last year, crediting better shoes and longer tapering.', keywords: ['marathon', 'running'], categories: ['483'] },
      { path: '/money/saving-on-energy-bills', title: 'Five ways households are cutting their energy bills this winter', text: 'Smart thermostats, switching tariffs and draught-proofing old windows topped the list of changes readers made. Consumer groups warned that fixed deals still carry exit fees worth checking before moving supplier.', keywords: ['energy', 'bills', 'savings'], categories: ['391', '417'] },
      { path: '/tech/phones-battery-test', title: 'We tested the battery life of this year’s flagship phones', text: 'Every handset lasted a full day of mixed use, but standby drain varied widely. Fast charging to half capacity took between eighteen and thirty minutes across the models we tried.', keywords: ['smartphones', 'battery'], categories: ['596', '632'] },
    ],
  },
  {
    host: 'runnersworld.example',
    lang: 'en',
    countries: [['US', 5], ['GB', 3], ['AU', 1]],
    slots: [{ id: 'top', format: 'banner', width: 728, height: 90 }, { id: 'inline', format: 'in-article', width: 600, height: 300 }],
    articles: [
      { path: '/training/first-half-marathon-plan', title: 'A twelve-week plan for your first half marathon', text: 'Build the long run by no more than ten percent a week, keep most miles easy, and practise your race-day breakfast on training days. Strides after easy runs sharpen form without adding fatigue.', keywords: ['half marathon', 'training plan', 'running'], categories: ['483', '225'] },
      { path: '/gear/trail-shoes-review', title: 'Trail running shoes that grip on wet rock', text: 'Deep lugs and sticky rubber compounds made the difference on our muddy test loop. Lighter models felt fast on hard-packed trails but slid on wet limestone descents.', keywords: ['trail running', 'shoes'], categories: ['483'] },
    ],
  },
  {
    host: 'noticias.example',
    lang: 'es',
    countries: [['ES', 6], ['MX', 2], ['AR', 1]],
    slots: [{ id: 'portada', format: 'in-image', width: 640, height: 360 }, { id: 'cuerpo', format: 'in-article', width: 600, height: 300 }],
    articles: [
      { path: '/deportes/maraton-de-madrid', title: 'El maratón de Madrid bate su récord de participación', text: 'Más de treinta mil corredores tomaron la salida en el paseo de la Castellana. Los organizadores destacaron el aumento de participantes femeninas y de clubes de barrio que entrenaron durante todo el invierno.', keywords: ['maratón', 'correr'], categories: ['483'] },
      { path: '/economia/hipotecas-tipo-fijo', title: 'Las hipotecas a tipo fijo vuelven a ganar terreno', text: 'Los bancos han recortado sus diferenciales para captar clientes, y casi siete de cada diez nuevas hipotecas se firman ya a tipo fijo. Los expertos recomiendan comparar la TAE y no solo el tipo nominal.', keywords: ['hipotecas', 'bancos'], categories: ['391', '392'] },
    ],
  },
  {
    host: 'recetas.example',
    lang: 'es',
    countries: [['ES', 4], ['MX', 3], ['CO', 2]],
    slots: [{ id: 'banner', format: 'banner', width: 320, height: 100 }, { id: 'receta', format: 'in-image', width: 640, height: 360 }],
    articles: [
      { path: '/platos/tortilla-de-patatas', title: 'Tortilla de patatas jugosa paso a paso', text: 'Pocha las patatas a fuego lento en abundante aceite de oliva, escúrrelas bien y déjalas reposar con el huevo batido unos minutos antes de cuajar la tortilla por ambos lados.', keywords: ['tortilla', 'receta'], categories: ['210', '216'] },
      { path: '/postres/flan-casero', title: 'Flan casero al baño maría', text: 'Un caramelo ligero en el fondo del molde, leche entera, huevos y vainilla. Hornea a temperatura moderada y deja enfriar toda la noche para que se desmolde limpio.', keywords: ['flan', 'postre'], categories: ['210', '217'] },
    ],
  },
];

const USER_AGENTS = {
  desktop: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  mobile: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  tablet: 'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
} as const;

type Device = keyof typeof USER_AGENTS;
const DEVICES: readonly (readonly [Device, number])[] = [['mobile', 55], ['desktop', 38], ['tablet', 7]];

/** TCF v2 consent strings a CMP would store: all purposes granted, or storage only. */
function tcStrings(): { granted: string; denied: string } {
  const purposes = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [i + 1, { id: i + 1, name: `Purpose ${i + 1}`, description: '', illustrations: [] }]));
  const gvl = new GVL({ gvlSpecificationVersion: 3, vendorListVersion: 1, tcfPolicyVersion: 5, lastUpdated: '2026-01-01T00:00:00Z', purposes, specialPurposes: {}, features: {}, specialFeatures: {}, vendors: {}, stacks: {}, dataCategories: {} } as unknown as ConstructorParameters<typeof GVL>[0]);
  const encode = (granted: number[]) => {
    const model = new TCModel(gvl);
    model.cmpId = 2;
    model.cmpVersion = 1;
    model.purposeConsents.set(granted);
    return TCString.encode(model);
  };
  return { granted: encode([1, 2, 3, 4, 7, 9, 10]), denied: encode([1]) };
}

/** A body and headers for one page view's `POST /v1/ads`, as the widget sends them. */
export interface PageView {
  url: string;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

type Consent = 'none' | 'gdpr-granted' | 'gdpr-denied' | 'gdpr-no-string';
const CONSENTS: readonly (readonly [Consent, number])[] = [['none', 40], ['gdpr-granted', 40], ['gdpr-denied', 15], ['gdpr-no-string', 5]];

/** One simulated page view: a site's article, a device, a country, a consent choice, a reader. */
export function pageView(rng: Rng, publishers: readonly string[], tc: { granted: string; denied: string }): PageView {
  const siteIndex = Math.floor(rng.next() * SITES.length);
  const site = SITES[siteIndex]!;
  const article = rng.pick(site.articles);
  const device = rng.weighted(DEVICES);
  const consent = rng.weighted(CONSENTS);
  const url = `https://${site.host}${article.path}`;
  const body: Record<string, unknown> = {
    publisher: publishers[siteIndex % publishers.length],
    page: { url, title: article.title, text: article.text, keywords: article.keywords, lang: site.lang, categories: article.categories },
    slots: site.slots,
    device: { type: device },
  };
  // The widget only keeps a first-party id where it may store one.
  if (consent === 'none' || consent === 'gdpr-granted') body.user = { id: `u${Math.floor(rng.next() ** 2 * 20_000)}` };
  if (consent === 'gdpr-granted') body.consent = { gdpr: true, tcString: tc.granted };
  else if (consent === 'gdpr-denied') body.consent = { gdpr: true, tcString: tc.denied };
  else if (consent === 'gdpr-no-string') body.consent = { gdpr: true };
  const headers = { 'content-type': 'application/json', 'user-agent': USER_AGENTS[device], origin: `https://${site.host}`, referer: url, 'x-country': rng.weighted(site.countries) };
  return { url, body, headers };
}

type BeaconKind = 'impression' | 'viewable' | 'click';

export interface Summary {
  adsUrl: string;
  allowedOrigins: string[];
  durationSeconds: number;
  rps: number;
  achievedRps: number;
  requests: { scheduled: number; sent: number; answered: number; failed: number; dropped: number };
  statuses: Record<string, number>;
  errors: Record<string, number>;
  slots: { requested: number; filled: number };
  fillRate: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  beacons: Record<BeaconKind, { sent: number; statuses: Record<string, number>; errors: number }> & { skipped: number; dropped: number };
}

const bump = (map: Record<string, number>, key: string) => void (map[key] = (map[key] ?? 0) + 1);

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

interface HttpResult {
  status: number;
  body: string;
}

class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * One request over a keep-alive connection pool: node:http rather than fetch, whose web streams
 * cost several times more CPU per request and would make the generator the bottleneck.
 */
function httpRequest(agents: Agents, url: string, init: { method: string; headers: Record<string, string>; body?: string; timeoutMs: number }): Promise<HttpResult> {
  const u = new URL(url);
  const secure = u.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(u, { method: init.method, headers: init.body === undefined ? init.headers : { ...init.headers, 'content-length': Buffer.byteLength(init.body) }, agent: secure ? agents.https : agents.http }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(init.timeoutMs, () => req.destroy(new TimeoutError(`no answer within ${init.timeoutMs} ms`)));
    req.on('error', reject);
    req.end(init.body);
  });
}

interface Agents {
  http: http.Agent;
  https: https.Agent;
}

interface Ad {
  impressionUrl?: unknown;
  viewableUrl?: unknown;
  clickUrl?: unknown;
}

class Run {
  readonly latencies: number[] = [];
  readonly summary: Summary;
  inFlight = 0;
  private readonly pending = new Set<Promise<void>>();
  readonly agents: Agents;

  constructor(
    readonly options: LoadOptions,
    private readonly rng: Rng,
  ) {
    const pool = { keepAlive: true, maxSockets: options.concurrency };
    this.agents = { http: new http.Agent(pool), https: new https.Agent(pool) };
    const beacon = () => ({ sent: 0, statuses: {}, errors: 0 });
    this.summary = {
      adsUrl: `${options.adsUrl}/v1/ads`,
      allowedOrigins: options.allowedOrigins,
      durationSeconds: options.durationMs / 1000,
      rps: options.rps,
      achievedRps: 0,
      requests: { scheduled: 0, sent: 0, answered: 0, failed: 0, dropped: 0 },
      statuses: {},
      errors: {},
      slots: { requested: 0, filled: 0 },
      fillRate: 0,
      latencyMs: { p50: 0, p95: 0, p99: 0, max: 0 },
      beacons: { impression: beacon(), viewable: beacon(), click: beacon(), skipped: 0, dropped: 0 },
    };
  }

  /** Keep a promise until it settles, so the run can wait for every request it started. */
  track(promise: Promise<void>): void {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise));
  }

  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  later(ms: number, fn: () => void): void {
    this.track(new Promise<void>((resolve) => setTimeout(() => (fn(), resolve()), ms)));
  }

  async adRequest(view: PageView, scheduledAt: number): Promise<void> {
    const s = this.summary;
    s.requests.sent++;
    s.slots.requested += (view.body.slots as unknown[]).length;
    try {
      const res = await httpRequest(this.agents, `${this.options.adsUrl}/v1/ads`, { method: 'POST', headers: view.headers, body: JSON.stringify(view.body), timeoutMs: this.options.timeoutMs });
      this.latencies.push(performance.now() - scheduledAt);
      s.requests.answered++;
      bump(s.statuses, String(res.status));
      if (res.status === 200) this.rendered(view, (JSON.parse(res.body) as { ads?: Ad[] }).ads ?? []);
    } catch (err) {
      s.requests.failed++;
      bump(s.errors, errorName(err));
    }
  }

  private rendered(view: PageView, ads: readonly Ad[]): void {
    this.summary.slots.filled += ads.length;
    for (const ad of ads) {
      if (this.rng.next() >= this.options.renderRate) continue;
      this.beacon('impression', ad.impressionUrl, view);
      if (this.rng.next() < this.options.viewRate) this.later(1000 + this.rng.next() * 1000, () => this.beacon('viewable', ad.viewableUrl, view));
      if (this.rng.next() < this.options.clickRate) this.later(500 + this.rng.next() * 2500, () => this.beacon('click', ad.clickUrl, view));
    }
  }

  private beacon(kind: BeaconKind, url: unknown, view: PageView): void {
    const target = typeof url === 'string' ? origin(url) : undefined;
    if (target === undefined || !this.options.allowedOrigins.includes(target)) {
      this.summary.beacons.skipped++;
      return;
    }
    if (this.inFlight >= this.options.concurrency) {
      this.summary.beacons.dropped++;
      return;
    }
    const stats = this.summary.beacons[kind];
    stats.sent++;
    this.inFlight++;
    const headers = { 'user-agent': view.headers['user-agent']!, referer: view.url };
    this.track(
      httpRequest(this.agents, url as string, { method: 'GET', headers, timeoutMs: this.options.timeoutMs })
        .then((res) => bump(stats.statuses, String(res.status)))
        .catch(() => void stats.errors++)
        .finally(() => void this.inFlight--),
    );
  }

  finish(elapsedMs: number): Summary {
    this.agents.http.destroy();
    this.agents.https.destroy();
    const s = this.summary;
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 100) / 100;
    s.latencyMs = { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? 0) };
    s.fillRate = s.slots.requested === 0 ? 0 : round(s.slots.filled / s.slots.requested);
    s.achievedRps = round(s.requests.sent / (elapsedMs / 1000));
    return s;
  }
}

function errorName(err: unknown): string {
  if (err instanceof TimeoutError) return 'timeout';
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : err instanceof Error ? err.name : 'error';
}

/** A one-line progress report of a running load. */
export function progressLine(s: Summary, elapsedMs: number, inFlight: number): string {
  const ok = s.statuses['200'] ?? 0;
  const fill = s.slots.requested === 0 ? 0 : (100 * s.slots.filled) / s.slots.requested;
  const beacons = s.beacons.impression.sent + s.beacons.viewable.sent + s.beacons.click.sent;
  return `${(elapsedMs / 1000).toFixed(1).padStart(6)}s  sent ${s.requests.sent}  ok ${ok}  errors ${s.requests.answered - ok + s.requests.failed}  dropped ${s.requests.dropped}  fill ${fill.toFixed(1)}%  beacons ${beacons}  in flight ${inFlight}`;
}

/**
 * Run the load: schedule `rps × duration` page views at their exact times (open loop), then wait
 * for every request and beacon started. `onProgress` is called about twice a second.
 */
export async function runLoad(options: LoadOptions, onProgress?: (line: string) => void): Promise<Summary> {
  const rng = new Rng(options.seed);
  const tc = tcStrings();
  const run = new Run(options, rng);
  const total = Math.max(1, Math.round((options.rps * options.durationMs) / 1000));
  const interval = 1000 / options.rps;
  const start = performance.now();
  const progress = onProgress === undefined ? undefined : setInterval(() => onProgress(progressLine(run.summary, performance.now() - start, run.inFlight)), 500);
  try {
    for (let i = 0; i < total; ) {
      const now = performance.now();
      for (; i < total && start + i * interval <= now; i++) launch(run, pageView(rng, options.publishers, tc), start + i * interval);
      if (i < total) await new Promise((r) => setTimeout(r, Math.max(1, Math.min(10, start + i * interval - performance.now()))));
    }
    const elapsed = performance.now() - start;
    await run.drain();
    return run.finish(elapsed);
  } finally {
    if (progress !== undefined) clearInterval(progress);
    onProgress?.(progressLine(run.summary, performance.now() - start, run.inFlight));
  }
}

function launch(run: Run, view: PageView, scheduledAt: number): void {
  run.summary.requests.scheduled++;
  if (run.inFlight >= run.options.concurrency) {
    run.summary.requests.dropped++;
    return;
  }
  run.inFlight++;
  run.track(run.adRequest(view, scheduledAt).finally(() => void run.inFlight--));
}

const counts = (m: Record<string, number>) =>
  Object.entries(m)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ') || 'none';

/** The summary as a person reads it. */
export function formatSummary(s: Summary): string {
  const b = s.beacons;
  const beacon = (k: BeaconKind) => `${k} ${b[k].sent} (${counts(b[k].statuses)}${b[k].errors > 0 ? `, ${b[k].errors} failed` : ''})`;
  return [
    `Tagline load: ${s.durationSeconds} s at ${s.rps} req/s → ${s.adsUrl} (achieved ${s.achievedRps} req/s)`,
    `  ad requests  ${s.requests.scheduled} scheduled, ${s.requests.sent} sent, ${s.requests.answered} answered, ${s.requests.failed} failed, ${s.requests.dropped} dropped at the concurrency limit`,
    `  statuses     ${counts(s.statuses)}`,
    `  errors       ${counts(s.errors)}`,
    `  fill rate    ${(s.fillRate * 100).toFixed(1)}% (${s.slots.filled} ads for ${s.slots.requested} slots)`,
    `  latency      p50 ${s.latencyMs.p50} ms, p95 ${s.latencyMs.p95} ms, p99 ${s.latencyMs.p99} ms, max ${s.latencyMs.max} ms (from each request's scheduled time)`,
    `  beacons      ${beacon('impression')}, ${beacon('viewable')}, ${beacon('click')}; ${b.skipped} skipped (other origins), ${b.dropped} dropped`,
    '',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const options = parseLoadArgs(argv);
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n`);
    return 2;
  }
  const summary = await runLoad(options, (line) => process.stderr.write(`\r${line}\u001b[K`));
  process.stderr.write('\n');
  process.stdout.write(options.json ? `${JSON.stringify(summary)}\n` : formatSummary(summary));
  return summary.requests.answered > 0 ? 0 : 1;
}

if (require.main === module) runMain(main);
