/**
 * The CloudEvents 1.0 HTTP protocol binding, read and written in one place: the consumers
 * (`shared/events.ts`), the emitter, the platform Broker (`local/`) and the dead-letter sink all
 * go through it. A message is its context attributes as strings (extensions included) and its
 * data as the exact bytes, so an event leaves a Broker as it came in.
 *
 * Written by hand rather than with the SDK's `HTTP.toEvent`: that costs more than the rest of a
 * consumer's parsing, and its validation fills in a random `id` for a structured event that has
 * none, where the Knative Broker answers 400.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { BadRequestError } from './errors';

/** One CloudEvent off or onto the wire. */
export interface CloudEventMessage {
  /** Context attributes and extensions (`specversion`, `id`, `source`, `type`, `datacontenttype`, …). */
  attrs: Record<string, string>;
  /** The data bytes (empty when the event has no data). */
  data: Buffer;
}

/** The attributes every CloudEvent must carry, as non-empty strings. */
export const REQUIRED_ATTRIBUTES = ['specversion', 'id', 'source', 'type'] as const;

/** Attributes the spec types as strings: in structured mode a number or a boolean there is an error, not a conversion. */
const STRING_ATTRIBUTES: ReadonlySet<string> = new Set([...REQUIRED_ATTRIBUTES, 'subject', 'time', 'datacontenttype', 'dataschema']);

const STRUCTURED = 'application/cloudevents';
const BATCH = 'application/cloudevents-batch';
const JSON_MEDIA_TYPE = /^(application|text)\/([\w.+-]+\+)?json\s*(;|$)/i;
/** RFC 3339 `date-time` (the CloudEvents `Timestamp` type). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
/** Attribute names are lower-case ASCII letters and digits (CloudEvents 1.0 §"Attribute Naming Convention"). */
const ATTRIBUTE_NAME = /^[a-z0-9]+$/;
/** What a binary-mode header may carry as it is: printable ASCII except space, `"` and `%` (HTTP binding §3.1.3.2). */
const HEADER_SAFE = /^[\x21\x23-\x24\x26-\x7e]*$/;

/** True when an HTTP message carries a CloudEvent: binary `ce-*` headers or a structured media type. */
export function isCloudEventMessage(headers: IncomingHttpHeaders): boolean {
  return headers['ce-id'] !== undefined || headers['ce-specversion'] !== undefined || mediaType(headers).startsWith(STRUCTURED);
}

/**
 * Read one CloudEvent from an HTTP message: structured mode when the media type is
 * `application/cloudevents+json`, binary mode (`ce-*` headers, the body as data) otherwise.
 * Throws `BadRequestError` saying what is wrong: a batch, no event, a required attribute missing
 * or empty, another spec version, a bad attribute name or a `time` that is not RFC 3339.
 */
export function readCloudEvent(headers: IncomingHttpHeaders, body: Buffer): CloudEventMessage {
  const type = mediaType(headers);
  if (type.startsWith(BATCH)) throw new BadRequestError('batches are not accepted; send one event per request');
  let message: CloudEventMessage;
  if (type.startsWith(STRUCTURED)) message = readStructured(body);
  else if (headers['ce-id'] !== undefined || headers['ce-specversion'] !== undefined) message = readBinary(headers, body);
  else throw new BadRequestError('expected ce-* headers (binary mode) or Content-Type application/cloudevents+json');
  checkAttributes(message.attrs);
  return message;
}

/** Headers and body of an event in binary mode; `datacontenttype` becomes `Content-Type`. */
export function writeBinary(message: CloudEventMessage): { headers: Record<string, string>; body: Buffer } {
  return { headers: binaryHeaders(message.attrs), body: message.data };
}

/** The binary-mode headers of `attrs`, values percent-encoded where the HTTP binding asks for it. */
export function binaryHeaders(attrs: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name in attrs) {
    const value = attrs[name]!;
    if (name === 'datacontenttype') headers['content-type'] = value;
    else headers[`ce-${name}`] = HEADER_SAFE.test(value) ? value : encodeHeaderValue(value);
  }
  return headers;
}

