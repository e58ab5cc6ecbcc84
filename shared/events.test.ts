import test from 'ava';
import { CloudEvent, HTTP } from 'cloudevents';
import type { IncomingHttpHeaders } from 'node:http';
import { adEventData } from '../test/kit/events';
import { ValidationError } from './errors';
import { EVENT_TYPES, newEvent, receiveEvent, toBinary } from './events';
import type { Request } from './http';

const data = adEventData({ impressionId: 'imp-1', servedAt: '2026-03-01T10:00:00.000Z', occurredAt: '2026-03-01T10:00:01.000Z' });
const ACCEPTED = [EVENT_TYPES.impression, EVENT_TYPES.click];
const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

function request(headers: IncomingHttpHeaders, body: string | Buffer): Request {
  return { method: 'POST', path: '/', params: {}, query: new URLSearchParams(), headers, body: Buffer.isBuffer(body) ? body : Buffer.from(body), ip: undefined };
}

/** Node lowercases header names on the way in. */
function lower(headers: Record<string, unknown>): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

function binary(overrides: Record<string, string | undefined> = {}, body = JSON.stringify(data)): Request {
  const { headers } = toBinary(newEvent(EVENT_TYPES.impression, '/track', data, 'imp:imp-1', 'camp-1'));
  const merged: Record<string, string> = { ...headers };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  return request(merged, body);
}

function rejects(t: import('ava').ExecutionContext, req: Request, message: RegExp): void {
  const err = t.throws(() => receiveEvent(req, ACCEPTED), { instanceOf: ValidationError });
  t.regex(err?.message ?? '', message);
}

test('a binary-mode event from our emitter reads back as it was sent', (t) => {
  const event = receiveEvent(binary({ 'ce-traceparent': TRACEPARENT }), ACCEPTED);
  t.like(event, { id: 'imp:imp-1', type: EVENT_TYPES.impression, source: '/track', subject: 'camp-1', traceparent: TRACEPARENT });
  t.deepEqual(event.data, data);
  t.regex(event.time ?? '', /^\d{4}-\d\d-\d\dT/);
});

test('events made by the CloudEvents SDK read the same in binary and structured mode', (t) => {
  const ce = new CloudEvent({ id: 'click:imp-9', type: EVENT_TYPES.click, source: '/track', subject: 'camp-1', time: '2026-03-01T10:00:00Z', datacontenttype: 'application/json', data, traceparent: TRACEPARENT });
  for (const message of [HTTP.binary(ce), HTTP.structured(ce)]) {
    const event = receiveEvent(request(lower(message.headers), message.body as string), ACCEPTED);
    t.like(event, { id: 'click:imp-9', type: EVENT_TYPES.click, source: '/track', subject: 'camp-1', traceparent: TRACEPARENT });
    t.is(Date.parse(event.time ?? ''), Date.parse('2026-03-01T10:00:00Z'));
    t.deepEqual(event.data, data);
  }
});

test('structured mode takes data as JSON, as a JSON string or as data_base64', (t) => {
  const envelope = { specversion: '1.0', id: 'e1', type: EVENT_TYPES.impression, source: '/track' };
  const structured = (body: object) => request({ 'content-type': 'application/cloudevents+json; charset=utf-8' }, JSON.stringify(body));
  for (const body of [{ ...envelope, data }, { ...envelope, data: JSON.stringify(data) }, { ...envelope, data_base64: Buffer.from(JSON.stringify(data)).toString('base64') }]) {
    t.deepEqual(receiveEvent(structured(body), ACCEPTED).data, data);
  }
  rejects(t, request({ 'content-type': 'application/cloudevents+json' }, '{"specversion":'), /not JSON/);
  rejects(t, request({ 'content-type': 'application/cloudevents+json' }, '[1]'), /not a JSON object/);
  rejects(t, structured({ ...envelope, id: 7, data }), /no id/);
});

test('percent-encoded header values are decoded; a literal percent sign is kept', (t) => {
  t.is(receiveEvent(binary({ 'ce-subject': 'caf%C3%A9%20cr%C3%A8me' }), ACCEPTED).subject, 'café crème');
  t.is(receiveEvent(binary({ 'ce-subject': '100%' }), ACCEPTED).subject, '100%');
});

test('missing or empty required attributes, other spec versions and batches are 400s', (t) => {
  rejects(t, binary({ 'ce-specversion': undefined }), /no specversion/);
  rejects(t, binary({ 'ce-specversion': '0.3' }), /specversion 0\.3/);
  rejects(t, binary({ 'ce-id': undefined }), /no id/);
  rejects(t, binary({ 'ce-id': '' }), /no id/);
  rejects(t, binary({ 'ce-source': undefined }), /no source/);
  rejects(t, binary({ 'ce-type': undefined }), /no type/);
  rejects(t, binary({ 'ce-time': 'yesterday' }), /RFC 3339/);
  rejects(t, binary({ 'ce-time': '2026-02-30T10:00:00' }), /RFC 3339/);
  rejects(t, request({ 'content-type': 'application/json' }, JSON.stringify(data)), /ce-\* headers/);
  rejects(t, request({ 'content-type': 'application/cloudevents-batch+json' }, '[]'), /batch/);
});

test('the type must be accepted and the data must be JSON that fits the type', (t) => {
  rejects(t, binary({ 'ce-type': EVENT_TYPES.viewable }), /not one of/);
  rejects(t, binary({}, '{"impressionId":'), /not JSON/);
  rejects(t, binary({}, ''), /data/);
  rejects(t, binary({}, JSON.stringify({ ...data, priceMicros: -1 })), /priceMicros/);
  rejects(t, binary({}, JSON.stringify({ ...data, surprise: true })), /surprise|Unrecognized/);
});
