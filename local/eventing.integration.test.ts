import test from 'ava';
import { randomUUID } from 'node:crypto';
import { BROKER_PATH, senderAuth, brokerIdle, postEvent, received, startFixturePlatform, status, waitFor, type Harness, type Received } from '../test/kit/platform';

let h: Harness;

test.before(async () => {
  h = await startFixturePlatform();
});

test.after.always(async () => {
  await h?.close();
});

const byId = (id: string) => received(h.dataDir).filter((r) => r.id === id);

async function deliveriesOf(id: string, count: number, timeoutMs = 10_000): Promise<Received[]> {
  return waitFor(() => byId(id), (list) => list.length >= count, timeoutMs, `${count} deliveries of ${id}`);
}

test.serial('an event reaches exactly the Triggers whose filters match', async (t) => {
  const run = randomUUID().slice(0, 8);
  const events: Record<string, string>[] = [
    { id: `order-${run}`, type: 'dev.test.f.order', source: '/shop/eu', region: 'eu' },
    { id: `a-${run}`, type: 'dev.test.f.a', source: '/shop/us' },
    { id: `b-${run}`, type: 'dev.test.f.b', source: '/shop/eu', region: 'us' },
    { id: `other-${run}`, type: 'dev.test.g.other', source: '/shop/eu', region: 'eu' },
  ];
  for (const e of events) t.is(await postEvent(h, e), 202);
  await brokerIdle(h.platform.url);
  const paths = (id: string) => byId(id).map((r) => r.path).sort();
  t.deepEqual(paths(`order-${run}`), ['/f-all', '/f-exact', '/f-prefix', '/f-suffix']);
  t.deepEqual(paths(`a-${run}`), ['/f-any', '/f-not']);
  t.deepEqual(paths(`b-${run}`), ['/f-any', '/f-attrs', '/f-both', '/f-not', '/f-suffix']);
  t.deepEqual(paths(`other-${run}`), []);
});

test('a delivery is a binary CloudEvent with the attributes, data and traceparent it came in with', async (t) => {
  const id = `trace-${randomUUID()}`;
  const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
  t.is(await postEvent(h, { id, type: 'dev.test.f.a', subject: 'páge 1' }, { n: 1, text: 'ñ' }, { traceparent }), 202);
  const [first] = await deliveriesOf(id, 1);
  t.is(first!.headers['ce-type'], 'dev.test.f.a');
  t.is(first!.headers['ce-source'], '/test');
  t.is(first!.headers['ce-specversion'], '1.0');
  t.is(decodeURIComponent(first!.headers['ce-subject'] ?? ''), 'páge 1');
  t.truthy(first!.headers['ce-knativearrivaltime']);
  t.is(first!.headers['content-type'], 'application/json');
  t.is(first!.headers.traceparent, traceparent);
  t.deepEqual(JSON.parse(first!.body), { n: 1, text: 'ñ' });
});

test('a structured-mode event is accepted and delivered in binary mode', async (t) => {
  const id = `structured-${randomUUID()}`;
  const res = await fetch(h.platform.url + BROKER_PATH, {
    method: 'POST',
    headers: { ...senderAuth(h.dataDir), 'content-type': 'application/cloudevents+json' },
    body: JSON.stringify({ specversion: '1.0', id, source: '/structured', type: 'dev.test.f.a', data: { mode: 'structured' } }),
  });
  t.is(res.status, 202);
  const [first] = await deliveriesOf(id, 1);
  t.is(first!.headers['ce-source'], '/structured');
  t.deepEqual(JSON.parse(first!.body), { mode: 'structured' });
});

test('a subscriber answering 503 twice then 204 receives the event three times and it is not dead-lettered', async (t) => {
  const id = `flaky-${randomUUID()}`;
  t.is(await postEvent(h, { id, type: 'dev.test.flaky' }), 202);
  const deliveries = await deliveriesOf(id, 3);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const all = byId(id);
  t.deepEqual(all.map((r) => `${r.service}${r.path}:${r.status}`), ['sink/flaky:503', 'sink/flaky:503', 'sink/flaky:204']);
  const gaps = [deliveries[1]!.at - deliveries[0]!.at, deliveries[2]!.at - deliveries[1]!.at];
  t.true(gaps[0]! >= 90 && gaps[1]! >= 190, `exponential backoff of PT0.05S: 100 ms then 200 ms, got ${gaps.join(', ')} ms`);
});

test('a subscriber answering 400 is not retried and the event goes to the dead-letter sink with the knativeerror extensions', async (t) => {
  const id = `reject-${randomUUID()}`;
  t.is(await postEvent(h, { id, type: 'dev.test.reject' }, { why: 'bad' }), 202);
  const [, dead] = await deliveriesOf(id, 2);
  await new Promise((resolve) => setTimeout(resolve, 400));
  const all = byId(id);
  t.deepEqual(all.map((r) => `${r.service}${r.path}`), ['sink/reject', 'dlq/']);
  t.is(dead!.headers['ce-knativeerrorcode'], '400');
  t.is(dead!.headers['ce-knativeerrordest'], `${h.platform.url}/sink/reject?script=400`);
  t.deepEqual(JSON.parse(Buffer.from(dead!.headers['ce-knativeerrordata'] ?? '', 'base64').toString('utf8')), { error: 'scripted 400' });
  t.is(dead!.headers['ce-type'], 'dev.test.reject');
  t.deepEqual(JSON.parse(dead!.body), { why: 'bad' });
});

