/**
 * Set-up of the Prebid.js browser tests: a publisher page on its own origin running stock
 * Prebid.js (the platform's `/_/prebid.js`, built from npm `prebid.js`) with two Prebid Server
 * configs — Tagline's `/openrtb2/auction` and the platform's rival bidder — and helpers to run its
 * auction and render the winner with `pbjs.renderAd`.
 */
import type { Page } from 'playwright-core';
import { RIVAL_PATH } from '../../local/rival-bidder';

export interface PrebidPageOptions {
  /** The platform's base URL. */
  platform: string;
  publisher: string;
  /** What the rival bids (USD CPM); no rival bid when undefined. */
  rivalCpm?: number;
  /** `ortb2Imp` of the ad unit (e.g. a floor). */
  ortb2Imp?: Record<string, unknown>;
  /** Global first-party data (`ortb2`: site, user, badv…). */
  ortb2?: Record<string, unknown>;
  /** A TCF v2 CMP on the page answering this TC string with GDPR applying. */
  tcString?: string;
  /** Space above the ad, so it starts below the fold. */
  offsetPx?: number;
}

/** The ad unit's code and the friendly iframe the winner is rendered into. */
export const AD_UNIT = 'sidebar';

/** The page a publisher pastes from docs/prebid.md, with the test's knobs. */
export function prebidPage(o: PrebidPageOptions): string {
  const bids: unknown[] = [{ bidder: 'tagline', params: { publisher: o.publisher } }];
  if (o.rivalCpm !== undefined) bids.push({ bidder: 'rival', params: { cpm: o.rivalCpm } });
  const adUnit = { code: AD_UNIT, mediaTypes: { banner: { sizes: [[300, 250]] } }, ...(o.ortb2Imp === undefined ? {} : { ortb2Imp: o.ortb2Imp }), bids };
  const s2s = (name: string, bidders: string[], endpoint: string) => ({ name, accountId: o.publisher, bidders, adapter: 'prebidServer', enabled: true, endpoint: { p1Consent: endpoint, noP1Consent: endpoint }, timeout: 5000 });
  const config: Record<string, unknown> = {
    s2sConfig: [s2s('tagline', ['tagline'], `${o.platform}/ad-decision/openrtb2/auction`), s2s('rival', ['rival'], `${o.platform}${RIVAL_PATH}`)],
    ortb2: { site: { page: 'https://news.example/prebid/riverside', domain: 'news.example', keywords: 'river,city', ...((o.ortb2?.site as object | undefined) ?? {}) }, ...(o.ortb2 ?? {}) },
  };
  if (o.tcString !== undefined) config.consentManagement = { gdpr: { cmpApi: 'iab', timeout: 2000, defaultGdprScope: true } };
  const cmp =
    o.tcString === undefined
      ? ''
      : `<script>window.__tcfapi=function(cmd,v,cb){if(cmd==='addEventListener'||cmd==='getTCData'){cb({tcString:${JSON.stringify(o.tcString)},gdprApplies:true,eventStatus:'tcloaded',cmpStatus:'loaded',listenerId:1,purpose:{consents:{},legitimateInterests:{}},vendor:{consents:{},legitimateInterests:{}}},true)}else if(cmd==='ping'){cb({gdprApplies:true,cmpLoaded:true,cmpStatus:'loaded',apiVersion:'2.2'},true)}};</script>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Riverside notes — Prebid test</title>
${cmp}<script async src="${o.platform}/_/prebid.js"></script>
<script>
window.pbjs = window.pbjs || { que: [] };
pbjs.que.push(function () {
  pbjs.setConfig(${JSON.stringify(config)});
  pbjs.addAdUnits([${JSON.stringify(adUnit)}]);
  pbjs.requestBids({ timeout: 8000, bidsBackHandler: function () { window.auctionDone = true; } });
});
</script></head>
<body style="margin:0"><div style="height:${o.offsetPx ?? 20}px"></div>
<iframe id="ad" width="300" height="250" frameborder="0" scrolling="no" style="border:0;display:block"></iframe>
<p>The embankment reopened this week after two years of works.</p></body></html>`;
}

/** One bid Prebid.js received, as `pbjs.getBidResponsesForAdUnitCode` reports it. */
export interface PrebidBid {
  bidderCode: string;
  cpm: number;
  currency: string;
  adId: string;
  creativeId: string;
  burl?: string;
  ad: string;
  width: number;
  height: number;
  meta?: { advertiserDomains?: string[] };
}

/** Wait for the page's auction and return every bid of the ad unit. */
export async function auctionBids(page: Page): Promise<PrebidBid[]> {
  await page.waitForFunction('window.auctionDone === true', undefined, { timeout: 15_000 });
  return page.evaluate<PrebidBid[]>(`pbjs.getBidResponsesForAdUnitCode(${JSON.stringify(AD_UNIT)}).bids.map((b) => ({ bidderCode: b.bidderCode, cpm: b.cpm, currency: b.currency, adId: b.adId, creativeId: b.creativeId, burl: b.burl, ad: b.ad, width: b.width, height: b.height, meta: b.meta }))`);
}

/** Render the ad unit's winner (`pbjs.getHighestCpmBids`) with `pbjs.renderAd` into the page's iframe; its bidder. */
export async function renderWinner(page: Page): Promise<string | undefined> {
  return page.evaluate<string | undefined>(`(() => {
    const winner = pbjs.getHighestCpmBids(${JSON.stringify(AD_UNIT)})[0];
    if (winner === undefined) return undefined;
    pbjs.renderAd(document.getElementById('ad').contentDocument, winner.adId);
    return winner.bidderCode;
  })()`);
}

/** Render a bid again by its ad id (a page that renders the same ad twice). */
export async function renderAgain(page: Page, adId: string): Promise<void> {
  await page.evaluate(`pbjs.renderAd(document.getElementById('ad').contentDocument, ${JSON.stringify(adId)})`);
}
