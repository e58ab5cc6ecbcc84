import type { Format, Placement } from './types';

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
  /** Height to reserve in the page before the ad comes (0: nothing to reserve). */
  reserve: number;
  id: string | null;
}

/**
 * The placements of the page: the publisher's `[data-tagline-slot]` elements (in-article or
 * banner) and large images of the article for in-image ads, in document order, since the slot
 * order is the order ad-decision fills them in and the top of the page is seen most. All layout
 * is read first and the reserved heights are written after, so the page is laid out once.
 */
export function findPlacements(root: Element): Placement[] {
  const found = declaredSlots().concat(imageCandidates(root)).slice(0, MAX_SLOTS);
  found.sort((a, b) => (a.target.compareDocumentPosition(b.target) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return name(found).map(reserve);
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
    out.push({ format: value, target: node, width, height, reserve: box.height < height ? height : 0, id: node.id });
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
    out.push({ format: 'in-image', target: img, width: Math.min(4000, Math.floor(box.width)), height: Math.floor(box.height * IN_IMAGE_SHARE), reserve: 0, id: null });
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

function reserve(f: Found & { id: string }): Placement {
  const style = f.target.style;
  const before = style.minHeight;
  if (f.format !== 'in-image') f.target.setAttribute('data-tagline-state', 'pending');
  if (f.reserve > 0) style.minHeight = `${f.reserve}px`;
  return {
    id: f.id,
    format: f.format,
    width: f.width,
    height: f.height,
    target: f.target,
    release: () => {
      if (f.reserve > 0) style.minHeight = before;
      if (f.format !== 'in-image') f.target.setAttribute('data-tagline-state', 'unfilled');
    },
  };
}

function dimension(value: string | null): number | undefined {
  const n = value === null ? NaN : parseInt(value, 10);
  return n >= 1 && n <= 4000 ? n : undefined;
}
