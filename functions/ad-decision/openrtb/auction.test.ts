import test from 'ava';
import type { Bid, BidRequest, BidResponse } from 'iab-openrtb/v26';
import { ValidationError } from '../../../shared/errors';
import type { Request } from '../../../shared/http';
import type { Campaign } from '../../../shared/model';
import type { Store } from '../../../shared/store';
import { campaign, harness, SIGNER, type Harness } from '../../../test/kit/ad-decision';
import { handleAuction } from './auction';
import { IAB_SIMPLE_BANNER, prebidBanner, simpleBanner, TC_CONSENT, TC_NO_CONSENT } from './iab-examples';

function post(body: unknown, headers: Record<string, string> = {}): Request {
  return {
    method: 'POST',
    path: '/openrtb2/auction',
    params: {},
    query: new URLSearchParams(),
    headers: { 'content-type': 'text/plain', 'user-agent': 'prebid-server-test/1.0', ...headers },
    body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
    ip: '127.0.0.1',
  };
}

async function auction(campaigns: Campaign[], br: unknown, setup?: (h: Harness) => void): Promise<BidResponse> {
  const h = await harness(campaigns);
  try {
    setup?.(h);
    const res = await handleAuction(h.deps, post(br));
    t200(res.status);
    return res.body as BidResponse;
  } finally {
    await h.close();
  }
}

function t200(status: number): void {
  if (status !== 200) throw new Error(`status ${status}`);
}

const bids = (res: BidResponse): Bid[] => res.seatbid?.flatMap((s) => s.bid) ?? [];
const campaigns = (res: BidResponse): (string | undefined)[] => bids(res).map((b) => b.cid);
const errors = (res: BidResponse): string => JSON.stringify((res.ext as { errors?: unknown } | undefined)?.errors ?? {});

function claimsOf(bid: Bid) {
  const verified = SIGNER.verify(new URL(bid.burl!).searchParams.get('t'));
  if (!verified.ok) throw new Error(`burl token: ${verified.reason}`);
  return verified.claims;
}

test('IAB simple banner on a Tagline publisher: one bid from seat "tagline", in USD, above the floor, billed through track', async (t) => {
  const res = await auction([campaign({ id: 'shoes' })], simpleBanner());
  t.is(res.id, IAB_SIMPLE_BANNER.id);
  t.is(res.cur, 'USD');
  t.is(res.seatbid?.length, 1);
  t.is(res.seatbid![0]!.seat, 'tagline');
  const [bid] = bids(res);
  t.like(bid, { impid: '1', cid: 'shoes', crid: 'shoes-banner', adid: 'shoes-banner', w: 300, h: 250, mtype: 1, adomain: ['shop.example'] });
  t.is(bid!.price, 2.173913, 'a 2.00 EUR CPM in USD at the documented rate (0.92 EUR per USD), rounded down');
  t.true(bid!.price >= 0.03);
  t.like(bid!.ext, { prebid: { type: 'banner', meta: { advertiserDomains: ['shop.example'], mediaType: 'banner' } } });
  t.true(bid!.burl!.startsWith('http://track.test/i?t='));
  t.like(claimsOf(bid!), { c: 'shoes', cr: 'shoes-banner', p: 'pub-demo', s: '1', m: 'cpm', pr: 2_000_000, cu: 'EUR', u: '55816b39711f9b5acf3b90e313ed29e51665623f' });
  t.is(claimsOf(bid!).x, undefined, 'a live bid is billable');
  const adm = bid!.adm!;
  t.true(adm.includes(JSON.stringify(bid!.burl)), 'the markup fires the same impression beacon as burl');
  t.true(adm.includes('http://track.test/c?t='), 'clicks go through the signed redirect');
  t.true(adm.includes(`I.replace('/i?t=','/v?t=')`), 'the viewable beacon is track’s /v with the same token');
  t.true(adm.includes('https://cdn.example/shoes.png'));
  t.is(typeof (res.ext!.responsetimemillis as { tagline: unknown }).tagline, 'number');
});

test('IAB simple banner verbatim: its publisher is unknown to Tagline, so a no-bid with the reason, not an error', async (t) => {
  const res = await auction([campaign({ id: 'shoes' })], IAB_SIMPLE_BANNER);
  t.deepEqual(res.seatbid, []);
  t.regex(errors(res), /unknown publisher \\"8953\\"/);
});

