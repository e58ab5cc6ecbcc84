import test from 'ava';
import { GVL, TCModel, TCString } from '@iabtechlabtcf/core';
import { capWindowStart, counterKeys, utcDay } from '../../shared/counters';
import { ValidationError } from '../../shared/errors';
import type { PageClassifiedData } from '../../shared/events';
import type { Campaign } from '../../shared/model';
import { pageHash, pageKey, normalisePageUrl } from '../../shared/page';
import { decide, type AdResponse } from './decide';
import { adRequest, campaign, harness, SIGNER, type Harness } from '../../test/kit/ad-decision';
import type { AdRequest } from './request';

const HUMAN = { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36', country: 'ES' };

async function served(campaigns: Campaign[], request: AdRequest = adRequest(), meta = HUMAN, setup?: (h: Harness) => Promise<void>): Promise<AdResponse> {
  const h = await harness(campaigns);
  try {
    if (setup !== undefined) {
      await setup(h);
      await h.catalog.refresh();
      await h.state.refresh([...h.catalog.current.campaigns.keys()]);
    }
    return await decide(h.deps, request, meta);
  } finally {
    await h.close();
  }
}

const ids = (res: AdResponse) => res.ads.map((a) => a.campaign);

test('an eligible campaign is served with signed beacon URLs that verify', async (t) => {
  const res = await served([campaign({ id: 'shoes' })]);
  t.deepEqual(ids(res), ['shoes']);
  const ad = res.ads[0]!;
  t.is(ad.slot, 'top');
  t.is(ad.format, 'banner');
  t.true(ad.width <= 300 && ad.height <= 250);
  t.is(ad.imageUrl, 'https://cdn.example/shoes.png');
  const token = decodeURIComponent(new URL(ad.impressionUrl).searchParams.get('t')!);
  t.is(new URL(ad.viewableUrl).searchParams.get('t'), new URL(ad.impressionUrl).searchParams.get('t'));
  t.true(ad.clickUrl.startsWith('http://track.test/c?t='));
  const verified = SIGNER.verify(token);
  t.true(verified.ok);
  if (verified.ok) {
    t.is(verified.claims.c, 'shoes');
    t.is(verified.claims.p, 'pub-demo');
    t.is(verified.claims.pr, 2_000_000);
    t.is(verified.claims.l, 'https://shop.example/shoes');
  }
});

test('paused, archived, not yet started and ended campaigns are never served', async (t) => {
  const res = await served([
    campaign({ status: 'paused' }),
    campaign({ status: 'archived' }),
    campaign({ schedule: { start: '2099-01-01T00:00:00Z' } }),
    campaign({ schedule: { start: '2020-01-01T00:00:00Z', end: '2021-01-01T00:00:00Z' } }),
  ]);
  t.deepEqual(res.ads, []);
});

test('publisher, format, size, device and country targeting', async (t) => {
  const campaigns = [
    campaign({ id: 'other-pub', targeting: { publishers: ['pub-other'] } }),
    campaign({ id: 'in-image-only', targeting: { formats: ['in-image'] } }),
    campaign({ id: 'mobile-only', targeting: { devices: ['mobile'] } }),
    campaign({ id: 'fr-only', targeting: { countries: ['FR'] } }),
    campaign({ id: 'too-big', creatives: [{ id: 'big', format: 'banner', width: 970, height: 250, imageUrl: 'https://cdn.example/b.png', landingUrl: 'https://shop.example' }] }),
  ];
  t.deepEqual(ids(await served(campaigns, adRequest({ device: { type: 'desktop' } }))), []);
  t.deepEqual(ids(await served(campaigns, adRequest({ device: { type: 'mobile' } }))), ['mobile-only']);
  t.deepEqual(ids(await served(campaigns, adRequest(), { ...HUMAN, country: 'FR' })), ['fr-only']);
  t.deepEqual(ids(await served(campaigns, adRequest({ slots: [{ id: 'hero', format: 'in-image', width: 640, height: 360 }] }))).sort(), ['in-image-only']);
  t.deepEqual(ids(await served(campaigns, adRequest({ slots: [{ id: 'wide', format: 'banner', width: 970, height: 250 }] }))), ['too-big']);
  t.deepEqual(ids(await served([campaign({ id: 'mine', targeting: { publishers: ['pub-demo'] } })])), ['mine']);
});

test('category include and exclude use the request categories until the page is classified', async (t) => {
  const campaigns = [campaign({ id: 'sports', targeting: { categories: { include: ['483'] } } }), campaign({ id: 'no-sports', priority: 'house', targeting: { categories: { exclude: ['483'] } } })];
  t.deepEqual(ids(await served(campaigns, adRequest({ page: { url: 'https://news.example/a', categories: ['483'] } }))), ['sports']);
  t.deepEqual(ids(await served(campaigns, adRequest({ page: { url: 'https://news.example/a', categories: ['210'] } }))), ['no-sports']);
});

test('keyword targeting matches page keywords, title and text, whole phrases too', async (t) => {
  const campaigns = [campaign({ id: 'kw', targeting: { keywords: ['marathon', 'trail running'] } })];
  t.deepEqual(ids(await served(campaigns, adRequest({ page: { url: 'https://news.example/a', text: 'Our guide to the Marathon season' } }))), ['kw']);
  t.deepEqual(ids(await served(campaigns, adRequest({ page: { url: 'https://news.example/a', title: 'Running on a trail' } }))), ['kw']);
  t.deepEqual(ids(await served(campaigns, adRequest({ page: { url: 'https://news.example/a', keywords: ['cooking'] } }))), []);
});

function classification(url: string, risk: PageClassifiedData['brandSafety']['risk'], categories: string[]): PageClassifiedData {
  const hash = pageHash(normalisePageUrl(url)!);
  return {
    pageHash: hash,
    url,
    categories: categories.map((id) => ({ id, name: id, tier: 1, score: 1 })),
    brandSafety: { risk, flags: risk === 'none' ? [] : [{ category: 'crime', risk }] },
    language: 'en',
    confidence: 'high',
    version: 1,
    classifiedAt: '2026-01-01T00:00:00Z',
  };
}

test('once classified, the page categories (with the declared ones) and brand-safety risk decide; strict campaigns never run on risky pages', async (t) => {
  const url = 'https://news.example/crime-story';
  const h = await harness([
    campaign({ id: 'strict', priority: 'sponsorship', targeting: { brandSafety: 'strict' } }),
    campaign({ id: 'moderate', targeting: { brandSafety: 'moderate' } }),
    campaign({ id: 'news', priority: 'house', targeting: { categories: { include: ['379'] } } }),
    campaign({ id: 'declared', priority: 'house', pricing: { model: 'cpm', amountMicros: 100_000, currency: 'EUR' }, targeting: { categories: { include: ['483'] } } }),
  ]);
  try {
    const request = adRequest({ page: { url: url + '?utm_source=x', categories: ['483'] }, slots: [{ id: 'a', format: 'banner', width: 300, height: 250 }, { id: 'b', format: 'banner', width: 300, height: 250 }, { id: 'c', format: 'banner', width: 300, height: 250 }] });
    t.deepEqual(ids(await decide(h.deps, request, HUMAN)), ['strict', 'moderate', 'declared'], 'not classified yet: context only');
    await h.store.set(pageKey(classification(url, 'medium', ['379']).pageHash), classification(url, 'medium', ['379']) as never);
    await new Promise((r) => setTimeout(r, 60));
    await decide(h.deps, request, HUMAN);
    await new Promise((r) => setTimeout(r, 20));
    t.deepEqual(ids(await decide(h.deps, request, HUMAN)), ['moderate', 'news', 'declared'], 'classified: medium risk, news category added to the declared one');
  } finally {
    await h.close();
  }
});

test('an unknown page is announced once with page.observed', async (t) => {
  const h = await harness([campaign()]);
  try {
    const request = adRequest({ page: { url: 'https://news.example/new-story#top', title: 'New story', text: 'Body', lang: 'en' } });
    await decide(h.deps, request, HUMAN);
    await new Promise((r) => setTimeout(r, 50));
    await decide(h.deps, request, HUMAN);
    await new Promise((r) => setTimeout(r, 50));
    const observed = h.events.filter((e) => e.type === 'dev.tagline.page.observed');
    t.is(observed.length, 1);
    t.is(observed[0]!.id, pageHash('https://news.example/new-story'));
    t.like(observed[0]!.data, { url: 'https://news.example/new-story', title: 'New story', lang: 'en' });
  } finally {
    await h.close();
  }
});

test('priority tiers first, then effective eCPM, CPC bids through the expected CTR', async (t) => {
  const three = adRequest({ slots: ['a', 'b', 'c', 'd'].map((id) => ({ id, format: 'banner' as const, width: 300, height: 250 })) });
  const res = await served(
    [
      campaign({ id: 'house', priority: 'house', pricing: { model: 'cpm', amountMicros: 50_000_000, currency: 'EUR' } }),
      campaign({ id: 'cpm-3', pricing: { model: 'cpm', amountMicros: 3_000_000, currency: 'EUR' } }),
      campaign({ id: 'cpc-2', pricing: { model: 'cpc', amountMicros: 2_000_000, currency: 'EUR' } }),
      campaign({ id: 'sponsor', priority: 'sponsorship', pricing: { model: 'cpm', amountMicros: 100_000, currency: 'EUR' } }),
    ],
    three,
  );
  t.deepEqual(ids(res), ['sponsor', 'cpc-2', 'cpm-3', 'house'], 'CPC 2.00 × 0.2% × 1000 = 4.00 eCPM beats CPM 3.00');
});

test('no campaign twice on one page; a slot without an eligible ad is absent', async (t) => {
  const res = await served([campaign({ id: 'only' })], adRequest({ slots: [{ id: 'a', format: 'banner', width: 300, height: 250 }, { id: 'b', format: 'banner', width: 300, height: 250 }] }));
  t.deepEqual(res.ads.map((a) => a.slot), ['a']);
});

test('frequency caps apply per consented user and window', async (t) => {
  const capped = campaign({ id: 'capped', frequencyCap: { impressions: 2, windowSeconds: 3600 } });
  const fallback = campaign({ id: 'fallback', priority: 'house' });
  const withUser = adRequest({ user: { id: 'u1' } });
  const seenTwice = async (h: Harness) => {
    await h.store.applyOnce('/test', 'f', [{ type: 'counter', key: counterKeys.frequency('capped', 'u1', capWindowStart(Date.now(), 3600)), by: 2, ttlSeconds: 3600 }]);
  };
  t.deepEqual(ids(await served([capped, fallback], withUser)), ['capped']);
  t.deepEqual(ids(await served([capped, fallback], withUser, HUMAN, seenTwice)), ['fallback']);
  t.deepEqual(ids(await served([capped, fallback], adRequest({ user: { id: 'u2' } }), HUMAN, seenTwice)), ['capped'], 'another user is not capped');
});

const gvl = new GVL({
  gvlSpecificationVersion: 3,
  vendorListVersion: 1,
  tcfPolicyVersion: 5,
  lastUpdated: '2026-01-01T00:00:00Z',
  purposes: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [String(i + 1), { id: i + 1, name: `p${i + 1}`, description: '', illustrations: [] }])),
  specialPurposes: {},
  features: {},
  specialFeatures: {},
  vendors: {},
  stacks: {},
  dataCategories: {},
} as never);

