import { createHash } from 'node:crypto';

/** Query parameters that identify a visit, not a page. */
const TRACKING_PARAMS = /^(utm_|fbclid$|gclid$|dclid$|msclkid$|mc_|_ga$|ref$|ref_src$)/;

/**
 * The canonical form of a page URL, so the same article read through different links is one
 * page: lowercase host, no fragment, no default port, no tracking parameters, sorted query,
 * no trailing slash. Returns undefined for anything that is not an http(s) URL.
 */
export function normalisePageUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  const kept = [...url.searchParams].filter(([k]) => !TRACKING_PARAMS.test(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  let out = url.toString();
  if (url.pathname.length > 1 && url.search === '' && out.endsWith('/')) out = out.slice(0, -1);
  return out;
}

/** The id of a page in the store and in `page.*` events: 32 hex chars of SHA-256 of its canonical URL. */
export function pageHash(canonicalUrl: string): string {
  return createHash('sha256').update(canonicalUrl).digest('hex').slice(0, 32);
}

/** Store key of a page's classification. */
export function pageKey(hash: string): string {
  return `page:${hash}`;
}
