/**
 * The publisher tag in real headless Chromium, end to end through the local platform: the demo
 * page's ads, the beacons the tag sends and what the report counts from them.
 */
import test, { type ExecutionContext } from 'ava';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from '../../local/command';
import { campaignInput } from '../kit/event-path-platform';
import { freePort } from '../kit/function-process';
import { needs } from '../kit/needs';
import {
  chromiumMissing,
  delay,
  expectedTotals,
  launchChromium,
  launchTabbedChromium,
  newReader,
  openView,
  PageView,
  publisherPage,
  reportChange,
  reportTotals,
  settledTotals,
  startDemoPlatform,
  startServer,
  warmUp,
  type DemoPlatform,
  type ServedAd,
} from '../kit/widget';
import { readThrough, scrollJustBelow } from '../kit/vitals';

const missing = chromiumMissing();
const browserTest = needs('chromium').serial;

const PUBLISHER = 'pub-demo';
const SANDBOX = 'allow-popups allow-popups-to-escape-sandbox';

let demo: DemoPlatform;
let browser: Browser;
let demoUrl: string;

test.before(async () => {
  if (missing !== undefined) return;
  demo = await startDemoPlatform();
  demoUrl = `${demo.platform.url}/`;
  browser = await launchChromium();
  await warmUp(browser, demoUrl, (ads) => ['banner', 'in-image', 'in-article'].every((f) => ads.some((a) => a.format === f)));
});

test.after.always(async () => {
  await browser?.close();
  await demo?.close();
});

test.afterEach.always((t) => {
  if (!t.passed && demo !== undefined) t.log([...demo.log.filter((l) => l.includes('"level":"error"')), ...demo.log.slice(-40)].join('\n'));
});

/** Where an ad is on the page: the tag's host element for that placement. */
function host(ad: ServedAd): string {
  return `[data-tagline-placement="${ad.slot}"]`;
}

async function inViewport(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox();
  const size = page.viewportSize();
  return box !== null && size !== null && box.y >= 0 && box.y + box.height <= size.height;
}

async function assertReportMatchesBeacons(t: ExecutionContext, views: PageView[], before: Awaited<ReturnType<typeof reportTotals>>): Promise<void> {
  const expected = expectedTotals(views);
  const change = await reportChange(demo.platform, PUBLISHER, before, expected);
  t.deepEqual(Object.fromEntries(change), Object.fromEntries(expected), 'the report counts exactly the beacons the page sent');
}

browserTest('the demo page shows in-image and in-article ads, each impression counted once in the report', async (t) => {
  const before = await settledTotals(demo.platform, PUBLISHER);
  const context = await newReader(browser);
  const view = await openView(context, demoUrl);
  await view.answer();
  const { page } = view;
  await readThrough(page);
  await view.waitForAd((a) => a.format === 'in-article');
  await view.rendered();
  const formats = view.ads.map((a) => a.format);
  t.true(formats.includes('in-image') && formats.includes('in-article'), `formats served: ${formats.join(', ')}`);
  t.is(view.beacons.filter((b) => b.url.includes('/track/i?')).length, view.ads.length, 'one impression beacon per ad');

  const hero = view.ad((a) => a.format === 'in-image');
  const overlay = await page.locator(host(hero)).boundingBox();
  const image = await page.locator(`img:has(+ ${host(hero)})`).boundingBox();
  t.truthy(overlay);
  t.truthy(image);
  t.true(Math.abs(overlay!.y + overlay!.height - (image!.y + image!.height)) <= 1, 'the in-image ad sits on the lower edge of the photo');
  t.true(overlay!.x >= image!.x && overlay!.x + overlay!.width <= image!.x + image!.width + 1, 'within the photo');
  t.is(await page.locator(`${host(hero)} button[aria-label="Close ad"]`).count(), 1);

  const article = view.ad((a) => a.format === 'in-article');
  t.is(await page.locator('[data-tagline-slot="in-article"]').getAttribute('data-tagline-state'), 'filled');
  const slotBox = await page.locator('[data-tagline-slot="in-article"]').boundingBox();
  t.true(slotBox !== null && slotBox.height >= article.height, 'the slot holds the whole ad');
  for (const ad of view.ads) {
    if (ad.imageUrl !== undefined) {
      const link = page.locator(`${host(ad)} a[href="${ad.clickUrl}"]`);
      t.is(await link.getAttribute('target'), '_blank');
      t.regex((await link.getAttribute('rel')) ?? '', /\bnoopener\b/);
      t.is(await page.locator(`${host(ad)} a img`).getAttribute('src'), ad.imageUrl);
    } else {
      t.is(await page.locator(`${host(ad)} iframe`).getAttribute('sandbox'), SANDBOX);
    }
  }
  await delay(1500);
  await context.close();
  t.deepEqual(view.errors, []);
  await assertReportMatchesBeacons(t, [view], before);
});

