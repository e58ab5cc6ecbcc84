import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import test, { type ExecutionContext } from 'ava';
import { Redis } from 'ioredis';
import { missing, needs } from '../../test/kit/needs';
import { needsStoppableRedis, startRedis, type TestRedis } from '../../test/kit/redis';
import { ConfigError, UnavailableError } from '../errors';
import { openStore, type Effect, type RollupKey, type RollupRow, type Store } from './index';
import { openRedisStore } from './redis';

interface Backend {
  readonly name: 'sqlite' | 'redis';
  /** Why this backend's tests are skipped, if they are. */
  readonly skip: string | undefined;
  /** A fresh, empty store for one test, closed when the test ends. */
  open(t: ExecutionContext): Promise<Store>;
}

type Contract = (t: ExecutionContext, store: Store) => Promise<void>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const sqlite: Backend = {
  name: 'sqlite',
  skip: undefined,
  async open(t) {
    const store = await openStore('sqlite::memory:');
    t.teardown(() => store.close());
    return store;
  },
};

let redisServer: TestRedis | undefined;

/* Each test gets its own key prefix, so tests share one server and run concurrently. */
const redis: Backend = {
  name: 'redis',
  skip: missing('redis-server'),
  async open(t) {
    if (redisServer === undefined) throw new Error('redis server not started');
    const { url, managed } = redisServer;
    const prefix = `test:${randomUUID()}:`;
    const store = await openRedisStore(url, { prefix });
    t.teardown(async () => {
      await store.close();
      if (!managed) await deleteKeys(url, prefix);
    });
    return store;
  },
};

test.before(async () => {
  if (redis.skip !== undefined) return;
  redisServer = await startRedis();
});

test.after.always(async () => {
  await redisServer?.stop();
});

/** Registers every contract test once per backend, titled `<backend>: <title>`. */
function contract(title: string, body: Contract): void {
  for (const backend of [sqlite, redis]) {
    const t = backend.name === 'redis' ? needs('redis-server') : test;
    t(`${backend.name}: ${title}`, async (tt) => body(tt, await backend.open(tt)));
  }
}

const hour = (h: number) => `2026-03-01T${String(h).padStart(2, '0')}:00:00Z`;
const counter = (key: string, by: number, ttlSeconds?: number): Effect =>
  ttlSeconds === undefined ? { type: 'counter', key, by } : { type: 'counter', key, by, ttlSeconds };
const rollup = (row: RollupKey, add: Extract<Effect, { type: 'rollup' }>['add']): Effect => ({ type: 'rollup', row, add });
const row = (key: RollupKey, values: Partial<RollupRow>): RollupRow => ({
  ...key,
  impressions: 0,
  viewable: 0,
  clicks: 0,
  spend: 0,
  ...values,
});

contract('documents: writes bump their collection version; list is in id order', async (t, store) => {
  t.deepEqual(await store.versions(['campaigns', 'publishers']), [0, 0]);
  t.is(await store.getDoc('campaigns', 'a'), undefined);

  t.is(await store.putDoc('campaigns', 'b', { name: 'B' }), 1);
  t.is(await store.putDoc('campaigns', 'a', { name: 'A' }), 2);
  t.is(await store.putDoc('campaigns', 'b', { name: 'B2' }), 3);
  t.false(await store.insertDoc('campaigns', 'a', { name: 'not stored' }));
  t.true(await store.insertDoc('campaigns', 'c', { name: 'C', tags: ['x'] }));
  t.deepEqual(await store.getDoc('campaigns', 'b'), { name: 'B2' });
  t.deepEqual(await store.listDocs('campaigns'), {
    version: 4,
    docs: [{ name: 'A' }, { name: 'B2' }, { name: 'C', tags: ['x'] }],
  });

  t.true(await store.deleteDoc('campaigns', 'c'));
  t.false(await store.deleteDoc('campaigns', 'c'));
  t.is(await store.putDoc('publishers', 'pub-demo', { id: 'pub-demo' }), 1);
  t.deepEqual(await store.versions(['campaigns', 'publishers', 'apikeys']), [5, 1, 0]);
  t.deepEqual(await store.listDocs('apikeys'), { version: 0, docs: [] });
  t.deepEqual(await store.versions([]), []);
});

