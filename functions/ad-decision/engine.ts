import type { BrandSafetyRisk } from '../../shared/events';
import type { Creative } from '../../shared/model';
import type { Catalog, IndexedCampaign } from './catalog';
import { byRank } from './catalog';
import type { Slot } from './request';

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
}

export interface Candidate {
  slot: Slot;
  ic: IndexedCampaign;
  creative: Creative;
}

let stamp = 0;

/**
 * For each slot, the best few eligible campaigns in rank order (priority tier, then eCPM),
 * ignoring frequency caps, which need the user's counters from the store.
 */
export function shortlist(catalog: Catalog, input: DecisionInput, gate: Gate, depth = input.slots.length + 2): Map<string, Candidate[]> {
  const lists: (readonly IndexedCampaign[])[] = [];
  const byPublisher = catalog.buckets.get(`p:${input.publisher}`);
  if (byPublisher !== undefined) lists.push(byPublisher);
  for (const category of input.page.categories) {
    const list = catalog.buckets.get(`c:${category}`);
    if (list !== undefined) lists.push(list);
  }
  if (catalog.wildcard.length > 0) lists.push(catalog.wildcard);

  const out = new Map<string, Candidate[]>();
  for (const slot of input.slots) {
    const found: Candidate[] = [];
    const current = ++stamp;
    const heads = lists.map(() => 0);
    while (found.length < depth) {
      let best = -1;
      for (let i = 0; i < lists.length; i++) {
        const head = lists[i]![heads[i]!];
        if (head !== undefined && (best < 0 || byRank(head, lists[best]![heads[best]!]!) < 0)) best = i;
      }
      if (best < 0) break;
      const ic = lists[best]![heads[best]!++]!;
      if (ic.seen === current) continue;
      ic.seen = current;
      const creative = eligibleCreative(ic, input, slot);
      if (creative !== undefined && gate.servable(ic, input.nowMs)) found.push({ slot, ic, creative });
    }
    out.set(slot.id, found);
  }
  return out;
}

/**
 * Give each slot its best candidate that is not frequency-capped and not already on the page
 * (no campaign twice on one page). Slots are filled in request order.
 */
export function assign(slots: readonly Slot[], shortlists: ReadonlyMap<string, readonly Candidate[]>, capped: (ic: IndexedCampaign) => boolean): Candidate[] {
  const used = new Set<string>();
  const chosen: Candidate[] = [];
  for (const slot of slots) {
    const pick = shortlists.get(slot.id)?.find((c) => !used.has(c.ic.id) && !capped(c.ic));
    if (pick === undefined) continue;
    used.add(pick.ic.id);
    chosen.push(pick);
  }
  return chosen;
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
