/**
 * Stock Prebid.js from npm, with its stock prebidServerBidAdapter, in real headless Chromium,
 * against the local platform: Tagline is the `tagline` bidder of a Prebid Server config pointing
 * at ad-decision's `/openrtb2/auction`, competing with the platform's rival Prebid Server bidder.
 */
import test from 'ava';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { prebidBanner, TC_CONSENT, TC_NO_CONSENT } from '../../functions/ad-decision/openrtb/iab-examples';
import { campaignInput, E2E_PUBLISHER, startEventPathPlatform, type EventPathPlatform } from '../kit/event-path-platform';
import { auctionBids, prebidPage, renderAgain, renderWinner, type PrebidBid, type PrebidPageOptions } from '../kit/prebid';
import { chromiumMissing, delay, launchChromium, newReader, startServer, type Server } from '../kit/widget';

const missing = chromiumMissing();
const browserTest = missing === undefined ? test.serial : test.skip;
const title = (name: string): string => (missing === undefined ? name : `${name} (skipped: ${missing})`);

let e2e: EventPathPlatform;
let site: Server;
let browser: Browser;
let campaign: string;
const pages = new Map<string, string>();

test.before(async () => {
  if (missing !== undefined) return;
  e2e = await startEventPathPlatform();
  const creative = { id: 'tagline-300x250', format: 'banner', width: 300, height: 250, imageUrl: `${e2e.platform.url}/_/creatives/trail-300x250.svg`, landingUrl: 'https://shop.example/landing' };
  campaign = await e2e.createCampaign(campaignInput('prebid', { model: 'cpm', amount: 2 }, { pricing: { model: 'cpm', amount: 2, currency: 'USD' }, creatives: [creative] }));
  site = await startServer((req, res) => {
    const html = pages.get(req.url ?? '');
    res.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  browser = await launchChromium();
  await warmUp();
});

/** Until ad-decision has started (a cold start) and loaded the campaign, Prebid's timeout would beat it. */
async function warmUp(): Promise<void> {
  const body = JSON.stringify(prebidBanner([{ id: 'warm-up', params: { publisher: E2E_PUBLISHER.id } }]));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${e2e.platform.url}/ad-decision/openrtb2/auction`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body }).catch(() => undefined);
    const answer = res?.status === 200 ? ((await res.json()) as { seatbid?: unknown[] }) : undefined;
    if ((answer?.seatbid?.length ?? 0) > 0) return;
    await delay(250);
  }
  throw new Error('ad-decision never bid on the warm-up request');
}

test.after.always(async () => {
  await browser?.close();
  await site?.close();
  await e2e?.close();
});

interface View {
  page: Page;
  context: BrowserContext;
  bids: PrebidBid[];
  /** Every request to track from the reader's browser, with when it was sent. */
  beacons: { url: string; at: number }[];
}

let n = 0;

/** A reader opens a publisher page with `options` and its Prebid auction completes. */
async function view(options: Omit<PrebidPageOptions, 'platform' | 'publisher'>): Promise<View> {
  const path = `/article-${++n}`;
  pages.set(path, prebidPage({ platform: e2e.platform.url, publisher: E2E_PUBLISHER.id, ...options }));
  const context = await newReader(browser);
  const beacons: View['beacons'] = [];
  context.on('request', (req) => {
    if (req.url().includes('/track/')) beacons.push({ url: req.url(), at: Date.now() });
  });
  const page = await context.newPage();
  await page.goto(`${site.url}${path}`);
  const bids = await auctionBids(page);
  return { page, context, bids, beacons };
}

const tagline = (v: View) => v.bids.find((b) => b.bidderCode === 'tagline');
const sent = (v: View, url: string) => v.beacons.filter((b) => b.url === url).length;

/** The claims of a beacon URL's token (read, not verified: track verifies). */
function claimsOf(url: string): Record<string, unknown> {
  const token = new URL(url).searchParams.get('t') ?? '';
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

/**
 * The campaign's impressions in the report once it counts at least `atLeast` and has then stopped
 * moving for a while (beacons still travelling through track, the Broker and report land first).
 */
async function settledImpressions(atLeast = 0): Promise<number> {
  const reached = Date.now() + 30_000;
  let last = (await e2e.report(campaign))?.impressions ?? 0;
  while (last < atLeast && Date.now() < reached) {
    await delay(250);
    last = (await e2e.report(campaign))?.impressions ?? 0;
  }
  let since = Date.now();
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && Date.now() - since < 2000) {
    await delay(250);
    const now = (await e2e.report(campaign))?.impressions ?? 0;
    if (now !== last) {
      last = now;
      since = Date.now();
    }
  }
  return last;
}

async function waitFor(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(25);
  }
}

/** Whether Tagline's markup is showing in the ad iframe (Prebid renders it in a frame of its own inside). */
async function taglineShown(page: Page): Promise<boolean> {
  for (const frame of page.frames()) if ((await frame.$('#tagline-ad img').catch(() => null)) !== null) return true;
  return false;
}

browserTest(title('Tagline wins over a lower bid, renders with pbjs.renderAd, and is billed once despite burl, pixel and a second render'), async (t) => {
  const before = await settledImpressions();
  const v = await view({ rivalCpm: 1 });
  t.teardown(() => v.context.close());
  const bid = tagline(v);
  t.like(bid, { cpm: 2, currency: 'USD', width: 300, height: 250, creativeId: 'tagline-300x250' });
  t.deepEqual(bid?.meta?.advertiserDomains, ['shop.example']);
  t.true(v.bids.some((b) => b.bidderCode === 'rival' && b.cpm === 1));
  t.is(await renderWinner(v.page), 'tagline');
  await waitFor('burl and the impression pixel', () => sent(v, bid!.burl!) >= 2);
  t.true(await taglineShown(v.page), 'the creative is in the ad iframe');
  await renderAgain(v.page, bid!.adId);
  await waitFor('the second render’s pixel', () => sent(v, bid!.burl!) >= 3);
  t.is((await settledImpressions(before + 1)) - before, 1, 'one impression in /v1/reports');
});

browserTest(title('Tagline loses to a higher bid: the rival renders and Tagline is never billed'), async (t) => {
  const before = await settledImpressions();
  const v = await view({ rivalCpm: 10 });
  t.teardown(() => v.context.close());
  const bid = tagline(v);
  t.truthy(bid, 'Tagline bid');
  t.is(await renderWinner(v.page), 'rival');
  await delay(1500);
  t.is(sent(v, bid!.burl!), 0, 'neither burl nor the pixel of the losing bid is fired');
  t.is(await settledImpressions(), before);
});

browserTest(title('no Tagline bid under a floor'), async (t) => {
  const under = await view({ ortb2Imp: { bidfloor: 2.5, bidfloorcur: 'USD' } });
  t.teardown(() => under.context.close());
  t.is(tagline(under), undefined);
  const over = await view({ ortb2Imp: { bidfloor: 1.5, bidfloorcur: 'USD' } });
  t.teardown(() => over.context.close());
  t.is(tagline(over)?.cpm, 2, 'a lower floor is met');
});

browserTest(title('a blocked advertiser domain (badv) gets no Tagline bid'), async (t) => {
  const v = await view({ ortb2: { badv: ['shop.example'] } });
  t.teardown(() => v.context.close());
  t.is(tagline(v), undefined);
});

browserTest(title('a TCF string without consent gets a contextual bid with no user id in its token'), async (t) => {
  const denied = await view({ tcString: TC_NO_CONSENT, ortb2: { user: { id: 'reader-7' } } });
  t.teardown(() => denied.context.close());
  const bid = tagline(denied);
  t.truthy(bid, 'still a bid');
  t.is(claimsOf(bid!.burl!).u, undefined);
  const granted = await view({ tcString: TC_CONSENT, ortb2: { user: { id: 'reader-7' } } });
  t.teardown(() => granted.context.close());
  t.is(claimsOf(tagline(granted)!.burl!).u, 'reader-7', 'with purposes 1 and 4 the id is used');
});

browserTest(title('the viewable beacon fires after a second in view, and not for an ad below the fold'), async (t) => {
  const inView = await view({});
  t.teardown(() => inView.context.close());
  const bid = tagline(inView)!;
  // Timed from before the render is asked for: the markup cannot run earlier, while the browser
  // may report the impression pixel's request to this process later than it sent it.
  const renderAsked = Date.now();
  t.is(await renderWinner(inView.page), 'tagline');
  const viewable = bid.burl!.replace('/i?t=', '/v?t=');
  await waitFor('the viewable beacon', () => sent(inView, viewable) === 1);
  const seen = inView.beacons.find((b) => b.url === viewable)!.at;
  t.true(seen - renderAsked >= 1000, `viewable ${seen - renderAsked} ms after the render was asked for`);
  const below = await view({ offsetPx: 3000 });
  t.teardown(() => below.context.close());
  const hidden = tagline(below)!;
  t.is(await renderWinner(below.page), 'tagline');
  await waitFor('the impression', () => sent(below, hidden.burl!) >= 1);
  await delay(2000);
  t.is(sent(below, hidden.burl!.replace('/i?t=', '/v?t=')), 0);
});
