import { randomUUID } from 'node:crypto';
import test, { type ExecutionContext } from 'ava';
import { openStore, type Store } from '../../shared/store';
import { openRedisStore } from '../../shared/store/redis';
import { missing, needs } from '../../test/kit/needs';
import { startRedis, type TestRedis } from '../../test/kit/redis';
import { decide } from './decide';
import { adRequest, campaign, harness, PUBLISHER } from '../../test/kit/ad-decision';

const HUMAN = { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36', country: 'ES' };

let redis: TestRedis | undefined;
const redisSkip = missing('redis-server');

test.before(async () => {
  if (redisSkip !== undefined) return;
  redis = await startRedis();
});

test.after.always(async () => {
  await redis?.stop();
});

const backends: { name: string; test: typeof test; open: () => Promise<Store> }[] = [
  { name: 'sqlite', test, open: () => openStore('sqlite::memory:') },
  { name: 'redis', test: needs('redis-server'), open: () => openRedisStore(redis!.url, { prefix: `test:${randomUUID()}:` }) },
];

for (const backend of backends) {
  backend.test(`${backend.name}: admin writes reach the catalog as deltas: create, update, pause, archive, delete, publisher change`, async (t) => incrementalUpdates(t, await backend.open()));
}

async function incrementalUpdates(t: ExecutionContext, store: Store): Promise<void> {
  const h = await harness([campaign({ id: 'base', pricing: { model: 'cpm', amountMicros: 1_000_000, currency: 'EUR' } })], [PUBLISHER], store);
  t.teardown(() => h.close());
  const served = async (request = adRequest()) => (await decide(h.deps, request, HUMAN)).ads.map((a) => a.campaign);
  const write = async (id: string, doc: ReturnType<typeof campaign> | undefined) => {
    if (doc === undefined) await store.deleteDoc('campaigns', id);
    else await store.putDoc('campaigns', id, doc as never);
    t.true(await h.catalog.refresh(), `a write to ${id} changes the catalog`);
  };
  const loaded = h.catalog.current;
  t.deepEqual(await served(), ['base']);

  await write('rich', campaign({ id: 'rich', pricing: { model: 'cpm', amountMicros: 5_000_000, currency: 'EUR' } }));
  t.deepEqual(await served(), ['rich'], 'created');

  await write('rich', campaign({ id: 'rich', pricing: { model: 'cpm', amountMicros: 500_000, currency: 'EUR' } }));
  t.deepEqual(await served(), ['base'], 'updated: now cheaper than base');

  await write('rich', campaign({ id: 'rich', pricing: { model: 'cpm', amountMicros: 5_000_000, currency: 'EUR' }, targeting: { countries: ['FR'] } }));
  t.deepEqual(await served(), ['base'], 'updated targeting: not for ES');

  await write('rich', campaign({ id: 'rich', pricing: { model: 'cpm', amountMicros: 5_000_000, currency: 'EUR' } }));
  t.deepEqual(await served(), ['rich']);
  await write('rich', campaign({ id: 'rich', status: 'paused', pricing: { model: 'cpm', amountMicros: 5_000_000, currency: 'EUR' } }));
  t.deepEqual(await served(), ['base'], 'paused');

  await write('base', campaign({ id: 'base', status: 'archived' }));
  t.deepEqual(await served(), [], 'archived');

  await write('rich', campaign({ id: 'rich', pricing: { model: 'cpm', amountMicros: 5_000_000, currency: 'EUR' } }));
  await write('rich', undefined);
  t.deepEqual(await served(), [], 'deleted');

  const other = adRequest({ publisher: 'pub-other' });
  await t.throwsAsync(async () => served(other), { message: /unknown publisher/ });
  await store.putDoc('publishers', 'pub-other', { id: 'pub-other', name: 'Other', domains: ['other.example'] });
  await write('late', campaign({ id: 'late', targeting: { publishers: ['pub-other'] } }));
  t.deepEqual(await served(other), ['late'], 'publisher added, campaign targeting it');
  t.deepEqual(await served(), [], 'not served on pub-demo');

  t.is(h.catalog.current, loaded, 'the catalog changed in place, never rebuilt');
  t.false(await h.catalog.refresh(), 'nothing changed since');
}
