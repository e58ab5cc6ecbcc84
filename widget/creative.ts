import type { Ad } from './types';
import { el } from './util';

/** HTML creatives get no scripts, no same-origin access, no top navigation: popups only. */
export const SANDBOX = 'allow-popups allow-popups-to-escape-sandbox';
const REL = 'noopener sponsored';

/** A rendered creative: the element to measure, and what to insert in the ad's box. */
export interface Creative {
  /** The element whose `load` means rendered and whose pixels are measured. */
  media: HTMLImageElement | HTMLIFrameElement;
  nodes: Node[];
}

/**
 * The creative of `ad`: an image inside a link to the click URL, or the HTML inside a sandboxed
 * `srcdoc` iframe under a transparent link to the click URL. The HTML is never parsed into the
 * publisher's page.
 */
export function createCreative(ad: Ad): Creative {
  const size = { width: String(ad.width), height: String(ad.height) };
  if (ad.imageUrl !== undefined) {
    const img = el('img', { ...size, src: ad.imageUrl, alt: 'Advertisement', decoding: 'async' });
    return { media: img, nodes: [el('a', { href: ad.clickUrl, target: '_blank', rel: REL }, img)] };
  }
  const frame = el('iframe', { ...size, sandbox: SANDBOX, title: 'Advertisement', scrolling: 'no', referrerpolicy: 'no-referrer' });
  frame.srcdoc = creativeDocument(ad.html ?? '', ad.clickUrl);
  const cover = el('a', { href: ad.clickUrl, target: '_blank', rel: REL, class: 'k', 'aria-label': 'Advertisement' });
  return { media: frame, nodes: [frame, cover] };
}

/**
 * The iframe document of an HTML creative: parsed in an inert document (no scripts run, nothing
 * loads), every link pointed at the click URL in a new tab, so a click inside the creative is
 * counted like a click on the cover.
 */
export function creativeDocument(html: string, clickUrl: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('a[href], area[href]').forEach((link) => {
    link.setAttribute('href', clickUrl);
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', REL);
  });
  // The creative's own <base> or refresh would take its links or the frame elsewhere.
  doc.querySelectorAll('base, meta[http-equiv]').forEach((node) => node.parentNode?.removeChild(node));
  const base = doc.createElement('base');
  base.setAttribute('target', '_blank');
  const style = doc.createElement('style');
  style.textContent = 'html,body{margin:0;padding:0;overflow:hidden}';
  doc.head.insertBefore(style, doc.head.firstChild);
  doc.head.insertBefore(base, doc.head.firstChild);
  return `<!doctype html>${doc.documentElement.outerHTML}`;
}
