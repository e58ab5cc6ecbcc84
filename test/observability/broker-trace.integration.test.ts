import test from 'ava';
import { randomUUID } from 'node:crypto';
import { BROKER_PATH, senderAuth, postEvent, received, startFixturePlatform, waitFor, type Harness, type Received } from '../kit/platform';

/*
 * The local Broker carries an event's trace on every hop: the HTTP `traceparent` (the transport's
 * context) and the CloudEvents `traceparent` extension (the producer's) reach the subscriber on the
 * first delivery, on each retry, at the dead-letter sink, and a reply continues the same trace.
 */

let h: Harness;

test.before(async () => {
  h = await startFixturePlatform();
});

test.after.always(async () => {
  await h?.close();
});

/** A transport context (the emitter's CLIENT attempt) and a creation context (its PRODUCER span). */
const TRANSPORT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const PRODUCER = '00-4bf92f3577b34da6a3ce929d0e0e4736-53995c3f42cd8ad8-01';

function deliveries(id: string, count: number): Promise<Received[]> {
  return waitFor(() => received(h.dataDir).filter((r) => r.id === id), (list) => list.length >= count, 15_000, `${count} deliveries of ${id}`);
}

const traceOf = (r: Received) => ({ header: r.headers.traceparent, extension: r.headers['ce-traceparent'] });

test('every retry of an event carries its traceparent header and extension', async (t) => {
  const id = `flaky-${randomUUID()}`;
  t.is(await postEvent(h, { id, type: 'dev.test.flaky', traceparent: PRODUCER }, { n: 1 }, { traceparent: TRANSPORT }), 202);
  const all = await deliveries(id, 3);
  t.deepEqual(all.map((r) => r.status), [503, 503, 204]);
  for (const r of all) t.deepEqual(traceOf(r), { header: TRANSPORT, extension: PRODUCER });
});

test('a dead letter carries the trace of the event that failed', async (t) => {
  const id = `reject-${randomUUID()}`;
  t.is(await postEvent(h, { id, type: 'dev.test.reject', traceparent: PRODUCER }, { why: 'bad' }, { traceparent: TRANSPORT }), 202);
  const [first, dead] = await deliveries(id, 2);
  t.is(dead!.service, 'dlq');
  t.deepEqual(traceOf(first!), { header: TRANSPORT, extension: PRODUCER });
  t.deepEqual(traceOf(dead!), { header: TRANSPORT, extension: PRODUCER });
});

test('a reply that names no trace of its own continues the trace of the event it answers', async (t) => {
  const id = `ask-${randomUUID()}`;
  t.is(await postEvent(h, { id, type: 'dev.test.ask', traceparent: PRODUCER }, { q: 1 }, { traceparent: TRANSPORT }), 202);
  const [answer] = await deliveries(`reply-${id}`, 1);
  t.is(answer!.headers.traceparent, TRANSPORT);
});

test('a structured-mode event with only the traceparent extension is delivered with it as header and extension', async (t) => {
  const id = `structured-${randomUUID()}`;
  const res = await fetch(h.platform.url + BROKER_PATH, {
    method: 'POST',
    headers: { ...senderAuth(h.dataDir), 'content-type': 'application/cloudevents+json' },
    body: JSON.stringify({ specversion: '1.0', id, source: '/structured', type: 'dev.test.flaky', traceparent: PRODUCER, data: { mode: 'structured' } }),
  });
  t.is(res.status, 202);
  const all = await deliveries(id, 3);
  for (const r of all) t.deepEqual(traceOf(r), { header: PRODUCER, extension: PRODUCER });
});
