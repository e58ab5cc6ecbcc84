import type { AdRequest } from '../functions/ad-decision/contract';

/** The page facts of the ad request (`page` in the ad-decision contract). */
export type PageInfo = AdRequest['page'];

/** How much article text goes with the request: enough to classify a page. */
export const TEXT_CHARS = 4096;
const MAX_NODES = 5000;
const SKIP = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|IFRAME|SVG|CANVAS|BUTTON|SELECT|TEXTAREA|NAV|FORM)$/;

/** The element holding the article: `<article>`, else `<main>` or `[role=main]`, else the body. */
export function contentRoot(): Element {
  return document.querySelector('article') ?? document.querySelector('main, [role="main"]') ?? document.body;
}

/** What the page is about, within the contract's limits; undefined on a non-http(s) page. */
export function readPage(root: Element): PageInfo | undefined {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return undefined;
  const info: PageInfo = { url: location.href.length <= 2048 ? location.href : (location.origin + location.pathname).slice(0, 2048) };
  const title = clean(document.title, 512);
  if (title) info.title = title;
  const description = clean(meta('name="description"') ?? meta('property="og:description"'), 1024);
  if (description) info.description = description;
  const keywords = readKeywords();
  if (keywords.length > 0) info.keywords = keywords;
  const lang = clean(document.documentElement.lang, 16);
  if (lang) info.lang = lang;
  const text = articleText(root, TEXT_CHARS);
  if (text) info.text = text;
  const alts = imageAlts(root);
  if (alts.length > 0) info.imageAlts = alts;
  return info;
}

/**
 * The first `limit` characters of visible-ish text under `root`, walking at most MAX_NODES
 * nodes so a huge DOM costs no more than a small one.
 */
export function articleText(root: Element, limit: number): string {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.TEXT_NODE
        ? NodeFilter.FILTER_ACCEPT
        : SKIP.test(node.nodeName.toUpperCase()) || (node as Element).hasAttribute('data-tagline-ad') || (node as Element).hasAttribute('data-tagline-slot')
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP,
  });
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; i < MAX_NODES && length < limit; i++) {
    const node = walker.nextNode();
    if (node === null) break;
    const text = (node.nodeValue ?? '').replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    parts.push(text);
    length += text.length + 1;
  }
  return parts.join(' ').slice(0, limit);
}

function readKeywords(): string[] {
  const raw = [meta('name="keywords"') ?? ''];
  document.querySelectorAll('meta[property="article:tag"]').forEach((m) => raw.push(m.getAttribute('content') ?? ''));
  const out: string[] = [];
  for (const k of raw.join(',').split(',')) {
    const word = clean(k, 64);
    if (word && out.indexOf(word) < 0 && out.length < 50) out.push(word);
  }
  return out;
}

function imageAlts(root: Element): string[] {
  const out: string[] = [];
  const images = root.getElementsByTagName('img');
  for (let i = 0; i < images.length && out.length < 20; i++) {
    const alt = clean(images[i]!.getAttribute('alt'), 256);
    if (alt) out.push(alt);
  }
  return out;
}

function meta(selector: string): string | null {
  return document.querySelector(`meta[${selector}]`)?.getAttribute('content') ?? null;
}

function clean(value: string | null | undefined, max: number): string {
  return (value ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
}