test('a Trigger without its own delivery uses the Broker delivery: one retry, then its dead-letter sink', async (t) => {
  const id = `down-${randomUUID()}`;
  t.is(await postEvent(h, { id, type: 'dev.test.down' }), 202);
  await deliveriesOf(id, 3);
  await new Promise((resolve) => setTimeout(resolve, 400));
  const all = byId(id);
  t.deepEqual(all.map((r) => `${r.service}${r.path}:${r.status}`), ['sink/down:503', 'sink/down:503', 'dlq/:204']);
  t.is(all[2]!.headers['ce-knativeerrorcode'], '503');
});

test('a reply event is put back on the Broker and routed to its Trigger', async (t) => {
  const id = `ask-${randomUUID()}`;
  t.is(await postEvent(h, { id, type: 'dev.test.ask' }), 202);
  const [answer] = await deliveriesOf(`reply-${id}`, 1);
  t.is(answer!.path, '/answers');
  t.is(answer!.type, 'dev.test.answer');
  t.deepEqual(JSON.parse(answer!.body), { inReplyTo: id });
  t.is(byId(id).length, 1);
});

test.serial('an invalid CloudEvent is a 400 problem and nothing is queued', async (t) => {
  const before = (await status(h.platform.url)).brokers[0]!;
  const post = (headers: Record<string, string>, body: string) => fetch(h.platform.url + BROKER_PATH, { method: 'POST', headers: { ...senderAuth(h.dataDir), ...headers }, body });
  const cases = [
    post({ 'content-type': 'application/json' }, '{"not":"an event"}'),
    post({ 'ce-id': '1', 'ce-specversion': '1.0', 'ce-type': 'dev.test.f.a', 'content-type': 'application/json' }, '{}'),
    post({ 'ce-id': '1', 'ce-specversion': '0.1', 'ce-source': '/x', 'ce-type': 'dev.test.f.a' }, ''),
    post({ 'content-type': 'application/cloudevents+json' }, '{"specversion":"1.0","id":"1"'),
    post({ 'content-type': 'application/cloudevents+json' }, '{"specversion":"1.0","id":"1","source":"/x"}'),
    // No id: the Knative Broker refuses it; the SDK would have made one up.
    post({ 'content-type': 'application/cloudevents+json' }, '{"specversion":"1.0","source":"/x","type":"dev.test.f.a","data":{}}'),
    post({ 'content-type': 'application/cloudevents+json' }, '{"specversion":"1.0","id":"","source":"/x","type":"dev.test.f.a"}'),
    post({ 'content-type': 'application/cloudevents-batch+json' }, '[]'),
  ];
  for (const res of await Promise.all(cases)) {
    t.is(res.status, 400);
    t.is(res.headers.get('content-type'), 'application/problem+json');
  }
  const wrongMethod = await fetch(h.platform.url + BROKER_PATH);
  t.is(wrongMethod.status, 405);
  t.is(wrongMethod.headers.get('allow'), 'POST');
  t.is((await fetch(`${h.platform.url}/_/broker/fixture/nope`, { method: 'POST' })).status, 404);
  const after = (await status(h.platform.url)).brokers[0]!;
  t.is(after.delivered + after.queued + after.inflight, before.delivered + before.queued + before.inflight);
});

test('an event over the Broker body limit is a 413', async (t) => {
  const res = await fetch(h.platform.url + BROKER_PATH, {
    method: 'POST',
    headers: { ...senderAuth(h.dataDir), 'ce-id': 'big', 'ce-specversion': '1.0', 'ce-source': '/x', 'ce-type': 'dev.test.f.a', 'content-type': 'application/octet-stream' },
    body: Buffer.alloc(2 * 1024 * 1024),
  });
  t.is(res.status, 413);
  const chunks = Array.from({ length: 40 }, () => new Uint8Array(64 * 1024));
  const chunked = await fetch(h.platform.url + BROKER_PATH, {
    method: 'POST',
    headers: { ...senderAuth(h.dataDir), 'ce-id': 'big-chunked', 'ce-specversion': '1.0', 'ce-source': '/x', 'ce-type': 'dev.test.f.a', 'content-type': 'application/octet-stream' },
    body: new ReadableStream<Uint8Array>({
      pull: (controller) => {
        const next = chunks.pop();
        if (next === undefined) controller.close();
        else controller.enqueue(next);
      },
    }),
    duplex: 'half',
  } as RequestInit);
  t.is(chunked.status, 413, 'a chunked body over the limit is answered, not reset');
});

test.serial('the Broker counts deliveries, retries and dead letters in its status and metrics', async (t) => {
  const before = (await status(h.platform.url)).brokers[0]!;
  const flaky = `count-flaky-${randomUUID()}`;
  const reject = `count-reject-${randomUUID()}`;
  await postEvent(h, { id: flaky, type: 'dev.test.flaky' });
  await postEvent(h, { id: reject, type: 'dev.test.reject' });
  await deliveriesOf(flaky, 3);
  await deliveriesOf(reject, 2);
  await brokerIdle(h.platform.url);
  const after = (await status(h.platform.url)).brokers[0]!;
  t.is(after.retried - before.retried, 2);
  t.is(after.delivered - before.delivered, 1, 'the rejected event was dead-lettered, not delivered');
  t.is(after.deadLettered - before.deadLettered, 1);
  const metrics = await (await fetch(`${h.platform.url}/_/metrics`)).text();
  for (const outcome of ['delivered', 'retried', 'dead_lettered']) t.regex(metrics, new RegExp(`tagline_platform_deliveries_total\\{outcome="${outcome}"\\} [1-9]`));
  t.regex(metrics, /tagline_platform_broker_queue_depth 0/);
});
