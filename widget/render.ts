import { createCreative } from './creative';
import type { Ad, Placement } from './types';
import { el, guard } from './util';

/** What the tag does when a creative has rendered or is taken away. */
export interface RenderEvents {
  /** The creative has loaded: count the impression, start measuring `media`. */
  rendered: (media: Element) => void;
  /** The reader closed the ad, or it could not load: stop measuring `media`. */
  removed: (media: Element) => void;
}

const STYLE =
  ':host{all:initial;display:block}' +
  '.b{position:relative;overflow:hidden;margin:0 auto;max-width:100%;background:#fff}' +
  'img,iframe{display:block;border:0;margin:0;padding:0}' +
  '.k{position:absolute;top:0;left:0;right:0;bottom:0}' +
  '.l{position:absolute;top:0;left:0;padding:0 4px;font:10px/14px Arial,sans-serif;color:#333;background:rgba(255,255,255,.85);pointer-events:none}' +
  '.x{position:absolute;top:0;right:0;width:20px;height:20px;padding:0;border:0;background:rgba(0,0,0,.6);color:#fff;font:16px/20px Arial,sans-serif;cursor:pointer}';

/**
 * Show `ad` in its placement: in the space reserved in the publisher's slot, or over the lower
 * part of the image for in-image. Returns false (nothing shown) when the ad does not fit the
 * placement. Nothing around the ad moves: the space keeps its reserved height, the overlay is out
 * of the flow.
 */
export function renderAd(placement: Placement, ad: Ad, events: RenderEvents): boolean {
  if (ad.format !== placement.format || ad.width > placement.width || ad.height > placement.height) return false;
  const creative = createCreative(ad);
  const host = placement.space ?? el('div', { 'data-tagline-placement': placement.id });
  host.setAttribute('data-tagline-ad', ad.format);
  const box = el('div', { class: 'b' }, ...creative.nodes, el('span', { class: 'l' }, document.createTextNode('Ad')));
  box.style.width = `${ad.width}px`;
  box.style.height = `${ad.height}px`;
  const root = typeof host.attachShadow === 'function' ? host.attachShadow({ mode: 'open' }) : host;
  root.appendChild(el('style', {}, document.createTextNode(STYLE)));
  root.appendChild(box);

  let stopPlacing = (): void => undefined;
  let removed = false;
  const remove = (): void => {
    removed = true;
    stopPlacing();
    if (placement.space === undefined) host.parentNode?.removeChild(host);
    else {
      while (root.firstChild !== null) root.removeChild(root.firstChild);
      host.removeAttribute('data-tagline-ad');
    }
    events.removed(creative.media);
  };
  let loaded = false;
  creative.media.addEventListener('load', guard(() => {
    // A detached image still loads: an ad closed before it rendered was never seen.
    if (loaded || removed) return;
    loaded = true;
    events.rendered(creative.media);
  }));
  creative.media.addEventListener('error', guard(() => {
    remove();
    placement.release();
  }));

  if (placement.space === undefined) {
    box.appendChild(closeButton(remove));
    stopPlacing = overlay(placement.target, host, ad);
  } else {
    placement.target.setAttribute('data-tagline-state', 'filled');
  }
  return true;
}

function closeButton(close: () => void): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'x', 'aria-label': 'Close ad', title: 'Close ad' }, document.createTextNode('\u00d7'));
  button.addEventListener('click', guard((event: Event) => {
    event.preventDefault();
    event.stopPropagation();
    close();
  }));
  return button;
}

/**
 * Put `host` after the image, absolutely positioned over its lower edge, centred, and keep it
 * there when the image or the page around it changes size. Positions come from the two boxes'
 * difference, so whatever element positions the host, it lands on the image.
 */
function overlay(img: HTMLElement, host: HTMLElement, ad: Ad): () => void {
  const anchor = img.parentElement !== null && img.parentElement.tagName === 'PICTURE' ? img.parentElement : img;
  host.style.cssText = `position:absolute;z-index:1;left:0;top:0;width:${ad.width}px;height:${ad.height}px;margin:0;padding:0`;
  anchor.insertAdjacentElement('afterend', host);
  let left = 0;
  let top = 0;
  const place = guard(() => {
    const image = img.getBoundingClientRect();
    // An image shrunk below the ad hides it (display:none, so it is not measured as seen).
    if (image.width < ad.width || image.height < ad.height) {
      host.style.display = 'none';
      return;
    }
    host.style.display = 'block';
    const own = host.getBoundingClientRect();
    left += image.left + (image.width - ad.width) / 2 - own.left;
    top += image.bottom - ad.height - own.top;
    host.style.left = `${Math.round(left)}px`;
    host.style.top = `${Math.round(top)}px`;
  });
  // Placed before the browser paints it: an overlay first drawn elsewhere and then moved onto
  // the image is a layout shift.
  place();
  const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(place) : undefined;
  resize?.observe(img);
  resize?.observe(document.body);
  window.addEventListener('resize', place);
  return () => {
    resize?.disconnect();
    window.removeEventListener('resize', place);
  };
}
