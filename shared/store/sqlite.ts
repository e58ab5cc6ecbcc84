import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { UnavailableError } from '../errors';
import type {
  ApplyResult,
  Collection,
  DocChange,
  Effect,
  Json,
  QueueItem,
  RollupKey,
  RollupQuery,
  RollupRow,
  RollupValues,
  Store,
} from './types';

const DEFAULT_DEDUPE_TTL_SECONDS = 7 * 24 * 3600;
/** Other local processes hold the write lock only for one short transaction; wait rather than fail. */
const BUSY_TIMEOUT_MS = 5_000;
const PURGE_EVERY_MS = 60_000;
const PURGE_BATCH = 1_000;

/*
 * KV values and counters share one table, both as JSON text (a counter is its decimal integer),
 * so `getMany` reads either in one statement, as Redis's MGET does.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS docs (
  collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL,
  PRIMARY KEY (collection, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS doc_versions (
  collection TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS doc_changes (
  collection TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,
  PRIMARY KEY (collection, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS doc_changes_version ON doc_changes (collection, version);
CREATE TABLE IF NOT EXISTS kv (
  key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS kv_expiry ON kv (expires_at) WHERE expires_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS seen (
  source TEXT NOT NULL, id TEXT NOT NULL, expires_at INTEGER NOT NULL,
  PRIMARY KEY (source, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS seen_expiry ON seen (expires_at);
CREATE TABLE IF NOT EXISTS rollups (
  period TEXT NOT NULL, campaign TEXT NOT NULL, publisher TEXT NOT NULL,
  impressions INTEGER NOT NULL DEFAULT 0, viewable INTEGER NOT NULL DEFAULT 0,
  clicks INTEGER NOT NULL DEFAULT 0, spend INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (period, campaign, publisher)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS queue_items (
  queue TEXT NOT NULL, id TEXT NOT NULL, payload TEXT NOT NULL,
  available_at INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (queue, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS queue_due ON queue_items (queue, available_at);
`;

/** A live row has no expiry or one still in the future. */
const LIVE = '(expires_at IS NULL OR expires_at > @now)';

/** A write waiting for its turn's batch transaction. */
interface PendingWrite {
  run: () => unknown;
  resolve: (result: unknown) => void;
  reject: (err: Error) => void;
}

interface KvRow {
  key: string;
  value: string;
  expires_at: number | null;
}

/**
 * Open (creating when needed) the SQLite store at `path`, or an in-memory one for `:memory:`.
 * Several processes may open the same file: WAL lets readers run beside the one writer, and
 * every read-modify-write is a `BEGIN IMMEDIATE` transaction.
 */
export async function openSqliteStore(path: string): Promise<Store> {
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    try {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.transaction(() => db.exec(SCHEMA)).immediate();
      return new SqliteStore(db);
    } catch (error) {
      db.close();
      throw error;
    }
  } catch (cause) {
    throw new UnavailableError('store unavailable', { cause });
  }
}