contract('documents: changedDocs gives each document written since a version once, deletions without a body', async (t, store) => {
  t.deepEqual(await store.changedDocs('campaigns', 0), { version: 0, changes: [] });
  await store.putDoc('campaigns', 'a', { name: 'A' });
  await store.putDoc('campaigns', 'b', { name: 'B' });
  await store.putDoc('publishers', 'p', { name: 'P' });
  t.deepEqual(await store.changedDocs('campaigns', 0), { version: 2, changes: [{ id: 'a', doc: { name: 'A' } }, { id: 'b', doc: { name: 'B' } }] });
  await store.putDoc('campaigns', 'a', { name: 'A2' });
  t.true(await store.insertDoc('campaigns', 'c', { name: 'C' }));
  t.true(await store.deleteDoc('campaigns', 'b'));
  t.false(await store.insertDoc('campaigns', 'c', { name: 'not stored' }));
  const since2 = await store.changedDocs('campaigns', 2);
  t.is(since2.version, 5);
  t.deepEqual(since2.changes, [{ id: 'a', doc: { name: 'A2' } }, { id: 'c', doc: { name: 'C' } }, { id: 'b', doc: undefined }]);
  t.deepEqual(await store.changedDocs('campaigns', 5), { version: 5, changes: [] });
  t.deepEqual(await store.changedDocs('publishers', 0), { version: 1, changes: [{ id: 'p', doc: { name: 'P' } }] });
});

contract('kv: set, get, getMany and setIfAbsent', async (t, store) => {
  t.is(await store.get('missing'), undefined);
  await store.set('doc', { list: [1, 'two', null, true], nested: { n: 1.5 } });
  t.deepEqual(await store.get('doc'), { list: [1, 'two', null, true], nested: { n: 1.5 } });
  await store.set('doc', 'replaced');
  await store.applyOnce('/test', 'e1', [counter('hits', 7)]);
  t.deepEqual(await store.getMany(['doc', 'missing', 'hits']), ['replaced', undefined, 7]);
  t.deepEqual(await store.getMany([]), []);

  t.true(await store.setIfAbsent('lock', 'first', 60));
  t.false(await store.setIfAbsent('lock', 'second', 60));
  t.false(await store.setIfAbsent('doc', 'second', 60));
  t.is(await store.get('lock'), 'first');
  t.is(await store.get('doc'), 'replaced');
});

contract('expiry: values, locks, counters and dedupe marks lapse; a counter window starts at its first increment', async (t, store) => {
  // 2 s lifetimes, read once well inside them and once past them, so a slow machine cannot read late.
  await store.set('short', 'v', 2);
  await store.set('forever', 'v');
  t.true(await store.setIfAbsent('lock', 'a', 2));
  const put: Effect = { type: 'put', key: 'put', value: 1, ttlSeconds: 2 };
  await store.applyOnce('/test', 'e1', [counter('window', 1, 2), put], 2);
  t.true((await store.incrementBounded('bounded', 1, 10, 2)).ok);

  await sleep(600);
  t.deepEqual((await store.applyOnce('/test', 'e2', [counter('window', 1, 2)])).counters, [2]);
  t.is(await store.get('short'), 'v');
  t.false(await store.setIfAbsent('lock', 'b', 2));

  await sleep(1600);
  t.deepEqual(await store.getMany(['short', 'forever', 'put', 'lock']), [undefined, 'v', undefined, undefined]);
  t.deepEqual(await store.getCounters(['window', 'bounded']), [0, 0]);
  t.true(await store.setIfAbsent('lock', 'c', 2));
  t.is(await store.get('lock'), 'c');
  t.true((await store.applyOnce('/test', 'e1', [])).applied, 'a 2 s dedupe mark has expired');
  t.false((await store.applyOnce('/test', 'e2', [])).applied, 'the default dedupe mark lasts 7 days');
  t.deepEqual((await store.applyOnce('/test', 'e3', [counter('window', 1, 2)])).counters, [1]);
  t.deepEqual(await store.incrementBounded('bounded', 1, 10, 2), { ok: true, value: 1 });
});

