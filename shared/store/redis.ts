import { createHash } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import { UnavailableError } from '../errors';
import type {
  ApplyResult,
  Collection,
  DocChange,
  Effect,
  Json,
  QueueItem,
  RollupQuery,
  RollupRow,
  RollupValues,
  Store,
} from './types';

const DEFAULT_DEDUPE_TTL_SECONDS = 7 * 24 * 3600;
const DEFAULT_PREFIX = 'tagline:';
const ROLLUP_FIELDS = ['impressions', 'viewable', 'clicks', 'spend'] as const;

/*
 * A dead Redis must cost a request about a second, not hang it: no offline queue (a call while
 * disconnected rejects at once), in-flight calls rejected when the connection drops instead of
 * resent (a resent INCRBY could count twice), a timeout per call for a server that stops
 * answering, and quick reconnects so service resumes soon after Redis is back.
 */
const CLIENT_OPTIONS: RedisOptions = {
  lazyConnect: true,
  connectTimeout: 1_000,
  commandTimeout: 1_000,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  autoResendUnfulfilledCommands: false,
  retryStrategy: (attempt) => Math.min(attempt * 50, 500),
};

/** Options for `openRedisStore`. */
export interface RedisStoreOptions {
  /** Prefix of every key this store writes (default `tagline:`), so environments can share a server. */
  prefix?: string;
}

/**
 * Connect to Redis at `url` (`redis://host:port[/db]`). Rejects with `UnavailableError` when it
 * cannot connect within about a second.
 */
export async function openRedisStore(url: string, options: RedisStoreOptions = {}): Promise<Store> {
  const client = new Redis(url, CLIENT_OPTIONS);
  // Without a listener ioredis logs every reconnect failure; callers see failures as rejected calls.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (cause) {
    client.disconnect();
    throw new UnavailableError('store unavailable', { cause });
  }
  return new RedisStore(client, options.prefix ?? DEFAULT_PREFIX);
}

/** A Lua script run by SHA, sent in full only when the server does not have it cached yet. */
class Script {
  private readonly sha: string;

  constructor(private readonly lua: string) {
    this.sha = createHash('sha1').update(lua).digest('hex');
  }

  /**
   * Run the script and map its reply with `read`, in one promise step: any failure (a script
   * error included) rejects with `UnavailableError`, as `guard` does.
   */
  call<T>(client: Redis, keys: readonly string[], args: readonly (string | number)[], read: (reply: unknown) => T): Promise<T> {
    const unavailable = (cause: unknown): never => {
      throw new UnavailableError('store unavailable', { cause });
    };
    const readOrFail = (reply: unknown): T => {
      try {
        return read(reply);
      } catch (error) {
        return unavailable(error);
      }
    };
    return client.evalsha(this.sha, keys.length, ...keys, ...args).then(readOrFail, (error: unknown) => {
      if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) return unavailable(error);
      return client.eval(this.lua, keys.length, ...keys, ...args).then(readOrFail, unavailable);
    });
  }

  async run(client: Redis, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown> {
    try {
      return await client.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
      return client.eval(this.lua, keys.length, ...keys, ...args);
    }
  }
}

const INTEGER_CHECK = `
local function assert_counter(key)
  local v = redis.call('GET', key)
  if v and not string.match(v, '^%-?%d+$') then
    return redis.error_reply('ERR ' .. key .. ' holds a value that is not an integer counter')
  end
end
`;

/*
 * A counter keeps the expiry it was created with (PTTL -1 means none yet), so a window such as a
 * frequency cap or a day's spend is fixed from its first increment.
 */
const ADD_TO_COUNTER = `
local function add_to_counter(key, by, ttl)
  local value = redis.call('INCRBY', key, by)
  if ttl ~= '' and redis.call('PTTL', key) == -1 then redis.call('PEXPIRE', key, ttl) end
  return value
end
`;