test('several imps (Prebid bidder params): one bid per imp, no campaign twice, each on its imp id', async (t) => {
  const br = prebidBanner([{ id: 'top' }, { id: 'side', sizes: [[300, 600], [300, 250]] }, { id: 'video-only' }]);
  delete br.imp[2]!.banner;
  br.imp[2]!.video = { mimes: ['video/mp4'] };
  const res = await auction([campaign({ id: 'a', pricing: { model: 'cpm', amountMicros: 3_000_000, currency: 'EUR' } }), campaign({ id: 'b' })], br);
  t.deepEqual(bids(res).map((b) => [b.impid, b.cid]), [['top', 'a'], ['side', 'b']]);
  t.true(bids(res).every((b) => b.ext?.prebid !== undefined && (b.ext.prebid as { targeting?: { hb_bidder?: string } }).targeting?.hb_bidder === 'tagline'));
  t.deepEqual((bids(res)[0]!.ext!.prebid as { targeting: unknown }).targeting, { hb_bidder: 'tagline', hb_pb: '3.20', hb_size: '300x250' });
  t.regex(errors(res), /video-only: only banner impressions/);
});

test('site content categories: Content Taxonomy 3.x ids target, 1.0 codes (the default cattax) do not', async (t) => {
  const sport = campaign({ id: 'sport', targeting: { categories: { include: ['483'] } } });
  const iab1 = simpleBanner();
  iab1.site!.cat = ['IAB17'];
  t.deepEqual(campaigns(await auction([sport], iab1)), []);
  const ct3 = simpleBanner();
  ct3.site!.content = { title: 'Trail running in spring', cat: ['483'], cattax: 7, language: 'en' };
  t.deepEqual(campaigns(await auction([sport], ct3)), ['sport']);
  const pagecat = simpleBanner();
  pagecat.site!.cattax = 9;
  pagecat.site!.pagecat = ['483'];
  t.deepEqual(campaigns(await auction([sport], pagecat)), ['sport']);
});

test('GDPR with a TCF v2 string: the user id rides in the token only with purposes 1 and 4', async (t) => {
  const base = () => {
    const br = simpleBanner();
    br.user = { buyeruid: 'tagline-user-1', id: 'exchange-user' };
    br.regs = { gdpr: 1 };
    return br;
  };
  const granted = base();
  granted.user!.consent = TC_CONSENT;
  t.is(claimsOf(bids(await auction([campaign({ id: 'x' })], granted))[0]!).u, 'tagline-user-1', 'buyeruid is Tagline’s own id');
  const denied = base();
  denied.user!.consent = TC_NO_CONSENT;
  const contextual = bids(await auction([campaign({ id: 'x' })], denied));
  t.is(contextual.length, 1, 'still a contextual bid');
  t.is(claimsOf(contextual[0]!).u, undefined);
  const legacy = base();
  legacy.regs = { ext: { gdpr: 1 } };
  legacy.user = { buyeruid: 'tagline-user-1', ext: { consent: TC_NO_CONSENT } };
  t.is(claimsOf(bids(await auction([campaign({ id: 'x' })], legacy))[0]!).u, undefined, 'the 2.5 ext places are read too');
  const coppa = simpleBanner();
  coppa.regs = { coppa: 1 };
  t.is(claimsOf(bids(await auction([campaign({ id: 'x' })], coppa))[0]!).u, undefined, 'COPPA: never a user id');
});

