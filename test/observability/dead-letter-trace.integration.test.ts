import test from 'ava';
import { randomBytes } from 'node:crypto';
import { EVENT_TYPES, toBinary } from '../../shared/events';
import { adEvent } from '../kit/events';
import { testStore } from '../kit/stores';
import { startFunction } from '../kit/function-process';
import { startZipkinReceiver } from '../kit/zipkin-receiver';

/*
 * A dead letter ends its event's journey: dead-letters keeps it in a CONSUMER span that continues
 * the trace of the event that failed (its `traceparent` extension), like every other consumer.
 */

test('dead-letters keeps an event in a CONSUMER span of the failed event’s trace', async (t) => {
  t.timeout(60_000);
  const receiver = await startZipkinReceiver();
  t.teardown(() => receiver.close());
  const store = await testStore('sqlite');
  t.teardown(() => store.close());
  const fn = await startFunction('dead-letters', { STORE_URL: store.url, TAGLINE_ADMIN_KEY: 'admin-key-for-dead-letter-trace-0123', OTEL_EXPORTER_ZIPKIN_ENDPOINT: receiver.url, OTEL_TRACES_SAMPLER_ARG: '1' });
  t.teardown(() => fn.stop());

  const traceId = randomBytes(16).toString('hex');
  const producer = randomBytes(8).toString('hex');
  const event = adEvent(EVENT_TYPES.impression);
  const { headers, body } = toBinary(event);
  // The extension names the PRODUCER span; the HTTP header, the last hop (here another span).
  const trace = { 'ce-traceparent': `00-${traceId}-${producer}-01`, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` };
  const res = await fetch(`${fn.url}/`, { method: 'POST', headers: { ...headers, ...trace, 'ce-knativeerrorcode': '500' }, body });
  t.is(res.status, 204);

  const spans = await receiver.waitFor((all) => all.some((s) => s.traceId === traceId && s.kind === 'CONSUMER'), 20_000, 'the CONSUMER span of the dead letter');
  const consumer = spans.find((s) => s.traceId === traceId && s.kind === 'CONSUMER')!;
  t.is(consumer.name, `process ${EVENT_TYPES.impression}`);
  t.is(consumer.parentId, producer, 'child of the span that sent the event');
  t.is(consumer.localEndpoint?.serviceName, 'dead-letters');
  t.is(consumer.tags?.['messaging.message.id'], event.id);
  t.deepEqual(receiver.rejected, [], 'every exported span is valid Zipkin v2');
});
