/**
 * The store contract shared by every function (ARCHITECTURE §5). Two backends implement it
 * (`sqlite:` and `redis://`), and one contract test suite runs against both.
 *
 * Every method may reject with `UnavailableError` (shared/errors) when the backend cannot be
 * reached; callers turn that into a retryable 503.
 */

/** A JSON value as stored: documents, KV values and queue payloads are JSON-serialisable. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** One effect of an event, applied together with its dedupe mark (see `applyOnce`). */
export type Effect =
  /** Add `by` (an integer; money in micros) to a counter; set its expiry when `ttlSeconds` is given. */
  | { type: 'counter'; key: string; by: number; ttlSeconds?: number }
  /** Add to one hourly (or daily) rollup row; the row is created on first use. */
  | { type: 'rollup'; row: RollupKey; add: Partial<RollupValues> }
  /** Set a KV value, optionally with an expiry. */
  | { type: 'put'; key: string; value: Json; ttlSeconds?: number };

export interface RollupKey {
  /** Start of the period, ISO 8601 UTC truncated to the hour, e.g. `2026-03-01T13:00:00Z`. */
  period: string;
  campaign: string;
  publisher: string;
}

export interface RollupValues {
  impressions: number;
  viewable: number;
  clicks: number;
  /** Integer micros of the campaign's currency. */
  spend: number;
}

export type RollupRow = RollupKey & RollupValues;

export interface RollupQuery {
  /** Inclusive lower bound on `period` (ISO 8601 UTC hour). */
  from: string;
  /** Exclusive upper bound on `period`. */
  to: string;
  /** Only these campaigns, when given (an advertiser's campaigns, or one asked for). */
  campaigns?: readonly string[];
  publishers?: readonly string[];
}

export interface ApplyResult {
  /** False when (source, id) had already been applied: nothing changed. */
  applied: boolean;
  /** The value of each `counter` effect's key after this call, in effect order (empty if not applied). */
  counters: number[];
}

/** A document collection whose writes bump that collection's version. */
export type Collection = 'campaigns' | 'publishers' | 'apikeys' | 'dead-letters';

export interface DocChange<T extends Json = Json> {
  id: string;
  /** The document now, or undefined when it was deleted. */
  doc: T | undefined;
}

export interface QueueItem {
  id: string;
  payload: Json;
  /** How many times this item has been claimed before this claim. */
  attempts: number;
}

export interface Store {
  /** Backend name for logs and metrics: `sqlite` or `redis`. */
  readonly kind: 'sqlite' | 'redis';

  // Documents (campaigns, publishers, API keys, dead letters): versioned per collection.
  getDoc<T extends Json>(collection: Collection, id: string): Promise<T | undefined>;
  /** All documents of a collection in id order, with that collection's version, read consistently. */
  listDocs<T extends Json>(collection: Collection): Promise<{ version: number; docs: T[] }>;
  /** Create or replace; bumps the collection's version and returns the new version. */
  putDoc(collection: Collection, id: string, doc: Json): Promise<number>;
  /** Create only if absent; returns false (and changes nothing) when the id exists. */
  insertDoc(collection: Collection, id: string, doc: Json): Promise<boolean>;
  /** Returns false when there was nothing to delete. */
  deleteDoc(collection: Collection, id: string): Promise<boolean>;
  /**
   * The documents of a collection written since `sinceVersion` (created, replaced or deleted),
   * each once with its current body (undefined when deleted), oldest change first, and the
   * version they bring a reader to, read consistently: a change log a cache follows by deltas.
   */
  changedDocs<T extends Json>(collection: Collection, sinceVersion: number): Promise<{ version: number; changes: DocChange<T>[] }>;
  /** Current versions, one per collection asked, in one round trip. */
  versions(collections: readonly Collection[]): Promise<number[]>;

  // Key/value with expiry (page classifications, flags) and counters.
  get<T extends Json>(key: string): Promise<T | undefined>;
  /** Several KV values and counters in one round trip; a missing key is `undefined`. */
  getMany(keys: readonly string[]): Promise<(Json | undefined)[]>;
  set(key: string, value: Json, ttlSeconds?: number): Promise<void>;
  /** Set only if absent (or expired); true when this call set it. */
  setIfAbsent(key: string, value: Json, ttlSeconds: number): Promise<boolean>;
  /** Counters in one round trip; a missing or expired counter reads 0. */
  getCounters(keys: readonly string[]): Promise<number[]>;
  /**
   * Atomically add `by` to a counter only if the result stays ≤ `max`.
   * Returns whether it was added and the counter's value afterwards.
   */
  incrementBounded(key: string, by: number, max: number, ttlSeconds?: number): Promise<{ ok: boolean; value: number }>;

  /**
   * Apply `effects` and mark (`source`, `id`) as seen, atomically: either both happen or neither.
   * A second call with the same (`source`, `id`) changes nothing and returns `applied: false`.
   * The seen-mark is kept for `dedupeTtlSeconds` (default 7 days).
   */
  applyOnce(source: string, id: string, effects: readonly Effect[], dedupeTtlSeconds?: number): Promise<ApplyResult>;

  /** Rollup rows whose period is in [from, to), ordered by period, campaign, publisher. */
  rollups(query: RollupQuery): Promise<RollupRow[]>;

  // Durable queues (the local Broker's queue, track's outbox).
  /** Add an item; an existing id in the same queue is left as it is (idempotent enqueue). */
  enqueue(queue: string, id: string, payload: Json, availableAtMs?: number): Promise<void>;
  /**
   * Add several items atomically (one transaction, one script): after a crash either all of
   * them are queued or none is. Ids already in the queue are left as they are.
   */
  enqueueAll(queue: string, items: readonly { id: string; payload: Json }[], availableAtMs?: number): Promise<void>;
  /**
   * Lease up to `limit` items whose time has come, hiding them for `leaseMs`; an item not acked
   * or rescheduled before its lease ends is claimable again (a crashed worker loses nothing).
   */
  claim(queue: string, limit: number, leaseMs: number, nowMs?: number): Promise<QueueItem[]>;
  /** Remove a delivered item. */
  ack(queue: string, id: string): Promise<void>;
  /** Make an item claimable again at `availableAtMs`, counting one more attempt. */
  reschedule(queue: string, id: string, availableAtMs: number): Promise<void>;
  /** Items in the queue, leased or not. */
  depth(queue: string): Promise<number>;

  /** Liveness of the backend, for `/healthz`. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
