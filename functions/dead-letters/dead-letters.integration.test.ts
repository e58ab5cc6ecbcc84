import test from 'ava';
import { EVENT_TYPES, toBinary } from '../../shared/events';
import { startFunction } from '../../test/kit/function-process';
import { BrokerStandIn } from '../../test/kit/broker-stand-in';
import { adEvent, post } from '../../test/kit/events';
import { backendTest, BACKENDS, testStore, type Backend } from '../../test/kit/stores';
import { issueKey } from '../../shared/auth';
import type { Json } from '../../shared/store';

const ADMIN_KEY = 'admin-key-for-dead-letter-tests-0123';
const admin = { authorization: `Bearer ${ADMIN_KEY}` };

async function withDeadLetters(backend: Backend, env: Record<string, string> = {}) {
  const store = await testStore(backend);
  const broker = await BrokerStandIn.start();
  const fn = await startFunction('dead-letters', { STORE_URL: store.url, K_SINK: broker.url, TAGLINE_ADMIN_KEY: ADMIN_KEY, ...env });
  return {
    store,
    broker,
    url: fn.url,
    list: async (query = '', headers: Record<string, string> = admin) => {
      const res = await fetch(`${fn.url}/v1/dead-letters${query}`, { headers });
      return { status: res.status, body: (await res.json()) as { items: Letter[]; total: number; next?: string } };
    },
    close: async () => {
      await fn.stop();
      await broker.stop();
      await store.close();
    },
  };
}

interface Letter {
  id: string;
  attributes: Record<string, unknown>;
  data: unknown;
  error: { code?: number; destination?: string; response?: string };
  failures: number;
  replays: number;
  replayedAt?: string;
}

/** An event as Knative dead-letters it: the original plus the knativeerror* extensions. */
function deadLettered(event = adEvent(EVENT_TYPES.impression), response = '{"title":"Invalid input"}') {
  const { headers, body } = toBinary(event);
  return {
    event,
    headers: { ...headers, 'ce-knativeerrorcode': '400', 'ce-knativeerrordest': 'http://ledger.tagline.svc.cluster.local/', 'ce-knativeerrordata': Buffer.from(response).toString('base64'), 'ce-partitionkey': 'p-1' },
    body,
  };
}

for (const backend of BACKENDS) {
  backendTest(backend).serial(`${backend}: a dead-lettered event is kept once with every attribute and the decoded error`, async (t) => {
    const d = await withDeadLetters(backend);
    t.teardown(d.close);
    const letter = deadLettered();
    for (let i = 0; i < 3; i++) t.is((await post(`${d.url}/`, letter.headers, letter.body)).status, 204);
    const { status, body } = await d.list();
    t.is(status, 200);
    t.is(body.total, 1);
    const [kept] = body.items;
    t.like(kept?.attributes, { id: letter.event.id, source: '/track', type: EVENT_TYPES.impression, knativeerrorcode: '400', knativeerrordest: 'http://ledger.tagline.svc.cluster.local/', partitionkey: 'p-1' });
    t.deepEqual(kept?.data, JSON.parse(letter.body));
    t.deepEqual(kept?.error, { code: 400, destination: 'http://ledger.tagline.svc.cluster.local/', response: '{"title":"Invalid input"}' });
    t.is(kept?.failures, 1);
  });

  backendTest(backend).serial(`${backend}: a replay sends the original event back to the Broker without the knativeerror extensions`, async (t) => {
    const d = await withDeadLetters(backend);
    t.teardown(d.close);
    const letter = deadLettered();
    await post(`${d.url}/`, letter.headers, letter.body);
    const [kept] = (await d.list()).body.items;
    const res = await fetch(`${d.url}/v1/dead-letters/${kept!.id}/replay`, { method: 'POST', headers: admin });
    t.is(res.status, 200);
    t.like(await res.json(), { replays: 1 });
    const [sent] = d.broker.received;
    t.is(sent?.event.id, letter.event.id);
    t.is(sent?.event.type, EVENT_TYPES.impression);
    t.is(sent?.event.source, '/track');
    t.deepEqual(sent?.event.data, JSON.parse(letter.body));
    t.false(Object.keys(sent?.headers ?? {}).some((h) => h.startsWith('ce-knativeerror')));
    // Failing again after the replay counts one more failure on the same dead letter.
    await post(`${d.url}/`, letter.headers, letter.body);
    const again = (await d.list()).body;
    t.is(again.total, 1);
    t.like(again.items[0], { failures: 2, replays: 1 });
  });
}