browserTest('an ad held in view for a second is counted viewable; one scrolled away before a second is not', async (t) => {
  const before = await settledTotals(demo.platform, PUBLISHER);
  const context = await newReader(browser);
  const view = await openView(context, demoUrl);
  await view.answer();
  const { page } = view;
  // Both ads asked for and rendered just out of view, one jump each, so neither is seen before the test holds or glimpses it.
  await scrollJustBelow(page, 'img[src$="riverside-run.svg"]');
  await view.waitForAd((a) => a.format === 'in-image' && a !== view.ads.find((b) => b.format === 'in-image'));
  await scrollJustBelow(page, '[data-tagline-slot="in-article"]');
  const held = await view.waitForAd((a) => a.format === 'in-article');
  await view.rendered();
  await page.evaluate('window.scrollTo(0, 0)');
  const glimpsed = [...view.ads].reverse().find((a) => a.format === 'in-image')!;

  await page.locator(host(glimpsed)).scrollIntoViewIfNeeded();
  t.true(await inViewport(page, host(glimpsed)), 'the glimpsed ad was entirely in view');
  await delay(400);
  await page.evaluate('window.scrollTo(0, 0)');
  t.false(await inViewport(page, host(glimpsed)));

  // Timed from before the scroll: the ad cannot be in view earlier, however long the scroll takes.
  const shownAt = Date.now();
  await page.locator(host(held)).scrollIntoViewIfNeeded();
  t.true(await inViewport(page, host(held)));
  await view.waitFor(held.viewableUrl, 5000);
  t.true(Date.now() - shownAt >= 950, 'not before a full second in view');
  await page.evaluate('window.scrollTo(0, 0)');
  await delay(1500);

  t.is(view.sent(held.viewableUrl), 1, 'the held ad: one viewable beacon');
  t.is(view.sent(glimpsed.viewableUrl), 0, 'the glimpsed ad: none');
  await context.close();
  // Per campaign, the report counts these two beacons and those of the page's other ads (the photo at the top, in view from the start, may share a campaign with the glimpsed one).
  await assertReportMatchesBeacons(t, [view], before);
});

browserTest('closing an in-image ad removes it, leaves the photo, and stops its measurement', async (t) => {
  const context = await newReader(browser);
  const view = await openView(context, demoUrl);
  await view.rendered();
  const { page } = view;
  const hero = view.ad((a) => a.format === 'in-image');
  const photo = page.locator(`img:has(+ ${host(hero)})`);
  const src = await photo.getAttribute('src');
  await page.locator(`${host(hero)} button[aria-label="Close ad"]`).click();
  t.is(await page.locator(host(hero)).count(), 0, 'the overlay is gone');
  t.true(await page.locator(`img[src="${src}"]`).isVisible(), 'the photo stays');
  await delay(1500);
  t.is(view.sent(hero.viewableUrl), 0, 'a closed ad is not measured any further');
  t.is(view.sent(hero.clickUrl), 0, 'closing is not a click');
  t.deepEqual(view.errors, []);
  await context.close();
});