/*
 * Applies a batch of events, each once and all or nothing. KEYS: per event, its seen-mark then
 * each effect's keys (counter and put: the key; rollup: the row and the period index). ARGV[1]:
 * per event, as JSON, its key count `n`, its mark's TTL in ms and its effects. Redis does not roll
 * a script back, so every check that could fail runs before an event's first write; an event
 * that fails a check gets {-1, message} and writes nothing, and the others go on. Returns per
 * event {0} (seen before), {1, counter values…} or {-1, message}.
 */
const APPLY_BATCH = new Script(`${INTEGER_CHECK}${ADD_TO_COUNTER}
local events = cjson.decode(ARGV[1])
local results = {}
local base = 0
for i, ev in ipairs(events) do
  local result
  if redis.call('EXISTS', KEYS[base + 1]) == 1 then result = {0} end
  local k = base + 2
  for _, e in ipairs(ev.e) do
    if not result and e.t == 'counter' then
      local failed = assert_counter(KEYS[k])
      if failed then result = {-1, failed.err} end
    end
    k = k + (e.t == 'rollup' and 2 or 1)
  end
  if not result then
    result = {1}
    k = base + 2
    for _, e in ipairs(ev.e) do
      if e.t == 'counter' then
        result[#result + 1] = add_to_counter(KEYS[k], e.by, e.ttl)
      elseif e.t == 'put' then
        if e.ttl == '' then redis.call('SET', KEYS[k], e.value) else redis.call('SET', KEYS[k], e.value, 'PX', e.ttl) end
      else
        for j = 1, #e.add, 2 do redis.call('HINCRBY', KEYS[k], e.add[j], e.add[j + 1]) end
        redis.call('ZADD', KEYS[k + 1], e.score, e.member)
      end
      k = k + (e.t == 'rollup' and 2 or 1)
    end
    redis.call('SET', KEYS[base + 1], '1', 'PX', ev.ttl)
  end
  results[i] = result
  base = base + ev.n
end
return results
`);

/** Events applied by one script call at most; a larger turn's batch is split. */
const APPLY_BATCH_MAX = 256;

/* KEYS: the counter. ARGV: by, max, TTL in ms or ''. */
const INCREMENT_BOUNDED = new Script(`${INTEGER_CHECK}${ADD_TO_COUNTER}
local failed = assert_counter(KEYS[1])
if failed then return failed end
local before = tonumber(redis.call('GET', KEYS[1]) or '0')
if before + tonumber(ARGV[1]) > tonumber(ARGV[2]) then return {0, before} end
return {1, add_to_counter(KEYS[1], ARGV[1], ARGV[3])}
`);

/*
 * KEYS: the collection's hash, its version, its change log (a sorted set of ids scored by the
 * version that last wrote them). ARGV: id, body. Each returns the new version or 0.
 */
const PUT_DOC = new Script(`
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
local v = redis.call('INCR', KEYS[2])
redis.call('ZADD', KEYS[3], v, ARGV[1])
return v
`);
const INSERT_DOC = new Script(`
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
local v = redis.call('INCR', KEYS[2])
redis.call('ZADD', KEYS[3], v, ARGV[1])
return v
`);
const DELETE_DOC = new Script(`
if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
local v = redis.call('INCR', KEYS[2])
redis.call('ZADD', KEYS[3], v, ARGV[1])
return v
`);
/* KEYS as above. ARGV: since. Returns the version, then id, body (false when deleted) pairs. */
const CHANGED_DOCS = new Script(`
local out = { redis.call('GET', KEYS[2]) or '0' }
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[3], '(' .. ARGV[1], '+inf')) do
  out[#out + 1] = id
  out[#out + 1] = redis.call('HGET', KEYS[1], id)
end
return out
`);

/*
 * KEYS: the queue's due set, payloads, attempts. ARGV: now, limit, lease end.
 * Returns id, payload, attempts-before-this-claim triples.
 */
