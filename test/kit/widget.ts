/**
 * Set-up shared by the widget's browser tests and benchmark: the local platform running the real
 * manifests with the demo seed, headless Chromium, what one page view did on the network, the
 * report's totals, and small HTTP servers standing in for other publishers' sites.
 */
import type { Ad } from '../../functions/ad-decision/decide';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import type { Platform } from '../../local/platform';
import { buildWidget, WIDGET_BUNDLE } from '../../scripts/build-widget';
import { findProgram, missing } from './needs';
import { knativeOptions, startTempPlatform } from './platform';

export const CHROMIUM = findProgram('chromium') ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/**
 * A desktop Chrome user agent. Headless Chromium announces itself as `HeadlessChrome`, which
 * track rightly refuses to bill; the tests play a reader's browser.
 */
export const DESKTOP_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

/** Why the browser tests cannot run on this machine, or undefined when they can. */
export function chromiumMissing(): string | undefined {
  return missing('chromium');
}

/** Headless Chromium as the tests drive it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A new reader: its own storage, a desktop window. */
export function newReader(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  return browser.newContext({ userAgent: DESKTOP_UA, viewport });
}

export interface DemoPlatform {
  platform: Platform;
  /** Everything the platform and its processes printed, for failure messages. */
  log: string[];
  close(): Promise<void>;
}

/** The platform on `knative/` with the demo seed, in a fresh data directory; the tag built. */
export async function startDemoPlatform(): Promise<DemoPlatform> {
  if (!existsSync(WIDGET_BUNDLE)) await buildWidget();
  const { platform, log, close } = await startTempPlatform(knativeOptions({ seed: true }), 'tagline-widget-');
  if (platform.seeded?.errors.length) throw new Error(`demo seed failed: ${platform.seeded.errors.join('; ')}`);
  return { platform, log, close };
}

/** One ad of an ad-decision answer (the contract's shape, from ad-decision itself). */
export type ServedAd = Ad;

/** A beacon the reader's browser sent: its URL and when (epoch ms). */
export interface Beacon {
  url: string;
  method: string;
  at: number;
}

/**
 * What one page view did on the network: the ad requests the tag sent (one per batch of slots
 * near the viewport), their answers, and every beacon to track from the reader's browser context
 * (a click opens another tab). Attach it before navigating.
 */
export class PageView {
  /** The first ad request: the slots near the viewport when the page loaded. */
  adRequest: Record<string, unknown> | undefined;
  adRequestHeaders: Record<string, string> = {};
  /** Every ad request, in the order sent. */
  readonly adRequests: Record<string, unknown>[] = [];
  /** The ads of every answer so far. */
  ads: ServedAd[] = [];
  readonly beacons: Beacon[] = [];
  readonly errors: string[] = [];
  private answers = 0;

  constructor(readonly page: Page) {
    page.on('request', (req) => this.onAdRequest(req));
    page.context().on('request', (req) => this.onBeacon(req));
    page.on('response', (res) => {
      if (res.request().method() !== 'POST' || !res.url().includes('/v1/ads')) return;
      res
        .json()
        .then((body: unknown) => {
          const ads = (body as { ads?: unknown }).ads;
          if (Array.isArray(ads)) this.ads.push(...(ads as ServedAd[]));
        })
        .catch(() => undefined)
        .finally(() => this.answers++);
    });
    page.on('pageerror', (err) => this.errors.push(`pageerror: ${err.message}`));
  }

  private onAdRequest(req: Request): void {
    if (req.method() !== 'POST' || !req.url().includes('/v1/ads')) return;
    const body = JSON.parse(req.postData() ?? 'null') as Record<string, unknown>;
    this.adRequests.push(body);
    if (this.adRequest === undefined) {
      this.adRequest = body;
      this.adRequestHeaders = req.headers();
    }
  }

  private onBeacon(req: Request): void {
    const url = req.url();
    if (/\/track\/[ivc]\?t=/.test(url)) this.beacons.push({ url, method: req.method(), at: Date.now() });
  }

