import { createPublicKey, verify as verifySignature, type JsonWebKey, type KeyObject } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { UnauthorizedError, UnavailableError } from './errors';
import type { Handler, Route } from './http';
import { counter } from './metrics';

/*
 * Who sent an event, as Knative Eventing's sender identity (`authentication-oidc`) says it: every
 * delivery carries `Authorization: Bearer <JWT>` issued for the receiver's audience
 * (`<group>/<kind>/<namespace>/<name>`, e.g. `eventing.knative.dev/broker/tagline/default`) to
 * the sender's own identity. Producers send the token their SinkBinding projects (a file that is
 * renewed before it expires); consumers verify issuer, audience, expiry and signature against
 * the issuer's JWKS. Signatures are checked with node:crypto; only RS256 and ES256 are accepted.
 */

/** What a consumer checks every event's token against (`shared/config`: `eventAuth`). */
export interface EventAuthConfig {
  /** `OIDC_ISSUER`: the `iss` every token must carry. */
  issuer: string;
  /** `OIDC_AUDIENCE`: this receiver's audience, e.g. `serving.knative.dev/service/tagline/ledger`. */
  audience: string;
  /** `OIDC_JWKS_URL`: the issuer's public keys. */
  jwksUrl: string;
}

/** The verified claims of a sender's token. */
export interface SenderClaims {
  iss: string;
  sub: string;
  aud: string | string[];
  exp: number;
  iat?: number;
  nbf?: number;
}

/** A public key as a JWKS lists it. */
export type Jwk = JsonWebKey & { kid?: string; alg?: string; use?: string };

/** Tokens are accepted this many seconds either side of their validity window (clock skew). */
const LEEWAY_SECONDS = 30;
const ALGORITHMS: Record<string, { hash: string; ec: boolean }> = { RS256: { hash: 'sha256', ec: false }, ES256: { hash: 'sha256', ec: true } };

const refused = counter('tagline_events_unauthenticated_total', 'Event deliveries refused for a missing or invalid sender token, by reason', ['reason']);

/** Why a token was refused: a stable, low-cardinality reason (metric label) and a sentence. */
export class TokenError extends UnauthorizedError {
  constructor(
    readonly reason: 'missing' | 'malformed' | 'signature' | 'issuer' | 'audience' | 'expired' | 'not-yet-valid' | 'unknown-key' | 'policy',
    message: string,
  ) {
    super(message);
  }
}

/** The bearer token of an `Authorization` header; throws `TokenError` when there is none. */
export function bearerToken(authorization: string | string[] | undefined): string {
  const value = Array.isArray(authorization) ? authorization[0] : authorization;
  const match = value === undefined ? null : /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+) *$/i.exec(value);
  if (match === null) throw new TokenError(value === undefined ? 'missing' : 'malformed', 'Events must carry the sender\'s OIDC token: Authorization: Bearer <JWT>');
  return match[1]!;
}

/**
 * Verify a compact JWS `token` against `keys` and the expected issuer and audience; returns its
 * claims or throws `TokenError` saying what failed.
 */
export function verifyToken(token: string, keys: readonly Jwk[], expected: { issuer: string; audience: string }, nowSeconds: number = Date.now() / 1000): SenderClaims {
  const [headerPart, payloadPart, signaturePart] = token.split('.');
  if (headerPart === undefined || payloadPart === undefined || signaturePart === undefined) throw new TokenError('malformed', 'The token is not a compact JWS');
  const header = decodeJson(headerPart) as { alg?: unknown; kid?: unknown };
  const algorithm = typeof header.alg === 'string' ? ALGORITHMS[header.alg] : undefined;
  if (algorithm === undefined) throw new TokenError('malformed', `Token algorithm ${String(header.alg)} is not accepted (RS256 or ES256)`);
  const candidates = keys.filter((k) => (header.kid === undefined || k.kid === header.kid) && (k.alg === undefined || k.alg === header.alg));
  if (candidates.length === 0) throw new TokenError('unknown-key', `No key ${String(header.kid)} in the issuer's JWKS`);
  const input = Buffer.from(`${headerPart}.${payloadPart}`);
  const signature = Buffer.from(signaturePart, 'base64url');
  const valid = candidates.some((jwk) => {
    try {
      return verifySignature(algorithm.hash, input, algorithm.ec ? { key: publicKey(jwk), dsaEncoding: 'ieee-p1363' } : publicKey(jwk), signature);
    } catch {
      return false;
    }
  });
  if (!valid) throw new TokenError('signature', 'The token\'s signature does not verify against the issuer\'s keys');
  const claims = decodeJson(payloadPart) as Partial<SenderClaims>;
  if (claims.iss !== expected.issuer) throw new TokenError('issuer', `The token was issued by ${String(claims.iss)}, not ${expected.issuer}`);
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(expected.audience)) throw new TokenError('audience', `The token is for ${audiences.join(', ')}, not ${expected.audience}`);
  if (typeof claims.exp !== 'number' || claims.exp + LEEWAY_SECONDS < nowSeconds) throw new TokenError('expired', 'The token has expired');
  if (typeof claims.nbf === 'number' && claims.nbf - LEEWAY_SECONDS > nowSeconds) throw new TokenError('not-yet-valid', 'The token is not valid yet');
  if (typeof claims.sub !== 'string' || claims.sub === '') throw new TokenError('malformed', 'The token names no subject');
  return claims as SenderClaims;
}

