import test from 'ava';
import { EVENT_TYPES } from '../../shared/events';
import { outboxQueue } from '../../shared/outbox';
import { TokenSigner } from '../../shared/tokens';
import type { BrokerStandIn } from '../../test/kit/broker-stand-in';
import { metricValue } from '../../test/kit/events';
import { backendTest, BACKENDS } from '../../test/kit/stores';
import { startSubscriber } from '../../test/kit/subscriber';
import { BROWSER_UA, claims, TEST_KEYS, token } from '../../test/kit/tokens';

const browser = { 'user-agent': BROWSER_UA };

/** Delivery is at least once (a slow Broker answer is retried): what counts is the distinct ids. */
function distinctIds(broker: BrokerStandIn): string[] {
  return [...new Set(broker.events().map((e) => e.id))].sort();
}

async function withTrack(backend: (typeof BACKENDS)[number]) {
  const { fn: track, ...rest } = await startSubscriber('track', backend);
  return { track, ...rest };
}

test.serial('a rendered impression answers a no-store GIF and emits one ad.impression billing a thousandth of the CPM', async (t) => {
  const { track, broker, close } = await withTrack('sqlite');
  t.teardown(close);
  const c = claims({ pr: 2_500_000, u: 'user-7' });
  const res = await fetch(`${track.url}/i?t=${token(c)}`, { headers: browser });
  t.is(res.status, 200);
  t.is(res.headers.get('content-type'), 'image/gif');
  t.regex(res.headers.get('cache-control') ?? '', /no-store/);
  const gif = Buffer.from(await res.arrayBuffer());
  t.is(gif.subarray(0, 6).toString(), 'GIF89a');
  const [event] = broker.events(EVENT_TYPES.impression);
  t.deepEqual(distinctIds(broker), [`imp:${c.i}`]);
  t.is(event?.id, `imp:${c.i}`);
  t.is(event?.source, '/track');
  t.like(event?.data as object, { impressionId: c.i, campaign: c.c, publisher: c.p, priceMicros: 2500, model: 'cpm', currency: 'EUR', user: 'user-7' });
});

test.serial('sendBeacon posts text/plain: answered 204 no-store, and the viewable bills nothing', async (t) => {
  const { track, broker, close } = await withTrack('sqlite');
  t.teardown(close);
  const c = claims();
  const res = await fetch(`${track.url}/v?t=${token(c)}`, { method: 'POST', headers: { ...browser, 'content-type': 'text/plain;charset=UTF-8' }, body: 'visible' });
  t.is(res.status, 204);
  t.regex(res.headers.get('cache-control') ?? '', /no-store/);
  t.deepEqual(distinctIds(broker), [`view:${c.i}`]);
  t.true(broker.events().every((e) => e.type === EVENT_TYPES.viewable && (e.data as { priceMicros: number }).priceMicros === 0));
});

test.serial('a beacon fired five times is one event id', async (t) => {
  const { track, broker, close } = await withTrack('sqlite');
  t.teardown(close);
  const tok = token();
  for (let i = 0; i < 5; i++) t.is((await fetch(`${track.url}/i?t=${tok}`, { headers: browser })).status, 200);
  t.is(distinctIds(broker).length, 1);
});

test.serial('forged, tampered, expired, unknown-key and malformed tokens answer a pixel and count nothing', async (t) => {
  const { track, broker, close } = await withTrack('sqlite');
  t.teardown(close);
  const forger = new TokenSigner([{ id: TEST_KEYS[0]!.id, secret: Buffer.from('not-the-real-secret-0123456789') }], TEST_KEYS[0]!.id);
  const stranger = new TokenSigner([{ id: 'other', secret: Buffer.from('another-secret-0123456789abcdef') }], 'other');
  const good = token(claims());
  const [keyId, payload, mac] = good.split('.') as [string, string, string];
  const richer = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), pr: 99_000_000 })).toString('base64url');
  const past = Math.floor(Date.now() / 1000) - 7200;
  const bad: [string, string][] = [
    ['bad-signature', forger.sign(claims())],
    ['bad-signature', `${keyId}.${richer}.${mac}`],
    ['expired', token(claims({ iat: past, exp: past + 60 }))],
    ['unknown-key', stranger.sign(claims())],
    ['malformed', 'not-a-token'],
    ['malformed', ''],
  ];
  for (const [, tok] of bad) {
    const res = await fetch(`${track.url}/i?t=${encodeURIComponent(tok)}`, { headers: browser });
    t.is(res.status, 200);
    t.is(res.headers.get('content-type'), 'image/gif');
    const post = await fetch(`${track.url}/v?t=${encodeURIComponent(tok)}`, { method: 'POST', headers: browser });
    t.is(post.status, 204);
  }
  const noToken = await fetch(`${track.url}/i`, { headers: browser });
  t.is(noToken.status, 200);
  t.is(broker.received.length, 0);
  t.is(await metricValue(track.url, 'tagline_track_invalid_total', { reason: 'bad-signature' }), 4);
  t.is(await metricValue(track.url, 'tagline_track_invalid_total', { reason: 'expired' }), 2);
  t.is(await metricValue(track.url, 'tagline_track_invalid_total', { reason: 'unknown-key' }), 2);
  t.is(await metricValue(track.url, 'tagline_track_invalid_total', { reason: 'malformed' }), 5);
});

