/**
 * Advertiser API keys (admin only). The secret is returned once, by the POST that creates it;
 * the store keeps only its SHA-256 (see auth.ts), so a lost key is deleted and reissued.
 */
import { z } from 'zod';
import { ConflictError, NotFoundError } from '../../shared/errors';
import type { Request, Response } from '../../shared/http';
import { Slug, type ApiKeyRecord } from '../../shared/model';
import { validate } from '../../shared/validate';
import { issueKey, requireAdmin, type Principal } from '../../shared/auth';
import { announce, docs, jsonObject, locationOf, type Deps } from './deps';

/** Body of `POST /v1/apikeys`. */
export const ApiKeyInput = z.strictObject({ advertiser: Slug, name: z.string().min(1).max(200) });

const ApiKeyListQuery = z.strictObject({ advertiser: Slug.optional() });

/** A key as listed: never its secret or hash. */
export type ApiKeyView = Omit<ApiKeyRecord, 'secretHash'>;

const ID_ATTEMPTS = 3;

const apikeys = (deps: Deps) => docs<ApiKeyRecord>(deps.store, 'apikeys');

/** `GET /v1/apikeys[?advertiser=]`. */
export async function listApiKeys(deps: Deps, principal: Principal, req: Request): Promise<Response> {
  requireAdmin(principal);
  const { advertiser } = validate(ApiKeyListQuery, Object.fromEntries(req.query), 'query');
  const { docs: all } = await apikeys(deps).list();
  return { status: 200, body: { apikeys: all.filter((k) => advertiser === undefined || k.advertiser === advertiser).map(toView) } };
}

/** `GET /v1/apikeys/:id`. */
export async function getApiKey(deps: Deps, principal: Principal, req: Request): Promise<Response> {
  requireAdmin(principal);
  const id = req.params.id ?? '';
  const record = await apikeys(deps).get(id);
  if (record === undefined) throw new NotFoundError(`No API key ${id}`);
  return { status: 200, body: toView(record) };
}

/** `POST /v1/apikeys`: 201 with the key's secret in `key`, shown this once. */
export async function createApiKey(deps: Deps, principal: Principal, req: Request): Promise<Response> {
  requireAdmin(principal);
  const input = validate(ApiKeyInput, jsonObject(req.body));
  for (let attempt = 1; ; attempt++) {
    const issued = issueKey();
    const record: ApiKeyRecord = { id: issued.id, advertiser: input.advertiser, name: input.name, secretHash: issued.secretHash, createdAt: new Date().toISOString() };
    if (await apikeys(deps).insert(record.id, record)) {
      announce(deps, 'apikey', record.id, 'created');
      return { status: 201, headers: { location: locationOf(req.path, record.id), 'cache-control': 'no-store' }, body: { ...toView(record), key: issued.token } };
    }
    if (attempt === ID_ATTEMPTS) throw new ConflictError('Could not allocate an API key id; retry');
  }
}

/** `DELETE /v1/apikeys/:id`: revoke at once (the next request with it is a 401). */
export async function deleteApiKey(deps: Deps, principal: Principal, req: Request): Promise<Response> {
  requireAdmin(principal);
  const id = req.params.id ?? '';
  if (!(await apikeys(deps).delete(id))) throw new NotFoundError(`No API key ${id}`);
  announce(deps, 'apikey', id, 'deleted');
  return { status: 204 };
}

function toView(record: ApiKeyRecord): ApiKeyView {
  const { secretHash: _hash, ...view } = record;
  return view;
}
