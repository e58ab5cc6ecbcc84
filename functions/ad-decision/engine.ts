import type { BrandSafetyRisk } from '../../shared/events';
import type { Creative } from '../../shared/model';
import type { Catalog, IndexedCampaign } from './catalog';
import type { Slot } from './request';
import type { IndexQuery, Join } from './targeting-index';

/** What the engine knows of the page: its categories (request's or classified) and risk. */
export interface PageContext {
  categories: ReadonlySet<string>;
  /** Brand-safety risk from the page's classification; undefined when not classified yet. */
  risk: BrandSafetyRisk | undefined;
  /** Lower-cased words of the page's keywords, title and text, computed on first use. */
  words: () => ReadonlySet<string>;
}

export interface DecisionInput {
  publisher: string;
  slots: readonly Slot[];
  device: string | undefined;
  country: string | undefined;
  page: PageContext;
  nowMs: number;
}

/** Delivery state the engine consults in memory: budget, pacing and budget leases. */
export interface Gate {
  servable(ic: IndexedCampaign, nowMs: number): boolean;
  /**
   * For a campaign that is not servable: when to look at it again if it cannot deliver for a
   * while (budget spent, paced out; Infinity until it changes), undefined when that may change
   * any moment (a budget lease being taken, state not read yet).
   */
  blockedUntil(ic: IndexedCampaign, nowMs: number): number | undefined;
}

export interface Candidate {
  slot: Slot;
  ic: IndexedCampaign;
  creative: Creative;
}

/** Parked campaigns woken per decision; the catalog's timer wakes the rest. */
const WAKE_PER_DECISION = 8;

/**
 * The eligible campaigns of one slot in rank order (targeting, schedule and delivery; frequency
 * caps aside, as they need the user's counters), pulled from the index only as far as asked.
 * Campaigns found unable to deliver are parked once the decision's synchronous part is over.
 */
export class SlotCandidates {
  private readonly found: Candidate[] = [];
  private join: Join | undefined;
  private epoch: number;
  private last: IndexedCampaign | undefined;
  private done = false;

  constructor(
    private readonly catalog: Catalog,
    private readonly query: IndexQuery,
    private readonly input: DecisionInput,
    readonly slot: Slot,
    private readonly gate: Gate,
    private readonly parked: [IndexedCampaign, number][],
    /** A protocol's own rule (OpenRTB floors, blocklists): a refused candidate leaves the slot to the next. */
    private readonly admit?: (candidate: Candidate) => boolean,
  ) {
    this.epoch = catalog.index.epoch;
    this.join = catalog.index.match(query, slot);
    if (this.join === undefined) this.done = true;
  }

  /** The `i`-th candidate in rank order, if there are that many. */
  at(i: number): Candidate | undefined {
    while (this.found.length <= i && !this.done) this.pull();
    return this.found[i];
  }

  private pull(): void {
    if (this.catalog.index.epoch !== this.epoch) this.reopen();
    const ic = this.join?.next();
    if (ic === undefined) {
      this.done = true;
      return;
    }
    this.last = ic;
    const { input, gate } = this;
    const creative = eligibleCreative(ic, input, this.slot);
    if (creative === undefined) {
      if (input.nowMs < ic.startMs) this.parked.push([ic, ic.startMs]);
      else if (input.nowMs >= ic.endMs) this.parked.push([ic, Number.POSITIVE_INFINITY]);
    } else if (gate.servable(ic, input.nowMs)) {
      const candidate = { slot: this.slot, ic, creative };
      if (this.admit === undefined || this.admit(candidate)) this.found.push(candidate);
    } else {
      const until = gate.blockedUntil(ic, input.nowMs);
      if (until !== undefined) this.parked.push([ic, until]);
    }
  }

  /** The lists changed while this decision waited for the store: walk on from where it was. */
  private reopen(): void {
    this.epoch = this.catalog.index.epoch;
    this.join = this.catalog.index.match(this.query, this.slot);
    if (this.join !== undefined && this.last !== undefined) this.join.skipPast(this.last);
  }
}

