import { ValidationError } from '../../shared/errors';
import type { FieldError } from '../../shared/validate';
import { CATEGORY_ID, DEVICES, FORMATS, SLUG, SLUG_RULE } from '../../shared/vocabulary';
import type { AdRequest, Slot } from './contract';

export type { AdRequest, Slot } from './contract';

/** Most slots one page may ask for in one request. */
export const MAX_SLOTS = 10;

/*
 * Hand-written rather than a schema library: this is ad-decision's hot path and its cold start,
 * and a schema library costs more to load than the whole decision engine. Field errors follow
 * the same `{ path, message }` shape as shared/validate.
 */

type Obj = Record<string, unknown>;

class Checker {
  readonly errors: FieldError[] = [];

  fail(path: string, message: string): undefined {
    this.errors.push({ path, message });
    return undefined;
  }

  object(v: unknown, path: string, keys: readonly string[]): Obj | undefined {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return this.fail(path, 'must be an object');
    const o = v as Obj;
    for (const k of Object.keys(o)) if (!keys.includes(k)) this.fail(path === '' ? k : `${path}.${k}`, 'unrecognized field');
    return o;
  }

  string(v: unknown, path: string, max: number, optional: boolean, pattern?: RegExp, rule?: string): string | undefined {
    if (v === undefined) return optional ? undefined : this.fail(path, 'is required');
    if (typeof v !== 'string') return this.fail(path, 'must be a string');
    if (v.length > max) return this.fail(path, `must be at most ${max} characters`);
    if (pattern !== undefined && !pattern.test(v)) return this.fail(path, rule ?? 'has an invalid format');
    return v;
  }

  strings(v: unknown, path: string, maxItems: number, maxLength: number, pattern?: RegExp, rule?: string): string[] | undefined {
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) return this.fail(path, 'must be an array');
    if (v.length > maxItems) return this.fail(path, `must have at most ${maxItems} items`);
    const out: string[] = [];
    v.forEach((x, i) => {
      const s = this.string(x, `${path}.${i}`, maxLength, false, pattern, rule);
      if (s !== undefined) out.push(s);
    });
    return out;
  }

  integer(v: unknown, path: string, min: number, max: number): number | undefined {
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.fail(path, 'must be an integer');
    if (v < min || v > max) return this.fail(path, `must be between ${min} and ${max}`);
    return v;
  }

  oneOf<T extends string>(v: unknown, path: string, values: readonly T[], optional: boolean): T | undefined {
    if (v === undefined) return optional ? undefined : this.fail(path, 'is required');
    if (typeof v !== 'string' || !values.includes(v as T)) return this.fail(path, `must be one of ${values.join(', ')}`);
    return v as T;
  }
}

function httpUrl(c: Checker, v: unknown, path: string): string | undefined {
  const s = c.string(v, path, 2048, false);
  if (s === undefined) return undefined;
  try {
    const u = new URL(s);
    if (u.protocol === 'http:' || u.protocol === 'https:') return s;
  } catch {
    // reported below
  }
  return c.fail(path, 'must be an http(s) URL');
}

/** Validate a parsed JSON body as an ad request, or throw a 400 naming every failed field. */
export function parseAdRequest(value: unknown): AdRequest {
  const c = new Checker();
  const body = c.object(value, '', ['publisher', 'page', 'slots', 'user', 'device', 'consent']);
  if (body === undefined) throw invalid(c);
  const publisher = c.string(body.publisher, 'publisher', 64, false, SLUG, SLUG_RULE);
  const page = parsePage(c, body.page);
  const slots = parseSlots(c, body.slots);
  const request = { publisher, page, slots } as AdRequest;
  if (body.user !== undefined) {
    const user = c.object(body.user, 'user', ['id']);
    const id = c.string(user?.id, 'user.id', 128, true);
    if (id === '') c.fail('user.id', 'must not be empty');
    request.user = id === undefined ? {} : { id };
  }
  if (body.device !== undefined) {
    const device = c.object(body.device, 'device', ['type']);
    const type = c.oneOf(device?.type, 'device.type', DEVICES, true);
    request.device = type === undefined ? {} : { type };
  }
  if (body.consent !== undefined) {
    const consent = c.object(body.consent, 'consent', ['gdpr', 'tcString']);
    const out: AdRequest['consent'] = {};
    if (consent?.gdpr !== undefined) {
      if (typeof consent.gdpr === 'boolean') out.gdpr = consent.gdpr;
      else c.fail('consent.gdpr', 'must be a boolean');
    }
    const tc = c.string(consent?.tcString, 'consent.tcString', 4096, true);
    if (tc !== undefined) out.tcString = tc;
    request.consent = out;
  }
  if (c.errors.length > 0) throw invalid(c);
  return request;
}

function parsePage(c: Checker, v: unknown): AdRequest['page'] {
  const page = c.object(v, 'page', ['url', 'title', 'description', 'text', 'keywords', 'lang', 'categories', 'imageAlts']);
  const out = { url: httpUrl(c, page?.url, 'page.url') } as AdRequest['page'];
  if (page === undefined) return out;
  const optional: [keyof AdRequest['page'], number][] = [['title', 512], ['description', 1024], ['text', 8192], ['lang', 16]];
  for (const [key, max] of optional) {
    const s = c.string(page[key], `page.${key}`, max, true);
    if (s !== undefined) (out as Record<string, unknown>)[key] = s;
  }
  const keywords = c.strings(page.keywords, 'page.keywords', 50, 64);
  if (keywords !== undefined) out.keywords = keywords;
  const categories = c.strings(page.categories, 'page.categories', 50, 8, CATEGORY_ID, 'must be an IAB Content Taxonomy 3.1 id');
  if (categories !== undefined) out.categories = categories;
  const alts = c.strings(page.imageAlts, 'page.imageAlts', 50, 256);
  if (alts !== undefined) out.imageAlts = alts;
  return out;
}

function parseSlots(c: Checker, v: unknown): Slot[] {
  if (!Array.isArray(v)) return c.fail('slots', 'must be an array') ?? [];
  if (v.length < 1 || v.length > MAX_SLOTS) return c.fail('slots', `must have between 1 and ${MAX_SLOTS} slots`) ?? [];
  const slots: Slot[] = [];
  v.forEach((x, i) => {
    const path = `slots.${i}`;
    const slot = c.object(x, path, ['id', 'format', 'width', 'height']);
    if (slot === undefined) return;
    const id = c.string(slot.id, `${path}.id`, 64, false);
    if (id === '') c.fail(`${path}.id`, 'must not be empty');
    const format = c.oneOf(slot.format, `${path}.format`, FORMATS, false);
    const width = c.integer(slot.width, `${path}.width`, 1, 4000);
    const height = c.integer(slot.height, `${path}.height`, 1, 4000);
    if (id !== undefined && format !== undefined && width !== undefined && height !== undefined) slots.push({ id, format, width, height });
  });
  if (new Set(slots.map((s) => s.id)).size !== slots.length) c.fail('slots', 'slot ids must be unique');
  return slots;
}

function invalid(c: Checker): ValidationError {
  const first = c.errors[0] ?? { path: 'body', message: 'must be an object' };
  const more = c.errors.length > 1 ? ` (and ${c.errors.length - 1} more)` : '';
  return new ValidationError(`${first.path}: ${first.message}${more}`, { details: { errors: c.errors.length > 0 ? c.errors : [first] } });
}