const keyCache = new WeakMap<Jwk, KeyObject>();

function publicKey(jwk: Jwk): KeyObject {
  let key = keyCache.get(jwk);
  if (key === undefined) {
    key = createPublicKey({ key: jwk, format: 'jwk' });
    keyCache.set(jwk, key);
  }
  return key;
}

function decodeJson(part: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new TokenError('malformed', 'The token is not a JWT');
}

/** Checks the sender of one request; resolves with its claims or rejects with `TokenError`. */
export type SenderVerifier = (authorization: string | string[] | undefined) => Promise<SenderClaims>;

/** How long fetched keys are used before they are fetched again; an unknown `kid` refetches sooner. */
const JWKS_TTL_MS = 5 * 60_000;
const JWKS_REFETCH_MS = 10_000;

/**
 * A verifier for `config`, fetching the issuer's JWKS (cached; refetched when a token names a key
 * it does not know, at most every 10 s). An unreachable JWKS is a 503, so the Broker retries.
 */
export function createSenderVerifier(config: EventAuthConfig, doFetch: typeof fetch = fetch): SenderVerifier {
  let keys: Jwk[] | undefined;
  let fetchedAt = 0;
  let loading: Promise<Jwk[]> | undefined;
  const load = (): Promise<Jwk[]> => {
    loading ??= (async () => {
      try {
        const res = await doFetch(config.jwksUrl, { signal: AbortSignal.timeout(5000) });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const body = (await res.json()) as { keys?: unknown };
        if (!Array.isArray(body.keys)) throw new Error('no keys array');
        keys = body.keys as Jwk[];
        fetchedAt = Date.now();
        return keys;
      } catch (err) {
        throw new UnavailableError(`The OIDC keys at ${config.jwksUrl} cannot be read: ${(err as Error).message}`, { cause: err });
      } finally {
        loading = undefined;
      }
    })();
    return loading;
  };
  return async (authorization) => {
    try {
      const token = bearerToken(authorization);
      const current = keys === undefined || Date.now() - fetchedAt > JWKS_TTL_MS ? await load() : keys;
      try {
        return verifyToken(token, current, config);
      } catch (err) {
        if (!(err instanceof TokenError && err.reason === 'unknown-key') || Date.now() - fetchedAt < JWKS_REFETCH_MS) throw err;
        return verifyToken(token, await load(), config);
      }
    } catch (err) {
      if (err instanceof TokenError) refused.inc({ reason: err.reason });
      throw err;
    }
  };
}

/**
 * `routes` with every `POST` at one of `paths` (the Trigger's subscriber path) accepting only a
 * request whose sender token verifies. Without a verifier (sender identity not configured) the
 * routes are returned as they are.
 */
export function fromBroker(verifier: SenderVerifier | undefined, routes: Route[], paths: readonly string[] = ['/']): Route[] {
  if (verifier === undefined) return routes;
  return routes.map((route) => {
    const methods = typeof route.method === 'string' ? [route.method] : route.method;
    if (!methods.includes('POST') || !paths.includes(route.path)) return route;
    const handler: Handler = async (req) => {
      await verifier(req.headers.authorization);
      return route.handler(req);
    };
    return { ...route, handler };
  });
}

/**
 * The token a producer sends with, read from `file` (the SinkBinding's projected token, renewed
 * in place before it expires): re-read when the file changes, checked at most once a second.
 */
export function tokenFromFile(file: string): () => string | undefined {
  let token: string | undefined;
  let mtimeMs = -1;
  let checkedAt = 0;
  return () => {
    const now = Date.now();
    if (now - checkedAt < 1000) return token;
    checkedAt = now;
    try {
      const stat = statSync(file);
      if (stat.mtimeMs !== mtimeMs) {
        token = readFileSync(file, 'utf8').trim() || undefined;
        mtimeMs = stat.mtimeMs;
      }
    } catch {
      token = undefined;
      mtimeMs = -1;
    }
    return token;
  };
}