function prepare(db: Database.Database) {
  return {
    getDoc: db.prepare<[string, string], { body: string }>('SELECT body FROM docs WHERE collection = ? AND id = ?'),
    listDocs: db.prepare<[string], { body: string }>('SELECT body FROM docs WHERE collection = ? ORDER BY id'),
    upsertDoc: db.prepare<[string, string, string]>(
      'INSERT INTO docs (collection, id, body) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET body = excluded.body',
    ),
    insertDoc: db.prepare<[string, string, string]>(
      'INSERT INTO docs (collection, id, body) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    deleteDoc: db.prepare<[string, string]>('DELETE FROM docs WHERE collection = ? AND id = ?'),
    version: db.prepare<[string], { version: number }>('SELECT version FROM doc_versions WHERE collection = ?'),
    logChange: db.prepare<[string, string, number]>(
      'INSERT INTO doc_changes (collection, id, version) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET version = excluded.version',
    ),
    changedDocs: db.prepare<[string, number], { id: string; body: string | null }>(
      `SELECT c.id, d.body FROM doc_changes c LEFT JOIN docs d ON d.collection = c.collection AND d.id = c.id
       WHERE c.collection = ? AND c.version > ? ORDER BY c.version`,
    ),
    versions: db.prepare<[string], { collection: string; version: number }>(
      'SELECT collection, version FROM doc_versions WHERE collection IN (SELECT value FROM json_each(?))',
    ),
    bumpVersion: db.prepare<[string], { version: number }>(
      `INSERT INTO doc_versions (collection, version) VALUES (?, 1)
       ON CONFLICT DO UPDATE SET version = version + 1 RETURNING version`,
    ),

    getKv: db.prepare<{ key: string; now: number }, KvRow>(
      `SELECT key, value, expires_at FROM kv WHERE key = @key AND ${LIVE}`,
    ),
    putKv: db.prepare<{ key: string; value: string; expiresAt: number | null }>(
      `INSERT INTO kv (key, value, expires_at) VALUES (@key, @value, @expiresAt)
       ON CONFLICT DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at`,
    ),
    /* An expired row still occupies the key, so "absent" includes it. */
    putKvIfAbsent: db.prepare<{ key: string; value: string; expiresAt: number | null; now: number }>(
      `INSERT INTO kv (key, value, expires_at) VALUES (@key, @value, @expiresAt)
       ON CONFLICT DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at
       WHERE kv.expires_at IS NOT NULL AND kv.expires_at <= @now`,
    ),
    markSeen: db.prepare<{ source: string; id: string; expiresAt: number; now: number }>(
      `INSERT INTO seen (source, id, expires_at) VALUES (@source, @id, @expiresAt)
       ON CONFLICT DO UPDATE SET expires_at = excluded.expires_at WHERE seen.expires_at <= @now`,
    ),
    purgeKv: db.prepare<{ now: number; batch: number }>(
      `DELETE FROM kv WHERE key IN (
         SELECT key FROM kv WHERE expires_at IS NOT NULL AND expires_at <= @now LIMIT @batch)`,
    ),
    purgeSeen: db.prepare<{ now: number; batch: number }>(
      `DELETE FROM seen WHERE (source, id) IN (
         SELECT source, id FROM seen WHERE expires_at <= @now LIMIT @batch)`,
    ),

    addRollup: db.prepare<[RollupKey & RollupValues]>(
      `INSERT INTO rollups (period, campaign, publisher, impressions, viewable, clicks, spend)
       VALUES (@period, @campaign, @publisher, @impressions, @viewable, @clicks, @spend)
       ON CONFLICT DO UPDATE SET impressions = impressions + excluded.impressions,
         viewable = viewable + excluded.viewable, clicks = clicks + excluded.clicks,
         spend = spend + excluded.spend`,
    ),
    rollups: db.prepare<{ from: string; to: string; campaigns: string | null; publishers: string | null }, RollupRow>(
      `SELECT period, campaign, publisher, impressions, viewable, clicks, spend FROM rollups
       WHERE period >= @from AND period < @to
         AND (@campaigns IS NULL OR campaign IN (SELECT value FROM json_each(@campaigns)))
         AND (@publishers IS NULL OR publisher IN (SELECT value FROM json_each(@publishers)))
       ORDER BY period, campaign, publisher`,
    ),

    enqueue: db.prepare<[string, string, string, number]>(
      `INSERT INTO queue_items (queue, id, payload, available_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
    due: db.prepare<[string, number, number], { id: string; payload: string; attempts: number }>(
      `SELECT id, payload, attempts FROM queue_items WHERE queue = ? AND available_at <= ?
       ORDER BY available_at, id LIMIT ?`,
    ),
    lease: db.prepare<[number, string, string]>(
      'UPDATE queue_items SET available_at = ?, attempts = attempts + 1 WHERE queue = ? AND id = ?',
    ),
    reschedule: db.prepare<[number, string, string]>(
      'UPDATE queue_items SET available_at = ? WHERE queue = ? AND id = ?',
    ),
    ack: db.prepare<[string, string]>('DELETE FROM queue_items WHERE queue = ? AND id = ?'),
    depth: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM queue_items WHERE queue = ?'),
    ping: db.prepare<[], { ok: number }>('SELECT 1 AS ok'),
  };
}

class SqliteStore implements Store {
  readonly kind = 'sqlite';
  private readonly sql: ReturnType<typeof prepare>;
  private nextPurgeAt = 0;

  /* Transactions read the clock inside, after BEGIN IMMEDIATE may have waited for the lock. */
  private readonly writeDocTx;
  private readonly deleteDocTx;
  private readonly listDocsTx;
  private readonly changedDocsTx;
  private readonly incrementBoundedTx;
  private readonly writeTx;
  private readonly writeBatchTx;
  private writes: PendingWrite[] = [];
  private readonly claimTx;
  /*
   * Several keys are read one by one in one read transaction (a consistent snapshot): cheaper
   * than `IN (SELECT … json_each(…))`, which builds a temporary table on every call.
   */
  private readonly readKeysTx;

  constructor(private readonly db: Database.Database) {
    this.sql = prepare(db);
    this.writeDocTx = db.transaction((collection: Collection, id: string, body: string, onlyIfAbsent: boolean) => {
      const statement = onlyIfAbsent ? this.sql.insertDoc : this.sql.upsertDoc;
      return statement.run(collection, id, body).changes === 0 ? 0 : this.bumpVersion(collection, id);
    });
    this.deleteDocTx = db.transaction((collection: Collection, id: string): boolean => {
      if (this.sql.deleteDoc.run(collection, id).changes === 0) return false;
      this.bumpVersion(collection, id);
      return true;
    });
    this.changedDocsTx = db.transaction((collection: Collection, since: number) => ({
      version: this.sql.version.get(collection)?.version ?? 0,
      rows: this.sql.changedDocs.all(collection, since),
    }));
    this.listDocsTx = db.transaction((collection: Collection) => ({
      version: this.sql.version.get(collection)?.version ?? 0,
      bodies: this.sql.listDocs.all(collection).map((row) => row.body),
    }));
    this.incrementBoundedTx = db.transaction(
      (key: string, by: number, max: number, ttlMs: number | null) => {
        const now = Date.now();
        const before = this.liveCounter(key, now);
        if ((before?.value ?? 0) + by > max) return { ok: false, value: before?.value ?? 0 };
        return { ok: true, value: this.addToCounter(key, by, ttlMs, now, before) };
      },
    );
    this.writeTx = db.transaction((write: PendingWrite) => write.run());
    this.writeBatchTx = db.transaction((batch: readonly PendingWrite[]) => batch.map((write) => write.run()));
    this.readKeysTx = db.transaction((keys: readonly string[], now: number) => this.readKeys(keys, now));
    this.claimTx = db.transaction((queue: string, limit: number, leaseMs: number, now: number): QueueItem[] =>
      this.sql.due.all(queue, now, limit).map((row) => {
        this.sql.lease.run(now + leaseMs, queue, row.id);
        return { id: row.id, payload: parseJson(row.payload), attempts: row.attempts };
      }),
    );
  }

  async getDoc<T extends Json>(collection: Collection, id: string): Promise<T | undefined> {
    return this.guard(() => {
      const row = this.sql.getDoc.get(collection, id);
      return row === undefined ? undefined : (parseJson(row.body) as T);
    });
  }

  async listDocs<T extends Json>(collection: Collection): Promise<{ version: number; docs: T[] }> {
    return this.guard(() => {
      const { version, bodies } = this.listDocsTx.deferred(collection);
      return { version, docs: bodies.map((body) => parseJson(body) as T) };
    });
  }

  async changedDocs<T extends Json>(collection: Collection, sinceVersion: number): Promise<{ version: number; changes: DocChange<T>[] }> {
    return this.guard(() => {
      const { version, rows } = this.changedDocsTx.deferred(collection, sinceVersion);
      return { version, changes: rows.map((row) => ({ id: row.id, doc: row.body === null ? undefined : (parseJson(row.body) as T) })) };
    });
  }

  async putDoc(collection: Collection, id: string, doc: Json): Promise<number> {
    const body = JSON.stringify(doc);
    return this.guard(() => this.writeDocTx.immediate(collection, id, body, false));
  }

  async insertDoc(collection: Collection, id: string, doc: Json): Promise<boolean> {
    const body = JSON.stringify(doc);
    return this.guard(() => this.writeDocTx.immediate(collection, id, body, true) > 0);
  }

  async deleteDoc(collection: Collection, id: string): Promise<boolean> {
    return this.guard(() => this.deleteDocTx.immediate(collection, id));
  }

  async versions(collections: readonly Collection[]): Promise<number[]> {
    return this.guard(() => {
      const found = new Map(this.sql.versions.all(JSON.stringify(collections)).map((r) => [r.collection, r.version]));
      return collections.map((collection) => found.get(collection) ?? 0);
    });
  }

  async get<T extends Json>(key: string): Promise<T | undefined> {
    return this.guard(() => {
      const row = this.sql.getKv.get({ key, now: Date.now() });
      return row === undefined ? undefined : (parseJson(row.value) as T);
    });
  }

  async getMany(keys: readonly string[]): Promise<(Json | undefined)[]> {
    return this.guard(() => {
      const found = this.liveRows(keys);
      return keys.map((key) => {
        const value = found.get(key);
        return value === undefined ? undefined : parseJson(value);
      });
    });
  }

  async set(key: string, value: Json, ttlSeconds?: number): Promise<void> {
    const row = { key, value: JSON.stringify(value), expiresAt: expiresAt(ttlSeconds, Date.now()) };
    this.guard(() => {
      this.maybePurge();
      this.sql.putKv.run(row);
    });
  }

  async setIfAbsent(key: string, value: Json, ttlSeconds: number): Promise<boolean> {
    const now = Date.now();
    const row = { key, value: JSON.stringify(value), expiresAt: expiresAt(ttlSeconds, now), now };
    return this.guard(() => this.sql.putKvIfAbsent.run(row).changes > 0);
  }

  async getCounters(keys: readonly string[]): Promise<number[]> {
    return this.guard(() => {
      const found = this.liveRows(keys);
      return keys.map((key) => counterValue(found.get(key)) ?? 0);
    });
  }

  async incrementBounded(
    key: string,
    by: number,
    max: number,
    ttlSeconds?: number,
  ): Promise<{ ok: boolean; value: number }> {
    assertInteger('by', by);
    assertInteger('max', max);
    const ttlMs = ttlToMs(ttlSeconds);
    return this.guard(() => this.incrementBoundedTx.immediate(key, by, max, ttlMs));
  }

  applyOnce(
    source: string,
    id: string,
    effects: readonly Effect[],
    dedupeTtlSeconds = DEFAULT_DEDUPE_TTL_SECONDS,
  ): Promise<ApplyResult> {
    let checked: Effect[];
    let dedupeTtlMs: number;
    try {
      checked = effects.map(checkEffect);
      dedupeTtlMs = ttlToMs(dedupeTtlSeconds) ?? 0;
    } catch (err) {
      return Promise.reject(err);
    }
    return this.batched(() => this.applyOne(source, id, checked, dedupeTtlMs));
  }

  /*
   * Writes that arrive in one turn of the event loop (events, outbox items) run in one write
   * transaction: one commit (WAL append, locks) per batch instead of per write. Each caller
   * still resolves only after that commit.
   */
  private batched<T>(run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.writes.push({ run, resolve, reject } as PendingWrite) === 1) setImmediate(this.flushWrites);
    });
  }

  private readonly flushWrites = (): void => {
    const batch = this.writes;
    if (batch.length === 0) return;
    this.writes = [];
    let results: unknown[];
    try {
      this.maybePurge();
      results = this.writeBatchTx.immediate(batch);
    } catch (cause) {
      if (!this.db.open || storeDown(cause)) {
        const err = new UnavailableError('store unavailable', { cause });
        for (const write of batch) write.reject(err);
        return;
      }
      // One write failed and the batch rolled back: run each alone, so it fails only itself.
      for (const write of batch) {
        try {
          write.resolve(this.writeTx.immediate(write));
        } catch (cause) {
          write.reject(new UnavailableError('store unavailable', { cause }));
        }
      }
      return;
    }
    results.forEach((result, i) => batch[i]!.resolve(result));
  };

  async rollups(query: RollupQuery): Promise<RollupRow[]> {
    const params = {
      from: normalizePeriod(query.from),
      to: normalizePeriod(query.to),
      campaigns: query.campaigns === undefined ? null : JSON.stringify(query.campaigns),
      publishers: query.publishers === undefined ? null : JSON.stringify(query.publishers),
    };
    return this.guard(() => this.sql.rollups.all(params));
  }

  enqueue(queue: string, id: string, payload: Json, availableAtMs = Date.now()): Promise<void> {
    let body: string;
    try {
      body = JSON.stringify(payload);
    } catch (err) {
      return Promise.reject(err);
    }
    return this.batched(() => {
      this.sql.enqueue.run(queue, id, body, availableAtMs);
    });
  }

  enqueueAll(queue: string, items: readonly { id: string; payload: Json }[], availableAtMs = Date.now()): Promise<void> {
    let bodies: string[];
    try {
      bodies = items.map((item) => JSON.stringify(item.payload));
    } catch (err) {
      return Promise.reject(err);
    }
    // One write of the turn's transaction: a crash keeps all of the items or none.
    return this.batched(() => {
      items.forEach((item, i) => this.sql.enqueue.run(queue, item.id, bodies[i]!, availableAtMs));
    });
  }

  async claim(queue: string, limit: number, leaseMs: number, nowMs = Date.now()): Promise<QueueItem[]> {
    if (limit < 1) return [];
    return this.guard(() => this.claimTx.immediate(queue, Math.floor(limit), leaseMs, nowMs));
  }

  async ack(queue: string, id: string): Promise<void> {
    this.guard(() => this.sql.ack.run(queue, id));
  }

  async reschedule(queue: string, id: string, availableAtMs: number): Promise<void> {
    this.guard(() => this.sql.reschedule.run(availableAtMs, queue, id));
  }

  async depth(queue: string): Promise<number> {
    return this.guard(() => this.sql.depth.get(queue)?.n ?? 0);
  }

  async ping(): Promise<void> {
    this.guard(() => this.sql.ping.get());
  }

  async close(): Promise<void> {
    this.flushWrites();
    if (this.db.open) this.db.close();
  }

  private guard<T>(operation: () => T): T {
    try {
      return operation();
    } catch (cause) {
      throw new UnavailableError('store unavailable', { cause });
    }
  }

  private bumpVersion(collection: Collection, id: string): number {
    const row = this.sql.bumpVersion.get(collection);
    if (row === undefined) throw new Error(`no version returned for ${collection}`);
    this.sql.logChange.run(collection, id, row.version);
    return row.version;
  }

  private liveRows(keys: readonly string[]): Map<string, string> {
    return keys.length < 2 ? this.readKeys(keys, Date.now()) : this.readKeysTx.deferred(keys, Date.now());
  }

  private readKeys(keys: readonly string[], now: number): Map<string, string> {
    const found = new Map<string, string>();
    for (const key of keys) {
      const row = this.sql.getKv.get({ key, now });
      if (row !== undefined) found.set(key, row.value);
    }
    return found;
  }

  /** The live counter at `key`; throws when the key holds something other than an integer. */
  private liveCounter(key: string, now: number): { value: number; expiresAt: number | null } | undefined {
    const row = this.sql.getKv.get({ key, now });
    if (row === undefined) return undefined;
    const value = counterValue(row.value);
    if (value === undefined) throw new Error(`${key} holds a value that is not an integer counter`);
    return { value, expiresAt: row.expires_at };
  }

  /**
   * Add to a counter and return its new value. A counter keeps the expiry it was created with,
   * so a window (a frequency cap, a day's spend) is fixed from its first increment.
   */
  private addToCounter(
    key: string,
    by: number,
    ttlMs: number | null,
    now: number,
    before = this.liveCounter(key, now),
  ): number {
    const value = (before?.value ?? 0) + by;
    const expiry = before?.expiresAt ?? (ttlMs === null ? null : now + ttlMs);
    this.sql.putKv.run({ key, value: String(value), expiresAt: expiry });
    return value;
  }

  /** Applies one effect inside the caller's transaction; returns a counter's new value. */
  private applyEffect(effect: Effect, now: number): number | undefined {
    switch (effect.type) {
      case 'counter':
        return this.addToCounter(effect.key, effect.by, ttlToMs(effect.ttlSeconds), now);
      case 'rollup':
        this.sql.addRollup.run({ ...effect.row, ...rollupValues(effect.add) });
        return undefined;
      case 'put':
        this.sql.putKv.run({
          key: effect.key,
          value: JSON.stringify(effect.value),
          expiresAt: expiresAt(effect.ttlSeconds, now),
        });
        return undefined;
    }
  }

  /** Marks (source, id) seen and applies its effects, inside the caller's transaction; nothing when already seen. */
  private applyOne(source: string, id: string, effects: readonly Effect[], dedupeTtlMs: number): ApplyResult {
    const now = Date.now();
    const marked = this.sql.markSeen.run({ source, id, expiresAt: now + dedupeTtlMs, now }).changes > 0;
    if (!marked) return { applied: false, counters: [] };
    const counters: number[] = [];
    for (const effect of effects) {
      const value = this.applyEffect(effect, now);
      if (value !== undefined) counters.push(value);
    }
    return { applied: true, counters };
  }

  /** Expired rows read as absent anyway; deleting them now and then only keeps the file small. */
  private maybePurge(): void {
    const now = Date.now();
    if (now < this.nextPurgeAt) return;
    this.nextPurgeAt = now + PURGE_EVERY_MS;
    this.sql.purgeKv.run({ now, batch: PURGE_BATCH });
    this.sql.purgeSeen.run({ now, batch: PURGE_BATCH });
  }
}

/** A failure of the database itself (locked past the busy timeout, I/O, disk full), not of one write. */
function storeDown(err: unknown): boolean {
  return err instanceof Database.SqliteError && /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|CORRUPT|NOTADB)/.test(err.code);
}

function parseJson(text: string): Json {
  return JSON.parse(text) as Json;
}

function counterValue(text: string | undefined): number | undefined {
  return text !== undefined && /^-?\d+$/.test(text) ? Number(text) : undefined;
}

function ttlToMs(ttlSeconds: number | undefined): number | null {
  if (ttlSeconds === undefined) return null;
  if (!(ttlSeconds > 0) || !Number.isFinite(ttlSeconds)) throw new RangeError(`ttlSeconds must be > 0: ${ttlSeconds}`);
  return Math.ceil(ttlSeconds * 1000);
}

function expiresAt(ttlSeconds: number | undefined, now: number): number | null {
  const ttlMs = ttlToMs(ttlSeconds);
  return ttlMs === null ? null : now + ttlMs;
}

function assertInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer: ${value}`);
}

/** Canonical ISO 8601 UTC (`2026-03-01T13:00:00Z`), so periods compare correctly as text. */
function normalizePeriod(period: string): string {
  const ms = Date.parse(period);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO 8601 time: ${period}`);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function rollupValues(add: Partial<RollupValues>): RollupValues {
  const { impressions = 0, viewable = 0, clicks = 0, spend = 0 } = add;
  const values = { impressions, viewable, clicks, spend };
  for (const [name, value] of Object.entries(values)) assertInteger(name, value);
  return values;
}

/** Rejects a malformed effect before the transaction starts, and normalises rollup periods. */
function checkEffect(effect: Effect): Effect {
  switch (effect.type) {
    case 'counter':
      assertInteger('by', effect.by);
      ttlToMs(effect.ttlSeconds);
      return effect;
    case 'rollup':
      rollupValues(effect.add);
      return { ...effect, row: { ...effect.row, period: normalizePeriod(effect.row.period) } };
    case 'put':
      ttlToMs(effect.ttlSeconds);
      return effect;
  }
}
