import type { Context } from '@opentelemetry/api';
import { BadRequestError } from '../../shared/errors';
import { counter, zeroed } from '../../shared/metrics';
import { problemResponse } from '../../shared/problem';
import type { Request, Response, Route } from '../../shared/http';
import type { TaglineEvent } from '../../shared/events';
import { contextFromClaim } from '../../shared/telemetry';
import { traceClaimOf, type BeaconClaims, type TokenSigner } from '../../shared/tokens';
import { beaconEvent, INVALID_REASONS, landingUrl, unbillableTraffic, type BeaconKind, type InvalidReason } from './beacon';
import type { Outbox } from '../../shared/outbox';
import type { Spool } from './spool';

export interface TrackDeps {
  signer: Pick<TokenSigner, 'verify'>;
  outbox: Pick<Outbox, 'publish' | 'flush'>;
  /** The local disk spool, replayed with the outbox on a flush. */
  spool?: Pick<Spool, 'replay'>;
}

/** The largest beacon body accepted; `navigator.sendBeacon` posts little or nothing. */
export const TRACK_BODY_LIMIT_BYTES = 4 * 1024;

/** A transparent 1×1 GIF (42 bytes). */
export const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const NO_STORE = { 'cache-control': 'no-store, max-age=0' };

const invalid = zeroed(counter('tagline_track_invalid_total', 'Beacons not billed, by reason', ['reason']), INVALID_REASONS.map((reason) => ({ reason })));
const billable = counter('tagline_track_beacons_total', 'Beacons accepted as billable and published, by kind and outcome', ['kind', 'outcome']);

type Verdict = { billable: true; claims: BeaconClaims; event: TaglineEvent } | { billable: false; claims?: BeaconClaims; reason: InvalidReason };

/** A beacon continues the trace of its ad: the span of ad-decision named in its token. */
function adTrace(req: Request): Context | undefined {
  return contextFromClaim(traceClaimOf(req.query.get('t')));
}

/**
 * `/i` (rendered) and `/v` (viewable) answer a pixel whatever happens, so a page never breaks;
 * `/c` redirects to the signed landing URL; `/v1/outbox/flush` republishes what the Broker missed.
 */
export function trackRoutes(deps: TrackDeps): Route[] {
  return [
    { method: ['GET', 'POST'], path: '/i', accepts: ['*/*'], cors: true, traceParent: adTrace, handler: (req) => pixelBeacon(deps, 'impression', req) },
    { method: ['GET', 'POST'], path: '/v', accepts: ['*/*'], cors: true, traceParent: adTrace, handler: (req) => pixelBeacon(deps, 'viewable', req) },
    { method: 'GET', path: '/c', traceParent: adTrace, handler: (req) => clickBeacon(deps, req) },
    { method: 'POST', path: '/v1/outbox/flush', accepts: ['*/*'], handler: (req) => flushOutbox(deps, req) },
  ];
}

/**
 * Verify, screen and publish a pixel beacon; the answer is the same whatever the outcome. An
 * unbilled beacon is answered without a promise: the framework runs each request in a domain,
 * which makes every promise on this path cost.
 */
export function pixelBeacon(deps: TrackDeps, kind: BeaconKind, req: Request): Response | Promise<Response> {
  const answer: Response = req.method === 'POST' ? { status: 204, headers: NO_STORE } : { status: 200, headers: { ...NO_STORE, 'content-type': 'image/gif' }, body: PIXEL };
  return record(deps, judge(deps, kind, req), kind, answer);
}

/**
 * A click goes only where its verified token says. A bad token never redirects (400); a bot is
 * redirected but not billed; a prefetch is declined, so the browser fetches the click again
 * when the person really clicks, and that one is billed.
 */
export function clickBeacon(deps: TrackDeps, req: Request): Response | Promise<Response> {
  const verdict = judge(deps, 'click', req);
  const target = verdict.claims === undefined ? undefined : landingUrl(verdict.claims);
  if (target === undefined) return record(deps, verdict.billable ? { billable: false, reason: 'malformed' } : verdict, 'click', badClick(req));
  const declined = !verdict.billable && verdict.reason === 'prefetch';
  return record(deps, verdict, 'click', declined ? { status: 503, headers: NO_STORE } : { status: 302, headers: { ...NO_STORE, location: target } });
}

/** Replay the local spool, then republish the outbox (the PingSource's CloudEvent, or an operator's POST). */
export async function flushOutbox(deps: TrackDeps, req: Request): Promise<Response> {
  const spooled = await deps.spool?.replay();
  const result = { ...(await deps.outbox.flush()), ...(spooled === undefined ? {} : { spoolBytes: spooled.remaining }) };
  // A CloudEvent sender (the PingSource) expects an empty answer; a person gets the numbers.
  if (req.headers['ce-id'] !== undefined) return { status: 204 };
  return { status: 200, body: result };
}

function judge(deps: TrackDeps, kind: BeaconKind, req: Request): Verdict {
  const verified = deps.signer.verify(req.query.get('t'));
  if (!verified.ok) return { billable: false, reason: verified.reason };
  const { claims } = verified;
  const unbillable = claims.x === 1 ? 'test' : req.method === 'HEAD' ? 'bot' : unbillableTraffic(req.headers);
  if (unbillable !== undefined) return { billable: false, claims, reason: unbillable };
  const event = beaconEvent(kind, claims);
  if (event === undefined) return { billable: false, claims, reason: 'malformed' };
  return { billable: true, claims, event };
}

/** Count an unbilled beacon, or publish a billable one; then `answer`. */
function record(deps: TrackDeps, verdict: Verdict, kind: BeaconKind, answer: Response): Response | Promise<Response> {
  if (!verdict.billable) {
    invalid.inc({ reason: verdict.reason });
    return answer;
  }
  return deps.outbox.publish(verdict.event).then((outcome) => {
    billable.inc({ kind, outcome });
    return answer;
  });
}

function badClick(req: Request): Response {
  const headers = { ...NO_STORE, 'x-content-type-options': 'nosniff' };
  if ((req.headers.accept ?? '').includes('text/html')) {
    return { status: 400, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }, body: NEUTRAL_PAGE };
  }
  return problemResponse(new InvalidBeaconError('This ad link is invalid or has expired'), headers);
}

/** A click whose token does not verify: its own problem type, so a client can tell it from other 400s. */
class InvalidBeaconError extends BadRequestError {
  override readonly code = 'invalid-beacon';
  override readonly title = 'Invalid beacon';
}

const NEUTRAL_PAGE = '<!doctype html><meta charset="utf-8"><title>Link expired</title><p>This ad link is no longer valid.</p>\n';
