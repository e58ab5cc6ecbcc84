import { randomBytes } from 'node:crypto';
import { isBot } from '../../shared/bots';
import type { Config } from '../../shared/config';
import { capWindowStart, counterKeys } from '../../shared/counters';
import { ValidationError } from '../../shared/errors';
import type { PageClassifiedData, PageObservedData } from '../../shared/events';
import type { Request, Response, Route } from '../../shared/http';
import { counter, histogram, zeroed } from '../../shared/metrics';
import { normalisePageUrl, pageHash } from '../../shared/page';
import type { Store } from '../../shared/store';
import { activeTraceClaim } from '../../shared/telemetry';
import type { TokenSigner } from '../../shared/tokens';
import { parseJson } from '../../shared/validate';
import type { Catalog, IndexedCampaign } from './catalog';
import { mayUseUserId } from './consent';
import type { Ad, AdResponse } from './contract';
import type { DeliveryState } from './delivery-state';
import { assign, shortlist, type Candidate, type PageContext } from './engine';
import type { PageCache } from './pages';
import { parseAdRequest, type AdRequest } from './request';

export type { Ad, AdResponse } from './contract';

/** The body limit of `POST /v1/ads`. */
export const AD_REQUEST_LIMIT_BYTES = 16 * 1024;

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

/** Request facts that come from headers rather than the body. */
export interface RequestMeta {
  userAgent: string | undefined;
  /** ISO country of the viewer, set by the edge (`X-Country` / `CF-IPCountry`). */
  country: string | undefined;
}

export function decisionRoutes(deps: DecisionDeps): Route[] {
  return [{ method: 'POST', path: '/v1/ads', cors: true, handler: (req) => handleAdRequest(deps, req) }];
}

/*
 * The decision is synchronous but for the frequency-cap counters: it makes a promise only when it
 * must read them (the framework runs each request in a domain, which makes every promise cost).
 */
export function handleAdRequest(deps: DecisionDeps, req: Request): Response | Promise<Response> {
  const body = parseAdRequest(parseJson(req.body));
  const country = header(req, 'x-country') ?? header(req, 'cf-ipcountry');
  const result = decide(deps, body, { userAgent: header(req, 'user-agent'), country: country?.toUpperCase() });
  return result instanceof Promise ? result.then(adResponse) : adResponse(result);
}

function adResponse(result: AdResponse): Response {
  return { status: 200, headers: { 'cache-control': 'no-store' }, body: result };
}

