import test from 'ava';
import { campaignInput, startEventPathPlatform } from '../kit/event-path-platform';

test('through the local platform: ads requested, beacons fired, the report shows exactly what was sent within seconds', async (t) => {
  t.timeout(120_000);
  const e2e = await startEventPathPlatform();
  t.teardown(() => e2e.close());
  const cpm = await e2e.createCampaign(campaignInput('e2e-cpm', { model: 'cpm', amount: 2.5 }));
  const cpc = await e2e.createCampaign(campaignInput('e2e-cpc', { model: 'cpc', amount: 0.4 }));
  // An admin write is served within a second by every ad-decision instance (they poll the change
  // log); one already running from boot (TAGLINE_MIN_SCALE) may not have it yet.
  await new Promise((resolve) => setTimeout(resolve, 1200));
  const ads = await e2e.requestAds(30);
  t.is(ads.length, 30);

  const sent = new Map([cpm, cpc].map((id) => [id, { impressions: 0, viewable: 0, clicks: 0 }]));
  const firing: Promise<number>[] = [];
  ads.forEach((ad, n) => {
    const s = sent.get(ad.campaign)!;
    // Every impression fired twice (a page re-rendering): still one impression.
    firing.push(e2e.fire(ad.impressionUrl), e2e.fire(ad.impressionUrl));
    s.impressions++;
    if (n % 3 !== 0) {
      firing.push(e2e.fire(ad.viewableUrl));
      s.viewable++;
    }
    if (n % 4 === 0) {
      firing.push(e2e.fire(ad.clickUrl));
      s.clicks++;
    }
  });
  const statuses = await Promise.all(firing);
  t.true(statuses.every((s) => s === 200 || s === 302), statuses.join(','));
  const firedAt = Date.now();

  const expected = new Map([...sent].map(([id, s]) => [id, { ...s, spend: id === cpm ? (s.impressions * 2500) / 1e6 : (s.clicks * 400_000) / 1e6 }]));
  let seen = new Map<string, unknown>();
  while (Date.now() - firedAt < 15_000) {
    seen = new Map(await Promise.all([cpm, cpc].map(async (id) => [id, await e2e.report(id)] as const)));
    if ([...expected].every(([id, want]) => JSON.stringify(seen.get(id)) === JSON.stringify(want))) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  t.deepEqual(seen, expected);
  t.log(`report complete ${Date.now() - firedAt} ms after the last beacon answered`);
  t.true(Date.now() - firedAt < 15_000);
});