test.serial('a click redirects only to the signed landing URL, never to a query parameter', async (t) => {
  const { track, broker, close } = await withTrack('sqlite');
  t.teardown(close);
  const c = claims({ m: 'cpc', pr: 350_000 });
  const res = await fetch(`${track.url}/c?t=${token(c)}&url=${encodeURIComponent('https://evil.example/')}&l=https://evil.example/`, { headers: browser, redirect: 'manual' });
  t.is(res.status, 302);
  t.is(res.headers.get('location'), 'https://shop.example/shoes?utm_source=tagline');
  t.regex(res.headers.get('cache-control') ?? '', /no-store/);
  t.deepEqual(distinctIds(broker), [`click:${c.i}`]);
  t.true(broker.events().every((e) => (e.data as { priceMicros: number }).priceMicros === 350_000));
});

test.serial('a click with a bad token or a non-http landing URL is a 400 and never a redirect', async (t) => {
  const { track, broker, close } = await withTrack('sqlite');
  t.teardown(close);
  const past = Math.floor(Date.now() / 1000) - 7200;
  const tokens = [
    token(claims({ iat: past, exp: past + 60 })),
    'test.eyJ9.AAAA',
    token(claims({ l: 'javascript:alert(1)' })),
    token(claims({ l: 'data:text/html,<script>alert(1)</script>' })),
  ];
  for (const tok of tokens) {
    const res = await fetch(`${track.url}/c?t=${encodeURIComponent(tok)}&url=https://evil.example/`, { headers: browser, redirect: 'manual' });
    t.is(res.status, 400);
    t.is(res.headers.get('location'), null);
    t.is(res.headers.get('content-type'), 'application/problem+json');
  }
  const html = await fetch(`${track.url}/c?t=bad`, { headers: { ...browser, accept: 'text/html' }, redirect: 'manual' });
  t.is(html.status, 400);
  t.regex(await html.text(), /no longer valid/);
  t.is(broker.received.length, 0);
});

