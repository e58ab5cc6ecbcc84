import type { Campaign, Creative, Format, Publisher } from '../../shared/model';
import { TargetingIndex } from './targeting-index';

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
  /** In the index's lists (false while parked or when it can fill no slot). */
  posted: boolean;
  /** When a parked campaign is looked at again (0 when not parked; Infinity: on its next change). */
  parkedUntil: number;
}

/** When a campaign that cannot deliver now should be looked at again; undefined when it can. */
export type BlockedUntil = (ic: IndexedCampaign) => number | undefined;

/**
 * The in-memory catalog ad-decision matches requests against: the active campaigns that have not
 * ended, the publishers, and the targeting index over the campaigns that can serve now. It
 * changes by deltas (one campaign upserted or removed, one campaign parked or woken), each a few
 * list inserts or removals, never a rebuild.
 */
export class Catalog {
  version: string;
  publishers: ReadonlyMap<string, Publisher>;
  readonly campaigns = new Map<string, IndexedCampaign>();
  readonly index = new TargetingIndex();
  private readonly wakes = new MinHeap();

  constructor(version: string, publishers: readonly Publisher[]) {
    this.version = version;
    this.publishers = new Map(publishers.map((p) => [p.id, p]));
  }

  /**
   * A catalog of `campaigns` built in one pass. `blockedUntil` says which cannot deliver now
   * (their delivery state, read before the build): they start parked instead of posted.
   */
  static build(version: string, campaigns: readonly Campaign[], publishers: readonly Publisher[], nowMs = Date.now(), blockedUntil?: BlockedUntil): Catalog {
    const catalog = new Catalog(version, publishers);
    const ready: IndexedCampaign[] = [];
    for (const c of campaigns) {
      const ic = catalog.admit(c, nowMs);
      if (ic === undefined) continue;
      const until = ic.startMs > nowMs ? ic.startMs : blockedUntil?.(ic);
      if (until === undefined) ready.push(ic);
      else catalog.parkUnposted(ic, until);
    }
    for (const ic of catalog.index.build(ready)) ic.posted = true;
    return catalog;
  }

  /** Index the stored campaign `id` anew: created or changed (`c`), or deleted (undefined). */
  upsert(id: string, c: Campaign | undefined, nowMs = Date.now(), blockedUntil?: BlockedUntil): IndexedCampaign | undefined {
    this.remove(id);
    if (c === undefined) return undefined;
    const ic = this.admit(c, nowMs);
    if (ic === undefined) return undefined;
    const until = ic.startMs > nowMs ? ic.startMs : blockedUntil?.(ic);
    if (until === undefined) ic.posted = this.index.add(ic);
    else this.parkUnposted(ic, until);
    return ic;
  }

  remove(id: string): void {
    const ic = this.campaigns.get(id);
    if (ic === undefined) return;
    this.campaigns.delete(id);
    if (ic.posted) this.index.remove(ic);
    ic.posted = false;
    ic.parkedUntil = 0;
  }

  setPublishers(publishers: readonly Publisher[]): void {
    this.publishers = new Map(publishers.map((p) => [p.id, p]));
  }

  /** Take a campaign that cannot deliver out of the lists until `untilMs` (Infinity: its next change). */
  park(ic: IndexedCampaign, untilMs: number): void {
    if (!ic.posted || this.campaigns.get(ic.id) !== ic) return;
    this.index.remove(ic);
    ic.posted = false;
    this.parkUnposted(ic, untilMs);
  }

  /**
   * Put back the parked campaigns whose time has come, at most `max` of them, each asked
   * `blockedUntil` again first. Returns how many were taken off the wake queue.
   */
  wake(nowMs: number, max: number, blockedUntil?: BlockedUntil): number {
    let n = 0;
    for (; n < max; n++) {
      const top = this.wakes.peek();
      if (top === undefined || top.at > nowMs) break;
      this.wakes.pop();
      const { ic } = top;
      if (this.campaigns.get(ic.id) !== ic || ic.posted || ic.parkedUntil !== top.at) continue;
      ic.parkedUntil = 0;
      const until = ic.startMs > nowMs ? ic.startMs : blockedUntil?.(ic);
      if (until !== undefined && until > nowMs) this.parkUnposted(ic, until);
      else ic.posted = this.index.add(ic);
    }
    return n;
  }

  /** The earliest time a parked campaign is due to be looked at again. */
  get nextWake(): number {
    return this.wakes.peek()?.at ?? Number.POSITIVE_INFINITY;
  }

  private admit(c: Campaign, nowMs: number): IndexedCampaign | undefined {
    if (c.status !== 'active') return undefined;
    const ic = indexCampaign(c);
    if (ic.endMs <= nowMs) return undefined;
    this.campaigns.set(ic.id, ic);
    return ic;
  }

  private parkUnposted(ic: IndexedCampaign, untilMs: number): void {
    ic.parkedUntil = untilMs;
    if (Number.isFinite(untilMs)) this.wakes.push({ at: untilMs, ic });
  }
}

interface Wake {
  at: number;
  ic: IndexedCampaign;
}

/** A binary min-heap of wake times. */
class MinHeap {
  private readonly items: Wake[] = [];

  peek(): Wake | undefined {
    return this.items[0];
  }

  push(w: Wake): void {
    const xs = this.items;
    let i = xs.push(w) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (xs[parent]!.at <= w.at) break;
      xs[i] = xs[parent]!;
      i = parent;
    }
    xs[i] = w;
  }

  pop(): Wake | undefined {
    const xs = this.items;
    const top = xs[0];
    const last = xs.pop();
    if (xs.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= xs.length) break;
      const r = l + 1;
      const child = r < xs.length && xs[r]!.at < xs[l]!.at ? r : l;
      if (xs[child]!.at >= last.at) break;
      xs[i] = xs[child]!;
      i = child;
    }
    xs[i] = last;
    return top;
  }
}

/** Rank order: priority tier, then effective eCPM, then id for a stable order. */
export function byRank(a: IndexedCampaign, b: IndexedCampaign): number {
  return a.tier - b.tier || b.ecpmMicros - a.ecpmMicros || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A stored campaign prepared for matching. */
export function indexCampaign(c: Campaign): IndexedCampaign {
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
    posted: false,
    parkedUntil: 0,
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