browserTest('an ad in a hidden tab is not counted viewable until the tab is shown again', async (t) => {
  const before = await settledTotals(demo.platform, PUBLISHER);
  const tabbed = await launchTabbedChromium();
  try {
    const context = tabbed.browser.contexts()[0]!;
    const otherTab = await context.newPage();
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.bringToFront();
    const view = new PageView(page);
    await page.goto(demoUrl);
    await view.answer();
    const banner = view.ad((a) => a.format === 'banner');
    const rendered = await view.waitFor(banner.impressionUrl);
    await otherTab.bringToFront();
    t.true(Date.now() - rendered.at < 900, 'the tab was hidden within the ad’s first second');
    t.is(await page.evaluate<string>('document.visibilityState'), 'hidden');
    t.is(view.sent(banner.viewableUrl), 0, 'hidden before its second in view was up');
    await delay(2500);
    t.is(view.sent(banner.viewableUrl), 0, 'in view but in a hidden tab: not viewable');

    // The page notes when it became visible (its clock is this machine's), so a slow bringToFront cannot shorten the second.
    await page.evaluate("document.addEventListener('visibilitychange', () => { window.__shownAt = Date.now(); }, { once: true })");
    await page.bringToFront();
    t.is(await page.evaluate<string>('document.visibilityState'), 'visible');
    const viewable = await view.waitFor(banner.viewableUrl, 5000);
    const shownAt = await page.evaluate<number>('window.__shownAt');
    t.true(viewable.at - shownAt >= 950, 'the second starts again when the tab is shown');
    await page.close();
    await otherTab.close();
    await assertReportMatchesBeacons(t, [view], before);
  } finally {
    await tabbed.close();
  }
});

browserTest('a click opens the landing page through the click redirect, for image and HTML creatives', async (t) => {
  const before = await settledTotals(demo.platform, PUBLISHER);
  const context = await newReader(browser);
  const redirects = new Map<string, { status: number; location: string | undefined }>();
  context.on('response', (res) => {
    if (res.url().includes('/track/c?')) redirects.set(res.url(), { status: res.status(), location: res.headers().location });
  });
  const view = await openView(context, demoUrl);
  await view.rendered();
  const imageAd = view.ad((a) => a.imageUrl !== undefined);
  const htmlAd = view.ads.find((a) => a.html !== undefined);
  for (const ad of htmlAd === undefined ? [imageAd] : [imageAd, htmlAd]) {
    const landing = await landingUrl(ad);
    const opened = context.waitForEvent('page');
    await view.page.locator(`${host(ad)} a[href="${ad.clickUrl}"]`).click();
    const tab = await opened;
    await tab.waitForLoadState('load');
    t.is(tab.url(), landing, `${ad.creative} lands on its landing page`);
    t.regex(await tab.locator('h1').innerText(), /You reached the advertiser/);
    t.deepEqual(redirects.get(ad.clickUrl), { status: 302, location: landing }, 'through track’s 302');
    await tab.close();
  }
  await delay(300);
  await context.close();
  await assertReportMatchesBeacons(t, [view], before);
});

/** The landing URL of a served creative, from the campaigns API. */
async function landingUrl(ad: ServedAd): Promise<string> {
  const res = await fetch(`${demo.platform.url}/campaigns/v1/campaigns/${ad.campaign}`, { headers: { authorization: `Bearer ${demo.platform.adminKey}` } });
  const campaign = (await res.json()) as { creatives: { id: string; landingUrl: string }[] };
  return campaign.creatives.find((c) => c.id === ad.creative)!.landingUrl;
}

/** A TCF CMP stub answering `addEventListener` with `tcData` (or a CMP still showing its UI). */
function cmpStub(tcData: Record<string, unknown>): string {
  return `window.__tcfapi = function (command, version, callback) {
    if (command === 'addEventListener') setTimeout(function () { callback(${JSON.stringify({ listenerId: 1, cmpStatus: 'loaded', ...tcData })}, true); }, 30);
    if (command === 'removeEventListener') callback(true, true);
  };`;
}