test.serial('bots and prefetches are not billed; a bot click still lands, a prefetched click is declined', async (t) => {
  const { track, broker, close } = await withTrack('sqlite');
  t.teardown(close);
  const bot = { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' };
  t.is((await fetch(`${track.url}/i?t=${token()}`, { headers: bot })).status, 200);
  t.is((await fetch(`${track.url}/i?t=${token()}`, { headers: { 'user-agent': '' } })).status, 200);
  t.is((await fetch(`${track.url}/i?t=${token()}`, { headers: { ...browser, 'sec-purpose': 'prefetch;prerender' } })).status, 200);
  t.is((await fetch(`${track.url}/v?t=${token()}`, { headers: { ...browser, purpose: 'prefetch' } })).status, 200);
  const botClick = await fetch(`${track.url}/c?t=${token()}`, { headers: bot, redirect: 'manual' });
  t.is(botClick.status, 302);
  t.is(botClick.headers.get('location'), 'https://shop.example/shoes?utm_source=tagline');
  const prefetched = await fetch(`${track.url}/c?t=${token()}`, { headers: { ...browser, 'sec-purpose': 'prefetch' }, redirect: 'manual' });
  t.is(prefetched.status, 503);
  t.is(prefetched.headers.get('location'), null);
  t.is(broker.received.length, 0);
  t.is(await metricValue(track.url, 'tagline_track_invalid_total', { reason: 'bot' }), 3);
  t.is(await metricValue(track.url, 'tagline_track_invalid_total', { reason: 'prefetch' }), 3);
});

test.serial('test traffic (an OpenRTB test: 1 bid) is verified and redirected but never billed', async (t) => {
  const { track, broker, close } = await withTrack('sqlite');
  t.teardown(close);
  const c = claims({ x: 1 });
  t.is((await fetch(`${track.url}/i?t=${token(c)}`, { headers: browser })).status, 200);
  t.is((await fetch(`${track.url}/v?t=${token(c)}`, { headers: browser })).status, 200);
  const click = await fetch(`${track.url}/c?t=${token(c)}`, { headers: browser, redirect: 'manual' });
  t.is(click.status, 302);
  t.is(broker.received.length, 0);
  t.is(await metricValue(track.url, 'tagline_track_invalid_total', { reason: 'test' }), 3);
});

for (const backend of BACKENDS) {
  backendTest(backend).serial(`${backend}: a Broker outage during a beacon burst loses no event once the Broker is back`, async (t) => {
    const { track, broker, store, close } = await withTrack(backend);
    t.teardown(close);
    await broker.stop();
    const burst = Array.from({ length: 120 }, () => claims());
    const kinds = ['i', 'v', 'c'] as const;
    const answers = await Promise.all(
      burst.map((c, n) => fetch(`${track.url}/${kinds[n % 3]}?t=${token(c)}`, { headers: browser, redirect: 'manual' }).then((r) => r.status)),
    );
    t.deepEqual(new Set(answers), new Set([200, 302]));
    t.is(await store.store.depth(outboxQueue('track')), 120);
    await broker.start();
    const flush = await fetch(`${track.url}/v1/outbox/flush`, { method: 'POST' });
    t.is(flush.status, 200);
    t.like(await flush.json(), { remaining: 0 });
    const expected = burst.map((c, n) => `${['imp', 'view', 'click'][n % 3]}:${c.i}`).sort();
    t.deepEqual(distinctIds(broker), expected);
    t.is(await store.store.depth(outboxQueue('track')), 0);
  });

  backendTest(backend).serial(`${backend}: kept events go out on their own once the Broker is back, without another beacon`, async (t) => {
    const { track, broker, store, close } = await withTrack(backend);
    t.teardown(close);
    await broker.stop();
    const kept = Array.from({ length: 10 }, () => claims());
    for (const c of kept) t.is((await fetch(`${track.url}/i?t=${token(c)}`, { headers: browser })).status, 200);
    await new Promise((r) => setTimeout(r, 1500));
    await broker.start();
    const deadline = Date.now() + 15_000;
    while ((await store.store.depth(outboxQueue('track'))) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    t.is(await store.store.depth(outboxQueue('track')), 0);
    const ids = new Set(broker.events().map((e) => e.id));
    t.true(kept.every((c) => ids.has(`imp:${c.i}`)));
  });
}

backendTest('redis').serial('redis: with the Broker and the store both down the pixel still answers, and the event waits in the disk spool', async (t) => {
  const { track, broker, store, close } = await withTrack('redis');
  t.teardown(close);
  await broker.stop();
  const restore = await store.outage();
  t.teardown(restore);
  const res = await fetch(`${track.url}/i?t=${token()}`, { headers: browser });
  t.is(res.status, 200);
  t.is(res.headers.get('content-type'), 'image/gif');
  const click = await fetch(`${track.url}/c?t=${token()}`, { headers: browser, redirect: 'manual' });
  t.is(click.status, 302);
  t.is(await metricValue(track.url, 'tagline_track_spool_events_total', { outcome: 'spooled' }), 2);
  t.is(await metricValue(track.url, 'tagline_outbox_events_lost_total'), 0);
});

backendTest('redis').serial('redis: only a full spool loses an event, and the loss is counted', async (t) => {
  const { fn: track, broker, store, close } = await startSubscriber('track', 'redis', { SPOOL_MAX_BYTES: '4096' });
  t.teardown(close);
  await broker.stop();
  const restore = await store.outage();
  t.teardown(restore);
  for (let i = 0; i < 12; i++) t.is((await fetch(`${track.url}/i?t=${token()}`, { headers: browser })).status, 200);
  const spooled = await metricValue(track.url, 'tagline_track_spool_events_total', { outcome: 'spooled' });
  const dropped = await metricValue(track.url, 'tagline_track_spool_events_total', { outcome: 'dropped' });
  t.true(spooled > 0 && dropped > 0);
  t.is(spooled + dropped, 12);
  t.is(await metricValue(track.url, 'tagline_outbox_events_lost_total'), dropped);
  t.is(await metricValue(track.url, 'tagline_track_spool_capacity_bytes'), 4096);
});

test.serial('the PingSource CloudEvent flushes the outbox and gets an empty answer', async (t) => {
  const { track, close } = await withTrack('sqlite');
  t.teardown(close);
  const res = await fetch(`${track.url}/v1/outbox/flush`, {
    method: 'POST',
    headers: { 'ce-id': 'ping-1', 'ce-specversion': '1.0', 'ce-type': 'dev.knative.sources.ping', 'ce-source': '/apis/v1/namespaces/tagline/pingsources/track-outbox', 'content-type': 'application/json' },
    body: '{"task":"flush-outbox"}',
  });
  t.is(res.status, 204);
  t.is(await res.text(), '');
});
