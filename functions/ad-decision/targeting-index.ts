import type { BrandSafetyRisk } from '../../shared/events';
import type { Format } from '../../shared/model';
import type { IndexedCampaign } from './catalog';
import { byRank } from './catalog';
import { Cursor, PostingList } from './posting-list';
import type { Slot } from './request';

/**
 * The boolean-expression index (after Whang et al., "Indexing Boolean Expressions", VLDB 2009):
 * a campaign's targeting is a conjunction of one "∈" condition per dimension, and for each
 * dimension the campaign is posted under every value it accepts, or under the dimension's
 * wildcard when it accepts any. A request holds one value (or a few) per dimension, so the
 * campaigns that match it are the intersection, over the dimensions, of the union of that
 * dimension's lists for the request's values and its wildcard list.
 *
 * Every list is sorted in rank order (priority tier, eCPM, id), so the intersection is walked
 * in rank order by a leapfrog join (each list seeks forward to the largest head) and stops at
 * the first campaigns that pass the exact check: its cost follows the request's own lists and
 * how far down the rank order it must go, not the catalog's size. Rank is a static score per
 * campaign, so the first match is the best one (the early stop WAND gets from upper bounds).
 *
 * Dimensions: publisher, format×creative size, device, country, topic and brand safety. The
 * topic is included categories and keywords as one dimension of (category, keyword) pairs, each
 * side a value or the wildcard: a catalog of campaigns that each want one category and a keyword
 * would otherwise give a page two unions that are large apiece and whose intersection is empty
 * (every campaign of its categories, every campaign of its words), and the join would walk the
 * smaller one. Paired, the page reads only the lists of its own (category, word) pairs, which
 * hold exactly the campaigns wanting both. A campaign whose pairs would be too many is posted
 * under one side alone with the wildcard on the other (a superset). Excluded categories ("∉"),
 * keyword phrases and schedules are checked exactly on the few campaigns the join yields;
 * campaigns outside their schedule or unable to deliver leave the lists altogether (see
 * Catalog.park).
 */
export class TargetingIndex {
  private readonly lists = new Map<string, PostingList<IndexedCampaign>>();
  /** Creative sizes posted per format, as `[key, width, height]`. */
  private readonly sizes = new Map<Format, Map<string, readonly [number, number]>>();
  /** How many topic lists name each category (or the wildcard) on their category side. */
  private readonly topicCategories = new Map<string, number>();
  /** How many topic lists name each keyword (or the wildcard) on their keyword side. */
  private readonly topicWords = new Map<string, number>();
  /** Bumped by every change to the lists: cursors opened before it are stale. */
  epoch = 0;
  /** Campaigns posted: a list this long holds every one of them. */
  private posted = 0;

  /** Post a campaign under its keys; false when it can fill no slot at all (never posted). */
  add(ic: IndexedCampaign): boolean {
    const keys = postingKeys(ic);
    if (keys === undefined) return false;
    this.epoch++;
    for (const key of keys) {
      let list = this.lists.get(key);
      if (list === undefined) {
        list = new PostingList(byRank);
        this.lists.set(key, list);
        this.created(key);
      }
      list.insert(ic);
    }
    this.posted++;
    return true;
  }

  remove(ic: IndexedCampaign): void {
    this.epoch++;
    let removed = false;
    for (const key of postingKeys(ic) ?? []) {
      const list = this.lists.get(key);
      if (list === undefined) continue;
      if (list.remove(ic)) removed = true;
      if (list.size === 0) {
        this.lists.delete(key);
        this.dropped(key);
      }
    }
    if (removed) this.posted--;
  }

  /** Replace the whole index with `campaigns` (a cold start): one sort, then lists built in order. */
  build(campaigns: readonly IndexedCampaign[]): IndexedCampaign[] {
    const sorted = [...campaigns].sort(byRank);
    const arrays = new Map<string, IndexedCampaign[]>();
    const posted: IndexedCampaign[] = [];
    for (const ic of sorted) {
      const keys = postingKeys(ic);
      if (keys === undefined) continue;
      posted.push(ic);
      for (const key of keys) {
        const xs = arrays.get(key);
        if (xs === undefined) arrays.set(key, [ic]);
        else xs.push(ic);
      }
    }
    this.epoch++;
    this.posted = posted.length;
    this.lists.clear();
    this.sizes.clear();
    this.topicCategories.clear();
    this.topicWords.clear();
    for (const [key, xs] of arrays) {
      this.lists.set(key, PostingList.fromSorted(byRank, xs));
      this.created(key);
    }
    return posted;
  }

