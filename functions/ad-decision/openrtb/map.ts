import type { BidRequest, Imp } from 'iab-openrtb/v26';
import type { IncomingHttpHeaders } from 'node:http';
import { CATEGORY_ID, FORMATS, SLUG, type Format } from '../../../shared/vocabulary';
import type { AdRequest, Slot } from '../contract';
import { alpha2 } from './countries';

/** The bidder code of Tagline in Prebid (`imp[].ext.prebid.bidder.tagline`) and its seat. */
export const BIDDER = 'tagline';

/** AdCOM category taxonomies whose ids are Tagline's (Content Taxonomy 2.x, 3.0, 3.1). */
const CONTENT_TAXONOMIES: ReadonlySet<number> = new Set([2, 5, 6, 7, 9]);
/** OpenRTB's default taxonomy when `cattax` is absent: IAB Content Taxonomy 1.0. */
export const DEFAULT_CATTAX = 1;

/** AdCOM device types → Tagline's device targeting values. */
const DEVICE_TYPES: Readonly<Record<number, AdRequest['device'] & {}>> = { 1: { type: 'mobile' }, 2: { type: 'desktop' }, 4: { type: 'mobile' }, 5: { type: 'tablet' } };

/** A size an impression accepts. */
export interface Size {
  w: number;
  h: number;
}

/** One impression Tagline bids on: its slot for the engine, the sizes it accepts and its floor. */
export interface ImpPlan {
  imp: Imp;
  slot: Slot;
  sizes: readonly Size[];
  /** `imp.bidfloor` (0 when absent) in `floorCurrency`. */
  floor: number;
  floorCurrency: string;
}

/** The impressions of one publisher: one decision on the engine. */
export interface PublisherPlan {
  request: AdRequest;
  imps: ImpPlan[];
}

/** Why an impression gets no bid, as Prebid Server reports it in `ext.errors.<bidder>`. */
export interface BidderError {
  code: number;
  message: string;
}

/** Prebid Server's error code for a bad request to one bidder. */
export const BAD_INPUT = 2;

export interface MappedRequest {
  /** The impressions to decide, grouped by the publisher their params name. */
  plans: PublisherPlan[];
  userAgent: string | undefined;
  country: string | undefined;
  /** Impressions not bid on because their params or media do not fit (reported, not 4xx). */
  errors: BidderError[];
}

/**
 * Map a validated OpenRTB 2.6 request onto Tagline's decision input (docs/prebid.md lists every
 * field). `knownPublisher` keeps impressions of unknown publishers out of the decision: those
 * are a no-bid with an error, never a failure.
 */
export function mapBidRequest(br: BidRequest, headers: IncomingHttpHeaders, knownPublisher: (id: string) => boolean): MappedRequest {
  const errors: BidderError[] = [];
  const ua = br.device?.ua ?? header(headers, 'user-agent');
  const geo = br.device?.geo?.country;
  const country = (geo === undefined ? undefined : alpha2(geo)) ?? header(headers, 'x-country')?.toUpperCase() ?? header(headers, 'cf-ipcountry')?.toUpperCase();
  const out: MappedRequest = { plans: [], userAgent: ua, country, errors };
  const page = pageOf(br);
  if (page === undefined) {
    errors.push({ code: BAD_INPUT, message: 'only site inventory with site.page or site.domain is bid on' });
    return out;
  }
  const byPublisher = new Map<string, PublisherPlan>();
  for (const imp of br.imp) {
    const target = impTarget(br, imp, errors);
    if (target === undefined) continue;
    if (!knownPublisher(target.publisher)) {
      errors.push({ code: BAD_INPUT, message: `imp ${imp.id}: unknown publisher "${target.publisher}"` });
      continue;
    }
    const sizes = sizesOf(imp);
    if (sizes.length === 0) {
      errors.push({ code: BAD_INPUT, message: `imp ${imp.id}: only banner impressions with a size are bid on` });
      continue;
    }
    const slot: Slot = { id: imp.id, format: target.format, width: Math.min(4000, Math.max(...sizes.map((s) => s.w))), height: Math.min(4000, Math.max(...sizes.map((s) => s.h))) };
    let plan = byPublisher.get(target.publisher);
    if (plan === undefined) {
      plan = { request: adRequest(br, target.publisher, page), imps: [] };
      byPublisher.set(target.publisher, plan);
    }
    plan.request.slots.push(slot);
    plan.imps.push({ imp, slot, sizes, floor: imp.bidfloor ?? 0, floorCurrency: imp.bidfloorcur ?? 'USD' });
  }
  out.plans = [...byPublisher.values()];
  return out;
}

/** The bidder params of `imp` (Prebid Server's place, then the legacy `imp.ext.<bidder>`). */
export function bidderParams(imp: Imp): unknown {
  const ext = imp.ext as { prebid?: { bidder?: Record<string, unknown> }; [bidder: string]: unknown } | undefined;
  return ext?.prebid?.bidder?.[BIDDER] ?? ext?.[BIDDER];
}

