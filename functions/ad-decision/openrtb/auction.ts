import type { Bid, BidRequest, BidResponse } from 'iab-openrtb/v26';
import type { Request, Response, Route } from '../../../shared/http';
import type { Campaign } from '../../../shared/model';
import { parseJson } from '../../../shared/validate';
import { choose, type Decision, type DecisionDeps, type Placement } from '../decide';
import type { Candidate } from '../engine';
import { renderMarkup } from './adm';
import { convertible, convertMicros, floorMicros } from './currency';
import { BAD_INPUT, BIDDER, DEFAULT_CATTAX, mapBidRequest, type BidderError, type ImpPlan, type PublisherPlan } from './map';
import { parseBidRequest } from './request';
import { targetingKeys } from './targeting';

/** One publisher's impressions and the decision on them. */
type Settled = readonly [PublisherPlan, Decision];

/** Prebid Server's error code for a bidder that did not answer within `tmax`. */
const TIMEOUT = 1;
/** How long a bid stays valid (`bid.exp`), seconds: at most the beacon tokens' lifetime. */
const BID_TTL_SECONDS = 300;
/** OpenRTB 2.6 `mtype`: banner markup. */
const MTYPE_BANNER = 1;

/** `POST /openrtb2/auction`, reached by Prebid.js in the browser (credentialed CORS, `text/plain`) and by servers. */
export function openRtbRoutes(deps: DecisionDeps): Route[] {
  return [
    {
      method: 'POST',
      path: '/openrtb2/auction',
      cors: true,
      corsCredentials: true,
      accepts: ['application/json', 'text/plain'],
      handler: (req) => handleAuction(deps, req),
    },
  ];
}

/**
 * Prebid Server's auction with Tagline as its one bidder: the same decision as `/v1/ads` on the
 * mapped request (docs/prebid.md), each winner priced at its campaign's eCPM in the request's
 * currency. A malformed request is a 400 naming the field; anything Tagline cannot bid on is a
 * 200 with no seat bids and the reason in `ext.errors.tagline`. Past `tmax` the answer is a
 * no-bid: a late bid would be dropped by the caller anyway.
 */