function tcString(purposes: number[]): string {
  const model = new TCModel(gvl);
  model.cmpId = 10;
  model.cmpVersion = 1;
  model.purposeConsents.set(purposes);
  return TCString.encode(model);
}

test('consent: the user id (and its caps) is used only outside GDPR or with purposes 1 and 4', async (t) => {
  const capped = campaign({ id: 'capped', frequencyCap: { impressions: 1, windowSeconds: 3600 } });
  const seen = async (h: Harness) => {
    await h.store.applyOnce('/test', 'f', [{ type: 'counter', key: counterKeys.frequency('capped', 'u1', capWindowStart(Date.now(), 3600)), by: 1, ttlSeconds: 3600 }]);
  };
  const run = async (consent: AdRequest['consent']) => {
    const res = await served([capped], adRequest({ user: { id: 'u1' }, consent }), HUMAN, seen);
    const token = SIGNER.verify(decodeURIComponent(new URL(res.ads[0]?.impressionUrl ?? 'http://x/?t=none').searchParams.get('t')!));
    return { capped: res.ads.length === 0, user: token.ok ? token.claims.u : undefined };
  };
  t.deepEqual(await run({ gdpr: false }), { capped: true, user: undefined });
  t.deepEqual(await run({ gdpr: true, tcString: tcString([1, 2, 3, 4, 7]) }), { capped: true, user: undefined });
  t.deepEqual(await run({ gdpr: true }), { capped: false, user: undefined }, 'no TC string: context only');
  t.deepEqual(await run({ gdpr: true, tcString: tcString([2, 7]) }), { capped: false, user: undefined }, 'denied: context only');
  t.deepEqual(await run({ gdpr: true, tcString: 'not-a-tc-string' }), { capped: false, user: undefined });
  const granted = await served([campaign({ id: 'x' })], adRequest({ user: { id: 'u9' }, consent: { gdpr: true, tcString: tcString([1, 4]) } }));
  const claims = SIGNER.verify(decodeURIComponent(new URL(granted.ads[0]!.impressionUrl).searchParams.get('t')!));
  t.true(claims.ok && claims.claims.u === 'u9', 'consented user id travels in the token');
  const denied = await served([campaign({ id: 'x' })], adRequest({ user: { id: 'u9' }, consent: { gdpr: true, tcString: tcString([2]) } }));
  const noUser = SIGNER.verify(decodeURIComponent(new URL(denied.ads[0]!.impressionUrl).searchParams.get('t')!));
  t.true(noUser.ok && noUser.claims.u === undefined, 'no consent: no user id in the token');
});

