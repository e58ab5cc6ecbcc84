import test from 'ava';
import { capWindowStart, counterKeys, utcDay } from '../../shared/counters';
import { createLogger } from '../../shared/logger';
import type { Campaign, Creative, Format } from '../../shared/model';
import { BRAND_SAFETY_RISKS } from '../../shared/events';
import { openStore, type Effect } from '../../shared/store';
import { byRank, Catalog, indexCampaign, type IndexedCampaign } from './catalog';
import { DeliveryState } from './delivery-state';
import { assign, eligibleCreative, indexQuery, parkAll, SlotCandidates, wakeDue, type Candidate, type DecisionInput } from './engine';
import { Cursor, PostingList } from './posting-list';
import type { Slot } from './request';
import { campaign } from '../../test/kit/ad-decision';

/** mulberry32: every run tests the same catalogs, and a failure names its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rnd = () => number;
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const some = <T>(rnd: Rnd, xs: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(rnd() * max) }, () => pick(rnd, xs)))];
const maybe = (rnd: Rnd, p: number) => rnd() < p;

const PUBLISHERS = ['pub-a', 'pub-b', 'pub-c'];
const COUNTRIES = ['ES', 'FR', 'DE'];
const DEVICES = ['desktop', 'mobile', 'tablet'] as const;
const FORMATS: Format[] = ['banner', 'in-image', 'in-article'];
const CATEGORIES = ['483', '484', '512', '527', '533'];
/** Categories no page has, so broadly targeted campaigns have more (category, keyword) pairs than the index posts. */
const BROAD_CATEGORIES = [...CATEGORIES, ...Array.from({ length: 20 }, (_, i) => String(600 + i))];
const KEYWORDS = ['running', 'marathon', 'tennis', 'running shoes', 'trail running', 'recipe'];
const WORDS = ['running', 'marathon', 'tennis', 'shoes', 'trail', 'recipe', 'news'];
const SIZES: [number, number][] = [[300, 250], [320, 50], [640, 120], [600, 300], [728, 90]];
const USER = 'user-1';
const DAY_MS = 86_400_000;

/** `targeted`: how often a campaign targets each dimension, relative to the usual catalog (low: most dimensions untargeted by all). */
function randomCampaign(rnd: Rnd, i: number, nowMs: number, targeted = 1): Campaign {
  const id = `r${i}`;
  const cpc = maybe(rnd, 0.3);
  // Few distinct prices, so ties in eCPM (broken by id) are common.
  const amount = pick(rnd, [1, 2, 2, 3, 5]) * (cpc ? 250_000 : 1_000_000);
  const creatives: Creative[] = some(rnd, FORMATS, 3).flatMap((format, k) =>
    some(rnd, SIZES, 2).map(([width, height], j) => ({ id: `${id}-${k}-${j}`, format, width, height, imageUrl: `https://cdn.example/${id}.png`, landingUrl: `https://shop.example/${id}` })),
  );
  const start = pick(rnd, [nowMs - 30 * DAY_MS, nowMs - 30 * DAY_MS, nowMs + DAY_MS]);
  const end = pick(rnd, [undefined, undefined, nowMs - DAY_MS, nowMs + 30 * DAY_MS]);
  const daily = maybe(rnd, 0.4) ? pick(rnd, [5_000_000, 50_000_000]) : undefined;
  const broad = maybe(rnd, 0.15);
  return campaign({
    id,
    status: pick(rnd, ['active', 'active', 'active', 'active', 'paused', 'archived'] as const),
    priority: pick(rnd, ['sponsorship', 'standard', 'standard', 'house'] as const),
    pricing: { model: cpc ? 'cpc' : 'cpm', amountMicros: amount, currency: 'EUR' },
    budget: { totalMicros: pick(rnd, [10_000_000, 1_000_000_000]), ...(daily === undefined ? {} : { dailyMicros: daily }) },
    pacing: maybe(rnd, 0.3) ? 'even' : 'asap',
    schedule: { start: new Date(start).toISOString(), ...(end === undefined || end <= start ? {} : { end: new Date(end).toISOString() }) },
    ...(maybe(rnd, 0.4) ? { frequencyCap: { impressions: pick(rnd, [1, 2]), windowSeconds: 86_400 } } : {}),
    targeting: {
      ...(maybe(rnd, 0.4 * targeted) ? { publishers: some(rnd, PUBLISHERS, 2) } : {}),
      ...(maybe(rnd, 0.3 * targeted) ? { countries: some(rnd, COUNTRIES, 2) } : {}),
      ...(maybe(rnd, 0.3 * targeted) ? { devices: some(rnd, DEVICES, 2) } : {}),
      ...(maybe(rnd, 0.3 * targeted) ? { formats: some(rnd, FORMATS, 2) } : {}),
      ...(maybe(rnd, 0.4) ? { categories: { ...(maybe(rnd, 0.7) ? { include: broad ? some(rnd, BROAD_CATEGORIES, 12) : some(rnd, CATEGORIES, 2) } : {}), ...(maybe(rnd, 0.4) ? { exclude: some(rnd, CATEGORIES, 2) } : {}) } } : {}),
      ...(maybe(rnd, 0.3) ? { keywords: some(rnd, KEYWORDS, broad ? 12 : 2) } : {}),
      ...(maybe(rnd, 0.4 * targeted) ? { brandSafety: pick(rnd, ['strict', 'moderate', 'off'] as const) } : {}),
    },
    creatives,
  });
}

