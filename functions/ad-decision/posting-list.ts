/**
 * A list kept sorted by a total order, stored as chunks of at most `CHUNK` items so that an
 * insert or a removal moves at most one chunk (a splice into one array of a million items moves
 * megabytes and blocks the event loop for milliseconds). Cursors seek forward by binary search
 * over the chunks' last items, then within one chunk.
 */
const CHUNK = 512;

export type Order<T> = (a: T, b: T) => number;

export class PostingList<T> {
  /** Non-empty chunks, each sorted, all in order. */
  readonly chunks: T[][] = [];
  size = 0;

  constructor(readonly order: Order<T>) {}

  /** Build from items already sorted by `order` (no duplicates). */
  static fromSorted<T>(order: Order<T>, items: readonly T[]): PostingList<T> {
    const list = new PostingList(order);
    for (let i = 0; i < items.length; i += CHUNK / 2) list.chunks.push(items.slice(i, i + CHUNK / 2));
    list.size = items.length;
    return list;
  }

  insert(item: T): void {
    const { chunks, order } = this;
    this.size++;
    if (chunks.length === 0) {
      chunks.push([item]);
      return;
    }
    let ci = this.chunkFor(item);
    if (ci === chunks.length) ci--;
    const chunk = chunks[ci]!;
    chunk.splice(lowerBound(chunk, item, order, 0), 0, item);
    if (chunk.length > CHUNK) chunks.splice(ci + 1, 0, chunk.splice(CHUNK / 2));
  }

  /** Remove `item`; false when it was not in the list. */
  remove(item: T): boolean {
    const { chunks, order } = this;
    const ci = this.chunkFor(item);
    const chunk = chunks[ci];
    if (chunk === undefined) return false;
    const i = lowerBound(chunk, item, order, 0);
    if (chunk[i] !== item) return false;
    chunk.splice(i, 1);
    this.size--;
    if (chunk.length === 0) chunks.splice(ci, 1);
    return true;
  }

  /** Index of the first chunk whose last item is ≥ `item` (chunks.length if none). */
  chunkFor(item: T, from = 0): number {
    const { chunks, order } = this;
    let lo = from;
    let hi = chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = chunks[mid]!;
      if (order(chunk[chunk.length - 1]!, item) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** First index in `xs` from `from` whose item is ≥ `item`. */
export function lowerBound<T>(xs: readonly T[], item: T, order: Order<T>, from: number): number {
  let lo = from;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (order(xs[mid]!, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A forward-only position in a list that is not modified while the cursor lives. */
export class Cursor<T> {
  private ci = 0;
  private oi = 0;
  head: T | undefined;

  constructor(private readonly list: PostingList<T>) {
    this.head = list.chunks[0]?.[0];
  }

  /** Move to the first item ≥ `target` (stays put when the head already is). */
  seek(target: T): T | undefined {
    const { list } = this;
    const order = list.order;
    if (this.head === undefined || order(this.head, target) >= 0) return this.head;
    let chunk = list.chunks[this.ci]!;
    if (order(chunk[chunk.length - 1]!, target) < 0) {
      this.ci = list.chunkFor(target, this.ci + 1);
      this.oi = 0;
      const found = list.chunks[this.ci];
      if (found === undefined) return (this.head = undefined);
      chunk = found;
    }
    this.oi = lowerBound(chunk, target, order, this.oi);
    return (this.head = chunk[this.oi]);
  }

  /** Move past the head. */
  next(): T | undefined {
    const chunks = this.list.chunks;
    if (this.head === undefined) return undefined;
    if (++this.oi >= chunks[this.ci]!.length) {
      this.ci++;
      this.oi = 0;
    }
    return (this.head = chunks[this.ci]?.[this.oi]);
  }
}
