import type { IncomingHttpHeaders } from 'node:http';
import { isBot } from '../../shared/bots';
import { AdEventData, EVENT_TYPES, newEvent, type TaglineEvent } from '../../shared/events';
import type { BeaconClaims } from '../../shared/tokens';

/** The three beacons of a served ad. */
export type BeaconKind = 'impression' | 'viewable' | 'click';

/** Why a beacon was not billed: the bounded values of `tagline_track_invalid_total{reason}`. */
/** Why a beacon is not billed. */
export const INVALID_REASONS = ['malformed', 'unknown-key', 'bad-signature', 'expired', 'bot', 'prefetch', 'test'] as const;
export type InvalidReason = (typeof INVALID_REASONS)[number];

export const TRACK_SOURCE = '/track';

const TYPES = { impression: EVENT_TYPES.impression, viewable: EVENT_TYPES.viewable, click: EVENT_TYPES.click } as const;
const ID_PREFIX = { impression: 'imp', viewable: 'view', click: 'click' } as const;

/**
 * Traffic that must not be billed although its token is good: declared crawlers (the project's
 * crawler policy, shared with ad-decision), beacons without a User-Agent (a browser always sends
 * one) and speculative loads (prefetch, prerender, link previews), which no person has seen.
 */
export function unbillableTraffic(headers: IncomingHttpHeaders): 'bot' | 'prefetch' | undefined {
  if (isPrefetch(headers)) return 'prefetch';
  const ua = headers['user-agent'];
  if (ua === undefined || ua.trim() === '' || isBot(ua)) return 'bot';
  return undefined;
}

function isPrefetch(headers: IncomingHttpHeaders): boolean {
  const purpose = [headers['sec-purpose'], headers.purpose, headers['x-purpose'], headers['x-moz']]
    .filter((v): v is string => typeof v === 'string')
    .join(',')
    .toLowerCase();
  return /prefetch|prerender|preview/.test(purpose);
}

/**
 * The event a verified beacon emits, or undefined when the signed claims cannot make a valid
 * one. The id is deterministic, so a beacon fired five times is one event. What it bills:
 * an impression a thousandth of the CPM, a click the CPC, everything else nothing.
 */
export function beaconEvent(kind: BeaconKind, claims: BeaconClaims, nowMs: number = Date.now()): TaglineEvent | undefined {
  const data = AdEventData.safeParse({
    impressionId: claims.i,
    campaign: claims.c,
    creative: claims.cr,
    publisher: claims.p,
    advertiser: claims.a,
    slot: claims.s,
    format: claims.f,
    priceMicros: priceMicros(kind, claims),
    currency: claims.cu,
    model: claims.m,
    ...(claims.u === undefined ? {} : { user: claims.u }),
    servedAt: new Date(claims.iat * 1000).toISOString(),
    occurredAt: new Date(nowMs).toISOString(),
  });
  if (!data.success) return undefined;
  return newEvent(TYPES[kind], TRACK_SOURCE, data.data, `${ID_PREFIX[kind]}:${claims.i}`);
}

function priceMicros(kind: BeaconKind, claims: BeaconClaims): number {
  if (kind === 'impression' && claims.m === 'cpm') return Math.round(claims.pr / 1000);
  if (kind === 'click' && claims.m === 'cpc') return claims.pr;
  return 0;
}

/** The click destination: the token's landing URL when it is http(s), never anything else. */
export function landingUrl(claims: BeaconClaims): string | undefined {
  try {
    const url = new URL(claims.l);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
