import test from 'ava';
import { CloudEvent, HTTP } from 'cloudevents';
import type { IncomingHttpHeaders } from 'node:http';
import { binaryHeaders, readCloudEvent, writeBinary } from './cloudevents';
import { BadRequestError } from './errors';

const STRUCTURED = { 'content-type': 'application/cloudevents+json' };

function structured(envelope: unknown): Buffer {
  return Buffer.from(JSON.stringify(envelope));
}

function lower(headers: Record<string, unknown>): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

test('a structured event missing a required attribute is refused, never given a made-up id', (t) => {
  const whole = { specversion: '1.0', id: 'e1', source: '/x', type: 'dev.test.a', data: { a: 1 } };
  t.notThrows(() => readCloudEvent(STRUCTURED, structured(whole)));
  for (const name of ['id', 'source', 'type', 'specversion'] as const) {
    const { [name]: _dropped, ...rest } = whole;
    const err = t.throws(() => readCloudEvent(STRUCTURED, structured(rest)), { instanceOf: BadRequestError });
    t.regex(err?.message ?? '', new RegExp(`no ${name}`));
    t.throws(() => readCloudEvent(STRUCTURED, structured({ ...whole, [name]: '' })), { instanceOf: BadRequestError });
  }
  t.throws(() => readCloudEvent(STRUCTURED, structured({ ...whole, id: 7 })), { instanceOf: BadRequestError, message: /no id/ });
  t.throws(() => readCloudEvent(STRUCTURED, structured({ ...whole, 'Bad-Name': 'x' })), { instanceOf: BadRequestError, message: /attribute name/ });
});

test('binary out, binary in: attributes and data bytes are kept, values percent-encoded where HTTP needs it', (t) => {
  const attrs = { specversion: '1.0', id: 'e 1', source: '/x', type: 'dev.test.a', subject: 'café "100%"', datacontenttype: 'application/octet-stream', partitionkey: 'p-1' };
  const data = Buffer.from([0, 1, 2, 255]);
  const { headers, body } = writeBinary({ attrs, data });
  t.is(headers['ce-subject'], 'caf%C3%A9%20%22100%25%22');
  t.is(headers['ce-id'], 'e%201');
  t.is(headers['content-type'], 'application/octet-stream');
  t.deepEqual(readCloudEvent(headers, body), { attrs, data });
});

test('structured events keep extensions as strings and their data as bytes', (t) => {
  const ce = readCloudEvent(STRUCTURED, structured({ specversion: '1.0', id: 'e1', source: '/x', type: 'dev.test.a', knativeerrorcode: 500, flag: true, data: { a: 1 } }));
  t.like(ce.attrs, { knativeerrorcode: '500', flag: 'true', datacontenttype: 'application/json' });
  t.deepEqual(JSON.parse(ce.data.toString()), { a: 1 });
  const text = readCloudEvent(STRUCTURED, structured({ specversion: '1.0', id: 'e1', source: '/x', type: 'dev.test.a', datacontenttype: 'text/plain', data: 'hello' }));
  t.is(text.data.toString(), 'hello');
  const bytes = readCloudEvent(STRUCTURED, structured({ specversion: '1.0', id: 'e1', source: '/x', type: 'dev.test.a', data_base64: 'AAEC' }));
  t.deepEqual([...bytes.data], [0, 1, 2]);
});

test('what the CloudEvents SDK writes, in either mode, reads the same', (t) => {
  const event = new CloudEvent({ id: 'e1', type: 'dev.test.a', source: '/x', subject: 's', time: '2026-03-01T10:00:00Z', datacontenttype: 'application/json', data: { a: 1 } });
  for (const message of [HTTP.binary(event), HTTP.structured(event)]) {
    const ce = readCloudEvent(lower(message.headers), Buffer.from(message.body as string));
    t.like(ce.attrs, { specversion: '1.0', id: 'e1', type: 'dev.test.a', source: '/x', subject: 's' });
    t.deepEqual(JSON.parse(ce.data.toString()), { a: 1 });
  }
});

test('binaryHeaders leaves plain values as they are', (t) => {
  t.deepEqual(binaryHeaders({ id: 'imp:abc-1', time: '2026-03-01T10:00:00.000Z' }), { 'ce-id': 'imp:abc-1', 'ce-time': '2026-03-01T10:00:00.000Z' });
});