const CLAIM = new Script(`
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
local out = {}
for _, id in ipairs(ids) do
  redis.call('ZADD', KEYS[1], ARGV[3], id)
  out[#out + 1] = id
  out[#out + 1] = redis.call('HGET', KEYS[2], id) or 'null'
  out[#out + 1] = redis.call('HINCRBY', KEYS[3], id, 1) - 1
end
return out
`);

/** An `applyOnce` waiting for its turn's batch. */
interface PendingApply {
  keys: string[];
  event: { n: number; ttl: string; e: ScriptEffect[] };
  resolve: (result: ApplyResult) => void;
  reject: (err: Error) => void;
}

/** An effect as the APPLY_BATCH script reads it: numbers as strings so Lua never reformats them. */
type ScriptEffect =
  | { t: 'counter'; by: string; ttl: string }
  | { t: 'put'; value: string; ttl: string }
  | { t: 'rollup'; add: string[]; score: string; member: string };

class RedisStore implements Store {
  readonly kind = 'redis';
  private applies: PendingApply[] = [];

  constructor(
    private readonly client: Redis,
    private readonly prefix: string,
  ) {}

  async getDoc<T extends Json>(collection: Collection, id: string): Promise<T | undefined> {
    return this.guard(async () => {
      const body = await this.client.hget(this.docsKey(collection), id);
      return body === null ? undefined : (parseJson(body) as T);
    });
  }

