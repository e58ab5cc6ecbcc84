import { httpUrl } from './util';

/** What the script tag says: who the publisher is and where to ask for ads. */
export interface Settings {
  publisher: string;
  /** `POST` URL of the ad request: `data-endpoint`, else `v1/ads` beside the script. */
  endpoint: string;
  /** IAB Content Taxonomy 3.1 ids the publisher gives the page (`data-categories`, comma-separated). */
  categories: string[];
}

const CATEGORY = /^[A-Za-z0-9]{1,8}$/;

/**
 * The tag's settings from its own `<script>` element, or undefined when it has none usable
 * (no publisher, or no http(s) endpoint).
 */
export function readSettings(script: Element | null): Settings | undefined {
  const tag = script instanceof HTMLScriptElement ? script : document.querySelector('script[data-publisher][src*="tagline"]');
  if (!(tag instanceof HTMLScriptElement)) return undefined;
  const publisher = (tag.getAttribute('data-publisher') ?? '').trim();
  if (publisher === '' || publisher.length > 64) return undefined;
  const explicit = tag.getAttribute('data-endpoint');
  const endpoint = explicit !== null ? httpUrl(resolve(explicit, document.baseURI)) : httpUrl(resolve('v1/ads', tag.src));
  if (endpoint === undefined) return undefined;
  const categories = (tag.getAttribute('data-categories') ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter((c) => CATEGORY.test(c))
    .slice(0, 50);
  return { publisher, endpoint, categories };
}

function resolve(relative: string, base: string): string | undefined {
  try {
    return new URL(relative, base).href;
  } catch {
    return undefined;
  }
}