contract('counters: missing read 0; incrementBounded refuses past max and reports the value', async (t, store) => {
  t.deepEqual(await store.getCounters(['a', 'b']), [0, 0]);
  t.deepEqual(await store.getCounters([]), []);
  t.deepEqual(await store.incrementBounded('spend', 700, 1000), { ok: true, value: 700 });
  t.deepEqual(await store.incrementBounded('spend', 700, 1000), { ok: false, value: 700 });
  t.deepEqual(await store.incrementBounded('spend', 300, 1000), { ok: true, value: 1000 });
  t.deepEqual(await store.incrementBounded('never', 5, 4), { ok: false, value: 0 });
  t.deepEqual(await store.getCounters(['spend', 'never']), [1000, 0]);
  t.is(await store.get('never'), undefined, 'a refused increment creates nothing');
});

contract('counters: 200 concurrent incrementBounded never exceed max', async (t, store) => {
  const results = await Promise.all(Array.from({ length: 200 }, () => store.incrementBounded('cap', 1, 150)));
  t.is(results.filter((r) => r.ok).length, 150);
  t.true(results.every((r) => r.value <= 150));
  t.deepEqual(
    results.filter((r) => r.ok).map((r) => r.value).sort((a, b) => a - b),
    Array.from({ length: 150 }, (_, i) => i + 1),
    'each accepted increment saw its own value',
  );
  t.deepEqual(await store.getCounters(['cap']), [150]);
});

contract('applyOnce: the same (source, id) applies once when repeated', async (t, store) => {
  const key = { period: hour(10), campaign: 'c1', publisher: 'p1' };
  const effects: Effect[] = [
    counter('spend:c1', 2500),
    counter('freq:u1:c1', 1, 3600),
    { type: 'put', key: 'last:c1', value: { imp: 'i1' } },
    rollup(key, { impressions: 1, spend: 2500 }),
  ];
  t.deepEqual(await store.applyOnce('/track', 'imp:i1', effects), { applied: true, counters: [2500, 1] });
  t.deepEqual(await store.applyOnce('/track', 'imp:i1', effects), { applied: false, counters: [] });
  t.deepEqual(await store.applyOnce('/track', 'imp:i1', effects), { applied: false, counters: [] });
  t.deepEqual(await store.getCounters(['spend:c1', 'freq:u1:c1']), [2500, 1]);
  t.deepEqual(await store.get('last:c1'), { imp: 'i1' });
  t.deepEqual(await store.rollups({ from: hour(0), to: hour(23) }), [row(key, { impressions: 1, spend: 2500 })]);

  t.deepEqual((await store.applyOnce('/track', 'imp:i2', effects)).counters, [5000, 2]);
  t.true((await store.applyOnce('/other', 'imp:i1', [])).applied, 'sources are separate namespaces');
  t.true((await store.applyOnce('/track:imp', 'i1', [])).applied, 'source and id do not run together');
  t.deepEqual(await store.applyOnce('/track', 'empty', []), { applied: true, counters: [] });
});

contract('applyOnce: concurrent deliveries of one event apply once', async (t, store) => {
  const deliveries = await Promise.all(
    Array.from({ length: 20 }, () => store.applyOnce('/track', 'imp:x', [counter('spend', 100)])),
  );
  t.is(deliveries.filter((r) => r.applied).length, 1);
  const distinct = await Promise.all(
    Array.from({ length: 50 }, (_, i) => store.applyOnce('/track', `imp:${i}`, [counter('impressions', 1)])),
  );
  t.true(distinct.every((r) => r.applied));
  t.deepEqual(await store.getCounters(['spend', 'impressions']), [100, 50]);
});