  async listDocs<T extends Json>(collection: Collection): Promise<{ version: number; docs: T[] }> {
    return this.guard(async () => {
      const [version, bodies] = execResults(
        await this.client.multi().get(this.versionKey(collection)).hgetall(this.docsKey(collection)).exec(),
      );
      const byId = Object.entries(asRecord(bodies)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return { version: toInteger(version ?? null), docs: byId.map(([, body]) => parseJson(body) as T) };
    });
  }

  async changedDocs<T extends Json>(collection: Collection, sinceVersion: number): Promise<{ version: number; changes: DocChange<T>[] }> {
    return this.guard(async () => {
      const keys = [this.docsKey(collection), this.versionKey(collection), this.changesKey(collection)];
      const reply = asArray(await CHANGED_DOCS.run(this.client, keys, [Math.floor(sinceVersion)]));
      const changes: DocChange<T>[] = [];
      for (let i = 1; i + 1 < reply.length; i += 2) {
        const body = reply[i + 1];
        changes.push({ id: String(reply[i]), doc: body === null || body === undefined ? undefined : (parseJson(String(body)) as T) });
      }
      return { version: toInteger(reply[0] ?? null), changes };
    });
  }

  async putDoc(collection: Collection, id: string, doc: Json): Promise<number> {
    return this.writeDoc(PUT_DOC, collection, id, JSON.stringify(doc));
  }

  async insertDoc(collection: Collection, id: string, doc: Json): Promise<boolean> {
    return (await this.writeDoc(INSERT_DOC, collection, id, JSON.stringify(doc))) > 0;
  }

  async deleteDoc(collection: Collection, id: string): Promise<boolean> {
    return (await this.writeDoc(DELETE_DOC, collection, id, '')) > 0;
  }

  async versions(collections: readonly Collection[]): Promise<number[]> {
    if (collections.length === 0) return [];
    return this.guard(async () => {
      const values = await this.client.mget(collections.map((c) => this.versionKey(c)));
      return values.map(toInteger);
    });
  }

  async get<T extends Json>(key: string): Promise<T | undefined> {
    return this.guard(async () => {
      const value = await this.client.get(this.kvKey(key));
      return value === null ? undefined : (parseJson(value) as T);
    });
  }

  async getMany(keys: readonly string[]): Promise<(Json | undefined)[]> {
    if (keys.length === 0) return [];
    return this.guard(async () => {
      const values = await this.client.mget(keys.map((key) => this.kvKey(key)));
      return values.map((value) => (value === null ? undefined : parseJson(value)));
    });
  }

  async set(key: string, value: Json, ttlSeconds?: number): Promise<void> {
    const ttlMs = ttlToMs(ttlSeconds);
    const body = JSON.stringify(value);
    await this.guard(() =>
      ttlMs === undefined
        ? this.client.set(this.kvKey(key), body)
        : this.client.set(this.kvKey(key), body, 'PX', ttlMs),
    );
  }

  async setIfAbsent(key: string, value: Json, ttlSeconds: number): Promise<boolean> {
    const ttlMs = ttlToMs(ttlSeconds) ?? 0;
    const body = JSON.stringify(value);
    const reply = await this.guard(() => this.client.set(this.kvKey(key), body, 'PX', ttlMs, 'NX'));
    return reply === 'OK';
  }

  async getCounters(keys: readonly string[]): Promise<number[]> {
    if (keys.length === 0) return [];
    return this.guard(async () => {
      const values = await this.client.mget(keys.map((key) => this.kvKey(key)));
      return values.map((value) => counterValue(value) ?? 0);
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
    const ttl = String(ttlToMs(ttlSeconds) ?? '');
    return this.guard(async () => {
      const reply = asArray(await INCREMENT_BOUNDED.run(this.client, [this.kvKey(key)], [by, max, ttl]));
      return { ok: reply[0] === 1, value: toInteger(reply[1] ?? null) };
    });
  }

  /*
   * Events that arrive in one turn of the event loop are applied by one script call, each
   * atomically with its own dedupe mark: one round trip per batch instead of per event. Written
   * without async layers: it runs once per billable event, inside the framework's domain.
   */
  applyOnce(
    source: string,
    id: string,
    effects: readonly Effect[],
    dedupeTtlSeconds = DEFAULT_DEDUPE_TTL_SECONDS,
  ): Promise<ApplyResult> {
    let keys: string[];
    let event: PendingApply['event'];
    try {
      keys = [this.seenKey(source, id)];
      const e = effects.map((effect) => this.scriptEffect(effect, keys));
      event = { n: keys.length, ttl: String(ttlToMs(dedupeTtlSeconds)), e };
    } catch (err) {
      return Promise.reject(err);
    }
    return new Promise((resolve, reject) => {
      if (this.applies.push({ keys, event, resolve, reject }) === 1) setImmediate(this.flushApplies);
    });
  }

  private readonly flushApplies = (): void => {
    const pending = this.applies;
    this.applies = [];
    for (let from = 0; from < pending.length; from += APPLY_BATCH_MAX) {
      const batch = pending.slice(from, from + APPLY_BATCH_MAX);
      const keys = batch.flatMap((item) => item.keys);
      APPLY_BATCH.call(this.client, keys, [JSON.stringify(batch.map((item) => item.event))], asArray).then(
        (replies) =>
          batch.forEach((item, i) => {
            try {
              item.resolve(applyResult(replies[i]));
            } catch (cause) {
              item.reject(new UnavailableError('store unavailable', { cause }));
            }
          }),
        (err: Error) => batch.forEach((item) => item.reject(err)),
      );
    }
  };

  async rollups(query: RollupQuery): Promise<RollupRow[]> {
    const from = Date.parse(normalizePeriod(query.from));
    const to = Date.parse(normalizePeriod(query.to));
    const campaigns = query.campaigns === undefined ? undefined : new Set(query.campaigns);
    const publishers = query.publishers === undefined ? undefined : new Set(query.publishers);
    return this.guard(async () => {
      const members = await this.client.zrangebyscore(this.rollupIndexKey(), from, `(${to}`);
      const rows = members
        .map(parseRollupMember)
        .filter((row) => (campaigns?.has(row.campaign) ?? true) && (publishers?.has(row.publisher) ?? true));
      if (rows.length === 0) return [];
      const pipeline = this.client.pipeline();
      for (const row of rows) pipeline.hmget(this.rollupKey(row.member), ...ROLLUP_FIELDS);
      const values = execResults(await pipeline.exec());
      return rows
        .map(({ period, campaign, publisher }, i): RollupRow => {
          const [impressions = 0, viewable = 0, clicks = 0, spend = 0] = asArray(values[i]).map(toInteger);
          return { period, campaign, publisher, impressions, viewable, clicks, spend };
        })
        .sort(compareRows);
    });
  }

  async enqueueAll(queue: string, items: readonly { id: string; payload: Json }[], availableAtMs = Date.now()): Promise<void> {
    if (items.length === 0) return;
    const keys = this.queueKeys(queue);
    const bodies = items.map((item) => JSON.stringify(item.payload));
    // One MULTI/EXEC: Redis applies (and appends to its AOF) all of the items or none.
    await this.guard(async () => {
      const multi = this.client.multi();
      items.forEach((item, i) => multi.hsetnx(keys.payloads, item.id, bodies[i]!).zadd(keys.due, 'NX', availableAtMs, item.id));
      execResults(await multi.exec());
    });
  }

  async enqueue(queue: string, id: string, payload: Json, availableAtMs = Date.now()): Promise<void> {
    const keys = this.queueKeys(queue);
    const body = JSON.stringify(payload);
    await this.guard(async () =>
      execResults(
        await this.client.multi().hsetnx(keys.payloads, id, body).zadd(keys.due, 'NX', availableAtMs, id).exec(),
      ),
    );
  }

  async claim(queue: string, limit: number, leaseMs: number, nowMs = Date.now()): Promise<QueueItem[]> {
    if (limit < 1) return [];
    const keys = this.queueKeys(queue);
    return this.guard(async () => {
      const keyList = [keys.due, keys.payloads, keys.attempts];
      const reply = asArray(await CLAIM.run(this.client, keyList, [nowMs, Math.floor(limit), nowMs + leaseMs]));
      const items: QueueItem[] = [];
      for (let i = 0; i + 2 < reply.length; i += 3) {
        const [id, payload, attempts] = reply.slice(i, i + 3);
        items.push({ id: String(id), payload: parseJson(String(payload)), attempts: toInteger(attempts ?? null) });
      }
      return items;
    });
  }

  async ack(queue: string, id: string): Promise<void> {
    const keys = this.queueKeys(queue);
    await this.guard(async () =>
      execResults(await this.client.multi().zrem(keys.due, id).hdel(keys.payloads, id).hdel(keys.attempts, id).exec()),
    );
  }

  async reschedule(queue: string, id: string, availableAtMs: number): Promise<void> {
    await this.guard(() => this.client.zadd(this.queueKeys(queue).due, 'XX', availableAtMs, id));
  }

  async depth(queue: string): Promise<number> {
    return this.guard(() => this.client.zcard(this.queueKeys(queue).due));
  }

  async ping(): Promise<void> {
    await this.guard(() => this.client.ping());
  }

  async close(): Promise<void> {
    this.flushApplies();
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (cause) {
      throw new UnavailableError('store unavailable', { cause });
    }
  }

  private async writeDoc(script: Script, collection: Collection, id: string, body: string): Promise<number> {
    return this.guard(async () =>
      toInteger(await script.run(this.client, [this.docsKey(collection), this.versionKey(collection), this.changesKey(collection)], [id, body])),
    );
  }

  /** Validates one effect, appends its keys to `keys` and returns what the script needs. */
  private scriptEffect(effect: Effect, keys: string[]): ScriptEffect {
    switch (effect.type) {
      case 'counter':
        assertInteger('by', effect.by);
        keys.push(this.kvKey(effect.key));
        return { t: 'counter', by: String(effect.by), ttl: String(ttlToMs(effect.ttlSeconds) ?? '') };
      case 'put':
        keys.push(this.kvKey(effect.key));
        return { t: 'put', value: JSON.stringify(effect.value), ttl: String(ttlToMs(effect.ttlSeconds) ?? '') };
      case 'rollup': {
        const period = normalizePeriod(effect.row.period);
        const member = JSON.stringify([period, effect.row.campaign, effect.row.publisher]);
        keys.push(this.rollupKey(member), this.rollupIndexKey());
        const add = Object.entries(rollupValues(effect.add))
          .filter(([, value]) => value !== 0)
          .flatMap(([field, value]) => [field, String(value)]);
        return { t: 'rollup', add, score: String(Date.parse(period)), member };
      }
    }
  }

  private docsKey(collection: Collection): string {
    return `${this.prefix}doc:${collection}`;
  }

  private changesKey(collection: Collection): string {
    return `${this.prefix}docchanges:${collection}`;
  }

  private versionKey(collection: Collection): string {
    return `${this.prefix}docversion:${collection}`;
  }

  private kvKey(key: string): string {
    return `${this.prefix}kv:${key}`;
  }

  /** The source's length makes the key unambiguous whatever characters source and id hold. */
  private seenKey(source: string, id: string): string {
    return `${this.prefix}seen:${source.length}:${source}:${id}`;
  }

  private rollupKey(member: string): string {
    return `${this.prefix}rollup:${member}`;
  }

  private rollupIndexKey(): string {
    return `${this.prefix}rollups`;
  }

  private queueKeys(queue: string): { due: string; payloads: string; attempts: string } {
    const base = `${this.prefix}queue:${queue}`;
    return { due: `${base}:due`, payloads: `${base}:payloads`, attempts: `${base}:attempts` };
  }
}

/** The replies of a MULTI or pipeline, throwing the first command error. */
function execResults(results: [Error | null, unknown][] | null): unknown[] {
  if (results === null) throw new Error('transaction aborted');
  return results.map(([error, value]) => {
    if (error !== null) throw error;
    return value;
  });
}

/** One event's reply of APPLY_BATCH; a failed check throws its message. */
function applyResult(reply: unknown): ApplyResult {
  const [status, ...rest] = asArray(reply);
  if (status === -1) throw new Error(String(rest[0]));
  return status === 1 ? { applied: true, counters: rest.map(toInteger) } : { applied: false, counters: [] };
}

function asArray(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error(`unexpected reply from Redis: ${String(value)}`);
  return value;
}

function asRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) throw new Error(`unexpected reply from Redis: ${String(value)}`);
  const record: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) record[key] = String(item);
  return record;
}

