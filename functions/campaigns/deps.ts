import type { Config } from '../../shared/config';
import { invalidField } from '../../shared/errors';
import { EVENT_TYPES, newEvent, type CampaignChangedData, type Emitter } from '../../shared/events';
import type { Logger } from '../../shared/logger';
import type { Collection, Json, Store } from '../../shared/store/types';
import { parseJson } from '../../shared/validate';

/** What every admin handler is given: injected, so tests pass a real store and a fake emitter. */
export interface Deps {
  store: Store;
  emitter: Pick<Emitter, 'emit'>;
  config: Pick<Config, 'adminKey' | 'campaignLimits'>;
  logger: Logger;
}

export const EVENT_SOURCE = '/campaigns';

const COLLECTION_OF: Record<CampaignChangedData['kind'], Collection> = { campaign: 'campaigns', publisher: 'publishers', apikey: 'apikeys' };

/**
 * Emit `campaign.changed` in the background: the response never waits for the Broker. Writes that
 * do not return the collection's version (insert, delete) read it afterwards, off the request path.
 */
export function announce(deps: Deps, kind: CampaignChangedData['kind'], id: string, action: CampaignChangedData['action'], version?: number): void {
  const send = (v: number): void => deps.emitter.emit(newEvent(EVENT_TYPES.campaignChanged, EVENT_SOURCE, { kind, id, action, version: v }, undefined, `${kind}/${id}`));
  if (version !== undefined) return send(version);
  deps.store.versions([COLLECTION_OF[kind]]).then(
    ([v]) => send(v ?? 0),
    (err: unknown) => deps.logger.warn('campaign.changed not emitted: version unreadable', { kind, id, action, err }),
  );
}

/**
 * The `Location` of a resource created by a POST to `path`, as a reference relative to that
 * path, so it resolves correctly behind a proxy that adds a prefix (the local platform serves
 * this function under `/campaigns/`).
 */
export function locationOf(path: string, id: string): string {
  const collection = path.endsWith('/') ? '' : `${path.slice(path.lastIndexOf('/') + 1)}/`;
  return collection + encodeURIComponent(id);
}

/** Parse a JSON body that must be an object (400 otherwise). */
export function jsonObject(body: Buffer): Record<string, unknown> {
  const value = parseJson(body);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidField('body', 'must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/**
 * Accept the server-owned fields a client echoes back from a GET (`id`, `createdAt`,
 * `updatedAt`) on PUT and PATCH: `id` must name the resource, the timestamps are ignored.
 */
export function withoutServerFields(body: Record<string, unknown>, id: string): Record<string, unknown> {
  const { id: given, createdAt: _c, updatedAt: _u, ...rest } = body;
  if (given !== undefined && given !== id) throw invalidField('id', `cannot be changed (this is ${id})`);
  return rest;
}

/** Typed reads and writes of one document collection; the store holds JSON. */
export function docs<T>(store: Store, collection: Collection) {
  return {
    get: async (id: string): Promise<T | undefined> => (await store.getDoc<Json>(collection, id)) as T | undefined,
    list: async (): Promise<{ version: number; docs: T[] }> => {
      const { version, docs: all } = await store.listDocs<Json>(collection);
      return { version, docs: all as unknown as T[] };
    },
    put: (id: string, doc: T): Promise<number> => store.putDoc(collection, id, doc as unknown as Json),
    insert: (id: string, doc: T): Promise<boolean> => store.insertDoc(collection, id, doc as unknown as Json),
    delete: (id: string): Promise<boolean> => store.deleteDoc(collection, id),
  };
}
