import type { Ad, Format } from './types';
import { httpUrl } from './util';

const FORMATS: readonly string[] = ['in-image', 'in-article', 'banner'];

/**
 * The ads of an ad-decision answer that can be shown safely, keyed by slot: each must name a
 * slot that was asked for (once), have a sane size, exactly one creative (HTML or an http(s)
 * image) and http(s) beacon URLs. Anything else is dropped, so garbage renders nothing.
 */
export function parseAds(answer: unknown, slotIds: readonly string[]): Map<string, Ad> {
  const out = new Map<string, Ad>();
  const ads = isObject(answer) ? answer.ads : undefined;
  if (!Array.isArray(ads)) return out;
  for (const raw of ads.slice(0, slotIds.length)) {
    const ad = parseAd(raw);
    if (ad !== undefined && slotIds.indexOf(ad.slot) >= 0 && !out.has(ad.slot)) out.set(ad.slot, ad);
  }
  return out;
}

function parseAd(raw: unknown): Ad | undefined {
  if (!isObject(raw)) return undefined;
  const { slot, format, width, height, html } = raw;
  if (typeof slot !== 'string' || typeof format !== 'string' || FORMATS.indexOf(format) < 0) return undefined;
  if (!isSize(width) || !isSize(height)) return undefined;
  const impressionUrl = httpUrl(raw.impressionUrl);
  const viewableUrl = httpUrl(raw.viewableUrl);
  const clickUrl = httpUrl(raw.clickUrl);
  if (impressionUrl === undefined || viewableUrl === undefined || clickUrl === undefined) return undefined;
  const ad: Ad = { slot, format: format as Format, width, height, impressionUrl, viewableUrl, clickUrl };
  const imageUrl = raw.imageUrl === undefined ? undefined : httpUrl(raw.imageUrl);
  if (typeof html === 'string' && html.length > 0 && html.length <= 20_000 && raw.imageUrl === undefined) ad.html = html;
  else if (imageUrl !== undefined && html === undefined) ad.imageUrl = imageUrl;
  else return undefined;
  return ad;
}

function isSize(n: unknown): n is number {
  return typeof n === 'number' && n >= 1 && n <= 4000 && Math.floor(n) === n;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
