import type { Campaign, Creative, Format, Publisher } from '../../shared/model';

/** Click-through rate assumed for CPC bids when ranking them against CPM bids. */
export const EXPECTED_CTR = 0.002;

const TIER = { sponsorship: 0, standard: 1, house: 2 } as const;

/** A campaign prepared for matching: sets instead of arrays, money per impression, a rank. */
export interface IndexedCampaign {
  campaign: Campaign;
  id: string;
  tier: number;
  /** Effective revenue per thousand impressions, micros (CPC through `EXPECTED_CTR`). */
  ecpmMicros: number;
  /** Expected cost of one impression, micros (what budget leases are drawn down by). */
  costMicros: number;
  startMs: number;
  endMs: number;
  publishers: ReadonlySet<string> | undefined;
  countries: ReadonlySet<string> | undefined;
  devices: ReadonlySet<string> | undefined;
  formats: ReadonlySet<string> | undefined;
  include: ReadonlySet<string> | undefined;
  exclude: ReadonlySet<string> | undefined;
  keywords: readonly string[] | undefined;
  brandSafety: 'strict' | 'moderate' | 'off';
  /** Creatives per format, largest first. */
  creatives: ReadonlyMap<Format, readonly Creative[]>;
  hasFrequencyCap: boolean;
  /** Stamp of the last request that looked at this campaign (dedupes across buckets). */
  seen: number;
}

/**
 * The in-memory index ad-decision matches requests against, rebuilt whenever the store's
 * campaign or publisher version changes. Each campaign sits in the buckets of its most selective
 * targeting (its publishers, else its included categories, else the wildcard bucket), and each
 * bucket is sorted by rank, so a request merges a handful of short sorted lists instead of
 * scanning every campaign.
 */
export interface Catalog {
  version: string;
  publishers: ReadonlyMap<string, Publisher>;
  campaigns: ReadonlyMap<string, IndexedCampaign>;
  buckets: ReadonlyMap<string, readonly IndexedCampaign[]>;
  wildcard: readonly IndexedCampaign[];
}

export function buildCatalog(version: string, campaigns: readonly Campaign[], publishers: readonly Publisher[], nowMs = Date.now()): Catalog {
  const byId = new Map<string, IndexedCampaign>();
  const buckets = new Map<string, IndexedCampaign[]>();
  const wildcard: IndexedCampaign[] = [];
  for (const c of campaigns) {
    if (c.status !== 'active') continue;
    const ic = indexCampaign(c);
    if (ic.endMs <= nowMs) continue;
    byId.set(ic.id, ic);
    const keys = ic.publishers !== undefined ? [...ic.publishers].map((p) => `p:${p}`) : ic.include !== undefined ? [...ic.include].map((k) => `c:${k}`) : undefined;
    if (keys === undefined) wildcard.push(ic);
    else for (const key of keys) push(buckets, key, ic);
  }
  for (const list of buckets.values()) list.sort(byRank);
  wildcard.sort(byRank);
  return { version, publishers: new Map(publishers.map((p) => [p.id, p])), campaigns: byId, buckets, wildcard };
}

/** Rank order: priority tier, then effective eCPM, then id for a stable order. */
export function byRank(a: IndexedCampaign, b: IndexedCampaign): number {
  return a.tier - b.tier || b.ecpmMicros - a.ecpmMicros || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function indexCampaign(c: Campaign): IndexedCampaign {
  const t = c.targeting ?? {};
  const amount = c.pricing.amountMicros;
  const perImpression = c.pricing.model === 'cpm' ? amount / 1000 : amount * EXPECTED_CTR;
  const creatives = new Map<Format, Creative[]>();
  for (const cr of c.creatives) push(creatives, cr.format, cr);
  for (const list of creatives.values()) list.sort((a, b) => b.width * b.height - a.width * a.height);
  return {
    campaign: c,
    id: c.id,
    tier: TIER[c.priority],
    ecpmMicros: Math.round(perImpression * 1000),
    costMicros: Math.max(1, Math.ceil(perImpression)),
    startMs: Date.parse(c.schedule.start),
    endMs: c.schedule.end === undefined ? Number.POSITIVE_INFINITY : Date.parse(c.schedule.end),
    publishers: set(t.publishers),
    countries: set(t.countries),
    devices: set(t.devices),
    formats: set(t.formats),
    include: set(t.categories?.include),
    exclude: set(t.categories?.exclude),
    keywords: t.keywords?.length ? t.keywords.map((k) => k.toLowerCase()) : undefined,
    brandSafety: t.brandSafety ?? 'off',
    creatives,
    hasFrequencyCap: c.frequencyCap !== undefined,
    seen: 0,
  };
}

function set(values: readonly string[] | undefined): ReadonlySet<string> | undefined {
  return values === undefined || values.length === 0 ? undefined : new Set(values);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
