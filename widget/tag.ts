import { sendBeacon } from './beacon';
import { readConsent } from './consent';
import { contentRoot, readPage } from './page';
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
/** How long the ad request may take before the tag gives up and leaves the page as it is. */
export const REQUEST_TIMEOUT_MS = 1500;

/** Performance marks the tag leaves, for the page's (and the benchmark's) measurements. */
export const MARKS = { start: 'tagline:start', firstAd: 'tagline:first-ad' } as const;

/**
 * One page view: read the settings, the placements and the page, ask once for every placement,
 * render what came back and measure it. Every failure ends quietly with the page untouched
 * (reserved space given back).
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
  const placements = findPlacements(root);
  if (placements.length === 0) return;
  const consent = await consentReady;
  const body = buildRequest(settings.publisher, page, placements, consent, consent.userIdAllowed ? firstPartyId() : undefined);
  const answer = await fetchAds(settings.endpoint, body, REQUEST_TIMEOUT_MS);
  await show(placements, parseAds(answer, placements.map((p) => p.id)));
}

/** Render the ads one task each, so no single task of the tag keeps the page from responding. */
async function show(placements: Placement[], ads: ReturnType<typeof parseAds>): Promise<void> {
  const watcher = new ViewabilityWatcher();
  let first = true;
  for (const placement of placements) {
    const ad = ads.get(placement.id);
    const shown =
      ad !== undefined &&
      renderAd(placement, ad, {
        rendered: (media) => {
          if (first) mark(MARKS.firstAd);
          first = false;
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