function randomInput(rnd: Rnd, nowMs: number): DecisionInput {
  const words = new Set(some(rnd, WORDS, 4));
  if (maybe(rnd, 0.3)) words.add(pick(rnd, KEYWORDS));
  const slots: Slot[] = Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, i) => {
    const [width, height] = pick(rnd, [...SIZES, [1000, 1000], [300, 300]]);
    return { id: `s${i}`, format: pick(rnd, FORMATS), width, height };
  });
  return {
    publisher: pick(rnd, PUBLISHERS),
    slots,
    device: maybe(rnd, 0.8) ? pick(rnd, DEVICES) : undefined,
    country: maybe(rnd, 0.8) ? pick(rnd, COUNTRIES) : undefined,
    page: { categories: new Set(maybe(rnd, 0.8) ? some(rnd, CATEGORIES, 2) : []), risk: maybe(rnd, 0.5) ? pick(rnd, BRAND_SAFETY_RISKS) : undefined, words: () => words },
    nowMs,
  };
}

/** Spend, exhaustion flags and this user's impressions, so budgets, pacing and caps all bite. */
function randomState(rnd: Rnd, c: Campaign, nowMs: number): Effect[] {
  const day = utcDay(nowMs);
  const effects: Effect[] = [];
  const r = rnd();
  if (r < 0.15) effects.push({ type: 'counter', key: counterKeys.spendTotal(c.id), by: c.budget.totalMicros });
  else if (r < 0.25) effects.push({ type: 'put', key: counterKeys.exhausted(c.id), value: { budgetMicros: c.budget.totalMicros } });
  else if (r < 0.4 && c.budget.dailyMicros !== undefined) effects.push({ type: 'counter', key: counterKeys.spendDay(c.id, day), by: Math.round(c.budget.dailyMicros * pick(rnd, [0.5, 0.99, 1])) });
  if (c.frequencyCap !== undefined && maybe(rnd, 0.5)) {
    effects.push({ type: 'counter', key: counterKeys.frequency(c.id, USER, capWindowStart(nowMs, c.frequencyCap.windowSeconds)), by: pick(rnd, [1, 2]) });
  }
  return effects;
}

/** The plain linear scan the index must agree with: every stored campaign, every slot in order. */
function linearScan(docs: readonly Campaign[], input: DecisionInput, state: DeliveryState, capped: (id: string) => boolean): [string, string, string][] {
  const ics = docs.filter((c) => c.status === 'active').map(indexCampaign);
  const used = new Set<string>();
  const out: [string, string, string][] = [];
  for (const slot of input.slots) {
    let best: { ic: IndexedCampaign; creative: Creative } | undefined;
    for (const ic of ics) {
      if (used.has(ic.id) || capped(ic.id)) continue;
      const creative = eligibleCreative(ic, input, slot);
      if (creative === undefined || !state.servable(ic, input.nowMs)) continue;
      if (best === undefined || byRank(ic, best.ic) < 0) best = { ic, creative };
    }
    if (best !== undefined) {
      used.add(best.ic.id);
      out.push([slot.id, best.ic.id, best.creative.id]);
    }
  }
  return out;
}

