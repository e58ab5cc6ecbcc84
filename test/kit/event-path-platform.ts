import type { Ad } from '../../functions/ad-decision/decide';
import type { Platform } from '../../local/platform';
import { knativeOptions, startTempPlatform } from './platform';
import { BROWSER_UA } from './tokens';

/** One ad as `POST /v1/ads` returns it. */
export type ServedAd = Ad;

/** The local platform running the real `knative/` manifests, with helpers to drive the event path. */
export interface EventPathPlatform {
  platform: Platform;
  admin: Record<string, string>;
  /** POST a campaign (ARCHITECTURE §3 input) through the campaigns API; returns its id. */
  createCampaign(input: Record<string, unknown>): Promise<string>;
  /** Ask ad-decision for ads: `count` requests of one banner slot each. */
  requestAds(count: number): Promise<ServedAd[]>;
  /** Fire a beacon URL as a browser does; resolves to the status. */
  fire(url: string): Promise<number>;
  /** The report rows of `campaign` (day granularity, last day). */
  report(campaign: string): Promise<{ impressions: number; viewable: number; clicks: number; spend: number } | undefined>;
  close(): Promise<void>;
}

export const E2E_PUBLISHER = { id: 'pub-e2e', name: 'End to End News', domains: ['news.example'] };

/** A campaign input for the platform: active, asap, a banner 300×250 on the e2e publisher, priced as given; `overrides` replace top-level fields. */
export function campaignInput(name: string, pricing: { model: 'cpm' | 'cpc'; amount: number }, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    advertiser: 'adv-e2e',
    status: 'active',
    priority: 'standard',
    pricing: { ...pricing, currency: 'EUR' },
    budget: { total: 1000 },
    pacing: 'asap',
    schedule: { start: '2020-01-01T00:00:00Z' },
    targeting: { publishers: [E2E_PUBLISHER.id] },
    creatives: [{ id: `${name}-banner`, format: 'banner', width: 300, height: 250, imageUrl: 'https://cdn.example/banner.png', landingUrl: 'https://shop.example/landing' }],
    ...overrides,
  };
}

/** Start the platform on a fresh data directory with one publisher and no demo seed. */
export async function startEventPathPlatform(): Promise<EventPathPlatform> {
  const { platform, log: output, close } = await startTempPlatform(knativeOptions({ seed: false, env: { LOG_LEVEL: 'warn' } }), 'tagline-e2e-', 'warn');
  const admin = { authorization: `Bearer ${platform.adminKey}`, 'content-type': 'application/json' };
  const api = async (method: string, url: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${platform.url}${url}`, { method, headers: admin, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${url} → ${res.status}: ${text}\n${output.slice(-20).join('\n')}`);
    return text === '' ? undefined : JSON.parse(text);
  };
  await api('POST', '/campaigns/v1/publishers', E2E_PUBLISHER);
  return {
    platform,
    admin,
    createCampaign: async (input) => ((await api('POST', '/campaigns/v1/campaigns', input)) as { id: string }).id,
    requestAds: async (count) => {
      const body = { publisher: E2E_PUBLISHER.id, page: { url: 'https://news.example/e2e', title: 'End to end' }, slots: [{ id: 'top', format: 'banner', width: 300, height: 250 }] };
      const answers = await Promise.all(
        Array.from({ length: count }, async () => {
          const res = await fetch(`${platform.url}/ad-decision/v1/ads`, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': BROWSER_UA }, body: JSON.stringify(body) });
          if (res.status !== 200) throw new Error(`POST /v1/ads → ${res.status}: ${await res.text()}`);
          return ((await res.json()) as { ads: ServedAd[] }).ads;
        }),
      );
      return answers.flat();
    },
    fire: async (url) => {
      const res = await fetch(url, { headers: { 'user-agent': BROWSER_UA }, redirect: 'manual' });
      await res.arrayBuffer();
      return res.status;
    },
    report: async (campaign) => {
      const res = await fetch(`${platform.url}/report/v1/reports?granularity=day&campaign=${encodeURIComponent(campaign)}`, { headers: admin });
      if (res.status !== 200) return undefined;
      const { rows } = (await res.json()) as { rows: { impressions: number; viewable: number; clicks: number; spend: number }[] };
      return rows.reduce((sum, r) => ({ impressions: sum.impressions + r.impressions, viewable: sum.viewable + r.viewable, clicks: sum.clicks + r.clicks, spend: sum.spend + r.spend }), { impressions: 0, viewable: 0, clicks: 0, spend: 0 });
    },
    close,
  };
}

/**
 * Beacon-to-report latencies through the platform: one impression at a time, from the beacon
 * request until the report counts it (the benchmark's end-to-end figure).
 */
export async function beaconToReportLatencies(samples: number): Promise<number[]> {
  const e2e = await startEventPathPlatform();
  try {
    const campaign = await e2e.createCampaign(campaignInput('latency', { model: 'cpm', amount: 2 }));
    const ads = (await e2e.requestAds(samples + 5)).filter((ad) => ad.campaign === campaign);
    for (const ad of ads.slice(0, 5)) await e2e.fire(ad.impressionUrl);
    while ((await e2e.report(campaign))?.impressions !== 5) await new Promise((r) => setTimeout(r, 20));
    let counted = 5;
    const latencies: number[] = [];
    for (const ad of ads.slice(5)) {
      const t0 = performance.now();
      await e2e.fire(ad.impressionUrl);
      counted++;
      while (((await e2e.report(campaign))?.impressions ?? 0) < counted) await new Promise((r) => setTimeout(r, 2));
      latencies.push(performance.now() - t0);
    }
    return latencies;
  } finally {
    await e2e.close();
  }
}