test.serial('the list is newest first and paginated; replay is 503 while the Broker is down, 404 for no such letter', async (t) => {
  const d = await withDeadLetters('sqlite');
  t.teardown(d.close);
  const letters = Array.from({ length: 5 }, () => deadLettered());
  for (const l of letters) {
    t.is((await post(`${d.url}/`, l.headers, l.body)).status, 204);
    await new Promise((r) => setTimeout(r, 5));
  }
  const first = (await d.list('?limit=2')).body;
  t.deepEqual(first.items.map((i) => i.attributes.id), [letters[4]!.event.id, letters[3]!.event.id]);
  const second = (await d.list(`?limit=2&cursor=${first.next}`)).body;
  t.deepEqual(second.items.map((i) => i.attributes.id), [letters[2]!.event.id, letters[1]!.event.id]);
  const third = (await d.list(`?limit=2&cursor=${second.next}`)).body;
  t.deepEqual(third.items.map((i) => i.attributes.id), [letters[0]!.event.id]);
  t.is(third.next, undefined);
  t.is((await d.list('?limit=0')).status, 400);
  t.is((await d.list('?cursor=garbage')).status, 400);

  await d.broker.stop();
  const down = await fetch(`${d.url}/v1/dead-letters/${first.items[0]!.id}/replay`, { method: 'POST', headers: admin });
  t.is(down.status, 503);
  t.is((await d.list()).body.items.find((i) => i.id === first.items[0]!.id)?.replays, 0);
  t.is((await fetch(`${d.url}/v1/dead-letters/nope/replay`, { method: 'POST', headers: admin })).status, 404);
});

test.serial('events of any type are kept; only Tagline events with valid data can be replayed', async (t) => {
  const d = await withDeadLetters('sqlite');
  t.teardown(d.close);
  const foreign = { 'ce-id': 'f-1', 'ce-source': '/elsewhere', 'ce-type': 'com.example.thing', 'ce-specversion': '1.0', 'content-type': 'text/plain' };
  t.is((await post(`${d.url}/`, foreign, 'hello')).status, 204);
  const invalid = deadLettered();
  const broken = JSON.stringify({ ...JSON.parse(invalid.body), priceMicros: 'free' });
  t.is((await post(`${d.url}/`, invalid.headers, broken)).status, 204);
  t.is((await post(`${d.url}/`, { 'content-type': 'application/json' }, '{}')).status, 400);
  const { items } = (await d.list()).body;
  t.is(items.length, 2);
  for (const item of items) t.is((await fetch(`${d.url}/v1/dead-letters/${item.id}/replay`, { method: 'POST', headers: admin })).status, 409);
  t.is(items.find((i) => i.attributes.type === 'com.example.thing')?.data, 'hello');
});

test.serial('dead letters are for the admin key only', async (t) => {
  const d = await withDeadLetters('sqlite');
  t.teardown(d.close);
  const key = issueKey();
  await d.store.store.putDoc('apikeys', key.id, { id: key.id, advertiser: 'adv-1', name: 'k', secretHash: key.secretHash, createdAt: new Date().toISOString() });
  t.is((await d.list('', {})).status, 401);
  t.is((await d.list('', { authorization: `Bearer ${key.token}` })).status, 403);
  t.is((await fetch(`${d.url}/v1/dead-letters/x/replay`, { method: 'POST', headers: { authorization: `Bearer ${key.token}` } })).status, 403);
});

test.serial('the sink keeps at most DEAD_LETTER_MAX_COUNT letters, the newest, and counts what it evicts', async (t) => {
  const d = await withDeadLetters('sqlite', { DEAD_LETTER_MAX_COUNT: '3' });
  t.teardown(d.close);
  const letters = Array.from({ length: 7 }, () => deadLettered());
  for (const l of letters) {
    t.is((await post(`${d.url}/`, l.headers, l.body)).status, 204);
    await new Promise((r) => setTimeout(r, 5));
  }
  const { body } = await d.list();
  t.is(body.total, 3);
  t.deepEqual(body.items.map((i) => i.attributes.id), letters.slice(4).reverse().map((l) => l.event.id));
  const metrics = await (await fetch(`${d.url}/metrics`)).text();
  t.regex(metrics, /tagline_dead_letters_evicted_total\{reason="count"[^}]*\} 4/);
});

test.serial('letters older than DEAD_LETTER_MAX_AGE_SECONDS are deleted when the next one arrives', async (t) => {
  const d = await withDeadLetters('sqlite', { DEAD_LETTER_MAX_AGE_SECONDS: '60' });
  t.teardown(d.close);
  const old = deadLettered();
  t.is((await post(`${d.url}/`, old.headers, old.body)).status, 204);
  const [kept] = (await d.list()).body.items;
  const aged = { ...(await d.store.store.getDoc<{ [k: string]: Json }>('dead-letters', kept!.id))!, lastFailedAt: new Date(Date.now() - 120_000).toISOString() };
  await d.store.store.putDoc('dead-letters', kept!.id, aged as never);
  const fresh = deadLettered();
  t.is((await post(`${d.url}/`, fresh.headers, fresh.body)).status, 204);
  t.deepEqual((await d.list()).body.items.map((i) => i.attributes.id), [fresh.event.id]);
  t.regex(await (await fetch(`${d.url}/metrics`)).text(), /tagline_dead_letters_evicted_total\{reason="age"[^}]*\} 1/);
});