test('exhausted, over-budget and over-daily-budget campaigns are not served', async (t) => {
  const day = utcDay();
  t.deepEqual(ids(await served([campaign({ id: 'flagged' })], adRequest(), HUMAN, (h) => h.store.set(counterKeys.exhausted('flagged'), { scope: 'total' }))), []);
  const spent = (id: string, key: string, by: number) => (h: Harness) => h.store.applyOnce('/test', id, [{ type: 'counter', key, by }]).then(() => undefined);
  const total = campaign({ id: 'total', budget: { totalMicros: 10_000_000 } });
  t.deepEqual(ids(await served([total], adRequest(), HUMAN, spent('a', counterKeys.spendTotal('total'), 10_000_000))), []);
  const daily = campaign({ id: 'daily', budget: { totalMicros: 1_000_000_000, dailyMicros: 5_000_000 } });
  t.deepEqual(ids(await served([daily], adRequest(), HUMAN, spent('b', counterKeys.spendDay('daily', day), 5_000_000))), []);
  t.deepEqual(ids(await served([daily])), ['daily']);
});

test('even pacing holds back a campaign ahead of its daily schedule; asap does not', async (t) => {
  const day = utcDay();
  const noon = Date.parse(`${day}T12:00:00Z`);
  const run = async (c: Campaign, spentMicros: number) => {
    const h = await harness([c]);
    try {
      h.deps.now = () => noon;
      if (spentMicros > 0) await h.store.applyOnce('/test', c.id, [{ type: 'counter', key: counterKeys.spendDay(c.id, day), by: spentMicros }]);
      await h.state.refresh([c.id]);
      return ids(await decide(h.deps, adRequest(), HUMAN));
    } finally {
      await h.close();
    }
  };
  const budget = { totalMicros: 10_000_000_000, dailyMicros: 1_000_000_000 };
  // At noon half the daily budget (plus 2% slack) may be spent; 700 of 1000 is ahead of schedule.
  t.deepEqual(await run(campaign({ id: 'even', pacing: 'even', budget }), 700_000_000), []);
  t.deepEqual(await run(campaign({ id: 'asap', pacing: 'asap', budget }), 700_000_000), ['asap']);
  t.deepEqual(await run(campaign({ id: 'even', pacing: 'even', budget }), 400_000_000), ['even'], 'on pace');
});

