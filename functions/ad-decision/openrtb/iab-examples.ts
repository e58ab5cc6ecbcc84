/**
 * OpenRTB 2.6 requests for the contract tests, built from the IAB Tech Lab's own examples
 * (InteractiveAdvertisingBureau/openrtb2.x, `jsonschema/examples/bid-requests/simple-banner.json`)
 * and varied the way a Prebid Server or an exchange sends them: several imps, content categories,
 * GDPR with a TCF v2 string, a floor in another currency.
 */
import type { BidRequest } from 'iab-openrtb/v26';

/** The IAB's "simple banner" example, verbatim. Its publisher `8953` is unknown to Tagline. */
export const IAB_SIMPLE_BANNER = {
  id: '80ce30c53c16e6ede735f123ef6e32361bfc7b22',
  at: 1,
  cur: ['USD'],
  imp: [{ id: '1', bidfloor: 0.03, banner: { h: 250, w: 300, pos: 0 } }],
  site: {
    id: '102855',
    cat: ['IAB3-1'],
    domain: 'www.foobar.com',
    page: 'http://www.foobar.com/1234.html',
    publisher: { id: '8953', name: 'foobar.com', cat: ['IAB3-1'], domain: 'foobar.com' },
  },
  user: { id: '55816b39711f9b5acf3b90e313ed29e51665623f' },
} satisfies BidRequest;

/** A desktop Chrome user agent (the IAB example sends none; the caller's header stands in). */
export const DESKTOP_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

/** The simple banner on a Tagline publisher (`site.publisher.id`), with a device. */
export function simpleBanner(publisher = 'pub-demo'): BidRequest {
  const br = structuredClone(IAB_SIMPLE_BANNER) as BidRequest;
  br.site!.publisher!.id = publisher;
  br.device = { ua: DESKTOP_UA, devicetype: 2, geo: { country: 'ESP' } };
  return br;
}

/** The simple banner as Prebid.js's prebidServerBidAdapter sends it: bidder params per imp. */
export function prebidBanner(imps: { id: string; sizes?: [number, number][]; params?: unknown; floor?: [number, string] }[]): BidRequest {
  const br = simpleBanner();
  delete br.site!.publisher;
  br.imp = imps.map(({ id, sizes = [[300, 250]], params = { publisher: 'pub-demo' }, floor }) => ({
    id,
    banner: { format: sizes.map(([w, h]) => ({ w, h })), topframe: 1 },
    secure: 1,
    ...(floor === undefined ? {} : { bidfloor: floor[0], bidfloorcur: floor[1] }),
    ext: { prebid: { bidder: { tagline: params } } },
  }));
  br.tmax = 1000;
  br.ext = { prebid: { auctiontimestamp: 1767225600000, targeting: { includewinners: true, includebidderkeys: false }, channel: { name: 'pbjs', version: 'v11.36.0' } } };
  return br;
}

/** TCF v2 strings from a CMP (cmpId 10), consenting to purposes 1, 2, 3, 4, 7 — and to 2, 7 only. */
export const TC_CONSENT = 'CQdWToAQdWToAAKABAENABFgAPIAAAAAAAAAAAAAAAAA.IAAA.YAAAAAAAAAAA';
export const TC_NO_CONSENT = 'CQdWToAQdWToAAKABAENABFgAEIAAAAAAAAAAAAAAAAA.IAAA.YAAAAAAAAAAA';
