/**
 * A bounded map for the in-process memo caches (stems, consent strings, page identities, page
 * lookups), kept as two generations (as `quick-lru` does): new and used entries go into the young
 * map; when it holds half the bound it becomes the old map and the previous old map is dropped.
 * An entry read from the old map moves to the young one, so whatever was used during the last
 * generation survives and a full cache never loses its hot entries all at once. A hit on a young
 * entry is one `Map.get`: no reordering on every read, which on a `Map` (delete, then set again)
 * leaves a deleted slot per hit and makes V8 rehash the whole table every few thousand hits.
 */
export class BoundedCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly generation: number;

  /** At most `max` entries are held. */
  constructor(max: number) {
    this.generation = Math.max(1, Math.floor(max / 2));
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  get(key: K): V | undefined {
    const young = this.young.get(key);
    if (young !== undefined) return young;
    const old = this.old.get(key);
    if (old !== undefined) {
      this.old.delete(key);
      this.keep(key, old);
    }
    return old;
  }

  set(key: K, value: V): this {
    if (this.young.has(key)) this.young.set(key, value);
    else {
      this.old.delete(key);
      this.keep(key, value);
    }
    return this;
  }

  delete(key: K): boolean {
    const young = this.young.delete(key);
    return this.old.delete(key) || young;
  }

  private keep(key: K, value: V): void {
    this.young.set(key, value);
    if (this.young.size >= this.generation) {
      this.old = this.young;
      this.young = new Map();
    }
  }
}