const TC_STRING = 'CQHbQAAQHbQAAAHABBENBTFgAP_gAEPgAAAAKZtV_G__bXlr8X73aftkeY1P9_h77sQxBhfJE-4FzLvW_JwXx2ExNA36tqIKmRIAu3TBIQNlGJDURVCgaogVryDMaEyUoTNKJ6BkiFMRM2dYCFxvm4tjeQCY5vr991d52R-t7dr83dzyy4hHn3a5_2S1WJCdA5-tDfv9bROb-9IOd_x8v4v4_F7pE2-eS1l_tWvp7D9-cts7_XW89_fff_9Pn_-uB_-_X_vf_H37gAAAA.YAAAAAAAAAAA';

browserTest('consent: a first-party id is kept and sent only with TCF purposes 1 and 4, or where no CMP or GDPR applies', async (t) => {
  const cases: { name: string; cmp?: Record<string, unknown>; user: boolean; consent?: Record<string, unknown> }[] = [
    { name: 'consent denied', cmp: { eventStatus: 'tcloaded', gdprApplies: true, tcString: TC_STRING, purpose: { consents: {} } }, user: false, consent: { gdpr: true, tcString: TC_STRING } },
    { name: 'storage only (purpose 1)', cmp: { eventStatus: 'useractioncomplete', gdprApplies: true, tcString: TC_STRING, purpose: { consents: { 1: true } } }, user: false, consent: { gdpr: true, tcString: TC_STRING } },
    { name: 'CMP still waiting for the reader', cmp: { eventStatus: 'cmpuishown', gdprApplies: true, tcString: '' }, user: false },
    { name: 'purposes 1 and 4 granted', cmp: { eventStatus: 'useractioncomplete', gdprApplies: true, tcString: TC_STRING, purpose: { consents: { 1: true, 4: true } } }, user: true, consent: { gdpr: true, tcString: TC_STRING } },
    { name: 'GDPR does not apply', cmp: { eventStatus: 'tcloaded', gdprApplies: false }, user: true, consent: { gdpr: false } },
    { name: 'no CMP on the page', user: true },
  ];
  for (const c of cases) {
    const context = await newReader(browser);
    if (c.cmp !== undefined) await context.addInitScript(cmpStub(c.cmp));
    const view = await openView(context, demoUrl);
    await view.rendered();
    const stored = JSON.parse(await view.page.evaluate<string>('JSON.stringify(Object.assign({}, localStorage))')) as Record<string, string>;
    const body = view.adRequest ?? {};
    t.deepEqual(body.consent, c.consent, `${c.name}: consent sent`);
    if (c.user) {
      t.regex(stored.tagline_uid ?? '', /^[0-9a-f]{32}$/, `${c.name}: id kept`);
      t.deepEqual(body.user, { id: stored.tagline_uid }, `${c.name}: id sent`);
    } else {
      t.deepEqual(stored, {}, `${c.name}: nothing written to localStorage`);
      t.false('user' in body, `${c.name}: no user in the request`);
    }
    t.deepEqual(view.errors, []);
    await context.close();
  }
});