contract('applyOnce: a failing effect applies nothing, not even the dedupe mark', async (t, store) => {
  const key = { period: hour(10), campaign: 'c1', publisher: 'p1' };
  await store.set('not-a-counter', 'text');
  const good: Effect[] = [
    counter('spend', 100),
    rollup(key, { impressions: 1 }),
    { type: 'put', key: 'flag', value: true },
  ];

  // The last effect fails inside the backend (a counter on a non-integer value), after the others were staged.
  const error = await t.throwsAsync(store.applyOnce('/track', 'imp:1', [...good, counter('not-a-counter', 1)]), {
    instanceOf: UnavailableError,
  });
  t.is(error?.status, 503);
  t.deepEqual(await store.getCounters(['spend']), [0]);
  t.deepEqual(await store.getMany(['flag', 'not-a-counter']), [undefined, 'text']);
  t.deepEqual(await store.rollups({ from: hour(0), to: hour(23) }), []);

  await t.throwsAsync(store.applyOnce('/track', 'imp:1', [counter('spend', 1.5)]), { instanceOf: RangeError });
  await t.throwsAsync(store.applyOnce('/track', 'imp:1', good, 0), { instanceOf: RangeError }, 'a dedupe mark must expire after a positive time');
  t.deepEqual(await store.applyOnce('/track', 'imp:1', good), { applied: true, counters: [100] });
});


