import type { BidRequest } from 'iab-openrtb/v26';
import { ValidationError } from '../../../shared/errors';
import type { FieldError } from '../../../shared/validate';

/** Most impressions one OpenRTB request may carry. */
export const MAX_IMPS = 20;

type Obj = Record<string, unknown>;

/*
 * OpenRTB is extensible: every object may carry fields (and `ext`s) this endpoint does not read,
 * and those are never an error. What is checked is the type and range of every field Tagline
 * reads, so a malformed request is a 400 naming the field instead of a wrong decision.
 */
class Checker {
  readonly errors: FieldError[] = [];

  fail(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  object(v: unknown, path: string): Obj | undefined {
    if (v === undefined) return undefined;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Obj;
    this.fail(path, 'must be an object');
    return undefined;
  }

  string(v: unknown, path: string, max = 4096): void {
    if (v === undefined) return;
    if (typeof v !== 'string') this.fail(path, 'must be a string');
    else if (v.length > max) this.fail(path, `must be at most ${max} characters`);
  }

  strings(v: unknown, path: string, maxItems = 500): void {
    if (v === undefined) return;
    if (!Array.isArray(v)) return this.fail(path, 'must be an array of strings');
    if (v.length > maxItems) return this.fail(path, `must have at most ${maxItems} items`);
    v.forEach((x, i) => this.string(x, `${path}.${i}`, 256));
  }

  integer(v: unknown, path: string, min: number, max: number): void {
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isInteger(v)) this.fail(path, 'must be an integer');
    else if (v < min || v > max) this.fail(path, `must be between ${min} and ${max}`);
  }

  flag(v: unknown, path: string): void {
    if (v !== undefined && v !== 0 && v !== 1) this.fail(path, 'must be 0 or 1');
  }

  number(v: unknown, path: string, min: number, max: number): void {
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) this.fail(path, 'must be a number');
    else if (v < min || v > max) this.fail(path, `must be between ${min} and ${max}`);
  }

  currency(v: unknown, path: string): void {
    if (v !== undefined && (typeof v !== 'string' || !/^[A-Z]{3}$/.test(v))) this.fail(path, 'must be an ISO 4217 currency code');
  }
}

/**
 * Check a parsed JSON body as an OpenRTB 2.6 bid request, or throw a 400 naming every malformed
 * field. Both the 2.6 places of consent (`regs.gdpr`, `user.consent`) and the 2.5 `ext` ones
 * that older clients send are checked.
 */