test('a floor in another currency: never a bid under it, and the bid in a requested currency', async (t) => {
  const eur2 = [campaign({ id: 'x' })];
  const floor = (amount: number, cur: string, requested?: string[]) => {
    const br = prebidBanner([{ id: 'top', floor: [amount, cur] }]);
    if (requested !== undefined) br.cur = requested;
    return br;
  };
  t.deepEqual(campaigns(await auction(eur2, floor(2.2, 'USD'))), [], '2.00 EUR is 2.17 USD, under a 2.20 USD floor');
  const over = await auction(eur2, floor(2.1, 'USD'));
  t.deepEqual(campaigns(over), ['x']);
  t.true(bids(over)[0]!.price >= 2.1);
  const inEur = await auction(eur2, floor(1.5, 'GBP', ['EUR']));
  t.is(inEur.cur, 'EUR');
  t.is(bids(inEur)[0]!.price, 2, 'in the campaign’s own currency when it is the one requested');
  t.deepEqual(campaigns(await auction(eur2, floor(1.8, 'GBP', ['EUR']))), [], '1.80 GBP is 2.10 EUR, over a 2.00 EUR bid');
  t.deepEqual(campaigns(await auction(eur2, floor(1, 'XAU'))), [], 'a floor currency Tagline cannot convert is never guessed');
  const jpy = await auction(eur2, floor(0, 'USD', ['XAU', 'JPY']));
  t.is(jpy.cur, 'JPY', 'the first requested currency Tagline can convert to');
  const none = await auction(eur2, floor(0, 'USD', ['XAU']));
  t.deepEqual(none.seatbid, []);
  t.regex(errors(none), /cur/);
});

test('badv and bcat: a blocked advertiser or category gives the slot to the next campaign, or no bid', async (t) => {
  const shoes = campaign({ id: 'shoes', pricing: { model: 'cpm', amountMicros: 5_000_000, currency: 'EUR' }, iabCategories: ['IAB19-6'] });
  const travel = campaign({ id: 'travel', adomain: ['travel.example'], iabCategories: ['IAB20'] });
  const br = (f: (b: BidRequest) => void) => {
    const b = simpleBanner();
    f(b);
    return b;
  };
  t.deepEqual(campaigns(await auction([shoes, travel], simpleBanner())), ['shoes'], 'the higher eCPM wins when nothing is blocked');
  t.deepEqual(campaigns(await auction([shoes, travel], br((b) => (b.badv = ['shop.example'])))), ['travel'], 'adomain defaults to the landing hosts');
  t.deepEqual(campaigns(await auction([shoes, travel], br((b) => (b.badv = ['shop.example', 'travel.example'])))), []);
  t.deepEqual(campaigns(await auction([shoes, travel], br((b) => (b.bcat = ['IAB19'])))), ['travel'], 'a blocked parent category blocks its children');
  t.deepEqual(campaigns(await auction([shoes, travel], br((b) => (b.bcat = ['IAB19', 'IAB20-3'])))), ['travel'], 'blocking a child category does not block its parent');
  t.deepEqual(campaigns(await auction([shoes, travel], br((b) => (b.bcat = ['IAB19', 'IAB20'])))), []);
  t.deepEqual(campaigns(await auction([shoes, travel], br((b) => ((b.bcat = ['483']), (b.cattax = 7))))), [], 'a bcat in a taxonomy the campaigns do not declare refuses them');
  const [bid] = bids(await auction([travel], simpleBanner()));
  t.like(bid, { cat: ['IAB20'], cattax: 1, adomain: ['travel.example'] });
});

test('malformed OpenRTB is a 400 problem naming the field', async (t) => {
  const h = await harness([campaign({ id: 'x' })]);
  t.teardown(() => h.close());
  const cases: [string, unknown, RegExp][] = [
    ['no imp', { id: 'r1', site: { page: 'https://news.example/' } }, /^imp:/],
    ['empty imp', { id: 'r1', imp: [] }, /^imp:/],
    ['no id', { imp: [{ id: '1', banner: { w: 300, h: 250 } }] }, /^id:/],
    ['imp without id', { id: 'r1', imp: [{ banner: { w: 300, h: 250 } }] }, /^imp\.0\.id:/],
    ['duplicate imp ids', { id: 'r1', imp: [{ id: '1' }, { id: '1' }] }, /^imp\.1\.id: must be unique/],
    ['format size as a string', { id: 'r1', imp: [{ id: '1', banner: { format: [{ w: '300', h: 250 }] } }] }, /^imp\.0\.banner\.format\.0\.w:/],
    ['negative floor', { id: 'r1', imp: [{ id: '1', bidfloor: -1 }] }, /^imp\.0\.bidfloor:/],
    ['lower-case currency', { id: 'r1', imp: [{ id: '1' }], cur: ['usd'] }, /^cur\.0:/],
    ['gdpr as a boolean', { id: 'r1', imp: [{ id: '1' }], regs: { gdpr: true } }, /^regs\.gdpr:/],
    ['badv not an array', { id: 'r1', imp: [{ id: '1' }], badv: 'shop.example' }, /^badv:/],
    ['tmax as a string', { id: 'r1', imp: [{ id: '1' }], tmax: '300' }, /^tmax:/],
    ['not an object', [1, 2], /^body:/],
  ];
  for (const [name, body, field] of cases) {
    const err = t.throws(() => handleAuction(h.deps, post(body)), { instanceOf: ValidationError }, name);
    t.regex(err?.message ?? '', field, name);
  }
  t.throws(() => handleAuction(h.deps, post('{"id":')), { message: /JSON/ });
});

