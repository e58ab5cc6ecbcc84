/**
 * The local platform on the real `knative/` manifests, no demo seed, with what the classification
 * tests drive: the campaigns API, `POST /v1/ads` as a reader's browser sends it, the page
 * classifications in the store every process shares, and the Broker's counts.
 */
import type { Ad } from '../../functions/ad-decision/decide';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../../local/command';
import type { BrokerStats } from '../../local/broker';
import { startPlatform, type Platform } from '../../local/platform';
import type { PageClassifiedData } from '../../shared/events';
import { createLogger } from '../../shared/logger';
import { normalisePageUrl, pageHash, pageKey } from '../../shared/page';
import { openStore, type Store } from '../../shared/store';
import { BROWSER_UA } from './tokens';
import type { PageContent } from './classify-pages';

/** Three banner slots of one page, so a response shows every campaign eligible there. */
export const SLOTS = [
  { id: 'top', format: 'banner', width: 300, height: 250 },
  { id: 'middle', format: 'banner', width: 300, height: 250 },
  { id: 'bottom', format: 'banner', width: 300, height: 250 },
] as const;

export interface ClassifyPlatform {
  platform: Platform;
  /** Everything the platform and its processes printed, for failure messages. */
  log: string[];
  /** POST a publisher through the campaigns API; pages are on `https://<domain>/`. */
  createPublisher(id: string, domain: string): Promise<void>;
  /** POST a campaign through the campaigns API; returns its id. */
  createCampaign(input: Record<string, unknown>): Promise<string>;
  /** `POST /ad-decision/v1/ads` for `page` at `url`, three banner slots: the status and the ads answered. */
  askAds(publisher: string, url: string, page: Partial<PageContent>): Promise<{ status: number; ads: Ad[]; text: string }>;
  /** {@link askAds}, throwing unless it answered 200. */
  requestAds(publisher: string, url: string, page: Partial<PageContent>): Promise<Ad[]>;
  /** The classification stored for the page at `url`, as ad-decision would read it. */
  classification(url: string): Promise<PageClassifiedData | undefined>;
  /** The default Broker's delivery counts. */
  broker(): Promise<BrokerStats>;
  close(): Promise<void>;
}

/** A campaign input (ARCHITECTURE §3) for one publisher: active, asap, one 300×250 banner. */
export function campaignInput(name: string, publisher: string, priority: 'sponsorship' | 'standard' | 'house', targeting: Record<string, unknown> = {}): Record<string, unknown> {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    name,
    advertiser: `adv-${slug}`,
    status: 'active',
    priority,
    pricing: { model: 'cpm', amount: 3, currency: 'EUR' },
    budget: { total: 10_000 },
    pacing: 'asap',
    schedule: { start: '2020-01-01T00:00:00Z' },
    targeting: { publishers: [publisher], formats: ['banner'], ...targeting },
    creatives: [{ id: `${slug}-300x250`, format: 'banner', width: 300, height: 250, imageUrl: `https://cdn.example/${slug}.png`, landingUrl: `https://shop.example/${slug}` }],
  };
}

/** Start the platform in a fresh data directory, its store opened here too (SQLite, WAL). */
export async function startClassifyPlatform(): Promise<ClassifyPlatform> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tagline-classify-'));
  const storeUrl = `sqlite:${path.join(dataDir, 'tagline.db')}`;
  const log: string[] = [];
  const platform = await startPlatform({
    manifestsDir: path.join(ROOT, 'knative'),
    dataDir,
    storeUrl,
    port: 0,
    seed: false,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn' },
    output: (line) => void log.push(line),
    logger: createLogger('platform', 'warn', (line) => log.push(line)),
    stopGraceMs: 2000,
  });
  const store: Store = await openStore(storeUrl);
  const admin = { authorization: `Bearer ${platform.adminKey}`, 'content-type': 'application/json' };
  const post = async (url: string, body: unknown): Promise<unknown> => {
    const res = await fetch(`${platform.url}${url}`, { method: 'POST', headers: admin, body: JSON.stringify(body) });
    const text = await res.text();
    if (res.status !== 201) throw new Error(`POST ${url} → ${res.status}: ${text}\n${log.slice(-20).join('\n')}`);
    return JSON.parse(text);
  };
  const askAds = async (publisher: string, url: string, page: Partial<PageContent>) => {
    const res = await fetch(`${platform.url}/ad-decision/v1/ads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': BROWSER_UA },
      body: JSON.stringify({ publisher, page: { url, ...page }, slots: SLOTS, device: { type: 'desktop' } }),
    });
    const text = await res.text();
    return { status: res.status, ads: res.status === 200 ? (JSON.parse(text) as { ads: Ad[] }).ads : [], text };
  };
  return {
    platform,
    log,
    createPublisher: async (id, domain) => void (await post('/campaigns/v1/publishers', { id, name: `Publisher ${id}`, domains: [domain] })),
    createCampaign: async (input) => ((await post('/campaigns/v1/campaigns', input)) as { id: string }).id,
    askAds,
    requestAds: async (publisher, url, page) => {
      const { status, ads, text } = await askAds(publisher, url, page);
      if (status !== 200) throw new Error(`POST /ad-decision/v1/ads → ${status}: ${text}`);
      return ads;
    },
    classification: (url) => store.get<PageClassifiedData>(pageKey(pageHash(normalisePageUrl(url)!))),
    broker: async () => {
      const [broker] = (await platform.status()).brokers;
      if (broker === undefined) throw new Error('the platform runs no Broker');
      return broker;
    },
    close: async () => {
      await store.close();
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Calls `probe` until `done` holds for its answer (a tenth of a second apart) and returns that
 * answer; throws, naming `what` and the last answer, after `timeoutMs`.
 */
export async function eventually<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms; last answer ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