/** Choose the ads of one validated request (a promise only when frequency caps must be read). */
export function decide(deps: DecisionDeps, request: AdRequest, meta: RequestMeta): AdResponse | Promise<AdResponse> {
  const started = process.hrtime.bigint();
  const catalog = deps.catalog();
  if (!catalog.publishers.has(request.publisher)) {
    throw new ValidationError(`publisher: unknown publisher "${request.publisher}"`, { details: { errors: [{ path: 'publisher', message: 'unknown publisher' }] } });
  }
  const requestId = nextId();
  if (isBot(meta.userAgent)) {
    requests.inc({ outcome: 'bot' });
    return { requestId, ads: [] };
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
  const lists = shortlist(catalog, input, deps.state);
  const user = request.user?.id !== undefined && mayUseUserId(request.consent) ? request.user.id : undefined;
  const choose = (capped: ReadonlySet<string>): AdResponse => {
    const chosen = assign(request.slots, lists, (ic) => capped.has(ic.id));
    const facts: AdRequestFacts = { publisher: request.publisher, user, traceClaim: chosen.length === 0 ? undefined : activeTraceClaim() };
    const ads = chosen.map((c) => {
      deps.state.consume(c.ic, nowMs);
      return toAd(deps, c, facts, nowMs);
    });
    record(request.slots.length, ads.length, started);
    return { requestId, ads };
  };
  const capped = cappedCampaigns(deps.store, lists, user, nowMs);
  return capped instanceof Promise ? capped.then(choose) : choose(capped);
}

const NONE_CAPPED: ReadonlySet<string> = new Set();

/** The campaigns whose frequency cap this user has reached: one store round trip, or none. */
function cappedCampaigns(store: Store, lists: ReadonlyMap<string, readonly Candidate[]>, user: string | undefined, nowMs: number): ReadonlySet<string> | Promise<ReadonlySet<string>> {
  if (user === undefined) return NONE_CAPPED;
  const withCaps = new Map<string, IndexedCampaign>();
  for (const list of lists.values()) for (const c of list) if (c.ic.hasFrequencyCap) withCaps.set(c.ic.id, c.ic);
  if (withCaps.size === 0) return NONE_CAPPED;
  const campaigns = [...withCaps.values()];
  const keys = campaigns.map((ic) => counterKeys.frequency(ic.id, user, capWindowStart(nowMs, ic.campaign.frequencyCap!.windowSeconds)));
  return store.getCounters(keys).then((seen) => {
    const capped = new Set<string>();
    campaigns.forEach((ic, i) => {
      if ((seen[i] ?? 0) >= ic.campaign.frequencyCap!.impressions) capped.add(ic.id);
    });
    return capped;
  });
}

/** What every ad of one request shares in its token. */
interface AdRequestFacts {
  publisher: string;
  user: string | undefined;
  /** The request's trace (`BeaconClaims.t`), when it is traced. */
  traceClaim: string | undefined;
}

function toAd(deps: DecisionDeps, { slot, ic, creative }: Candidate, { publisher, user, traceClaim }: AdRequestFacts, nowMs: number): Ad {
  const c = ic.campaign;
  const iat = Math.floor(nowMs / 1000);
  const token = deps.signer.sign({
    i: nextId(),
    c: c.id,
    cr: creative.id,
    a: c.advertiser,
    p: publisher,
    s: slot.id,
    f: slot.format,
    m: c.pricing.model,
    pr: c.pricing.amountMicros,
    cu: c.pricing.currency,
    l: creative.landingUrl,
    ...(user === undefined ? {} : { u: user }),
    iat,
    exp: iat + deps.config.tokenTtlSeconds,
    ...(traceClaim === undefined ? {} : { t: traceClaim }),
  });
  const t = encodeURIComponent(token);
  const ad: Ad = {
    slot: slot.id,
    campaign: c.id,
    creative: creative.id,
    format: creative.format,
    width: creative.width,
    height: creative.height,
    impressionUrl: `${deps.config.trackUrl}/i?t=${t}`,
    viewableUrl: `${deps.config.trackUrl}/v?t=${t}`,
    clickUrl: `${deps.config.trackUrl}/c?t=${t}`,
  };
  if (creative.html !== undefined) ad.html = creative.html;
  if (creative.imageUrl !== undefined) ad.imageUrl = creative.imageUrl;
  return ad;
}

function pageContext(request: AdRequest, classification: PageClassifiedData | undefined, identity: PageIdentity): PageContext {
  // The publisher's declared categories stay: the classification adds to them, it does not overrule them.
  const categories = new Set(request.page.categories);
  if (classification !== undefined) for (const c of classification.categories) categories.add(c.id);
  return {
    categories,
    risk: classification?.brandSafety.risk,
    words: () => (identity.words ??= pageWords(request)),
  };
}

/** Lower-cased words and keyword phrases of the page, for keyword targeting. */
export function pageWords(request: AdRequest): Set<string> {
  const out = new Set<string>();
  for (const k of request.page.keywords ?? []) out.add(k.toLowerCase().trim());
  const text = `${request.page.title ?? ''} ${request.page.description ?? ''} ${request.page.text ?? ''}`.toLowerCase();
  for (const w of text.split(/[^\p{L}\p{N}]+/u)) if (w.length > 1) out.add(w);
  return out;
}

function observedData(request: AdRequest, canonical: string, hash: string): PageObservedData {
  const { page } = request;
  const data: PageObservedData = { pageHash: hash, url: canonical.slice(0, 2048) };
  if (page.title !== undefined) data.title = page.title;
  if (page.description !== undefined) data.description = page.description;
  if (page.keywords !== undefined) data.keywords = page.keywords;
  if (page.lang !== undefined) data.lang = page.lang;
  if (page.text !== undefined) data.text = page.text;
  if (page.imageAlts !== undefined) data.imageAlts = page.imageAlts;
  return data;
}

interface PageIdentity {
  canonical: string;
  hash: string;
  /** The page's words for keyword targeting, computed on first need. */
  words?: Set<string>;
}

const identities = new Map<string, PageIdentity>();

/**
 * Canonical URL, hash and words of a page, memoised by URL and content size: the same pages are
 * asked about again and again, and tokenising 4 KB of text is most of a decision's cost.
 */
function pageIdentity(request: AdRequest): PageIdentity {
  const { page } = request;
  const key = `${page.url}\n${page.title?.length ?? 0}:${page.text?.length ?? 0}:${page.keywords?.length ?? 0}`;
  let id = identities.get(key);
  if (id === undefined) {
    const canonical = normalisePageUrl(page.url) ?? page.url;
    id = { canonical, hash: pageHash(canonical) };
    if (identities.size >= 20_000) identities.clear();
    identities.set(key, id);
  }
  return id;
}

const ID_PREFIX = randomBytes(9).toString('base64url');
let sequence = 0;

/** A unique id for requests and impressions: a random per-process prefix and a counter. */
function nextId(): string {
  return `${ID_PREFIX}${(sequence++).toString(36)}`;
}

function record(asked: number, filled: number, started: bigint): void {
  requests.inc({ outcome: filled === 0 ? 'unfilled' : filled < asked ? 'partial' : 'filled' });
  if (filled > 0) slots.inc({ result: 'filled' }, filled);
  if (asked > filled) slots.inc({ result: 'unfilled' }, asked - filled);
  decisionSeconds.observe(Number(process.hrtime.bigint() - started) / 1e9);
}

function header(req: Request, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}
