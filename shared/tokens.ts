import { createHmac, timingSafeEqual } from 'node:crypto';
import type { TokenKey } from './config';

/**
 * What a beacon token carries: everything `track` needs to emit a billable event without a
 * store lookup. Short keys keep beacon URLs short.
 */
export interface BeaconClaims {
  /** Impression id (unique per served ad). */
  i: string;
  /** Campaign, creative, advertiser, publisher, slot, format. */
  c: string;
  cr: string;
  a: string;
  p: string;
  s: string;
  f: string;
  /** Pricing model and amount in micros: per thousand impressions (cpm) or per click (cpc). */
  m: 'cpm' | 'cpc';
  pr: number;
  cu: string;
  /** Landing URL the click redirects to. */
  l: string;
  /** Consented user id, when there is one. */
  u?: string;
  /** Issued at and expires at, seconds since the epoch. */
  iat: number;
  exp: number;
  /**
   * The ad's trace, when it was traced: trace id and the id of ad-decision's span (48 lower-hex
   * characters), so the beacons, which carry no headers, continue the ad's trace.
   */
  t?: string;
  /** Test traffic (an OpenRTB `test: 1` bid): verified and redirected, never billed. */
  x?: 1;
}

export type VerifyResult =
  | { ok: true; claims: BeaconClaims; keyId: string }
  | { ok: false; reason: 'malformed' | 'unknown-key' | 'bad-signature' | 'expired' };

/**
 * Signs and verifies beacon tokens: `<keyId>.<base64url(JSON claims)>.<base64url(HMAC-SHA256)>`,
 * the MAC covering `keyId.payload`. Every configured key verifies; one signs, so keys rotate
 * without breaking ads already served.
 */
export class TokenSigner {
  private readonly keys: Map<string, Buffer>;
  private readonly signing: TokenKey;

  constructor(keys: readonly TokenKey[], signingKeyId: string) {
    this.keys = new Map(keys.map((k) => [k.id, k.secret]));
    const signing = keys.find((k) => k.id === signingKeyId);
    if (signing === undefined) throw new Error(`signing key ${signingKeyId} is not among the keys`);
    this.signing = signing;
  }

  sign(claims: BeaconClaims): string {
    const head = `${this.signing.id}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${head}.${mac(this.signing.secret, head).toString('base64url')}`;
  }

  verify(token: string | null | undefined, nowSeconds = Math.floor(Date.now() / 1000)): VerifyResult {
    if (typeof token !== 'string' || token.length > 4096) return { ok: false, reason: 'malformed' };
    const first = token.indexOf('.');
    const last = token.lastIndexOf('.');
    if (first <= 0 || last === first) return { ok: false, reason: 'malformed' };
    const keyId = token.slice(0, first);
    const secret = this.keys.get(keyId);
    if (secret === undefined) return { ok: false, reason: 'unknown-key' };
    if (!canonicalBase64url(token.slice(last + 1)) || !canonicalBase64url(token.slice(first + 1, last))) return { ok: false, reason: 'malformed' };
    const given = Buffer.from(token.slice(last + 1), 'base64url');
    const expected = mac(secret, token.slice(0, last));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(token.slice(first + 1, last), 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (!isClaims(claims)) return { ok: false, reason: 'malformed' };
    if (claims.exp < nowSeconds) return { ok: false, reason: 'expired' };
    return { ok: true, claims, keyId };
  }
}

/**
 * Whether `text` is exactly what `Buffer#toString('base64url')` writes: Node's decoder skips
 * padding, spaces and stray characters, so a token with them would verify as well.
 */
function canonicalBase64url(text: string): boolean {
  return /^[A-Za-z0-9_-]*$/.test(text) && text.length % 4 !== 1 && Buffer.from(text, 'base64url').toString('base64url') === text;
}

function mac(secret: Buffer, data: string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

function isClaims(v: unknown): v is BeaconClaims {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  const strings = ['i', 'c', 'cr', 'a', 'p', 's', 'f', 'cu', 'l'] as const;
  return (
    strings.every((k) => typeof c[k] === 'string') &&
    (c.m === 'cpm' || c.m === 'cpc') &&
    Number.isSafeInteger(c.pr) &&
    Number.isSafeInteger(c.iat) &&
    Number.isSafeInteger(c.exp) &&
    (c.u === undefined || typeof c.u === 'string') &&
    (c.t === undefined || typeof c.t === 'string') &&
    (c.x === undefined || c.x === 1)
  );
}

/**
 * The trace claim of a token, read without verifying it: only to parent a span (as an incoming
 * `traceparent` header would), never for anything billed or redirected.
 */
export function traceClaimOf(token: string | null | undefined): string | undefined {
  if (typeof token !== 'string' || token.length > 4096) return undefined;
  const first = token.indexOf('.');
  const last = token.lastIndexOf('.');
  if (first <= 0 || last <= first) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(token.slice(first + 1, last), 'base64url').toString('utf8'));
    const t = typeof claims === 'object' && claims !== null ? (claims as { t?: unknown }).t : undefined;
    return typeof t === 'string' ? t : undefined;
  } catch {
    return undefined;
  }
}