contract('applyOnce: among events applied at once, a failing one fails alone', async (t, store) => {
  await store.set('not-a-counter', 'text');
  const results = await Promise.allSettled([
    store.applyOnce('/track', 'imp:a', [counter('spend', 100)]),
    store.applyOnce('/track', 'imp:bad', [counter('spend', 7), counter('not-a-counter', 1)]),
    store.applyOnce('/track', 'imp:b', [counter('spend', 100)]),
    store.applyOnce('/track', 'imp:a', [counter('spend', 100)]),
  ]);
  t.deepEqual(
    results.map((r) => (r.status === 'fulfilled' ? r.value.applied : (r.reason as Error).constructor.name)),
    [true, 'UnavailableError', true, false],
  );
  t.deepEqual(await store.getCounters(['spend']), [200]);
  t.true((await store.applyOnce('/track', 'imp:bad', [counter('spend', 7)])).applied, 'the failed event left no dedupe mark');
});
contract('rollups: [from, to) range, ordered, filtered by campaigns and publishers', async (t, store) => {
  const c1p1 = { period: hour(10), campaign: 'c1', publisher: 'p1' };
  const c2p1 = { period: hour(10), campaign: 'c2', publisher: 'p1' };
  const c1p2 = { period: hour(11), campaign: 'c1', publisher: 'p2' };
  const at12 = { period: hour(12), campaign: 'c1', publisher: 'p1' };
  const at9 = { period: '2026-03-01T09:00:00.000Z', campaign: 'c1', publisher: 'p1' };
  const events: Effect[] = [
    rollup(c1p1, { impressions: 1, spend: 2500 }),
    rollup(at12, { impressions: 1 }),
    rollup(c1p1, { impressions: 1, viewable: 1, spend: 2500 }),
    rollup(c1p2, { impressions: 3 }),
    rollup(c2p1, { clicks: 1 }),
    rollup(at9, { viewable: 2 }),
  ];
  for (const [i, effect] of events.entries()) await store.applyOnce('/test', `e${i}`, [effect]);

  const rows = {
    c1p1: row(c1p1, { impressions: 2, viewable: 1, spend: 5000 }),
    c2p1: row(c2p1, { clicks: 1 }),
    c1p2: row(c1p2, { impressions: 3 }),
  };
  const range = { from: hour(10), to: hour(12) };
  t.deepEqual(await store.rollups(range), [rows.c1p1, rows.c2p1, rows.c1p2]);
  t.deepEqual(await store.rollups({ ...range, campaigns: ['c1'] }), [rows.c1p1, rows.c1p2]);
  t.deepEqual(await store.rollups({ ...range, publishers: ['p1'] }), [rows.c1p1, rows.c2p1]);
  t.deepEqual(await store.rollups({ ...range, campaigns: ['c1', 'c3'], publishers: ['p2'] }), [rows.c1p2]);
  t.deepEqual(await store.rollups({ ...range, campaigns: [] }), [], 'an empty filter matches nothing');
  t.deepEqual(
    (await store.rollups({ from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' })).map((r) => r.period),
    ['2026-03-01T09:00:00Z', hour(10), hour(10), hour(11), hour(12)],
    'periods are stored in one canonical form',
  );
  t.deepEqual(await store.rollups({ from: hour(13), to: hour(20) }), []);
});

contract('queues: enqueue is idempotent; claim takes due items in order up to the limit', async (t, store) => {
  const now = 1_700_000_000_000;
  await store.enqueue('q', 'a', { n: 1 }, now);
  await store.enqueue('q', 'a', { n: 2 }, now - 10);
  await store.enqueue('q', 'later', { n: 3 }, now + 5000);
  await store.enqueue('q', 'b', { n: 4 }, now - 1);
  await store.enqueue('other', 'a', { n: 5 }, now);
  t.is(await store.depth('q'), 3);

  t.deepEqual(await store.claim('q', 1, 1000, now), [{ id: 'b', payload: { n: 4 }, attempts: 0 }]);
  t.deepEqual(await store.claim('q', 10, 1000, now), [{ id: 'a', payload: { n: 1 }, attempts: 0 }]);
  t.deepEqual(await store.claim('q', 10, 1000, now), []);
  t.deepEqual(await store.claim('q', 0, 1000, now + 10_000), []);
  t.deepEqual(await store.claim('q', 10, 1000, now + 5000), [
    { id: 'a', payload: { n: 1 }, attempts: 1 },
    { id: 'b', payload: { n: 4 }, attempts: 1 },
    { id: 'later', payload: { n: 3 }, attempts: 0 },
  ]);
  t.is(await store.depth('other'), 1);
  t.is(await store.depth('empty'), 0);
});

contract('queues: enqueueAll adds every item at once and, like enqueue, leaves existing ids as they are', async (t, store) => {
  const now = 1_700_000_000_000;
  await store.enqueue('q', 'a', { n: 1 }, now);
  await store.enqueueAll('q', [{ id: 'a', payload: { n: 2 } }, { id: 'b', payload: { n: 3 } }, { id: 'c', payload: { n: 4 } }], now + 1);
  await store.enqueueAll('q', [], now);
  t.is(await store.depth('q'), 3);
  t.deepEqual(await store.claim('q', 10, 1000, now + 1), [
    { id: 'a', payload: { n: 1 }, attempts: 0 },
    { id: 'b', payload: { n: 3 }, attempts: 0 },
    { id: 'c', payload: { n: 4 }, attempts: 0 },
  ]);
});

contract('queues: a lease hides an item until it ends; reschedule counts an attempt; ack removes', async (t, store) => {
  const now = 1_700_000_000_000;
  await store.enqueue('q', 'a', { event: 'imp:1' }, now);
  t.deepEqual(await store.claim('q', 10, 1000, now), [{ id: 'a', payload: { event: 'imp:1' }, attempts: 0 }]);
  t.deepEqual(await store.claim('q', 10, 1000, now + 999), [], 'hidden while leased');
  t.is(await store.depth('q'), 1, 'a leased item still counts');
  t.deepEqual((await store.claim('q', 10, 1000, now + 1000)).map((i) => i.attempts), [1], 'claimable when the lease ends');

  await store.reschedule('q', 'a', now + 5000);
  t.deepEqual(await store.claim('q', 10, 1000, now + 4999), []);
  t.deepEqual(await store.claim('q', 10, 1000, now + 5000), [{ id: 'a', payload: { event: 'imp:1' }, attempts: 2 }]);

  await store.ack('q', 'a');
  t.is(await store.depth('q'), 0);
  t.deepEqual(await store.claim('q', 10, 1000, now + 100_000), []);
  await store.reschedule('q', 'a', now);
  await store.ack('q', 'a');
  t.is(await store.depth('q'), 0, 'reschedule and ack of a missing item change nothing');

  await store.enqueue('q', 'a', { event: 'imp:2' }, now);
  t.deepEqual(await store.claim('q', 10, 1000, now), [{ id: 'a', payload: { event: 'imp:2' }, attempts: 0 }]);
});

contract('ping and close', async (t, store) => {
  await t.notThrowsAsync(store.ping());
  t.true(store.kind === 'sqlite' || store.kind === 'redis');
});

test('openStore rejects URLs of unknown stores with ConfigError', async (t) => {
  for (const url of ['postgres://localhost/tagline', 'sqlite:', '', 'memory:']) {
    const error = await t.throwsAsync(openStore(url), { instanceOf: ConfigError });
    t.is(error?.variable, 'STORE_URL');
  }
});

test('sqlite: creates the parent directory; two handles on one file see each other', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tagline-store-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const url = `sqlite:${join(dir, 'nested', 'tagline.db')}`;
  const first = await openStore(url);
  const second = await openStore(url);
  t.teardown(async () => {
    await first.close();
    await second.close();
  });
  t.true(existsSync(join(dir, 'nested', 'tagline.db')));

  t.is(await first.putDoc('campaigns', 'c1', { name: 'one' }), 1);
  t.deepEqual(await second.listDocs('campaigns'), { version: 1, docs: [{ name: 'one' }] });
  t.true((await second.applyOnce('/track', 'imp:1', [counter('spend', 10)])).applied);
  t.false((await first.applyOnce('/track', 'imp:1', [counter('spend', 10)])).applied);
  t.deepEqual(await first.getCounters(['spend']), [10]);
  await second.enqueue('q', 'a', null);
  t.is((await first.claim('q', 10, 60_000)).length, 1);
  t.deepEqual(await second.claim('q', 10, 60_000), []);
});

test('sqlite: processes sharing one new file keep bounded counters and dedupe exact', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tagline-store-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const url = `sqlite:${join(dir, 'shared.db')}`;
  const script = `
    const { openStore } = require(${JSON.stringify(join(__dirname, 'index.js'))});
    (async () => {
      const store = await openStore(process.argv[1]);
      await new Promise((resolve) => setTimeout(resolve, Number(process.argv[2]) - Date.now()));
      let bounded = 0, applied = 0;
      for (let i = 0; i < 250; i++) {
        if ((await store.incrementBounded('cap', 1, 600)).ok) bounded++;
        if ((await store.applyOnce('/child', 'e' + i, [{ type: 'counter', key: 'events', by: 1 }])).applied) applied++;
      }
      await store.close();
      process.stdout.write(JSON.stringify({ bounded, applied }));
    })();`;
  const run = promisify(execFile);
  // The children start their loops together, so their transactions interleave.
  const startAt = String(Date.now() + 700);
  const outputs = await Promise.all(
    Array.from({ length: 4 }, () => run(process.execPath, ['-e', script, url, startAt])),
  );
  const results = outputs.map(({ stdout }) => JSON.parse(stdout) as { bounded: number; applied: number });

  t.is(results.reduce((sum, r) => sum + r.bounded, 0), 600);
  t.is(results.reduce((sum, r) => sum + r.applied, 0), 250);
  const store = await openStore(url);
  t.teardown(() => store.close());
  t.deepEqual(await store.getCounters(['cap', 'events']), [600, 250]);
});

const outageTitle =
  'redis: calls reject with UnavailableError within a second while Redis is down, and work again after it restarts';
needsStoppableRedis()(outageTitle, async (t) => {
  const server = await startRedis();
  t.teardown(() => server.stop());
  const store = await openStore(server.url);
  t.teardown(() => store.close());
  await store.set('k', 1);

  await server.stop();
  const calls: Record<string, () => Promise<unknown>> = {
    ping: () => store.ping(),
    get: () => store.get('k'),
    getCounters: () => store.getCounters(['a', 'b']),
    applyOnce: () => store.applyOnce('/track', 'imp:1', [counter('spend', 1)]),
    openStore: () => openStore(server.url),
  };
  for (const [name, call] of Object.entries(calls)) {
    const started = Date.now();
    const error = await t.throwsAsync(call(), { instanceOf: UnavailableError }, name);
    t.is(error?.status, 503);
    t.true(Date.now() - started < 1200, `${name} took ${Date.now() - started} ms`);
  }

  await server.restart();
  const deadline = Date.now() + 5000;
  while (!(await store.ping().then(() => true, () => false)) && Date.now() < deadline) await sleep(50);
  t.deepEqual(await store.applyOnce('/track', 'imp:1', [counter('spend', 1)]), { applied: true, counters: [1] });
  t.deepEqual(await store.getCounters(['spend']), [1]);
});

/** Removes one test's keys from an external Redis (a spawned server is simply killed). */
async function deleteKeys(url: string, prefix: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true });
  await client.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}