export function handleAuction(deps: DecisionDeps, req: Request): Response | Promise<Response> {
  const started = Date.now();
  const br = parseBidRequest(parseJson(req.body));
  const catalog = deps.catalog();
  const mapped = mapBidRequest(br, req.headers, (id) => catalog.publishers.has(id));
  const errors = mapped.errors;
  const currency = responseCurrency(br);
  if (currency === undefined) {
    errors.push({ code: BAD_INPUT, message: `cur: none of ${br.cur?.join(', ')} is a currency Tagline bids in` });
    return answer(br, started, 'USD', [], errors);
  }
  const test = br.test === 1;
  const meta = { userAgent: mapped.userAgent, country: mapped.country };
  const decisions = mapped.plans.map((plan): Settled | Promise<Settled> => {
    const decision = choose(deps, plan.request, meta, { admit: admission(br, plan, currency), test });
    return decision instanceof Promise ? decision.then((settled): Settled => [plan, settled]) : [plan, decision];
  });
  const complete = (settled: readonly Settled[]): Response => {
    if (br.tmax !== undefined && br.tmax > 0 && Date.now() - started > br.tmax) return timedOut(br, started, currency, errors);
    const bids = settled.flatMap(([plan, decision]) => decision.placements.map((p) => toBid(deps, br, plan, decision, p, currency)));
    return answer(br, started, currency, bids, errors);
  };
  if (decisions.every((x): x is Settled => !(x instanceof Promise))) return complete(decisions);
  const all = decisions.length === 1 ? (decisions[0] as Promise<Settled>).then((one) => complete([one])) : Promise.all(decisions).then(complete);
  if (br.tmax === undefined || br.tmax <= 0) return all;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(timedOut(br, started, currency, errors)), Math.max(0, br.tmax! - (Date.now() - started)));
    all.then(
      (res) => {
        clearTimeout(timer);
        resolve(res);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

/** The first requested currency Tagline can convert to (OpenRTB's default, USD, when none is named). */
function responseCurrency(br: BidRequest): string | undefined {
  if (br.cur === undefined || br.cur.length === 0) return 'USD';
  return br.cur.find(convertible);
}

/**
 * Whether a candidate may bid on its impression: a creative size the impression accepts, an
 * advertiser not in `badv`, categories not in `bcat`, and a price in the response currency at or
 * above the impression's floor. A rule that cannot be checked refuses the candidate.
 */
function admission(br: BidRequest, plan: PublisherPlan, currency: string): (c: Candidate) => boolean {
  const imps = new Map(plan.imps.map((p) => [p.slot.id, p]));
  const badv = br.badv?.map((b) => b.toLowerCase()) ?? [];
  const bcat = br.bcat ?? [];
  const bcatIsIab1 = (br.cattax ?? DEFAULT_CATTAX) === DEFAULT_CATTAX;
  return ({ slot, ic, creative }) => {
    const plan = imps.get(slot.id);
    if (plan === undefined) return false;
    if (!plan.sizes.some((s) => creative.width <= s.w && creative.height <= s.h)) return false;
    const c = ic.campaign;
    if (badv.length > 0 && advertiserDomains(c).some((domain) => badv.some((b) => domain === b || domain.endsWith(`.${b}`)))) return false;
    if (bcat.length > 0 && c.iabCategories !== undefined) {
      if (!bcatIsIab1) return false;
      if (c.iabCategories.some((cat) => bcat.some((b) => cat === b || cat.startsWith(`${b}-`)))) return false;
    }
    const price = convertMicros(ic.ecpmMicros, c.pricing.currency, currency);
    if (price === undefined || price <= 0) return false;
    return meetsFloor(price, plan, currency);
  };
}

function meetsFloor(priceMicros: number, plan: ImpPlan, currency: string): boolean {
  if (plan.floor <= 0) return true;
  const floor = floorMicros(plan.floor, plan.floorCurrency, currency);
  return floor !== undefined && priceMicros >= floor;
}

const domains = new WeakMap<Campaign, string[]>();

/** The campaign's `adomain`, else the hosts of its creatives' landing URLs. */
export function advertiserDomains(c: Campaign): string[] {
  let list = domains.get(c);
  if (list === undefined) {
    list = c.adomain ?? [...new Set(c.creatives.map((cr) => hostOf(cr.landingUrl)).filter((h): h is string => h !== undefined))];
    domains.set(c, list);
  }
  return list;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

function toBid(deps: DecisionDeps, br: BidRequest, plan: PublisherPlan, decision: Decision, p: Placement, currency: string): Bid {
  const { campaign, creative, ad } = p;
  const priceMicros = convertMicros(p.ecpmMicros, campaign.pricing.currency, currency) ?? 0;
  const price = priceMicros / 1e6;
  const w = creative.width;
  const h = creative.height;
  const prebid: Record<string, unknown> = { type: 'banner', meta: { advertiserDomains: advertiserDomains(campaign), mediaType: 'banner' } };
  const targeting = (br.ext as { prebid?: { targeting?: Record<string, unknown> } } | undefined)?.prebid?.targeting;
  if (targeting !== undefined && typeof targeting === 'object') prebid.targeting = targetingKeys(BIDDER, price, w, h, targeting);
  const bid: Bid = {
    id: `${decision.requestId}-${plan.imps.findIndex((i) => i.slot.id === p.slot.id)}`,
    impid: p.slot.id,
    price,
    adm: renderMarkup(ad),
    adid: creative.id,
    adomain: advertiserDomains(campaign),
    cid: campaign.id,
    crid: creative.id,
    burl: ad.impressionUrl,
    w,
    h,
    mtype: MTYPE_BANNER,
    exp: Math.min(BID_TTL_SECONDS, deps.config.tokenTtlSeconds),
    ext: { prebid },
  };
  if (campaign.iabCategories !== undefined) {
    bid.cat = campaign.iabCategories;
    bid.cattax = DEFAULT_CATTAX;
  }
  return bid;
}

function answer(br: BidRequest, started: number, currency: string, bids: Bid[], errors: BidderError[]): Response {
  const ext: Record<string, unknown> = { responsetimemillis: { [BIDDER]: Date.now() - started } };
  if (br.tmax !== undefined) ext.tmaxrequest = br.tmax;
  if (errors.length > 0) ext.errors = { [BIDDER]: errors };
  const body: BidResponse = { id: br.id, seatbid: bids.length === 0 ? [] : [{ seat: BIDDER, bid: bids }], cur: currency, ext };
  return { status: 200, headers: { 'cache-control': 'no-store' }, body };
}

function timedOut(br: BidRequest, started: number, currency: string, errors: BidderError[]): Response {
  return answer(br, started, currency, [], [...errors, { code: TIMEOUT, message: `no answer within tmax (${br.tmax} ms)` }]);
}
