import test from 'ava';
import { EVENT_TYPES } from '../../shared/events';
import { claims } from '../../test/kit/tokens';
import { beaconEvent, landingUrl, unbillableTraffic } from './beacon';

const ua = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

test('an impression bills a thousandth of the CPM, rounded; a click the CPC; the rest nothing', (t) => {
  const cpm = claims({ m: 'cpm', pr: 2_500_500 });
  const cpc = claims({ m: 'cpc', pr: 350_000 });
  const price = (kind: 'impression' | 'viewable' | 'click', c: typeof cpm) => (beaconEvent(kind, c)?.data as { priceMicros: number }).priceMicros;
  t.is(price('impression', cpm), 2501);
  t.is(price('click', cpm), 0);
  t.is(price('viewable', cpm), 0);
  t.is(price('impression', cpc), 0);
  t.is(price('click', cpc), 350_000);
});

test('the event id is deterministic per beacon kind and impression', (t) => {
  const c = claims();
  t.deepEqual(
    (['impression', 'viewable', 'click'] as const).map((k) => [beaconEvent(k, c)?.type, beaconEvent(k, c)?.id]),
    [
      [EVENT_TYPES.impression, `imp:${c.i}`],
      [EVENT_TYPES.viewable, `view:${c.i}`],
      [EVENT_TYPES.click, `click:${c.i}`],
    ],
  );
  t.like(beaconEvent('impression', c, Date.parse('2026-03-01T10:00:00Z'))?.data as object, { occurredAt: '2026-03-01T10:00:00.000Z', servedAt: new Date(c.iat * 1000).toISOString() });
});

test('signed claims that cannot make a valid event make none', (t) => {
  t.is(beaconEvent('impression', claims({ s: 'x'.repeat(65) })), undefined);
  t.is(beaconEvent('impression', claims({ cu: 'EURO' })), undefined);
  t.is(beaconEvent('click', claims({ m: 'cpc', pr: -1 })), undefined);
});

test('crawlers, missing user agents and speculative loads are unbillable; browsers and HTTP clients are not', (t) => {
  t.is(unbillableTraffic({ 'user-agent': ua }), undefined);
  t.is(unbillableTraffic({ 'user-agent': 'okhttp/4.9.0' }), undefined);
  t.is(unbillableTraffic({ 'user-agent': 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)' }), 'bot');
  t.is(unbillableTraffic({}), 'bot');
  t.is(unbillableTraffic({ 'user-agent': '  ' }), 'bot');
  t.is(unbillableTraffic({ 'user-agent': ua, 'sec-purpose': 'prefetch;prerender' }), 'prefetch');
  t.is(unbillableTraffic({ 'user-agent': ua, purpose: 'prefetch' }), 'prefetch');
  t.is(unbillableTraffic({ 'user-agent': ua, 'x-moz': 'prefetch' }), 'prefetch');
  t.is(unbillableTraffic({ 'user-agent': ua, 'x-purpose': 'preview' }), 'prefetch');
});

test('only http(s) landing URLs are followed', (t) => {
  t.is(landingUrl(claims({ l: 'https://shop.example/a?b=1' })), 'https://shop.example/a?b=1');
  t.is(landingUrl(claims({ l: 'http://shop.example' })), 'http://shop.example/');
  for (const l of ['javascript:alert(1)', 'data:text/html,x', '//evil.example', 'ftp://x.example/', 'not a url']) t.is(landingUrl(claims({ l })), undefined, l);
});
