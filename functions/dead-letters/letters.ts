import { createHash } from 'node:crypto';
import { z } from 'zod';
import { hasJsonData, readCloudEvent, type CloudEventMessage } from '../../shared/cloudevents';
import { BadRequestError, ConflictError, invalidField, NotFoundError, ValidationError } from '../../shared/errors';
import { EVENT_DATA, EVENT_TYPES, type Emitter, type EventType, type TaglineEvent } from '../../shared/events';
import type { Request } from '../../shared/http';
import { counter, zeroed } from '../../shared/metrics';
import type { Json, Store } from '../../shared/store';

const COLLECTION = 'dead-letters';
const MAX_RESPONSE_CHARS = 4096;
const KNOWN_TYPES: ReadonlySet<string> = new Set([...Object.values(EVENT_TYPES), 'dev.knative.sources.ping']);
const evicted = zeroed(counter('tagline_dead_letters_evicted_total', 'Dead letters deleted by the retention limits, by reason', ['reason']), [{ reason: 'age' }, { reason: 'count' }]);
const deadLetters = zeroed(counter('tagline_dead_letters_total', 'Events dead-lettered, by event type (unknown types as "other")', ['type']), [...KNOWN_TYPES, 'other'].map((type) => ({ type })));

/** A dead-lettered event as kept in the `dead-letters` collection. */
export const DeadLetter = z.object({
  id: z.string(),
  /** Every attribute the event arrived with, extensions (`knativeerror*` too) included. */
  attributes: z.record(z.string(), z.json()),
  data: z.json().optional(),
  /** Non-JSON data, base64. */
  dataBase64: z.string().optional(),
  /** What Knative said about the failure, decoded from the `knativeerror*` extensions. */
  error: z.object({ code: z.number().optional(), destination: z.string().optional(), response: z.string().optional() }),
  firstFailedAt: z.string(),
  lastFailedAt: z.string(),
  failures: z.number().int(),
  replays: z.number().int(),
  replayedAt: z.string().optional(),
});
export type DeadLetter = z.infer<typeof DeadLetter>;

/** The id of the dead letter of event (`source`, `id`): the same event is one dead letter. */
export function deadLetterId(source: string, id: string): string {
  return createHash('sha256').update(`${source.length}:${source}:${id}`).digest('hex').slice(0, 32);
}

/**
 * Keep a dead-lettered CloudEvent (binary or structured), whatever its type or data. The same
 * event delivered again is one dead letter; an event that fails again after a replay counts one
 * more failure.
 */
export async function keepDeadLetter(store: Pick<Store, 'insertDoc' | 'getDoc' | 'putDoc'>, ce: CloudEventMessage, nowMs: number = Date.now()): Promise<DeadLetter> {
  const now = new Date(nowMs).toISOString();
  const letter: DeadLetter = { id: deadLetterId(ce.attrs.source!, ce.attrs.id!), ...content(ce), error: knativeError(ce), firstFailedAt: now, lastFailedAt: now, failures: 1, replays: 0 };
  if (await store.insertDoc(COLLECTION, letter.id, toJson(letter))) {
    deadLetters.inc({ type: KNOWN_TYPES.has(ce.attrs.type!) ? ce.attrs.type! : 'other' });
    return letter;
  }
  const stored = DeadLetter.safeParse(await store.getDoc(COLLECTION, letter.id));
  if (!stored.success) {
    await store.putDoc(COLLECTION, letter.id, toJson(letter));
    return letter;
  }
  const existing = stored.data;
  if (existing.replayedAt === undefined || existing.replayedAt < existing.lastFailedAt) return existing;
  const failedAgain: DeadLetter = { ...existing, ...content(ce), error: letter.error, lastFailedAt: now, failures: existing.failures + 1 };
  await store.putDoc(COLLECTION, letter.id, toJson(failedAgain));
  deadLetters.inc({ type: KNOWN_TYPES.has(ce.attrs.type!) ? ce.attrs.type! : 'other' });
  return failedAgain;
}

/** How long and how many dead letters are kept (`shared/config`: `deadLetterRetention`). */
export interface Retention {
  maxAgeSeconds: number;
  maxCount: number;
}

/**
 * Delete the dead letters past `retention`: those whose last failure is older than the age limit,
 * then the oldest beyond the count limit. Each eviction is counted by reason.
 */
export async function pruneDeadLetters(store: Pick<Store, 'listDocs' | 'deleteDoc'>, retention: Retention, nowMs: number = Date.now()): Promise<{ age: number; count: number }> {
  const { docs } = await store.listDocs(COLLECTION);
  const letters = docs
    .flatMap((doc) => {
      const letter = DeadLetter.safeParse(doc);
      return letter.success ? [letter.data] : [];
    })
    .sort((a, b) => (a.lastFailedAt === b.lastFailedAt ? (a.id < b.id ? 1 : -1) : a.lastFailedAt < b.lastFailedAt ? 1 : -1));
  const cutoff = new Date(nowMs - retention.maxAgeSeconds * 1000).toISOString();
  const tooOld = letters.filter((l) => l.lastFailedAt < cutoff);
  const tooMany = letters.filter((l) => l.lastFailedAt >= cutoff).slice(retention.maxCount);
  for (const [list, reason] of [[tooOld, 'age'], [tooMany, 'count']] as const) {
    for (const letter of list) if (await store.deleteDoc(COLLECTION, letter.id)) evicted.inc({ reason });
  }
  return { age: tooOld.length, count: tooMany.length };
}