  /** The campaigns whose indexed targeting accepts `query` for `slot`, lazily, in rank order. */
  match(query: IndexQuery, slot: Slot): Join | undefined {
    const dims: PostingList<IndexedCampaign>[][] = [];
    const sized: PostingList<IndexedCampaign>[] = [];
    for (const [key, [w, h]] of this.sizes.get(slot.format) ?? []) if (w <= slot.width && h <= slot.height) this.collect(sized, key);
    dims.push(sized);
    dims.push(this.any('p', [query.publisher]));
    dims.push(this.any('d', query.device === undefined ? [] : [query.device]));
    dims.push(this.any('g', query.country === undefined ? [] : [query.country]));
    dims.push(this.topic(query));
    const safety: PostingList<IndexedCampaign>[] = [];
    this.collect(safety, 'b:off');
    if (query.risk !== 'high') this.collect(safety, 'b:moderate');
    if (query.risk !== 'high' && query.risk !== 'medium') this.collect(safety, 'b:strict');
    dims.push(safety);
    // A dimension with a list holding every posted campaign (its wildcard, when no campaign
    // targets it) constrains nothing: the join leaves it out rather than seek in it. Leaving a
    // dimension out only lets more candidates reach the exact check, never fewer.
    const unions: Union[] = [];
    let everything: PostingList<IndexedCampaign> | undefined;
    for (const lists of dims) {
      if (lists.length === 0) return undefined;
      const all = lists.find((l) => l.size === this.posted);
      if (all === undefined) unions.push(new Union(lists));
      else everything ??= all;
    }
    if (unions.length === 0) unions.push(new Union([everything!]));
    unions.sort((a, b) => a.size - b.size);
    return new Join(unions);
  }

  /** Lists and postings, for the benchmark's memory figures. */
  stats(): { lists: number; postings: number } {
    let postings = 0;
    for (const list of this.lists.values()) postings += list.size;
    return { lists: this.lists.size, postings };
  }

  private any(dim: string, values: Iterable<string>): PostingList<IndexedCampaign>[] {
    const out: PostingList<IndexedCampaign>[] = [];
    for (const v of values) this.collect(out, `${dim}:${v}`);
    this.collect(out, `${dim}*`);
    return out;
  }

  /** The topic lists of the request: every (category, word) pair it has a list for, wildcards included. */
  private topic(query: IndexQuery): PostingList<IndexedCampaign>[] {
    const categories = this.topicCategories;
    const words = this.topicWords;
    const out: PostingList<IndexedCampaign>[] = [];
    if (categories.size === 0) return out;
    const cs: string[] = [];
    for (const c of query.categories) if (c !== ANY && categories.has(c)) cs.push(c);
    if (categories.has(ANY)) cs.push(ANY);
    if (cs.length === 0) return out;
    const ws: string[] = [];
    // Reading the page's words costs a pass over its text: only when some campaign wants a keyword.
    if (words.size > (words.has(ANY) ? 1 : 0)) for (const w of query.words()) if (w !== ANY && words.has(w)) ws.push(w);
    if (words.has(ANY)) ws.push(ANY);
    for (const c of cs) for (const w of ws) this.collect(out, topicKey(c, w));
    return out;
  }

  private collect(out: PostingList<IndexedCampaign>[], key: string): void {
    const list = this.lists.get(key);
    if (list !== undefined) out.push(list);
  }

  private created(key: string): void {
    const topic = parseTopicKey(key);
    if (topic !== undefined) {
      count(this.topicCategories, topic[0], 1);
      count(this.topicWords, topic[1], 1);
      return;
    }
    const size = parseSizeKey(key);
    if (size === undefined) return;
    let byKey = this.sizes.get(size.format);
    if (byKey === undefined) this.sizes.set(size.format, (byKey = new Map()));
    byKey.set(key, [size.width, size.height]);
  }

  private dropped(key: string): void {
    const topic = parseTopicKey(key);
    if (topic !== undefined) {
      count(this.topicCategories, topic[0], -1);
      count(this.topicWords, topic[1], -1);
      return;
    }
    const size = parseSizeKey(key);
    if (size !== undefined) this.sizes.get(size.format)?.delete(key);
  }
}

/** The request's side of the index: one value or a few per dimension. */
export interface IndexQuery {
  publisher: string;
  device: string | undefined;
  country: string | undefined;
  categories: Iterable<string>;
  risk: BrandSafetyRisk | undefined;
  words: () => Iterable<string>;
}

/**
 * The keys a campaign is posted under, one or more per dimension; undefined when some
 * dimension has none (no creative in a format it may serve), so it can never match.
 */
