import { isBot } from '../../shared/bots';
import type { Config } from '../../shared/config';
import { capWindowStart, counterKeys } from '../../shared/counters';
import { ValidationError } from '../../shared/errors';
import { counter, histogram, zeroed } from '../../shared/metrics';
import type { Campaign, Creative } from '../../shared/model';
import type { Store } from '../../shared/store';
import { activeTraceClaim } from '../../shared/telemetry';
import type { TokenSigner } from '../../shared/tokens';
import { renderAd, type AdRequestFacts } from './ad-render';
import type { Catalog, IndexedCampaign } from './catalog';
import { mayUseUserId } from './consent';
import type { Ad, AdResponse } from './contract';
import type { DeliveryState } from './delivery-state';
import { assign, indexQuery, parkAll, SlotCandidates, wakeDue, type Candidate } from './engine';
import { nextId } from './ids';
import { observedData, pageContext, pageIdentity } from './page-context';
import type { PageCache } from './pages';
import type { AdRequest, Slot } from './request';

export type { Ad, AdResponse } from './contract';

const requests = zeroed(counter('tagline_ad_requests_total', 'Ad requests by outcome (filled, partial, unfilled, bot)', ['outcome']), ['filled', 'partial', 'unfilled', 'bot'].map((outcome) => ({ outcome })));
const slots = zeroed(counter('tagline_ad_slots_total', 'Slots asked for, by result (filled, unfilled)', ['result']), [{ result: 'filled' }, { result: 'unfilled' }]);
const decisionSeconds = histogram('tagline_ad_decision_duration_seconds', 'Time to choose the ads of one request, counters included');

export interface DecisionDeps {
  store: Store;
  catalog: () => Catalog;
  state: DeliveryState;
  pages: PageCache;
  signer: TokenSigner;
  config: Pick<Config, 'trackUrl' | 'tokenTtlSeconds'>;
  now?: () => number;
}

/** Request facts that come from headers (or an OpenRTB device object) rather than the body. */
export interface RequestMeta {
  userAgent: string | undefined;
  /** ISO country of the viewer, set by the edge (`X-Country` / `CF-IPCountry`). */
  country: string | undefined;
}

/** One filled slot: the campaign and creative chosen, and the ad as `/v1/ads` answers it. */
export interface Placement {
  slot: Slot;
  campaign: Campaign;
  creative: Creative;
  /** The ad with its signed beacon URLs (the impression is billed when `impressionUrl` fires). */
  ad: Ad;
  /** The campaign's effective revenue per thousand impressions, micros of its currency. */
  ecpmMicros: number;
}

/** What a protocol adds to the shared decision. */
export interface ChooseOptions {
  /**
   * Whether a candidate may fill its slot under the protocol's own rules (OpenRTB floors and
   * blocklists); when it may not, the slot goes to the next candidate.
   */
  admit?: (candidate: Candidate) => boolean;
  /** Test traffic (OpenRTB `test: 1`): its tokens are marked so track never bills them. */
  test?: boolean;
}

export interface Decision {
  requestId: string;
  placements: Placement[];
}

/** Choose the ads of one validated request, as `POST /v1/ads` answers (a promise only when caps are read). */
export function decide(deps: DecisionDeps, request: AdRequest, meta: RequestMeta): AdResponse | Promise<AdResponse> {
  const decision = choose(deps, request, meta);
  return decision instanceof Promise ? decision.then(toResponse) : toResponse(decision);
}

function toResponse(d: Decision): AdResponse {
  return { requestId: d.requestId, ads: d.placements.map((p) => p.ad) };
}

/**
 * The decision every protocol shares (`/v1/ads`, OpenRTB): the best eligible, uncapped campaign
 * per slot, no campaign twice on a page. Synchronous unless the user's frequency caps must be read.
 */
export function choose(deps: DecisionDeps, request: AdRequest, meta: RequestMeta, options: ChooseOptions = {}): Decision | Promise<Decision> {
  const started = process.hrtime.bigint();
  const catalog = deps.catalog();
  if (!catalog.publishers.has(request.publisher)) {
    throw new ValidationError(`publisher: unknown publisher "${request.publisher}"`, { details: { errors: [{ path: 'publisher', message: 'unknown publisher' }] } });
  }
  const requestId = nextId();
  if (isBot(meta.userAgent)) {
    requests.inc({ outcome: 'bot' });
    return { requestId, placements: [] };
  }
  const nowMs = deps.now?.() ?? Date.now();
  const identity = pageIdentity(request);
  const { canonical, hash } = identity;
  const classification = deps.pages.lookup(hash, () => observedData(request, canonical, hash), nowMs);
  const input = {
    publisher: request.publisher,
    slots: request.slots,
    device: request.device?.type,
    country: meta.country,
    page: pageContext(request, classification, identity),
    nowMs,
  };
  const { admit, test = false } = options;
  wakeDue(catalog, deps.state, nowMs);
  const parked: [IndexedCampaign, number][] = [];
  const query = indexQuery(input);
  const lists = request.slots.map((slot) => new SlotCandidates(catalog, query, input, slot, deps.state, parked, admit));
  const user = request.user?.id !== undefined && mayUseUserId(request.consent) ? request.user.id : undefined;
  const known = new Map<string, boolean>();
  const finish = (chosen: readonly Candidate[]): Decision => {
    const facts: AdRequestFacts = { publisher: request.publisher, user, traceClaim: chosen.length === 0 ? undefined : activeTraceClaim(), test };
    const placements = chosen.map((c): Placement => {
      if (!test) deps.state.consume(c.ic, nowMs);
      return { slot: c.slot, campaign: c.ic.campaign, creative: c.creative, ad: renderAd(deps, c.slot, c.ic, c.creative, facts, nowMs), ecpmMicros: c.ic.ecpmMicros };
    });
    record(request.slots.length, placements.length, started);
    return { requestId, placements };
  };
  const attempt = (batch: number): Decision | Promise<Decision> => {
    const result = assign(lists, user !== undefined, known, batch);
    parkAll(catalog, parked);
    if (result.unknown === undefined) return finish(result.chosen);
    return readCaps(deps.store, result.unknown, user!, nowMs, known).then(() => attempt(batch * 4));
  };
  return attempt(FIRST_CAP_BATCH);
}

/**
 * Frequency caps read per slot in the first store round trip: a user capped on this many of a
 * slot's best campaigns still gets an ad after one read.
 */
const FIRST_CAP_BATCH = 16;

/** Read whether this user is capped on `campaigns`, in one store round trip, into `known`. */
async function readCaps(store: Store, campaigns: readonly IndexedCampaign[], user: string, nowMs: number, known: Map<string, boolean>): Promise<void> {
  const keys = campaigns.map((ic) => counterKeys.frequency(ic.id, user, capWindowStart(nowMs, ic.campaign.frequencyCap!.windowSeconds)));
  const seen = await store.getCounters(keys);
  campaigns.forEach((ic, i) => known.set(ic.id, (seen[i] ?? 0) >= ic.campaign.frequencyCap!.impressions));
}

function record(asked: number, filled: number, started: bigint): void {
  requests.inc({ outcome: filled === 0 ? 'unfilled' : filled < asked ? 'partial' : 'filled' });
  if (filled > 0) slots.inc({ result: 'filled' }, filled);
  if (asked > filled) slots.inc({ result: 'unfilled' }, asked - filled);
  decisionSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
}
