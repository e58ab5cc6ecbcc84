/**
 * Contextual targeting end to end through the local platform: an unknown page is decided on the
 * request's own context and announced with `page.observed`; the Broker delivers it to classify,
 * whose classification is stored and replied as `page.classified`; from then on ad-decision
 * targets the page on its categories and its brand-safety risk.
 */
import test, { type ExecutionContext } from 'ava';
import type { Ad } from '../../functions/ad-decision/decide';
import type { PageClassifiedData } from '../../shared/events';
import { campaignInput, eventually, startClassifyPlatform, type ClassifyPlatform } from '../kit/classify-platform';
import { DRUG_BUST_PAGE, STABBING_PAGE, TRAVEL_PAGE, type PageContent } from '../kit/classify-pages';

const TRAVEL = '653';
const CRIME = '380';
const REPEATS = 10;

let env: ClassifyPlatform;

test.before(async () => {
  env = await startClassifyPlatform();
});

test.after.always(async () => {
  await env?.close();
});

test.afterEach.always((t) => {
  if (!t.passed && env !== undefined) t.log(env.log.slice(-40).join('\n'));
});

function campaignsOf(ads: readonly Ad[]): string[] {
  return ads.map((ad) => ad.campaign);
}

/**
 * Asks for a front page of `publisher` until `campaign` serves there: ad-decision has rebuilt its
 * catalog with the new publisher (a 400 "unknown publisher" until then) and campaigns. The front
 * page is observed and classified like any other.
 */
async function catalogReady(publisher: string, domain: string, campaign: string): Promise<void> {
  const answer = await eventually(
    `${campaign} in the catalog`,
    () => env.askAds(publisher, `https://${domain}/`, { title: 'Front page' }),
    (a) => (a.status === 200 && campaignsOf(a.ads).includes(campaign)) || (a.status !== 200 && !a.text.includes('unknown publisher')),
    30_000,
  );
  if (answer.status !== 200) throw new Error(`POST /ad-decision/v1/ads → ${answer.status}: ${answer.text}`);
}

/** Waits until classify has stored the page's classification, and returns it. */
async function classified(url: string): Promise<PageClassifiedData> {
  return (await eventually(`classification of ${url}`, () => env.classification(url), (c) => c !== undefined, 90_000))!;
}

/** Asks for the page until `campaign` is served on it (ad-decision has read the classification). */
function servedOnceClassified(publisher: string, url: string, page: Partial<PageContent>, campaign: string): Promise<Ad[]> {
  return eventually(`${campaign} served on ${url}`, () => env.requestAds(publisher, url, page), (ads) => campaignsOf(ads).includes(campaign), 30_000);
}

/** The same page asked for `REPEATS` more times: the campaigns of each answer. */
async function repeated(publisher: string, url: string, page: Partial<PageContent>): Promise<string[][]> {
  const answers: string[][] = [];
  for (let i = 0; i < REPEATS; i++) answers.push(campaignsOf(await env.requestAds(publisher, url, page)));
  return answers;
}

/** Waits for `expected` more `page.classified` replies than `before`, and asserts there are no more. */
async function repliesSince(t: ExecutionContext, before: number, expected: number): Promise<void> {
  const stats = await eventually('page.classified replies', () => env.broker(), (b) => b.replied - before >= expected, 30_000);
  t.is(stats.replied - before, expected, 'one page.observed per page, however often it was asked for, each answered with one page.classified');
}