/** The index's answer, reading caps as the decision does: in batches, only those it needs. */
function indexed(catalog: Catalog, input: DecisionInput, state: DeliveryState, capped: ((id: string) => boolean) | undefined): { chosen: [string, string, string][]; reads: number } {
  wakeDue(catalog, state, input.nowMs);
  const parked: [IndexedCampaign, number][] = [];
  const query = indexQuery(input);
  const lists = input.slots.map((slot) => new SlotCandidates(catalog, query, input, slot, state, parked));
  const known = new Map<string, boolean>();
  let reads = 0;
  for (let batch = 16; ; batch *= 4) {
    const result = assign(lists, capped !== undefined, known, batch);
    parkAll(catalog, parked);
    if (result.unknown === undefined) return { chosen: result.chosen.map((c: Candidate) => [c.slot.id, c.ic.id, c.creative.id]), reads };
    reads++;
    for (const ic of result.unknown) known.set(ic.id, capped!(ic.id));
  }
}

test('the index chooses exactly what a linear scan over the same catalog chooses (random catalogs, requests, state and updates)', async (t) => {
  const logger = createLogger('ad-decision', 'error');
  let compared = 0;
  let filled = 0;
  let parkedSeen = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const rnd = prng(seed);
    const nowMs = Date.now();
    const store = await openStore('sqlite::memory:');
    try {
      // Every fourth catalog barely targets: whole dimensions are then the wildcard's alone.
      const targeted = seed % 4 === 0 ? 0.02 : 1;
      const docs = Array.from({ length: 20 + Math.floor(rnd() * 100) }, (_, i) => randomCampaign(rnd, i, nowMs, targeted));
      for (const c of docs) {
        const effects = randomState(rnd, c, nowMs);
        if (effects.length > 0) await store.applyOnce('test', c.id, effects);
      }
      const state = new DeliveryState(store, logger);
      await state.load(docs, nowMs);
      const catalog = Catalog.build('1', docs, [], nowMs, (ic) => state.blockedUntil(ic, nowMs));
      const frequency = await store.getCounters(docs.map((c) => counterKeys.frequency(c.id, USER, capWindowStart(nowMs, c.frequencyCap?.windowSeconds ?? 60))));
      const seen = new Map(docs.map((c, i) => [c.id, frequency[i]!]));
      const capped = (id: string) => {
        const cap = docs.find((c) => c.id === id)?.frequencyCap;
        return cap !== undefined && seen.get(id)! >= cap.impressions;
      };
      for (let r = 0; r < 40; r++) {
        if (maybe(rnd, 0.25)) {
          // An admin write: create, change, pause or archive one campaign, applied as a delta.
          // Campaign `r${i}` is docs[i]: a new one takes the next id.
          const i = Math.min(Math.floor(rnd() * (docs.length + 3)), docs.length);
          const next = randomCampaign(rnd, i, nowMs, targeted);
          if (i < docs.length) docs[i] = next;
          else docs.push(next);
          await state.load([next], nowMs);
          catalog.upsert(next.id, next, nowMs, (ic) => state.blockedUntil(ic, nowMs));
        }
        const input = randomInput(rnd, nowMs);
        const withUser = maybe(rnd, 0.6);
        const expected = linearScan(docs, input, state, withUser ? capped : () => false);
        const got = indexed(catalog, input, state, withUser ? capped : undefined);
        t.deepEqual(got.chosen, expected, `seed ${seed}, request ${r}`);
        compared++;
        filled += expected.length;
      }
      for (const ic of catalog.campaigns.values()) if (!ic.posted) parkedSeen++;
    } finally {
      await store.close();
    }
  }
  t.log(`${compared} requests compared, ${filled} slots filled, ${parkedSeen} campaigns parked at the end`);
  t.true(filled > compared / 2, 'the random catalogs fill slots often enough to test something');
  t.true(parkedSeen > 0, 'some campaigns were parked');
});