export function parseBidRequest(value: unknown): BidRequest {
  const c = new Checker();
  const body = c.object(value, 'body');
  if (body === undefined) throw invalid([{ path: 'body', message: 'must be an OpenRTB BidRequest object' }]);
  if (typeof body.id !== 'string' || body.id === '') c.fail('id', 'is required (a non-empty string)');
  else c.string(body.id, 'id', 256);
  checkImps(c, body.imp);
  c.integer(body.tmax, 'tmax', 0, 60_000);
  c.flag(body.test, 'test');
  c.integer(body.at, 'at', 1, 3);
  c.strings(body.cur, 'cur', 50);
  if (Array.isArray(body.cur)) body.cur.forEach((x, i) => c.currency(x, `cur.${i}`));
  c.strings(body.bcat, 'bcat');
  c.integer(body.cattax, 'cattax', 0, 1000);
  c.strings(body.badv, 'badv');
  c.strings(body.bapp, 'bapp');
  const site = c.object(body.site, 'site');
  if (site !== undefined) {
    for (const key of ['id', 'name', 'domain', 'page', 'ref', 'keywords'] as const) c.string(site[key], `site.${key}`);
    for (const key of ['cat', 'pagecat', 'sectioncat', 'kwarray'] as const) c.strings(site[key], `site.${key}`);
    c.integer(site.cattax, 'site.cattax', 0, 1000);
    const publisher = c.object(site.publisher, 'site.publisher');
    c.string(publisher?.id, 'site.publisher.id', 256);
    const content = c.object(site.content, 'site.content');
    if (content !== undefined) {
      for (const key of ['title', 'keywords', 'language', 'url'] as const) c.string(content[key], `site.content.${key}`);
      c.strings(content.cat, 'site.content.cat');
      c.strings(content.kwarray, 'site.content.kwarray');
      c.integer(content.cattax, 'site.content.cattax', 0, 1000);
    }
  }
  const device = c.object(body.device, 'device');
  if (device !== undefined) {
    c.string(device.ua, 'device.ua');
    c.integer(device.devicetype, 'device.devicetype', 0, 100);
    const geo = c.object(device.geo, 'device.geo');
    c.string(geo?.country, 'device.geo.country', 3);
  }
  const user = c.object(body.user, 'user');
  if (user !== undefined) {
    for (const key of ['id', 'buyeruid'] as const) c.string(user[key], `user.${key}`, 512);
    c.string(user.consent, 'user.consent', 8192);
    const ext = c.object(user.ext, 'user.ext');
    c.string(ext?.consent, 'user.ext.consent', 8192);
  }
  const regs = c.object(body.regs, 'regs');
  if (regs !== undefined) {
    c.flag(regs.gdpr, 'regs.gdpr');
    c.flag(regs.coppa, 'regs.coppa');
    const ext = c.object(regs.ext, 'regs.ext');
    c.flag(ext?.gdpr, 'regs.ext.gdpr');
  }
  c.object(body.ext, 'ext');
  if (c.errors.length > 0) throw invalid(c.errors);
  return body as unknown as BidRequest;
}

function checkImps(c: Checker, v: unknown): void {
  if (!Array.isArray(v) || v.length === 0) return c.fail('imp', 'is required (an array of at least one Imp)');
  if (v.length > MAX_IMPS) return c.fail('imp', `must have at most ${MAX_IMPS} items`);
  const ids = new Set<string>();
  v.forEach((x, i) => {
    const path = `imp.${i}`;
    const imp = c.object(x, path);
    if (imp === undefined) return c.fail(path, 'must be an object');
    if (typeof imp.id !== 'string' || imp.id === '') c.fail(`${path}.id`, 'is required (a non-empty string)');
    else if (ids.has(imp.id)) c.fail(`${path}.id`, 'must be unique within the request');
    else ids.add(imp.id);
    c.string(imp.tagid, `${path}.tagid`, 256);
    c.number(imp.bidfloor, `${path}.bidfloor`, 0, 1e6);
    c.currency(imp.bidfloorcur, `${path}.bidfloorcur`);
    c.flag(imp.secure, `${path}.secure`);
    const banner = c.object(imp.banner, `${path}.banner`);
    if (banner !== undefined) {
      c.integer(banner.w, `${path}.banner.w`, 0, 10_000);
      c.integer(banner.h, `${path}.banner.h`, 0, 10_000);
      if (banner.format !== undefined) {
        if (!Array.isArray(banner.format)) c.fail(`${path}.banner.format`, 'must be an array of Format objects');
        else
          banner.format.forEach((f, j) => {
            const format = c.object(f, `${path}.banner.format.${j}`);
            if (format === undefined) return c.fail(`${path}.banner.format.${j}`, 'must be an object');
            c.integer(format.w, `${path}.banner.format.${j}.w`, 0, 10_000);
            c.integer(format.h, `${path}.banner.format.${j}.h`, 0, 10_000);
          });
      }
    }
    const ext = c.object(imp.ext, `${path}.ext`);
    const prebid = c.object(ext?.prebid, `${path}.ext.prebid`);
    c.object(prebid?.bidder, `${path}.ext.prebid.bidder`);
  });
}

function invalid(errors: FieldError[]): ValidationError {
  const first = errors[0]!;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return new ValidationError(`${first.path}: ${first.message}${more}`, { details: { errors } });
}