/** An integer reply or integer string; a missing value (null) is 0. */
function toInteger(value: unknown): number {
  if (value === null) return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`unexpected reply from Redis: ${String(value)}`);
  return n;
}

function parseJson(text: string): Json {
  return JSON.parse(text) as Json;
}

function counterValue(text: string | null): number | undefined {
  return text !== null && /^-?\d+$/.test(text) ? Number(text) : undefined;
}

function parseRollupMember(member: string): { member: string; period: string; campaign: string; publisher: string } {
  const parsed: unknown = JSON.parse(member);
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((part) => typeof part === 'string')) {
    throw new Error(`malformed rollup index member: ${member}`);
  }
  const [period, campaign, publisher] = parsed as [string, string, string];
  return { member, period, campaign, publisher };
}

function compareRows(a: RollupRow, b: RollupRow): number {
  for (const field of ['period', 'campaign', 'publisher'] as const) {
    if (a[field] !== b[field]) return a[field] < b[field] ? -1 : 1;
  }
  return 0;
}

function ttlToMs(ttlSeconds: number | undefined): number | undefined {
  if (ttlSeconds === undefined) return undefined;
  if (!(ttlSeconds > 0) || !Number.isFinite(ttlSeconds)) throw new RangeError(`ttlSeconds must be > 0: ${ttlSeconds}`);
  return Math.ceil(ttlSeconds * 1000);
}

function assertInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer: ${value}`);
}

/** Canonical ISO 8601 UTC (`2026-03-01T13:00:00Z`), the same text the SQLite backend stores. */
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