export function postingKeys(ic: IndexedCampaign): string[] | undefined {
  const keys: string[] = [];
  for (const [format, creatives] of ic.creatives) {
    if (ic.formats !== undefined && !ic.formats.has(format)) continue;
    for (const c of creatives) keys.push(`s:${format}:${c.width}:${c.height}`);
  }
  if (keys.length === 0) return undefined;
  const posted = (dim: string, values: Iterable<string> | undefined) => {
    if (values === undefined) keys.push(`${dim}*`);
    else for (const v of values) keys.push(`${dim}:${v}`);
  };
  posted('p', ic.publishers);
  posted('d', ic.devices);
  posted('g', ic.countries);
  const categories = ic.include === undefined ? [ANY] : [...ic.include];
  // A phrase matches when the page has it whole or has each of its words, so it is posted
  // under itself and under its first word: a superset, narrowed by the exact check.
  const words = ic.keywords === undefined ? [ANY] : [...new Set(ic.keywords.flatMap((k) => [k, k.split(/\s+/)[0]!]))];
  if (categories.length * words.length <= MAX_TOPIC_PAIRS || categories[0] === ANY || words[0] === ANY) {
    for (const c of categories) for (const w of words) keys.push(topicKey(c, w));
  } else if (categories.length <= words.length) {
    for (const c of categories) keys.push(topicKey(c, ANY));
  } else {
    for (const w of words) keys.push(topicKey(ANY, w));
  }
  keys.push(`b:${ic.brandSafety}`);
  return [...new Set(keys)];
}

/** The wildcard side of a topic pair: any category, or any keyword. */
const ANY = '*';
/** Past this many (category, keyword) pairs a campaign is posted under one side only. */
const MAX_TOPIC_PAIRS = 32;
/** Between a pair's category and keyword: neither an IAB id nor a page's word holds it. */
const TOPIC_SEPARATOR = '\u0000';

function topicKey(category: string, word: string): string {
  return `t:${category}${TOPIC_SEPARATOR}${word}`;
}

function parseTopicKey(key: string): [string, string] | undefined {
  if (!key.startsWith('t:')) return undefined;
  const at = key.indexOf(TOPIC_SEPARATOR);
  return [key.slice(2, at), key.slice(at + 1)];
}

function count(map: Map<string, number>, key: string, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n === 0) map.delete(key);
  else map.set(key, n);
}

function parseSizeKey(key: string): { format: Format; width: number; height: number } | undefined {
  if (!key.startsWith('s:')) return undefined;
  const [, format, w, h] = key.split(':');
  return { format: format as Format, width: Number(w), height: Number(h) };
}

/**
 * The union of one dimension's lists for a request, walked in rank order: its cursors in a
 * binary heap by head, so a seek moves only the cursors behind the target (a page's keywords can
 * open dozens of lists, most of them far ahead).
 */
class Union {
  readonly size: number;
  private readonly heap: Cursor<IndexedCampaign>[];
  head: IndexedCampaign | undefined;

  constructor(lists: readonly PostingList<IndexedCampaign>[]) {
    this.size = lists.reduce((n, l) => n + l.size, 0);
    this.heap = [];
    for (const l of lists) {
      const c = new Cursor(l);
      if (c.head !== undefined) this.push(c);
    }
    this.head = this.heap[0]?.head;
  }

  seek(target: IndexedCampaign): IndexedCampaign | undefined {
    const { heap } = this;
    while (heap.length > 0 && byRank(heap[0]!.head!, target) < 0) {
      const c = heap[0]!;
      if (c.seek(target) === undefined) this.popTop();
      else this.siftDown(0);
    }
    return (this.head = heap[0]?.head);
  }

  next(): IndexedCampaign | undefined {
    const { heap } = this;
    const h = this.head;
    while (heap.length > 0 && heap[0]!.head === h) {
      if (heap[0]!.next() === undefined) this.popTop();
      else this.siftDown(0);
    }
    return (this.head = heap[0]?.head);
  }

  private push(c: Cursor<IndexedCampaign>): void {
    const { heap } = this;
    let i = heap.push(c) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (byRank(heap[parent]!.head!, c.head!) <= 0) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = c;
  }

  private popTop(): void {
    const last = this.heap.pop()!;
    if (this.heap.length === 0) return;
    this.heap[0] = last;
    this.siftDown(0);
  }

  private siftDown(from: number): void {
    const { heap } = this;
    const c = heap[from]!;
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= heap.length) break;
      const r = l + 1;
      const child = r < heap.length && byRank(heap[r]!.head!, heap[l]!.head!) < 0 ? r : l;
      if (byRank(heap[child]!.head!, c.head!) >= 0) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = c;
  }
}

/** Leapfrog intersection of the dimensions' unions, in rank order. */
export class Join {
  private started = false;
  private done = false;

  constructor(private readonly dims: readonly Union[]) {}

  /** Continue after `x` (a campaign this join's lists may no longer hold). */
  skipPast(x: IndexedCampaign): void {
    for (const d of this.dims) if (d.seek(x) === x) d.next();
    this.started = false;
  }

  next(): IndexedCampaign | undefined {
    const { dims } = this;
    const n = dims.length;
    if (this.done) return undefined;
    if (this.started) dims[0]!.next();
    this.started = true;
    let x = dims[0]!.head;
    let agree = 1;
    for (let i = 1; x !== undefined && agree < n; i++) {
      const h = dims[i % n]!.seek(x);
      if (h === x) agree++;
      else {
        x = h;
        agree = 1;
      }
    }
    if (x === undefined) this.done = true;
    return x;
  }
}