test('bidder params that do not match, an unknown publisher, a bot or an app: a no-bid with a reason, never an error', async (t) => {
  const x = [campaign({ id: 'x' })];
  const wrongParams = await auction(x, prebidBanner([{ id: 'a', params: { publisher: 42 } }, { id: 'b', params: { publisher: 'pub-demo', format: 'video' } }, { id: 'c', params: 'pub-demo' }]));
  t.deepEqual(wrongParams.seatbid, []);
  t.regex(errors(wrongParams), /imp a: bidder params need a publisher/);
  t.regex(errors(wrongParams), /imp b: bidder param format/);
  const unknown = await auction(x, prebidBanner([{ id: 'a', params: { publisher: 'pub-nobody' } }]));
  t.deepEqual(unknown.seatbid, []);
  t.regex(errors(unknown), /unknown publisher/);
  const legacy = prebidBanner([{ id: 'a' }]);
  legacy.imp[0]!.ext = { tagline: { publisher: 'pub-demo' } };
  t.deepEqual(campaigns(await auction(x, legacy)), ['x'], 'the legacy imp.ext.tagline params are read too');
  const otherBidder = prebidBanner([{ id: 'a' }]);
  otherBidder.imp[0]!.ext = { prebid: { bidder: { appnexus: { placementId: 1 } } } };
  t.deepEqual((await auction(x, otherBidder)).seatbid, [], 'an imp for other bidders only is not Tagline’s');
  const bot = simpleBanner();
  bot.device!.ua = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
  t.deepEqual((await auction(x, bot)).seatbid, []);
  const app = simpleBanner();
  delete app.site;
  app.app = { bundle: 'com.example.news', publisher: { id: 'pub-demo' } };
  t.deepEqual((await auction(x, app)).seatbid, []);
});

test('device: devicetype and an alpha-3 geo.country reach the targeting', async (t) => {
  const mobileEs = [campaign({ id: 'es', targeting: { countries: ['ES'], devices: ['mobile'] } })];
  const br = simpleBanner();
  t.deepEqual(campaigns(await auction(mobileEs, br)), [], 'a desktop (devicetype 2) is not targeted');
  br.device = { ...br.device, devicetype: 4, geo: { country: 'ESP' } };
  t.deepEqual(campaigns(await auction(mobileEs, br)), ['es']);
  br.device.geo = { country: 'FRA' };
  t.deepEqual(campaigns(await auction(mobileEs, br)), []);
});

test('test: 1 bids are marked in their token, so track never bills them', async (t) => {
  const br = simpleBanner();
  br.test = 1;
  const [bid] = bids(await auction([campaign({ id: 'x' })], br));
  t.is(claimsOf(bid!).x, 1);
});

test('tmax: a decision that cannot finish in time answers a no-bid at tmax, not late', async (t) => {
  const capped = campaign({ id: 'capped', frequencyCap: { impressions: 3, windowSeconds: 3600 } });
  const br = simpleBanner();
  br.tmax = 50;
  const res = await auction([capped], br, (h) => {
    // A store whose counters never answer: the decision waits on the user's frequency cap.
    const store = h.deps.store;
    h.deps.store = new Proxy(store, { get: (target, key) => (key === 'getCounters' ? () => new Promise(() => undefined) : Reflect.get(target, key)) }) as Store;
  });
  t.deepEqual(res.seatbid, []);
  t.regex(errors(res), /"code":1,"message":"no answer within tmax \(50 ms\)"/);
  t.is(res.ext!.tmaxrequest, 50);
});
