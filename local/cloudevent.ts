/**
 * CloudEvents as the local Broker keeps them: the context attributes as strings and the data as
 * the exact bytes received, so an event leaves the Broker as it came in. Incoming messages
 * (binary or structured mode) are validated with the `cloudevents` SDK; outgoing ones are binary.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { CloudEvent, HTTP } from 'cloudevents';
import { BadRequestError } from '../shared/errors';

/** An event at rest in the Broker's queue. */
export interface StoredEvent {
  /** Context attributes and extensions (`id`, `source`, `type`, `datacontenttype`, …). */
  attrs: Record<string, string>;
  /** The data bytes, base64. */
  data: string;
}

const STRUCTURED = 'application/cloudevents';
const BATCH = 'application/cloudevents-batch';
const JSON_TYPE = /^(application|text)\/([\w.+-]+\+)?json\s*(;|$)/i;

/** True when an HTTP message carries a CloudEvent (binary `ce-id` or structured content type). */
export function isCloudEventMessage(headers: IncomingHttpHeaders): boolean {
  return headers['ce-id'] !== undefined || mediaType(headers).startsWith(STRUCTURED);
}

/** Read a binary or structured CloudEvent; throws `BadRequestError` saying what is wrong. */
export function eventFromHttp(headers: IncomingHttpHeaders, body: Buffer): StoredEvent {
  const type = mediaType(headers);
  if (type.startsWith(BATCH)) throw new BadRequestError('Batched CloudEvents are not accepted; send one event per request');
  const event = type.startsWith(STRUCTURED) ? fromStructured(body) : headers['ce-id'] !== undefined ? fromBinary(headers, body) : undefined;
  if (event === undefined) throw new BadRequestError('Not a CloudEvent: expected ce-* headers (binary mode) or Content-Type application/cloudevents+json');
  checkWithSdk(event, headers, body);
  return event;
}

/** Headers and body of `event` in binary mode. */
export function toBinaryMessage(event: StoredEvent): { headers: Record<string, string>; body: Buffer } {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.attrs)) {
    if (name === 'datacontenttype') headers['content-type'] = value;
    else headers[`ce-${name}`] = headerValue(value);
  }
  return { headers, body: Buffer.from(event.data, 'base64') };
}

/** A copy of `event` with extra extension attributes (e.g. the `knativeerror*` ones). */
export function withExtensions(event: StoredEvent, extensions: Record<string, string>): StoredEvent {
  return { attrs: { ...event.attrs, ...extensions }, data: event.data };
}

function fromBinary(headers: IncomingHttpHeaders, body: Buffer): StoredEvent {
  const attrs: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith('ce-') && value !== undefined) attrs[name.slice(3)] = Array.isArray(value) ? value.join(',') : value;
  }
  const contentType = headers['content-type'];
  if (contentType !== undefined) attrs.datacontenttype = contentType;
  return { attrs, data: body.toString('base64') };
}

function fromStructured(body: Buffer): StoredEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (err) {
    throw new BadRequestError(`Structured CloudEvent is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new BadRequestError('Structured CloudEvent must be a JSON object');
  const attrs: Record<string, string> = {};
  let data: Buffer = Buffer.alloc(0);
  for (const [name, value] of Object.entries(parsed)) {
    if (name === 'data_base64') data = Buffer.from(String(value), 'base64');
    else if (name === 'data') data = dataBytes(value, (parsed as Record<string, unknown>).datacontenttype);
    else if (value !== null && typeof value !== 'object') attrs[name] = String(value);
    else throw new BadRequestError(`Attribute "${name}" must be a string, number or boolean`);
  }
  if ('data' in parsed && attrs.datacontenttype === undefined) attrs.datacontenttype = 'application/json';
  return { attrs, data: data.toString('base64') };
}

function dataBytes(value: unknown, contentType: unknown): Buffer {
  if (typeof value === 'string' && !(typeof contentType === 'string' && JSON_TYPE.test(contentType))) return Buffer.from(value, 'utf8');
  return Buffer.from(JSON.stringify(value), 'utf8');
}

function checkWithSdk(event: StoredEvent, headers: IncomingHttpHeaders, body: Buffer): void {
  if (event.attrs.specversion !== '1.0') throw new BadRequestError(`specversion must be "1.0", got ${JSON.stringify(event.attrs.specversion ?? null)}`);
  const time = event.attrs.time;
  if (time !== undefined && Number.isNaN(Date.parse(time))) throw new BadRequestError(`time "${time}" is not an RFC 3339 timestamp`);
  try {
    const parsed = HTTP.toEvent<unknown>({ headers: headers as Record<string, string>, body: body.toString('utf8') });
    if (!(parsed instanceof CloudEvent)) throw new BadRequestError('Batched CloudEvents are not accepted');
    parsed.validate();
  } catch (err) {
    if (err instanceof BadRequestError) throw err;
    throw new BadRequestError(`Invalid CloudEvent: ${describe(err)}`);
  }
}

function describe(err: unknown): string {
  const errors = (err as { errors?: unknown }).errors;
  if (Array.isArray(errors) && errors.length > 0) {
    return errors.map((e) => String((e as { message?: unknown }).message ?? e)).join('; ');
  }
  return err instanceof Error ? err.message : String(err);
}

function mediaType(headers: IncomingHttpHeaders): string {
  return (headers['content-type'] ?? '').trim().toLowerCase();
}

/**
 * Characters a header cannot carry are percent-encoded as the HTTP binding asks; printable ASCII
 * is left alone because the SDK receivers in the functions do not percent-decode.
 */
function headerValue(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : value.replace(/[^\x20-\x7e]+/g, (s) => encodeURIComponent(s));
}