/** The CloudEvent a request carries (binary or structured), any type; not one → 400. */
export function parseCloudEvent(req: Request): CloudEventMessage & { id: string; type: string; traceparent?: string } {
  try {
    const ce = readCloudEvent(req.headers, req.body);
    const { id, type, traceparent } = ce.attrs;
    return { ...ce, id: id!, type: type!, ...(traceparent === undefined ? {} : { traceparent }) };
  } catch (err) {
    if (err instanceof BadRequestError) throw new ValidationError(`Not a valid CloudEvent: ${err.message}`);
    throw err;
  }
}

/** The attributes as they came, and the data: JSON when its content type says so, text for `text/*`, else base64. */
function content(ce: CloudEventMessage): Pick<DeadLetter, 'attributes' | 'data' | 'dataBase64'> {
  const attributes: Record<string, Json> = { ...ce.attrs };
  if (ce.data.length === 0) return { attributes };
  if (hasJsonData(ce)) {
    try {
      return { attributes, data: z.json().parse(JSON.parse(ce.data.toString('utf8'))) };
    } catch {
      // Not JSON after all: kept as bytes below.
    }
  }
  if (/^text\//i.test(ce.attrs.datacontenttype ?? '')) return { attributes, data: ce.data.toString('utf8') };
  return { attributes, dataBase64: ce.data.toString('base64') };
}

function knativeError(ce: CloudEventMessage): DeadLetter['error'] {
  const ext = ce.attrs;
  const error: DeadLetter['error'] = {};
  const code = Number(ext.knativeerrorcode);
  if (ext.knativeerrorcode !== undefined && Number.isInteger(code)) error.code = code;
  if (typeof ext.knativeerrordest === 'string') error.destination = ext.knativeerrordest;
  if (typeof ext.knativeerrordata === 'string') error.response = Buffer.from(ext.knativeerrordata, 'base64').toString('utf8').slice(0, MAX_RESPONSE_CHARS);
  return error;
}

/** A page of dead letters, newest failure first, after `cursor` (from the previous page's `next`). */
export async function listDeadLetters(store: Pick<Store, 'listDocs'>, options: { limit: number; cursor?: string; type?: string }): Promise<{ items: DeadLetter[]; total: number; next?: string }> {
  const { docs } = await store.listDocs(COLLECTION);
  const all = docs
    .flatMap((doc) => {
      const letter = DeadLetter.safeParse(doc);
      return letter.success ? [letter.data] : [];
    })
    .filter((l) => options.type === undefined || l.attributes.type === options.type)
    .sort((a, b) => (a.lastFailedAt === b.lastFailedAt ? (a.id < b.id ? 1 : -1) : a.lastFailedAt < b.lastFailedAt ? 1 : -1));
  const after = options.cursor === undefined ? undefined : parseCursor(options.cursor);
  const start = after === undefined ? 0 : all.findIndex((l) => l.lastFailedAt < after[0] || (l.lastFailedAt === after[0] && l.id < after[1]));
  const items = start < 0 ? [] : all.slice(start, start + options.limit);
  const last = items[items.length - 1];
  const more = start >= 0 && start + options.limit < all.length && last !== undefined;
  return { items, total: all.length, ...(more ? { next: Buffer.from(JSON.stringify([last.lastFailedAt, last.id])).toString('base64url') } : {}) };
}

function parseCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return [value[0] as string, value[1] as string];
  } catch {
    // reported below
  }
  throw invalidField('cursor', 'not a cursor from a previous page');
}

export async function getDeadLetter(store: Pick<Store, 'getDoc'>, id: string): Promise<DeadLetter> {
  const doc = await store.getDoc(COLLECTION, id);
  const letter = DeadLetter.safeParse(doc);
  if (doc === undefined || !letter.success) throw new NotFoundError(`No dead letter ${id}`);
  return letter.data;
}

/**
 * Send a dead letter's original event back to the Broker — its id, source, type, subject, time
 * and data, not the `knativeerror*` extensions Knative added — and mark it replayed. Only Tagline events whose data still matches their schema
 * can be replayed (409 otherwise); a Broker that cannot be reached is a 503.
 */
export async function replayDeadLetter(store: Pick<Store, 'getDoc' | 'putDoc'>, emitter: Pick<Emitter, 'send'>, id: string, nowMs: number = Date.now()): Promise<DeadLetter> {
  const letter = await getDeadLetter(store, id);
  await emitter.send(originalEvent(letter));
  const replayed: DeadLetter = { ...letter, replays: letter.replays + 1, replayedAt: new Date(nowMs).toISOString() };
  await store.putDoc(COLLECTION, id, toJson(replayed));
  return replayed;
}

function originalEvent(letter: DeadLetter): TaglineEvent {
  const { type, id, source, subject, time } = letter.attributes;
  if (typeof type !== 'string' || !(type in EVENT_DATA)) throw new ConflictError(`Events of type ${String(type)} cannot be replayed: not a Tagline event`);
  const data = EVENT_DATA[type as EventType].safeParse(letter.data);
  if (!data.success) throw new ConflictError(`This ${type} cannot be replayed: its data does not match the event's schema`);
  return {
    id: String(id),
    type: type as EventType,
    source: String(source),
    data: data.data,
    ...(typeof subject === 'string' ? { subject } : {}),
    ...(typeof time === 'string' ? { time } : {}),
  } as TaglineEvent;
}

function toJson(letter: DeadLetter): Json {
  return JSON.parse(JSON.stringify(letter)) as Json;
}
