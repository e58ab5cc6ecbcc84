/**
 * The demo site's Prebid.js page in real headless Chromium on the seeded platform: Tagline and the
 * rival bidder compete per ad unit, and each unit shows its winner.
 */
import test from 'ava';
import type { Page } from 'playwright-core';
import { chromiumMissing, delay, launchChromium, newReader, startDemoPlatform } from '../kit/widget';

const missing = chromiumMissing();

/** Whether Tagline's markup shows in one of the page's frames (rendering is asynchronous: poll a few seconds). */
async function creativeShown(page: Page): Promise<boolean> {
  for (let i = 0; i < 20; i++) {
    for (const frame of page.frames()) if ((await frame.$('#tagline-ad img').catch(() => null)) !== null) return true;
    await delay(250);
  }
  return false;
}
const browserTest = missing === undefined ? test : test.skip;

browserTest(missing === undefined ? 'the Prebid demo page: Tagline wins the sidebar over the rival, the rival wins the leaderboard' : `the Prebid demo page (skipped: ${missing})`, async (t) => {
  const demo = await startDemoPlatform();
  t.teardown(() => demo.close());
  const browser = await launchChromium();
  t.teardown(() => browser.close());
  // The first auction may race ad-decision's cold start against Prebid's timeout: reload until it answers.
  const deadline = Date.now() + 60_000;
  let winners: Record<string, string | undefined> = {};
  let shown = false;
  while (Date.now() < deadline) {
    const context = await newReader(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${demo.platform.url}/_/demo/prebid.html`);
      await page.waitForFunction("document.getElementById('sidebar-bids').children.length > 0", undefined, { timeout: 15_000 });
      winners = await page.evaluate<Record<string, string | undefined>>('window.winners');
      const bidders = await page.evaluate<string[]>(`pbjs.getBidResponsesForAdUnitCode('sidebar').bids.map((b) => b.bidderCode)`);
      shown = await creativeShown(page);
      if (bidders.includes('tagline')) break;
    } finally {
      await context.close();
    }
  }
  t.deepEqual(winners, { sidebar: 'tagline', leaderboard: 'rival' });
  t.true(shown, 'Tagline’s creative is rendered in the sidebar');
});
