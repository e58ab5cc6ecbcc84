import { sendBeacon } from './beacon';
import { readConsent } from './consent';
import { contentRoot, readPage } from './page';
import { loadWhenNear } from './lazy';
import { findPlacements } from './placements';
import { renderAd } from './render';
import { buildRequest, fetchAds } from './request';
import { parseAds } from './response';
import { readSettings } from './settings';
import type { Placement } from './types';
import { firstPartyId } from './user';
import { afterFrame, guard, mark, nextTask } from './util';
import { ViewabilityWatcher } from './viewability';

/** How long the tag waits for the CMP's answer before asking for ads without a user id. */
export const CONSENT_WAIT_MS = 500;
/**
 * How long the ad request may take before the tag gives up. A late ad moves nothing (its space is
 * reserved), so the tag can wait for a slow ad server a while.
 */
export const REQUEST_TIMEOUT_MS = 3000;

/** Performance marks the tag leaves, for the page's (and the benchmark's) measurements. */
export const MARKS = { start: 'tagline:start', firstAd: 'tagline:first-ad' } as const;

/**
 * One page view: read the settings, the placements (reserving their space) and the page, then ask
 * for the placements as they come near the viewport, those near together in one request; render
 * what comes back and measure it. Every failure ends quietly: a slot without an ad is marked
 * unfilled, its space given back where that moves nothing the reader sees.
 */
export async function run(script: Element | null): Promise<void> {
  const settings = readSettings(script);
  if (settings === undefined) return;
  const consentReady = readConsent(CONSENT_WAIT_MS);
  await domReady();
  await afterFrame();
  const root = contentRoot();
  const page = readPage(root);
  if (page === undefined) return;
  if (settings.categories.length > 0) page.categories = settings.categories;
  await nextTask();
  const placements = findPlacements(root);
  if (placements.length === 0) return;
  const consent = await consentReady;
  const userId = consent.userIdAllowed ? firstPartyId() : undefined;
  const watcher = new ViewabilityWatcher();
  loadWhenNear(placements, (batch) => {
    const body = buildRequest(settings.publisher, page, batch, consent, userId);
    fetchAds(settings.endpoint, body, REQUEST_TIMEOUT_MS)
      .then((answer) => show(batch, parseAds(answer, batch.map((p) => p.id)), watcher))
      .catch(() => undefined);
  });
}

let firstAdShown = false;

/** Render the ads one task each, so no single task of the tag keeps the page from responding. */
async function show(placements: Placement[], ads: ReturnType<typeof parseAds>, watcher: ViewabilityWatcher): Promise<void> {
  for (const placement of placements) {
    const ad = ads.get(placement.id);
    const shown =
      ad !== undefined &&
      renderAd(placement, ad, {
        rendered: (media) => {
          if (!firstAdShown) mark(MARKS.firstAd);
          firstAdShown = true;
          sendBeacon(ad.impressionUrl);
          watcher.watch(media, guard(() => sendBeacon(ad.viewableUrl)));
        },
        removed: (media) => watcher.unwatch(media),
      });
    if (!shown) placement.release();
    await nextTask();
  }
}

function domReady(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}
