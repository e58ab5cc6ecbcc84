import type { Campaign, Publisher } from '../shared/model';
import type { AdRequest } from '../functions/ad-decision/request';

/** Sports and news tier-2 ids of IAB Content Taxonomy 3.1 plus a few tier-1 ids. */
const CATEGORIES = ['483', '484', '512', '527', '533', '539', '540', '492', '379', '386', '210', '239', '52', '123', '186', '201', '274', '286', '432', '464'];
const COUNTRIES = ['ES', 'FR', 'DE', 'IT', 'PT', 'GB', 'US'];
const DEVICES = ['desktop', 'mobile', 'tablet'] as const;
const KEYWORDS = ['running', 'marathon', 'football', 'tennis', 'election', 'recipe', 'travel', 'cycling', 'fitness', 'market'];

/** A small deterministic PRNG (mulberry32), so every run benches the same catalog. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const some = <T>(rnd: () => number, xs: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(rnd() * max) }, () => pick(rnd, xs)))];

export function publishers(count: number): Publisher[] {
  return Array.from({ length: count }, (_, i) => ({ id: `pub-${i}`, name: `Publisher ${i}`, domains: [`site${i}.example`] }));
}

/**
 * `count` active campaigns shaped like a contextual network's: most target a few publishers or
 * a few categories, some devices, countries, keywords, caps and brand safety; a few are house ads.
 */
export function campaigns(count: number, publisherCount: number, seed = 42): Campaign[] {
  const rnd = prng(seed);
  const pubs = Array.from({ length: publisherCount }, (_, i) => `pub-${i}`);
  return Array.from({ length: count }, (_, i) => {
    const id = `cmp-${i}`;
    const shape = rnd();
    const cpc = rnd() < 0.2;
    const c: Campaign = {
      id,
      name: `Campaign ${i}`,
      advertiser: `adv-${i % 500}`,
      status: 'active',
      priority: rnd() < 0.05 ? 'sponsorship' : rnd() < 0.1 ? 'house' : 'standard',
      pricing: { model: cpc ? 'cpc' : 'cpm', amountMicros: Math.round((cpc ? 0.1 + rnd() * 2 : 0.5 + rnd() * 8) * 1e6), currency: 'EUR' },
      budget: { totalMicros: 1e12 },
      pacing: 'asap',
      schedule: { start: '2020-01-01T00:00:00Z' },
      targeting: {
        ...(shape < 0.45 ? { publishers: some(rnd, pubs, 5) } : shape < 0.85 ? { categories: { include: some(rnd, CATEGORIES, 3) } } : {}),
        ...(rnd() < 0.3 ? { devices: some(rnd, DEVICES, 2) } : {}),
        ...(rnd() < 0.3 ? { countries: some(rnd, COUNTRIES, 3) } : {}),
        ...(rnd() < 0.2 ? { keywords: some(rnd, KEYWORDS, 2) } : {}),
        ...(rnd() < 0.3 ? { brandSafety: pick(rnd, ['strict', 'moderate'] as const) } : {}),
      },
      creatives: [
        { id: `${id}-b`, format: 'banner', width: 300, height: 250, imageUrl: `https://cdn.example/${id}.png`, landingUrl: `https://shop.example/${id}` },
        { id: `${id}-i`, format: 'in-image', width: 640, height: 120, imageUrl: `https://cdn.example/${id}-w.png`, landingUrl: `https://shop.example/${id}` },
        { id: `${id}-a`, format: 'in-article', width: 600, height: 300, html: `<p>${id}</p>`, landingUrl: `https://shop.example/${id}` },
      ],
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    };
    if (rnd() < 0.1) c.frequencyCap = { impressions: 3, windowSeconds: 86_400 };
    return c;
  });
}

