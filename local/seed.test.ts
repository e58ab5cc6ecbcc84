import test from 'ava';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './command';
import { readSeed } from './seed';

const base = 'http://localhost:8080';

test('the seed is valid campaigns API input once its URLs are built from the platform port', (t) => {
  const seed = readSeed(base);
  t.deepEqual(seed.publishers, [{ id: 'pub-demo', name: 'Demo News', domains: ['news.example', 'localhost', '127.0.0.1'] }]);
  t.true(seed.campaigns.length >= 5);
  const creatives = seed.campaigns.flatMap((c) => c.creatives);
  for (const c of creatives) {
    t.true(c.landingUrl.startsWith(`${base}/_/demo/landing.html`), c.landingUrl);
    if (c.imageUrl !== undefined) t.true(c.imageUrl.startsWith(`${base}/_/creatives/`), c.imageUrl);
  }
});

test('the seed covers priorities, formats, pricing models and a Spanish campaign', (t) => {
  const { campaigns } = readSeed(base);
  t.deepEqual(new Set(campaigns.map((c) => c.priority)), new Set(['sponsorship', 'standard', 'house']));
  t.deepEqual(new Set(campaigns.flatMap((c) => c.creatives.map((x) => x.format))), new Set(['in-image', 'in-article', 'banner']));
  t.deepEqual(new Set(campaigns.map((c) => c.pricing.model)), new Set(['cpm', 'cpc']));
  t.true(new Set(campaigns.map((c) => c.advertiser)).size >= 5);
  t.true(campaigns.some((c) => c.targeting?.keywords?.includes('viajes')));
});

/** The IAB Content Taxonomy 3.1 ids the seed may use: tier 1 and 2, the tiers the classify function emits. */
const IAB_3_1: Record<string, string> = {
  '1': 'Automotive',
  '16': 'Auto Type',
  '25': 'Car Culture',
  '37': 'Auto Technology',
  '223': 'Healthy Living',
  '225': 'Fitness and Exercise',
  '381': 'Disasters',
  '483': 'Sports',
  '596': 'Technology & Computing',
  '599': 'Computing',
  '632': 'Consumer Electronics',
  '653': 'Travel',
  '655': 'Travel Locations',
  '664': 'Travel Type',
};

test('every seed category is a tier 1 or 2 IAB Content Taxonomy 3.1 id and every local creative file exists', (t) => {
  const { campaigns } = readSeed(base);
  for (const id of campaigns.flatMap((c) => [...(c.targeting?.categories?.include ?? []), ...(c.targeting?.categories?.exclude ?? [])])) t.truthy(IAB_3_1[id], id);
  for (const c of campaigns.flatMap((x) => x.creatives)) {
    if (c.imageUrl !== undefined) t.notThrows(() => readFileSync(path.join(ROOT, 'local', 'demo', 'creatives', path.basename(c.imageUrl!))));
  }
});
