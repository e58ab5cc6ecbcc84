/**
 * CloudEvents as the local Broker keeps them in its store queue: the message read by the one
 * wire codec (`shared/cloudevents.ts`) with its data bytes as base64, so an event leaves the
 * Broker as it came in. Outgoing messages are binary mode.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { readCloudEvent, writeBinary } from '../shared/cloudevents';

export { isCloudEventMessage } from '../shared/cloudevents';

/** An event at rest in the Broker's queue. */
export interface StoredEvent {
  /** Context attributes and extensions (`id`, `source`, `type`, `datacontenttype`, …). */
  attrs: Record<string, string>;
  /** The data bytes, base64. */
  data: string;
}

/**
 * Read a binary or structured CloudEvent; throws `BadRequestError` (400) saying what is wrong,
 * a required attribute missing included, as the Knative Broker's ingress answers.
 */
export function eventFromHttp(headers: IncomingHttpHeaders, body: Buffer): StoredEvent {
  const { attrs, data } = readCloudEvent(headers, body);
  return { attrs, data: data.toString('base64') };
}

/** Headers and body of `event` in binary mode. */
export function toBinaryMessage(event: StoredEvent): { headers: Record<string, string>; body: Buffer } {
  return writeBinary({ attrs: event.attrs, data: Buffer.from(event.data, 'base64') });
}

/** A copy of `event` with extra extension attributes (e.g. the `knativeerror*` ones). */
export function withExtensions(event: StoredEvent, extensions: Record<string, string>): StoredEvent {
  return { attrs: { ...event.attrs, ...extensions }, data: event.data };
}