/** Whether `message`'s data is JSON (by its `datacontenttype`; none means JSON, as in structured mode). */
export function hasJsonData(message: CloudEventMessage): boolean {
  const contentType = message.attrs.datacontenttype;
  return contentType === undefined || JSON_MEDIA_TYPE.test(contentType);
}

function readBinary(headers: IncomingHttpHeaders, body: Buffer): CloudEventMessage {
  const attrs: Record<string, string> = {};
  for (const name in headers) {
    if (!name.startsWith('ce-')) continue;
    const value = headers[name];
    if (value !== undefined) attrs[name.slice(3)] = decodeHeaderValue(Array.isArray(value) ? value.join(',') : value);
  }
  const contentType = headers['content-type'];
  if (contentType !== undefined) attrs.datacontenttype = contentType;
  return { attrs, data: body };
}

function readStructured(body: Buffer): CloudEventMessage {
  let envelope: unknown;
  try {
    envelope = JSON.parse(body.toString('utf8'));
  } catch (err) {
    throw new BadRequestError(`the structured envelope is not JSON: ${(err as Error).message}`);
  }
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) throw new BadRequestError('the structured envelope is not a JSON object');
  const fields = envelope as Record<string, unknown>;
  const attrs: Record<string, string> = {};
  let data = Buffer.alloc(0);
  for (const [name, value] of Object.entries(fields)) {
    if (name === 'data' || name === 'data_base64' || value === null || value === undefined) continue;
    if (typeof value === 'string') attrs[name] = value;
    else if (STRING_ATTRIBUTES.has(name)) throw new BadRequestError(`no ${name} (ce-${name}): the ${name} attribute must be a string`);
    else if (typeof value === 'number' || typeof value === 'boolean') attrs[name] = String(value);
    else throw new BadRequestError(`the ${name} attribute must be a string, a number or a boolean`);
  }
  if (typeof fields.data_base64 === 'string') {
    data = Buffer.from(fields.data_base64, 'base64');
  } else if (fields.data !== undefined && fields.data !== null) {
    const contentType = attrs.datacontenttype;
    const text = typeof fields.data === 'string' && contentType !== undefined && !JSON_MEDIA_TYPE.test(contentType);
    data = Buffer.from(text ? (fields.data as string) : JSON.stringify(fields.data), 'utf8');
    attrs.datacontenttype ??= 'application/json';
  }
  return { attrs, data };
}

/** The attributes checked as the CloudEvents 1.0 spec types them. */
function checkAttributes(attrs: Record<string, string>): void {
  if (attrs.specversion !== '1.0') throw new BadRequestError(attrs.specversion === undefined ? 'no specversion (ce-specversion)' : `specversion ${attrs.specversion} is not supported; expected 1.0`);
  for (const name of REQUIRED_ATTRIBUTES) {
    if (attrs[name] === undefined || attrs[name] === '') throw new BadRequestError(`no ${name} (ce-${name})`);
  }
  for (const name in attrs) {
    if (!ATTRIBUTE_NAME.test(name)) throw new BadRequestError(`attribute name "${name}" is not lower-case letters and digits`);
    if (attrs[name] === '' && STRING_ATTRIBUTES.has(name)) throw new BadRequestError(`the ${name} attribute is empty`);
  }
  const time = attrs.time;
  if (time !== undefined && (!RFC3339.test(time) || Number.isNaN(Date.parse(time)))) throw new BadRequestError(`the time attribute is not an RFC 3339 timestamp: ${time}`);
}

/**
 * A binary-mode header value: the binding percent-encodes what HTTP headers cannot carry. A value
 * that is not valid percent-encoding came from a sender that does not encode (the JS SDK) and is
 * taken as it is.
 */
function decodeHeaderValue(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Percent-encode space, `"`, `%` and everything outside printable ASCII, as UTF-8 (HTTP binding §3.1.3.2). */
function encodeHeaderValue(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code > 0x20 && code < 0x7f && char !== '"' && char !== '%') out += char;
    else out += Buffer.from(char, 'utf8').toString('hex').replace(/../g, (byte) => `%${byte.toUpperCase()}`);
  }
  return out;
}

function mediaType(headers: IncomingHttpHeaders): string {
  return (headers['content-type'] ?? '').trimStart().toLowerCase();
}