/** The index query of a decision input. */
export function indexQuery(input: DecisionInput): IndexQuery {
  return { publisher: input.publisher, device: input.device, country: input.country, categories: input.page.categories, risk: input.page.risk, words: input.page.words };
}

/** Caps known so far for this user: campaign id → capped. */
export type CapsKnown = ReadonlyMap<string, boolean>;

export type Assignment = { chosen: Candidate[]; unknown?: undefined } | { chosen?: undefined; unknown: IndexedCampaign[] };

/**
 * Give each slot, in request order, its best candidate that is not frequency-capped and not
 * already on the page (no campaign twice on one page). When that depends on caps not read yet,
 * answer which to read instead: for each undecided slot, up to `batch` capped-campaign
 * candidates in rank order, enough that one read settles it in the common case.
 */
export function assign(slots: readonly SlotCandidates[], capsApply: boolean, known: CapsKnown, batch: number): Assignment {
  const used = new Set<string>();
  const chosen: Candidate[] = [];
  const unknown = new Map<string, IndexedCampaign>();
  let undecided = 0;
  for (const list of slots) {
    let pick: Candidate | undefined;
    let free = 0;
    let open = 0;
    for (let j = 0; ; j++) {
      const c = list.at(j);
      if (c === undefined) break;
      if (used.has(c.ic.id)) continue;
      const capped = capsApply && c.ic.hasFrequencyCap ? known.get(c.ic.id) : false;
      if (capped === true) continue;
      if (capped === undefined) {
        unknown.set(c.ic.id, c.ic);
        if (++open >= batch) break;
        continue;
      }
      pick ??= c;
      // Slots before this one may still take campaigns from this list: keep as many in reserve.
      if (++free > undecided) break;
    }
    if (open > 0) undecided++;
    else if (pick !== undefined) {
      used.add(pick.ic.id);
      chosen.push(pick);
    }
  }
  return unknown.size === 0 ? { chosen } : { unknown: [...unknown.values()] };
}

/** Wake the parked campaigns due by now (a few; the catalog's timer wakes the rest). */
export function wakeDue(catalog: Catalog, gate: Gate, nowMs: number): void {
  if (catalog.nextWake <= nowMs) catalog.wake(nowMs, WAKE_PER_DECISION, (ic) => gate.blockedUntil(ic, nowMs));
}

/** Park the campaigns a decision found unable to deliver. */
export function parkAll(catalog: Catalog, parked: [IndexedCampaign, number][]): void {
  for (const [ic, until] of parked) catalog.park(ic, until);
  parked.length = 0;
}

/** The creative of `ic` that fits `slot`, if `ic` may be shown there at all (targeting only). */
export function eligibleCreative(ic: IndexedCampaign, input: DecisionInput, slot: Slot): Creative | undefined {
  if (input.nowMs < ic.startMs || input.nowMs >= ic.endMs) return undefined;
  if (ic.publishers !== undefined && !ic.publishers.has(input.publisher)) return undefined;
  if (ic.formats !== undefined && !ic.formats.has(slot.format)) return undefined;
  if (ic.devices !== undefined && (input.device === undefined || !ic.devices.has(input.device))) return undefined;
  if (ic.countries !== undefined && (input.country === undefined || !ic.countries.has(input.country))) return undefined;
  const { page } = input;
  // A page not classified yet is decided on its declared context alone: it carries no flag yet.
  if (ic.brandSafety === 'strict' && (page.risk === 'medium' || page.risk === 'high')) return undefined;
  if (ic.brandSafety === 'moderate' && page.risk === 'high') return undefined;
  if (ic.include !== undefined && !intersects(ic.include, page.categories)) return undefined;
  if (ic.exclude !== undefined && intersects(ic.exclude, page.categories)) return undefined;
  if (ic.keywords !== undefined) {
    const words = page.words();
    if (!ic.keywords.some((k) => words.has(k) || (k.includes(' ') && k.split(/\s+/).every((w) => words.has(w))))) return undefined;
  }
  return ic.creatives.get(slot.format)?.find((c) => c.width <= slot.width && c.height <= slot.height);
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) return true;
  return false;
}