  /** Wait for the first ad-decision answer (and its parsing); the ads answered so far. */
  async answer(timeoutMs = 15_000): Promise<ServedAd[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.answers === 0) {
      if (Date.now() > deadline) throw new Error('no ad answer');
      await delay(25);
    }
    return this.ads;
  }

  /** Wait until an answer has served an ad matching `predicate` (a slot asked for later, say). */
  async waitForAd(predicate: (ad: ServedAd) => boolean, timeoutMs = 15_000): Promise<ServedAd> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ad = this.ads.find(predicate);
      if (ad !== undefined) return ad;
      if (Date.now() > deadline) throw new Error(`no such ad served within ${timeoutMs} ms; served: ${JSON.stringify(this.ads.map((a) => [a.slot, a.format, a.creative]))}`);
      await delay(25);
    }
  }

  /**
   * Scroll to the bottom a viewport at a time, so the tag asks for every placement, and wait for
   * every answer.
   */
  async readToTheEnd(timeoutMs = 15_000): Promise<ServedAd[]> {
    while (await this.page.evaluate<boolean>('(() => { const before = scrollY; scrollBy(0, innerHeight); return scrollY > before; })()')) await delay(200);
    await delay(200);
    const deadline = Date.now() + timeoutMs;
    while (this.answers < this.adRequests.length) {
      if (Date.now() > deadline) throw new Error(`${this.adRequests.length - this.answers} ad requests unanswered`);
      await delay(25);
    }
    return this.ads;
  }

  /** The ad served in `slot` (throws when there is none). */
  ad(predicate: (ad: ServedAd) => boolean): ServedAd {
    const ad = this.ads.find(predicate);
    if (ad === undefined) throw new Error(`no such ad among ${JSON.stringify(this.ads.map((a) => [a.slot, a.format, a.creative]))}`);
    return ad;
  }

  /** How many times `url` was requested. */
  sent(url: string): number {
    return this.beacons.filter((b) => b.url === url).length;
  }

  /** Resolve once `url` has been requested, or reject after `timeoutMs`. */
  async waitFor(url: string, timeoutMs = 10_000): Promise<Beacon> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.beacons.find((b) => b.url === url);
      if (hit !== undefined) return hit;
      if (Date.now() > deadline) throw new Error(`beacon not sent within ${timeoutMs} ms: ${url.slice(0, 80)}…`);
      await delay(25);
    }
  }

  /** Wait until every served ad's impression beacon has been sent. */
  async rendered(timeoutMs = 10_000): Promise<void> {
    await this.answer();
    for (const ad of this.ads) await this.waitFor(ad.impressionUrl, timeoutMs);
  }
}

/** Open `url` in a new page of `context`, watched by a PageView. */
export async function openView(context: BrowserContext, url: string): Promise<PageView> {
  const page = await context.newPage();
  const view = new PageView(page);
  await page.goto(url);
  return view;
}

/**
 * Load the demo page and read it to the end, until ad-decision fills what `ready` wants. The
 * first views are decided on context alone; the page's categories arrive once classify has read
 * it (page.observed through the Broker), which takes a few seconds on a cold platform.
 */
export async function warmUp(browser: Browser, url: string, ready: (ads: ServedAd[]) => boolean, timeoutMs = 60_000): Promise<ServedAd[]> {
  const deadline = Date.now() + timeoutMs;
  let last: ServedAd[] = [];
  while (Date.now() < deadline) {
    const context = await newReader(browser);
    try {
      const view = await openView(context, url);
      await view.answer();
      await view.readToTheEnd();
      last = view.ads;
      if (ready(last)) return last;
    } finally {
      await context.close();
    }
    await delay(500);
  }
  throw new Error(`the demo page never got the expected ads; last answer: ${JSON.stringify(last.map((a) => [a.slot, a.creative]))}`);
}

export interface Totals {
  impressions: number;
  viewable: number;
  clicks: number;
}

/** The report's totals per campaign over the last day (admin key). */
export async function reportTotals(platform: Platform, publisher: string): Promise<Map<string, Totals>> {
  const res = await fetch(`${platform.url}/report/v1/reports?publisher=${encodeURIComponent(publisher)}&granularity=day`, {
    headers: { authorization: `Bearer ${platform.adminKey}`, accept: 'application/json' },
  });
  if (res.status !== 200) throw new Error(`GET /report/v1/reports answered ${res.status}: ${await res.text()}`);
  const { rows } = (await res.json()) as { rows: (Totals & { campaign: string })[] };
  const totals = new Map<string, Totals>();
  for (const row of rows) {
    const t = totals.get(row.campaign) ?? { impressions: 0, viewable: 0, clicks: 0 };
    t.impressions += row.impressions;
    t.viewable += row.viewable;
    t.clicks += row.clicks;
    totals.set(row.campaign, t);
  }
  return totals;
}

/**
 * The report's totals once they have stopped moving (no change for `quietMs`): beacons of earlier
 * page views still on their way through track and the Broker would otherwise land in the next
 * test's count.
 */
export async function settledTotals(platform: Platform, publisher: string, quietMs = 1500, timeoutMs = 30_000): Promise<Map<string, Totals>> {
  const deadline = Date.now() + timeoutMs;
  let last = await reportTotals(platform, publisher);
  let since = Date.now();
  while (Date.now() < deadline) {
    await delay(250);
    const now = await reportTotals(platform, publisher);
    if (difference(last, now).size > 0) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return now;
  }
  return last;
}

