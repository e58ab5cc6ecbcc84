import type { PageClassifiedData, PageObservedData } from '../../shared/events';
import { normalisePageUrl, pageHash } from '../../shared/page';
import type { PageContext } from './engine';
import type { AdRequest } from './request';
import { BoundedCache } from '../../shared/bounded-cache';

export interface PageIdentity {
  canonical: string;
  hash: string;
  /** The page's words for keyword targeting, computed on first need. */
  words?: Set<string>;
}

const identities = new BoundedCache<string, PageIdentity>(20_000);

/**
 * Canonical URL, hash and words of a page, memoised by URL and content size: the same pages are
 * asked about again and again, and tokenising 4 KB of text is most of a decision's cost.
 */
export function pageIdentity(request: AdRequest): PageIdentity {
  const { page } = request;
  const key = `${page.url}\n${page.title?.length ?? 0}:${page.text?.length ?? 0}:${page.keywords?.length ?? 0}`;
  let id = identities.get(key);
  if (id === undefined) {
    const canonical = normalisePageUrl(page.url) ?? page.url;
    id = { canonical, hash: pageHash(canonical) };
    identities.set(key, id);
  }
  return id;
}

/** The page as the engine sees it: declared and classified categories, risk, words. */
export function pageContext(request: AdRequest, classification: PageClassifiedData | undefined, identity: PageIdentity): PageContext {
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

/** The `page.observed` data announcing a page the store has no classification for. */
export function observedData(request: AdRequest, canonical: string, hash: string): PageObservedData {
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