/** Ad requests for pages across the publishers: two slots, realistic article context. */
export function requests(count: number, publisherCount: number, seed = 7): AdRequest[] {
  const rnd = prng(seed);
  return Array.from({ length: count }, (_, i) => ({
    publisher: `pub-${Math.floor(rnd() * publisherCount)}`,
    page: {
      url: `https://site.example/articles/${i}`,
      title: `${pick(rnd, KEYWORDS)} news of the day`,
      text: 'A long article body about sport, markets and travel. '.repeat(40),
      categories: some(rnd, CATEGORIES, 2),
      lang: 'en',
    },
    slots: [
      { id: 'hero', format: 'in-image', width: 640, height: 360 },
      { id: 'mid', format: 'banner', width: 300, height: 250 },
    ],
    device: { type: pick(rnd, DEVICES) },
  }));
}

const VOCABULARY = Array.from({ length: 5_000 }, (_, i) => `w${i.toString(36)}`);
const CATEGORY_IDS = Array.from({ length: 700 }, (_, i) => String(i + 1));

/** A plain active CPM banner campaign with no targeting, priced at random. */
export function plainCampaign(id: string, rnd: () => number): Campaign {
  return {
    id,
    name: id,
    advertiser: `adv-${id.length}`,
    status: 'active',
    priority: rnd() < 0.05 ? 'sponsorship' : rnd() < 0.1 ? 'house' : 'standard',
    pricing: { model: 'cpm', amountMicros: Math.round((0.5 + rnd() * 8) * 1e6), currency: 'EUR' },
    budget: { totalMicros: 1e12 },
    pacing: 'asap',
    schedule: { start: '2020-01-01T00:00:00Z' },
    creatives: [{ id: `${id}-b`, format: 'banner', width: 300, height: 250, imageUrl: `https://cdn.example/${id}.png`, landingUrl: `https://shop.example/${id}` }],
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

/** An article of `words` words, half of them from a 5,000-word vocabulary, on `categories`. */
export function vocabularyPage(rnd: () => number, i: number, words: number, categories: string[]): AdRequest['page'] {
  const text = Array.from({ length: words }, () => (rnd() < 0.5 ? pick(rnd, VOCABULARY) : 'the')).join(' ');
  return { url: `https://site.example/a/${i}`, title: `Article ${i}`, text, categories, lang: 'en' };
}

/**
 * A selective catalog (shape (b) of the engine bench): every campaign on `pub-0`, each with one
 * of 700 included categories and one or two of 5,000 keywords.
 */
export function selectiveCampaigns(count: number, seed = 2): Campaign[] {
  const rnd = prng(seed);
  return Array.from({ length: count }, (_, i) => ({
    ...plainCampaign(`b-${i}`, rnd),
    targeting: { publishers: ['pub-0'], categories: { include: [pick(rnd, CATEGORY_IDS)] }, keywords: Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => pick(rnd, VOCABULARY)) },
  }));
}

/** Requests on `pub-0` whose pages (two categories, 60 words) match few of `selectiveCampaigns`. */
export function selectiveRequests(count: number, seed = 3): AdRequest[] {
  const rnd = prng(seed);
  return Array.from({ length: count }, (_, i) => ({
    publisher: 'pub-0',
    page: vocabularyPage(rnd, i, 60, [pick(rnd, CATEGORY_IDS), pick(rnd, CATEGORY_IDS)]),
    slots: [{ id: 'mid', format: 'banner', width: 300, height: 250 }],
    device: { type: 'mobile' },
  }));
}

/** Campaigns targeting only devices, countries and one to three of the 5,000 keywords (shape (c)). */
export function keywordCampaigns(count: number, seed = 4): Campaign[] {
  const rnd = prng(seed);
  return Array.from({ length: count }, (_, i) => ({
    ...plainCampaign(`c-${i}`, rnd),
    targeting: { devices: [pick(rnd, DEVICES)], countries: [pick(rnd, COUNTRIES)], keywords: Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(rnd, VOCABULARY)) },
  }));
}

/** Requests across `publisherCount` publishers on 200-word pages with no categories (shape (c)). */
export function keywordRequests(count: number, publisherCount: number, seed = 5): AdRequest[] {
  const rnd = prng(seed);
  return Array.from({ length: count }, (_, i) => ({
    publisher: `pub-${i % publisherCount}`,
    page: vocabularyPage(rnd, i, 200, []),
    slots: [{ id: 'mid', format: 'banner', width: 300, height: 250 }],
    device: { type: pick(rnd, DEVICES) },
  }));
}