/**
 * The publisher and format an impression is for: its `tagline` bidder params when it has them,
 * else (a plain OpenRTB request from an exchange) `site.publisher.id` as a banner. An impression
 * whose Prebid params name only other bidders is not for Tagline.
 */
function impTarget(br: BidRequest, imp: Imp, errors: BidderError[]): { publisher: string; format: Format } | undefined {
  const params = bidderParams(imp);
  if (params === undefined) {
    const bidders = (imp.ext as { prebid?: { bidder?: unknown } } | undefined)?.prebid?.bidder;
    if (bidders !== undefined) return undefined;
    const publisher = br.site?.publisher?.id;
    if (publisher !== undefined && SLUG.test(publisher)) return { publisher, format: 'banner' };
    errors.push({ code: BAD_INPUT, message: `imp ${imp.id}: no tagline bidder params and no site.publisher.id` });
    return undefined;
  }
  const p = params as { publisher?: unknown; format?: unknown };
  if (typeof params !== 'object' || params === null || typeof p.publisher !== 'string' || !SLUG.test(p.publisher)) {
    errors.push({ code: BAD_INPUT, message: `imp ${imp.id}: bidder params need a publisher id ({ "publisher": "pub-…" })` });
    return undefined;
  }
  if (p.format !== undefined && !FORMATS.includes(p.format as Format)) {
    errors.push({ code: BAD_INPUT, message: `imp ${imp.id}: bidder param format must be one of ${FORMATS.join(', ')}` });
    return undefined;
  }
  return { publisher: p.publisher, format: (p.format as Format | undefined) ?? 'banner' };
}

/** `banner.format[]`, else `banner.w`×`banner.h`; sizes of 0 are dropped. */
function sizesOf(imp: Imp): Size[] {
  const banner = imp.banner;
  if (banner === undefined) return [];
  const sizes: Size[] = [];
  for (const f of banner.format ?? []) if (f.w !== undefined && f.h !== undefined && f.w > 0 && f.h > 0) sizes.push({ w: f.w, h: f.h });
  if (sizes.length === 0 && banner.w !== undefined && banner.h !== undefined && banner.w > 0 && banner.h > 0) sizes.push({ w: banner.w, h: banner.h });
  return sizes;
}

function pageOf(br: BidRequest): AdRequest['page'] | undefined {
  const site = br.site;
  if (site === undefined) return undefined;
  const url = httpUrl(site.page) ?? (site.domain !== undefined && site.domain !== '' ? httpUrl(`https://${site.domain}/`) : undefined);
  if (url === undefined) return undefined;
  const page: AdRequest['page'] = { url };
  const content = site.content;
  if (content?.title !== undefined) page.title = content.title.slice(0, 512);
  if (content?.language !== undefined) page.lang = content.language.slice(0, 16);
  const keywords = new Set<string>();
  for (const list of [splitKeywords(site.keywords), site.kwarray, splitKeywords(content?.keywords), content?.kwarray]) {
    for (const k of list ?? []) {
      const word = k.trim().slice(0, 64);
      if (word !== '' && keywords.size < 50) keywords.add(word);
    }
  }
  if (keywords.size > 0) page.keywords = [...keywords];
  const categories = new Set<string>();
  const taxonomy = site.cattax ?? br.cattax ?? DEFAULT_CATTAX;
  addCategories(categories, taxonomy, site.cat);
  addCategories(categories, taxonomy, site.pagecat);
  addCategories(categories, content?.cattax ?? taxonomy, content?.cat);
  if (categories.size > 0) page.categories = [...categories];
  return page;
}

function addCategories(into: Set<string>, cattax: number, ids: readonly string[] | undefined): void {
  if (ids === undefined || !CONTENT_TAXONOMIES.has(cattax)) return;
  for (const id of ids) if (CATEGORY_ID.test(id) && into.size < 50) into.add(id);
}

function adRequest(br: BidRequest, publisher: string, page: AdRequest['page']): AdRequest {
  const request: AdRequest = { publisher, page, slots: [] };
  const coppa = br.regs?.coppa === 1;
  const user = br.user?.buyeruid ?? br.user?.id;
  if (user !== undefined && user !== '' && !coppa) request.user = { id: user.slice(0, 128) };
  const device = br.device?.devicetype === undefined ? undefined : DEVICE_TYPES[br.device.devicetype];
  if (device !== undefined) request.device = device;
  const regsExt = br.regs?.ext as { gdpr?: unknown } | undefined;
  const gdpr = br.regs?.gdpr ?? regsExt?.gdpr;
  const tcString = br.user?.consent ?? ((br.user?.ext as { consent?: unknown } | undefined)?.consent as string | undefined);
  if (gdpr !== undefined || tcString !== undefined) {
    request.consent = {};
    if (gdpr !== undefined) request.consent.gdpr = gdpr === 1;
    if (tcString !== undefined && tcString !== '') request.consent.tcString = tcString;
  }
  return request;
}

function splitKeywords(s: string | undefined): string[] | undefined {
  return s === undefined ? undefined : s.split(',');
}

function httpUrl(s: string | undefined): string | undefined {
  if (s === undefined || s.length > 2048) return undefined;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? s : undefined;
  } catch {
    return undefined;
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}
