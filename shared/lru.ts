/**
 * A bounded map that forgets the least recently used entry when full, for the in-process memo
 * caches: a full cache loses one cold entry, not every entry at once (which made every lookup
 * miss together). A `Map` keeps insertion order, so a hit is moved to the end and the first key
 * is the coldest. Hand-written in 20 lines rather than a dependency for a get/set on hot paths.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly max: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): this {
    this.entries.delete(key);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
    return this;
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }
}