browserTest('the ad request matches the ad-decision contract and starts a trace in the browser', async (t) => {
  const context = await newReader(browser);
  const view = await openView(context, demoUrl);
  await view.answer();
  const body = view.adRequest!;
  t.deepEqual(Object.keys(body).sort(), ['device', 'page', 'publisher', 'slots', 'user']);
  t.is(body.publisher, PUBLISHER);
  const page = body.page as Record<string, unknown>;
  t.is(page.url, demoUrl);
  t.is(page.lang, 'en');
  t.regex(String(page.title), /spring city marathon/);
  t.true(Array.isArray(page.keywords) && (page.keywords as string[]).includes('marathon'));
  t.true(typeof page.text === 'string' && (page.text as string).length > 1000 && (page.text as string).length <= 4096);
  t.regex(String(page.text), /^Sport · Running Twelve thousand runners/);
  t.true(Array.isArray(page.imageAlts) && (page.imageAlts as string[]).length === 3);
  t.deepEqual(page.categories, ['483', '227', '653'], 'the categories the publisher declares on the tag');
  const slots = body.slots as { id: string; format: string; width: number; height: number }[];
  t.deepEqual(
    slots.map((s) => s.format),
    ['banner', 'in-image'],
    'one request for the placements near the viewport at 1280×900, in page order',
  );
  await readThrough(view.page, 100);
  await until(async () => view.adRequests.length >= 3);
  const all = view.adRequests.flatMap((b) => b.slots as { id: string; format: string; width: number; height: number }[]);
  t.deepEqual(
    all.map((s) => s.format),
    ['banner', 'in-image', 'in-article', 'in-image'],
    'read to the end, every placement asked for once, in page order; the small inset photo is not one',
  );
  t.is(new Set(all.map((s) => s.id)).size, all.length);
  for (const s of all) t.true(Number.isInteger(s.width) && Number.isInteger(s.height));
  for (const later of view.adRequests.slice(1)) t.deepEqual(Object.keys(later).sort(), Object.keys(body).sort(), 'every request carries the same page, user and device');
  t.deepEqual(body.device, { type: 'desktop' });
  t.regex(view.adRequestHeaders.traceparent ?? '', /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  t.is(view.page.url(), demoUrl);
  await context.close();
});

browserTest('creative HTML runs nowhere but in its sandboxed iframe: not in the publisher DOM, no scripts, links through the click URL', async (t) => {
  const marker = `creative-marker-${Date.now().toString(36)}`;
  const admin = { authorization: `Bearer ${demo.platform.adminKey}`, 'content-type': 'application/json' };
  const site = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(publisherPage({ tagSrc: `${demo.platform.url}/ad-decision/tagline.js`, publisher: 'pub-gazette' }));
  });
  try {
    let res = await fetch(`${demo.platform.url}/campaigns/v1/publishers`, { method: 'POST', headers: admin, body: JSON.stringify({ id: 'pub-gazette', name: 'Test Gazette', domains: ['gazette.example'] }) });
    t.is(res.status, 201);
    const html =
      `<div id="creative" style="width:300px;height:250px;background:#222;color:#fff">${marker} <a id="out" href="https://evil.example/steal">Shop</a><span id="ran"></span>` +
      `<script>document.getElementById('ran').textContent='script ran';try{parent.document.title='pwned'}catch(e){}</script>` +
      `<img src="x.png" onerror="try{top.document.body.setAttribute('data-pwned','1')}catch(e){}"></div>`;
    res = await fetch(`${demo.platform.url}/campaigns/v1/campaigns`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify(
        campaignInput('Hostile creative', { model: 'cpm', amount: 1 }, {
          advertiser: 'adv-gazette',
          priority: 'sponsorship',
          budget: { total: 100 },
          targeting: { publishers: ['pub-gazette'], formats: ['in-article'] },
          creatives: [{ id: 'hostile-300x250', format: 'in-article', width: 300, height: 250, html, landingUrl: `${demo.platform.url}/_/demo/landing.html?advertiser=adv-gazette` }],
        }),
      ),
    });
    t.is(res.status, 201);
    await until(async () => {
      const probe = await fetch(`${demo.platform.url}/ad-decision/v1/ads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ publisher: 'pub-gazette', page: { url: `${site.url}/probe` }, slots: [{ id: 's', format: 'in-article', width: 300, height: 250 }] }),
      });
      return ((await probe.json()) as { ads?: unknown[] }).ads?.length === 1;
    });

    const context = await newReader(browser);
    const view = await openView(context, `${site.url}/`);
    await view.rendered();
    const page = view.page;
    const ad = view.ad((a) => a.html !== undefined);
    const frame = page.locator(`${host(ad)} iframe`);
    t.is(await frame.getAttribute('sandbox'), SANDBOX);
    t.true(((await frame.getAttribute('srcdoc')) ?? '').includes(marker), 'the creative is in the iframe’s srcdoc');
    const outside = await page.evaluate<string>(`(() => {
      const seen = [];
      const walk = (node) => {
        if (node.nodeType === Node.TEXT_NODE) seen.push(node.nodeValue);
        if (node.nodeType === Node.ELEMENT_NODE) {
          for (const a of node.attributes) if (!(node.tagName === 'IFRAME' && a.name === 'srcdoc')) seen.push(a.value);
          if (node.shadowRoot) walk(node.shadowRoot);
        }
        for (const child of node.childNodes) walk(child);
      };
      walk(document);
      return seen.join('\\n');
    })()`);
    t.false(outside.includes(marker), 'the creative’s HTML is nowhere in the publisher DOM, shadow roots included');
    const inside = page.frameLocator(`${host(ad)} iframe`);
    t.regex(await inside.locator('#creative').innerText(), new RegExp(marker));
    t.is(await inside.locator('#ran').innerText(), '', 'the creative’s scripts do not run');
    t.is(await inside.locator('#out').getAttribute('href'), ad.clickUrl, 'its links go through the click URL');
    t.is(await inside.locator('#out').getAttribute('target'), '_blank');
    t.is(await page.title(), 'Riverside notes — Test Gazette');
    t.is(await page.locator('body').getAttribute('data-pwned'), null);
    t.deepEqual(view.errors, []);
    await context.close();
  } finally {
    await site.close();
  }
});

async function until(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await delay(200);
  }
}

/** Console lines from the tag: everything but the browser's own note about the failed request. */
function watchConsole(page: Page, endpoint: string): string[] {
  const lines: string[] = [];
  page.on('console', (msg) => {
    const browserNetworkNote = msg.text().startsWith('Failed to load resource') && msg.location().url.startsWith(endpoint);
    if (!browserNetworkNote) lines.push(`${msg.type()}: ${msg.text()}`);
  });
  return lines;
}

browserTest('with the ad server down the page loads as if the tag were not there, without errors from it', async (t) => {
  const closed = `http://127.0.0.1:${await freePort()}/v1/ads`;
  const site = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(publisherPage({ tagSrc: `${demo.platform.url}/ad-decision/tagline.js`, publisher: PUBLISHER, endpoint: closed }));
  });
  try {
    const context = await newReader(browser);
    const page = await context.newPage();
    const view = new PageView(page);
    const consoleLines = watchConsole(page, closed);
    const tried = page.waitForEvent('requestfailed', (req) => req.url() === closed);
    await page.goto(`${site.url}/`, { waitUntil: 'load' });
    await tried;
    await delay(500);
    t.deepEqual(view.errors, []);
    t.deepEqual(consoleLines, []);
    t.is(await page.locator('[data-tagline-ad]').count(), 0);
    await page.waitForFunction("document.getElementById('slot').getAttribute('data-tagline-state') === 'unfilled'");
    t.is(await page.locator('#slot [data-tagline-space]').count(), 1, 'the slot in view keeps its space: giving it back would move the text below');
    t.true((await page.locator('#slot').boundingBox())!.height >= 250);
    t.regex(await page.locator('#first').innerText(), /embankment reopened/);
    await context.close();
  } finally {
    await site.close();
  }
});