test('near the end of a budget, serving draws on leases so concurrent decisions cannot overspend', async (t) => {
  // CPM 2.00 → 2000 micros an impression; a budget of 100 impressions.
  const small = campaign({ id: 'small', budget: { totalMicros: 200_000 } });
  const h = await harness([small]);
  try {
    let servedCount = 0;
    for (let round = 0; round < 40; round++) {
      const results = await Promise.all(Array.from({ length: 20 }, () => decide(h.deps, adRequest(), HUMAN)));
      servedCount += results.filter((r) => r.ads.length > 0).length;
      await new Promise((r) => setTimeout(r, 5));
    }
    t.true(servedCount <= 100, `served ${servedCount} impressions on a budget of 100`);
    t.true(servedCount >= 80, `served ${servedCount}: the budget is used, not starved`);
    const [reserved] = await h.store.getCounters([counterKeys.reservedTotal('small')]);
    t.true(reserved! <= 200_000);
  } finally {
    await h.close();
  }
});

test('bots get no ad; an unknown publisher is a 400 naming the field', async (t) => {
  const res = await served([campaign()], adRequest(), { userAgent: 'Googlebot/2.1 (+http://www.google.com/bot.html)', country: 'ES' });
  t.deepEqual(res.ads, []);
  const h = await harness([campaign()]);
  try {
    const err = await t.throwsAsync(async () => decide(h.deps, adRequest({ publisher: 'pub-unknown' }), HUMAN), { instanceOf: ValidationError });
    t.regex(err!.message, /publisher/);
  } finally {
    await h.close();
  }
});

test('a user capped on the top 10 campaigns is served the best uncapped one', async (t) => {
  const nowMs = Date.now();
  const top = Array.from({ length: 14 }, (_, i) => campaign({ id: `capped-${String(i).padStart(2, '0')}`, pricing: { model: 'cpm', amountMicros: 9_000_000 - i * 100_000, currency: 'EUR' }, frequencyCap: { impressions: 2, windowSeconds: 3_600 } }));
  const res = await served(top, adRequest({ user: { id: 'u-10' } }), HUMAN, async (h) => {
    for (const c of top.slice(0, 10)) await h.store.applyOnce('test', c.id, [{ type: 'counter', key: counterKeys.frequency(c.id, 'u-10', capWindowStart(nowMs, 3_600)), by: 2 }]);
  });
  t.deepEqual(ids(res), ['capped-10']);
});