/** Per-campaign difference `after - before`, for the campaigns in `after`. */
export function difference(before: Map<string, Totals>, after: Map<string, Totals>): Map<string, Totals> {
  const out = new Map<string, Totals>();
  for (const [campaign, a] of after) {
    const b = before.get(campaign) ?? { impressions: 0, viewable: 0, clicks: 0 };
    const d = { impressions: a.impressions - b.impressions, viewable: a.viewable - b.viewable, clicks: a.clicks - b.clicks };
    if (d.impressions !== 0 || d.viewable !== 0 || d.clicks !== 0) out.set(campaign, d);
  }
  return out;
}

/**
 * Poll the report until the change since `before` equals `expected` (events travel track →
 * Broker → report), and return the last change seen.
 */
export async function reportChange(platform: Platform, publisher: string, before: Map<string, Totals>, expected: Map<string, Totals>, timeoutMs = 30_000): Promise<Map<string, Totals>> {
  const deadline = Date.now() + timeoutMs;
  let change = new Map<string, Totals>();
  while (Date.now() < deadline) {
    change = difference(before, await reportTotals(platform, publisher));
    if (JSON.stringify([...change].sort()) === JSON.stringify([...expected].sort())) return change;
    await delay(250);
  }
  return change;
}

/** What beacons say about each campaign, in the report's terms. */
export function expectedTotals(views: PageView[]): Map<string, Totals> {
  const out = new Map<string, Totals>();
  for (const view of views) {
    for (const ad of view.ads) {
      const t = out.get(ad.campaign) ?? { impressions: 0, viewable: 0, clicks: 0 };
      t.impressions += Math.min(1, view.sent(ad.impressionUrl));
      t.viewable += Math.min(1, view.sent(ad.viewableUrl));
      t.clicks += Math.min(1, view.sent(ad.clickUrl));
      if (t.impressions + t.viewable + t.clicks > 0) out.set(ad.campaign, t);
    }
  }
  return out;
}

export interface Server {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A small HTTP server on the loopback interface (another publisher's site, a broken ad server). */
export async function startServer(handler: http.RequestListener): Promise<Server> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A publisher article carrying the tag: an in-article slot (its height reserved, as the tag's
 * guidance asks) and a large photo, on another origin.
 */
export function publisherPage(options: { tagSrc: string; publisher: string; endpoint?: string; headExtra?: string }): string {
  const endpoint = options.endpoint === undefined ? '' : ` data-endpoint="${options.endpoint}"`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Riverside notes — Test Gazette</title>
<style>body{font:18px/1.6 Georgia,serif;margin:0}main{max-width:680px;margin:0 auto;padding:24px}img{display:block;width:100%;height:auto}</style>
${options.headExtra ?? ''}<script async src="${options.tagSrc}" data-publisher="${options.publisher}"${endpoint}></script></head>
<body><main><article><h1>Riverside notes</h1>
<p id="first">The embankment reopened this week after two years of works, with a wider path, new lamps and benches facing the water.</p>
<img src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1200' height='675'%3E%3Crect width='1200' height='675' fill='%23668'/%3E%3C/svg%3E" width="1200" height="675" alt="The new embankment path">
<div id="slot" data-tagline-slot="in-article" data-width="300" data-height="250" style="min-height:250px"></div>
<p>Residents say the benches are already full at lunchtime, and the cafés along the quay have put out their terraces early.</p>
</article></main></body></html>`;
}

/**
 * A Chromium whose tabs behave as a reader's: only the front tab is visible. Playwright's own
 * launch emulates focus on every page, which keeps every page "visible"; attaching over CDP to
 * the default context without Playwright's overrides (`noDefaults`) leaves tab visibility real.
 */
export async function launchTabbedChromium(): Promise<{ browser: Browser; close(): Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'tagline-chromium-'));
  const child: ChildProcess = spawn(CHROMIUM, [...CHROMIUM_ARGS, '--headless', `--user-agent=${DESKTOP_UA}`, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    // Its own process group, so closing ends the helper processes that write the profile too.
    detached: true,
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${err}`)), 15_000);
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m !== null) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited with ${code}:\n${err}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint, { noDefaults: true });
  return {
    browser,
    close: async () => {
      await browser.close().catch(() => undefined);
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // the whole group is gone already
      }
      // A profile left in the temporary directory is untidy, not a failed test.
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      } catch (err) {
        process.emitWarning(`Chromium profile ${profile} not removed: ${(err as Error).message}`);
      }
    },
  };
}

export function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
