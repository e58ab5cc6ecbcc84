import type { Format, Placement } from './types';
import { el, guard } from './util';

/** Most slots one request may carry (the ad-decision contract's limit). */
export const MAX_SLOTS = 10;
/** Most in-image ads on one page: a photo story should not turn into a billboard. */
export const MAX_IN_IMAGE = 4;
/** Smallest rendered image that gets an in-image ad. */
export const MIN_IMAGE = { width: 300, height: 200 };
/** The share of an image's height an in-image ad may cover, along its lower edge. */
export const IN_IMAGE_SHARE = 1 / 3;

const DEFAULT_SIZE: Record<'in-article' | 'banner', [number, number]> = { 'in-article': [300, 250], banner: [728, 90] };

interface Found {
  format: Format;
  target: HTMLElement;
  width: number;
  height: number;
  id: string | null;
}

/**
 * The placements of the page: the publisher's `[data-tagline-slot]` elements (in-article or
 * banner) and large images of the article for in-image ads, in document order, since the slot
 * order is the order ad-decision fills them in and the top of the page is seen most.
 *
 * Each slot gets its space (an element of the declared height) before any ad is asked for. A
 * space that would move what the reader sees, because the slot is in or above the viewport and
 * the publisher did not reserve its height, is taken out again in the same task (nothing is
 * painted in between) and put in once the slot is out of view below. All layout is read first
 * and written after, so the page is laid out once or twice, whatever the number of slots.
 */
export function findPlacements(root: Element): Placement[] {
  const found = declaredSlots().concat(imageCandidates(root)).slice(0, MAX_SLOTS);
  found.sort((a, b) => (a.target.compareDocumentPosition(b.target) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const placements = name(found).map(toPlacement);
  const slots = placements.filter((p) => p.space !== undefined);
  const before = slots.map((p) => p.target.getBoundingClientRect().height);
  slots.forEach((p) => p.target.appendChild(p.space!));
  const seen = slots.filter((p, i) => Math.abs(p.target.getBoundingClientRect().height - before[i]!) >= 0.5 && !belowView(p.space!));
  for (const p of slots) {
    if (seen.indexOf(p) < 0) continue;
    p.target.removeChild(p.space!);
    p.ready = new Promise((resolve) => whenBelowView(p.target, () => {
      p.target.appendChild(p.space!);
      resolve();
    }));
  }
  return placements;
}

function declaredSlots(): Found[] {
  const out: Found[] = [];
  document.querySelectorAll('[data-tagline-slot]').forEach((node) => {
    if (!(node instanceof HTMLElement) || node.hasAttribute('data-tagline-state')) return;
    const value = node.getAttribute('data-tagline-slot') || 'in-article';
    if (value !== 'in-article' && value !== 'banner') return;
    const box = node.getBoundingClientRect();
    const [defaultWidth, defaultHeight] = DEFAULT_SIZE[value];
    let width = dimension(node.getAttribute('data-width')) ?? (Math.floor(box.width) || defaultWidth);
    if (box.width >= 1) width = Math.min(width, Math.floor(box.width));
    const height = dimension(node.getAttribute('data-height')) ?? (Math.floor(box.height) || defaultHeight);
    out.push({ format: value, target: node, width, height, id: node.id });
  });
  return out;
}

function imageCandidates(root: Element): Found[] {
  const out: Found[] = [];
  const images = root.getElementsByTagName('img');
  for (let i = 0; i < images.length && out.length < MAX_IN_IMAGE; i++) {
    const img = images[i]!;
    if (img.closest('a[href], [data-tagline-ad], [data-tagline-slot], [data-tagline-skip]') !== null) continue;
    const box = img.getBoundingClientRect();
    if (box.width < MIN_IMAGE.width || box.height < MIN_IMAGE.height) continue;
    out.push({ format: 'in-image', target: img, width: Math.min(4000, Math.floor(box.width)), height: Math.floor(box.height * IN_IMAGE_SHARE), id: null });
  }
  return out;
}

/** Give every placement a unique id: the element's own id when it is short, else format-n. */
function name(found: Found[]): (Found & { id: string })[] {
  const used: Record<string, true> = {};
  return found.map((f, n) => {
    let id = f.id !== null && f.id.length > 0 && f.id.length <= 64 ? f.id : `${f.format}-${n + 1}`;
    if (used[id]) id = `${f.format}-${n + 1}-${Math.random().toString(36).slice(2, 8)}`;
    used[id] = true;
    return { ...f, id };
  });
}

function toPlacement(f: Found & { id: string }): Placement {
  if (f.format === 'in-image') return { ...f, space: undefined, ready: Promise.resolve(), release: () => undefined };
  f.target.setAttribute('data-tagline-state', 'pending');
  const space = el('div', { 'data-tagline-space': f.format, 'data-tagline-placement': f.id });
  space.style.cssText = `display:block;width:${f.width}px;max-width:100%;height:${f.height}px;margin:0 auto;padding:0;border:0`;
  return {
    ...f,
    space,
    ready: Promise.resolve(),
    release: () => {
      f.target.setAttribute('data-tagline-state', 'unfilled');
      whenBelowView(space, () => space.parentNode?.removeChild(space));
    },
  };
}

/**
 * Run `fn` once `node` is wholly below the viewport, where a change of its height moves nothing
 * the reader can see: now, or when the reader scrolls it out of view downwards (never if the
 * browser has no IntersectionObserver). A node above the viewport waits too: resizing it would
 * move everything in view.
 */
export function whenBelowView(node: Element, fn: () => void): void {
  if (belowView(node)) return fn();
  if (typeof IntersectionObserver !== 'function') return;
  const observer = new IntersectionObserver(guard(() => {
    if (!belowView(node)) return;
    observer.disconnect();
    fn();
  }));
  observer.observe(node);
}

function belowView(node: Element): boolean {
  return node.getBoundingClientRect().top >= window.innerHeight;
}

function dimension(value: string | null): number | undefined {
  const n = value === null ? NaN : parseInt(value, 10);
  return n >= 1 && n <= 4000 ? n : undefined;
}