test.serial('an unknown page is served on context alone, then, once classify has stored its categories, targeted on them', async (t) => {
  t.timeout(180_000);
  const publisher = 'pub-travel-desk';
  await env.createPublisher(publisher, 'travel-desk.example');
  const travel = await env.createCampaign(campaignInput('Rail passes across Europe', publisher, 'standard', { categories: { include: [TRAVEL] } }));
  const notTravel = await env.createCampaign(campaignInput('Home insurance', publisher, 'house', { categories: { exclude: [TRAVEL] } }));
  const url = 'https://travel-desk.example/travel/porto-three-slow-days';
  const before = await env.broker();
  await catalogReady(publisher, 'travel-desk.example', notTravel);
  t.is(await env.classification(url), undefined, 'a page never seen has no classification');

  const first = await env.requestAds(publisher, `${url}?utm_source=newsletter`, TRAVEL_PAGE);
  t.deepEqual(campaignsOf(first), [notTravel], 'not classified yet: the request carries no categories, so only the campaign that excludes Travel is eligible');

  const stored = await classified(url);
  t.is(stored.url, url, 'the page is observed under its canonical URL (no tracking parameters)');
  t.like(stored.categories[0], { id: TRAVEL, tier: 1 }, 'Travel is the top tier-1 category');
  t.is(stored.brandSafety.risk, 'none');
  t.is(stored.language, 'en');
  await repliesSince(t, before.replied, 2);

  const targeted = await servedOnceClassified(publisher, url, TRAVEL_PAGE, travel);
  t.deepEqual(campaignsOf(targeted), [travel], 'classified: the Travel campaign wins and the one excluding Travel is no longer eligible');
  t.deepEqual(targeted[0]?.slot, 'top');
  for (const answer of await repeated(publisher, url, TRAVEL_PAGE)) t.deepEqual(answer, [travel]);
  t.is((await env.broker()).deadLettered - before.deadLettered, 0, 'nothing dead-lettered');
});

test.serial('a strict brand-safety campaign is never served on a page once it is classified medium or high risk', async (t) => {
  t.timeout(180_000);
  const publisher = 'pub-city-news';
  await env.createPublisher(publisher, 'city-news.example');
  const strict = await env.createCampaign(campaignInput('Family SUV launch', publisher, 'sponsorship', { brandSafety: 'strict' }));
  const open = await env.createCampaign(campaignInput('Legal aid helpline', publisher, 'standard'));
  const crimeDesk = await env.createCampaign(campaignInput('True crime podcast', publisher, 'house', { categories: { include: [CRIME] } }));
  const risky = [
    { url: 'https://city-news.example/local/teenager-stabbed-outside-station', page: STABBING_PAGE },
    { url: 'https://city-news.example/espana/red-cocaina-puerto-algeciras', page: DRUG_BUST_PAGE },
  ];
  const safe = { url: 'https://city-news.example/travel/porto-weekend-guide', page: TRAVEL_PAGE };
  const repliedBefore = (await env.broker()).replied;

  await catalogReady(publisher, 'city-news.example', open);
  for (const { url, page } of [...risky, safe]) {
    // The first view of a page is decided on its declared context alone, as the contract's flow says.
    t.deepEqual(campaignsOf(await env.requestAds(publisher, url, page)), [strict, open], `${url} not classified yet: context only`);
  }

  for (const { url, page } of risky) {
    const stored = await classified(url);
    t.true(stored.brandSafety.risk === 'medium' || stored.brandSafety.risk === 'high', `${url} risk ${stored.brandSafety.risk}`);
    t.like(stored.categories[0], { id: CRIME, tier: 1 });
    const answer = await servedOnceClassified(publisher, url, page, crimeDesk);
    t.deepEqual(campaignsOf(answer), [open, crimeDesk], `${url} classified: the non-strict campaigns serve, the strict one does not`);
    for (const repeat of await repeated(publisher, url, page)) t.false(repeat.includes(strict), `${url}: ${repeat.join(', ')}`);
  }
  t.is((await classified(risky[1]!.url)).language, 'es');

  const stored = await classified(safe.url);
  t.is(stored.brandSafety.risk, 'none');
  const answer = await servedOnceClassified(publisher, safe.url, safe.page, strict);
  t.deepEqual(campaignsOf(answer), [strict, open], 'a page classified safe gets the strict campaign, first by priority');
  await repliesSince(t, repliedBefore, 4);
});
