/**
 * API key authentication shared by the admin-facing functions (campaigns, report, dead-letters).
 *
 * Two kinds of key: the admin key (`TAGLINE_ADMIN_KEY`, from a Secret) and advertiser keys issued
 * by `POST /v1/apikeys`. An advertiser key reads `tgl_<keyId>_<secret>`: the key id finds the
 * record, and only a SHA-256 of the secret is stored. A plain (unsalted, fast) hash is enough
 * because the secret is 256 random bits, not a password a dictionary could guess.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Config } from './config';
import { ForbiddenError, UnauthorizedError } from './errors';
import type { Handler, Request, Response } from './http';
import type { ApiKeyRecord } from './model';
import { problemResponse } from './problem';
import type { Json, Store } from './store/types';

/** Who is calling: the admin, or an advertiser limited to its own campaigns. */
export type Principal = { role: 'admin' } | { role: 'advertiser'; advertiser: string; keyId: string };

/** What authentication needs: the `apikeys` collection and the admin key. */
export interface AuthDeps {
  store: Pick<Store, 'getDoc'>;
  config: Pick<Config, 'adminKey'>;
}

const REALM = 'Bearer realm="tagline"';
const API_KEY = /^tgl_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** A 401 that carries its RFC 6750 challenge, sent as `WWW-Authenticate`. */
export class BearerUnauthorizedError extends UnauthorizedError {
  constructor(
    message: string,
    readonly challenge: string,
  ) {
    super(message);
  }
}

/**
 * Identify the caller from `Authorization: Bearer <key>`. Throws `BearerUnauthorizedError` for a
 * missing, malformed, unknown or revoked key; with no admin key configured, no key is the admin.
 * A store failure rejects with the store's `UnavailableError` (503), never a 401.
 */
export async function authenticate(store: AuthDeps['store'], config: AuthDeps['config'], headers: IncomingHttpHeaders): Promise<Principal> {
  const header = headers.authorization;
  if (header === undefined || header === '') {
    throw new BearerUnauthorizedError('An API key is required: Authorization: Bearer <key>', REALM);
  }
  const key = BEARER.exec(header)?.[1];
  if (key === undefined) throw invalidKey('The Authorization header must be "Bearer <key>"');
  if (config.adminKey !== undefined && sameSecret(key, config.adminKey)) return { role: 'admin' };
  const parts = API_KEY.exec(key);
  if (parts === null) throw invalidKey('The API key is not valid');
  const record = await store.getDoc<Json>('apikeys', parts[1]!);
  if (record === undefined || !matchesHash(parts[2]!, (record as unknown as ApiKeyRecord).secretHash)) {
    throw invalidKey('The API key is not valid');
  }
  const { advertiser, id } = record as unknown as ApiKeyRecord;
  return { role: 'advertiser', advertiser, keyId: id };
}

/** Throw 403 unless the caller is the admin. */
export function requireAdmin(principal: Principal): void {
  if (principal.role !== 'admin') throw new ForbiddenError('This resource is for the admin key only');
}

/** Whether the caller may see and change the resources of `advertiser`. */
export function canActFor(principal: Principal, advertiser: string): boolean {
  return principal.role === 'admin' || principal.advertiser === advertiser;
}

/**
 * Wrap a handler that needs a caller: authenticate first, and answer a failed authentication
 * with 401 problem+json and its `WWW-Authenticate` challenge.
 */
export function withAuth(deps: AuthDeps, handler: (req: Request, principal: Principal) => Response | Promise<Response>): Handler {
  return async (req) => {
    let principal: Principal;
    try {
      principal = await authenticate(deps.store, deps.config, req.headers);
    } catch (err) {
      if (err instanceof BearerUnauthorizedError) return challenge(err);
      throw err;
    }
    return handler(req, principal);
  };
}

/** A freshly issued advertiser key: `token` is shown once, `secretHash` is what gets stored. */
export interface IssuedKey {
  id: string;
  token: string;
  secretHash: string;
}

/** Generate a new advertiser key. */
export function issueKey(): IssuedKey {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, token: `tgl_${id}_${secret}`, secretHash: sha256(secret).toString('hex') };
}

function challenge(err: BearerUnauthorizedError): Response {
  return problemResponse(err, { 'www-authenticate': err.challenge });
}

function invalidKey(message: string): BearerUnauthorizedError {
  return new BearerUnauthorizedError(message, `${REALM}, error="invalid_token"`);
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Compare digests, not the secrets, so the comparison takes the same time whatever their lengths. */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(sha256(given), sha256(expected));
}

function matchesHash(secret: string, storedHex: string): boolean {
  const stored = Buffer.from(storedHex, 'hex');
  const given = sha256(secret);
  return stored.length === given.length && timingSafeEqual(given, stored);
}