test('a user capped on the top 10 campaigns gets the 11th, after one read of caps', async (t) => {
  const logger = createLogger('ad-decision', 'error');
  const nowMs = Date.now();
  const store = await openStore('sqlite::memory:');
  t.teardown(() => store.close());
  const docs = Array.from({ length: 30 }, (_, i) => campaign({ id: `top-${String(i).padStart(2, '0')}`, pricing: { model: 'cpm', amountMicros: 10_000_000 - i * 100_000, currency: 'EUR' }, frequencyCap: { impressions: 1, windowSeconds: 86_400 } }));
  for (const c of docs.slice(0, 10)) await store.applyOnce('test', c.id, [{ type: 'counter', key: counterKeys.frequency(c.id, USER, capWindowStart(nowMs, 86_400)), by: 1 }]);
  const state = new DeliveryState(store, logger);
  await state.load(docs, nowMs);
  const catalog = Catalog.build('1', docs, [], nowMs);
  const input: DecisionInput = { publisher: 'pub-a', slots: [{ id: 'top', format: 'banner', width: 300, height: 250 }], device: undefined, country: undefined, page: { categories: new Set(), risk: undefined, words: () => new Set() }, nowMs };
  const cappedIds = new Set(docs.slice(0, 10).map((c) => c.id));
  const got = indexed(catalog, input, state, (id) => cappedIds.has(id));
  t.deepEqual(got.chosen.map(([, id]) => id), ['top-10']);
  t.is(got.reads, 1);
});

test('categories and keywords are one dimension: a page whose categories and words each match many campaigns, but no campaign both, opens no list', (t) => {
  const nowMs = Date.now();
  // 400 campaigns in 4 groups: category 1 with keyword a, 2 with b, 3 with c, 4 with d.
  const docs = Array.from({ length: 400 }, (_, i) => campaign({ id: `pair-${i}`, targeting: { categories: { include: [String(1 + (i % 4))] }, keywords: [['a', 'b', 'c', 'd'][i % 4]!] } }));
  const catalog = Catalog.build('1', docs, [], nowMs);
  const slot: Slot = { id: 's', format: 'banner', width: 300, height: 250 };
  const query = (categories: string[], words: string[]) => ({ publisher: 'pub-a', device: undefined, country: undefined, categories, risk: undefined, words: () => words });
  const both = docs.filter((_, i) => i % 4 < 2);
  // Categories 1–2 hold 200 campaigns and words c–d 200, but none wants both: nothing to walk.
  t.is(catalog.index.match(query(['1', '2'], ['c', 'd']), slot), undefined);
  const join = catalog.index.match(query(['1', '2'], ['a', 'b']), slot)!;
  const found: string[] = [];
  for (let ic = join.next(); ic !== undefined; ic = join.next()) found.push(ic.id);
  t.deepEqual(found.sort(), both.map((c) => c.id).sort(), 'exactly the campaigns wanting one of the categories and one of the words');
});

test('posting lists stay sorted through random inserts and removals across chunk splits', (t) => {
  const rnd = prng(99);
  const order = (a: number, b: number) => a - b;
  const list = new PostingList(order);
  const truth = new Set<number>();
  for (let i = 0; i < 20_000; i++) {
    const x = Math.floor(rnd() * 5_000);
    if (truth.has(x)) {
      t.true(list.remove(x));
      truth.delete(x);
    } else {
      list.insert(x);
      truth.add(x);
    }
  }
  const sorted = [...truth].sort(order);
  t.is(list.size, sorted.length);
  t.deepEqual(list.chunks.flat(), sorted);
  const cursor = new Cursor(list);
  for (const target of [0, 17, 1_000, 2_500, 4_999, 6_000]) {
    const expected = sorted.find((x) => x >= target);
    t.is(cursor.seek(target), expected);
  }
  t.false(list.remove(-1));
});