browserTest('an ad server answering garbage, failing or hanging renders nothing and breaks nothing', async (t) => {
  const valid = (base: string, overrides: Record<string, unknown> = {}) => ({
    slot: 'slot',
    campaign: 'c',
    creative: 'cr',
    format: 'in-article',
    width: 300,
    height: 250,
    imageUrl: `${base}/creative.svg`,
    impressionUrl: `${base}/i?t=x`,
    viewableUrl: `${base}/v?t=x`,
    clickUrl: `${base}/c?t=x`,
    ...overrides,
  });
  const answers: Record<string, (base: string) => { status: number; type: string; body: string } | 'hang'> = {
    'not JSON': () => ({ status: 200, type: 'text/html', body: '<html><script>alert(1)</script>' }),
    'ads not a list': () => ({ status: 200, type: 'application/json', body: '{"ads":"<img src=x onerror=alert(1)>"}' }),
    'javascript: URLs': (b) => ({ status: 200, type: 'application/json', body: JSON.stringify({ ads: [valid(b, { clickUrl: 'javascript:alert(1)' }), valid(b, { imageUrl: 'javascript:alert(2)' })] }) }),
    'a data: image': (b) => ({ status: 200, type: 'application/json', body: JSON.stringify({ ads: [valid(b, { imageUrl: 'data:image/svg+xml,<svg onload=alert(1)>' })] }) }),
    'an unknown slot': (b) => ({ status: 200, type: 'application/json', body: JSON.stringify({ ads: [valid(b, { slot: 'elsewhere' })] }) }),
    'an ad larger than its slot': (b) => ({ status: 200, type: 'application/json', body: JSON.stringify({ ads: [valid(b, { width: 4000, height: 4000 })] }) }),
    'both HTML and an image': (b) => ({ status: 200, type: 'application/json', body: JSON.stringify({ ads: [valid(b, { html: '<b>x</b>' })] }) }),
    'a 503': () => ({ status: 503, type: 'application/problem+json', body: '{"status":503}' }),
    'no answer in time': () => 'hang',
    'a valid ad (control)': (b) => ({ status: 200, type: 'application/json', body: JSON.stringify({ ads: [valid(b)] }) }),
  };
  const site = await startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const base = `http://${req.headers.host}`;
    if (url.pathname === '/creative.svg') {
      res.writeHead(200, { 'content-type': 'image/svg+xml' });
      res.end("<svg xmlns='http://www.w3.org/2000/svg' width='300' height='250'><rect width='300' height='250' fill='#c33'/></svg>");
      return;
    }
    if (url.pathname === '/v1/ads') {
      const answer = answers[url.searchParams.get('case') ?? '']?.(base);
      if (answer === undefined || answer === 'hang') return;
      res.writeHead(answer.status, { 'content-type': answer.type });
      res.end(answer.body);
      return;
    }
    if (url.pathname === '/page') {
      const endpoint = `${base}/v1/ads?case=${encodeURIComponent(url.searchParams.get('case') ?? '')}`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(publisherPage({ tagSrc: `${demo.platform.url}/ad-decision/tagline.js`, publisher: PUBLISHER, endpoint }));
      return;
    }
    res.writeHead(204);
    res.end();
  });
  try {
    for (const name of Object.keys(answers)) {
      const context = await newReader(browser);
      const page = await context.newPage();
      const view = new PageView(page);
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const asked = page.waitForRequest((req) => req.url().includes('/v1/ads'));
      await page.goto(`${site.url}/page?case=${encodeURIComponent(name)}`, { waitUntil: 'load' });
      await asked;
      await page.waitForFunction("document.getElementById('slot').getAttribute('data-tagline-state') !== 'pending'", undefined, { timeout: 10_000 });
      await delay(300);
      const rendered = await page.locator('[data-tagline-ad]').count();
      const control = name === 'a valid ad (control)';
      t.is(rendered, control ? 1 : 0, `${name}: ${control ? 'rendered' : 'nothing rendered'}`);
      t.is(await page.locator('#slot').getAttribute('data-tagline-state'), control ? 'filled' : 'unfilled', name);
      t.deepEqual(view.errors, [], name);
      t.deepEqual(dialogs, [], name);
      await context.close();
    }
  } finally {
    await site.close();
  }
});

browserTest('screenshot of the demo page with its ads (docs/demo.png)', async (t) => {
  const context = await newReader(browser, { width: 1280, height: 2100 });
  const view = await openView(context, demoUrl);
  await view.rendered();
  await delay(300);
  mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
  const file = path.join(ROOT, 'docs', 'demo.png');
  const png = await view.page.screenshot({ path: file });
  t.true(png.length > 50_000);
  t.true(view.ads.length >= 3, `${view.ads.length} ads in the screenshot`);
  await context.close();
});
