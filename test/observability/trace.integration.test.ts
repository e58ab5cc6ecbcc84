import test from 'ava';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AdResponse } from '../../functions/ad-decision/decide';
import { knativeOptions, startTempPlatform } from '../kit/platform';
import { startZipkinReceiver, type SpanKindName, type ZipkinSpan } from '../kit/zipkin-receiver';

const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

/** Every tag a Tagline span may carry: spans stay small (no resource attributes copied onto them). */
const ALLOWED_TAGS = new Set([
  'service.instance.id',
  'http.request.method',
  'http.route',
  'http.response.status_code',
  'url.full',
  'http.request.resend_count',
  'error.type',
  'error',
  'messaging.system',
  'messaging.operation.type',
  'messaging.message.id',
  'cloudevents.event_type',
  // The exporter's rendering of a span status (and its message).
  'otel.status_code',
]);

/** The spans of one trace, looked up by service, kind and name. */
class Trace {
  constructor(readonly spans: ZipkinSpan[]) {}

  all(service: string, kind: SpanKindName, name: string): ZipkinSpan[] {
    return this.spans.filter((s) => s.localEndpoint?.serviceName === service && s.kind === kind && s.name === name);
  }

  has(service: string, kind: SpanKindName, name: string): boolean {
    return this.all(service, kind, name).length > 0;
  }

  childrenOf(parent: ZipkinSpan, service: string, kind: SpanKindName, name?: string): ZipkinSpan[] {
    return this.spans.filter((s) => s.parentId === parent.id && s.localEndpoint?.serviceName === service && s.kind === kind && (name === undefined || s.name === name));
  }
}

/** The kind a span's name implies: `send …`, `process …`, `<METHOD> <route>` (served), `<METHOD>` (sent). */
function kindOf(name: string): SpanKindName | undefined {
  if (name.startsWith('send ')) return 'PRODUCER';
  if (name.startsWith('process ')) return 'CONSUMER';
  if (/^[A-Z]+ \//.test(name)) return 'SERVER';
  return /^[A-Z]+$/.test(name) ? 'CLIENT' : undefined;
}

const describe = (s: ZipkinSpan) => `${s.localEndpoint?.serviceName} ${s.kind} "${s.name}" ${s.id}←${s.parentId ?? 'root'}`;

test('one ad is one trace: request, page.observed → classify, beacons → track → ledger and report, every parent link right', async (t) => {
  t.timeout(180_000);
  const receiver = await startZipkinReceiver();
  t.teardown(() => receiver.close());
  const env = { LOG_LEVEL: 'warn', OTEL_EXPORTER_ZIPKIN_ENDPOINT: receiver.url, OTEL_TRACES_SAMPLER_ARG: '1' };
  const h = await startTempPlatform(knativeOptions({ seed: true, env }), 'tagline-trace-', 'warn');
  t.teardown(h.close);
  const { platform, log } = h;

  // The widget's request: its own trace context, as the tag sends it.
  const traceId = randomBytes(16).toString('hex');
  const widgetSpan = randomBytes(8).toString('hex');
  const res = await fetch(`${platform.url}/ad-decision/v1/ads`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': BROWSER_UA, traceparent: `00-${traceId}-${widgetSpan}-01` },
    body: JSON.stringify({
      publisher: 'pub-demo',
      page: { url: `https://news.example/trace/${randomUUID()}`, title: 'A page nobody has seen', text: 'Fresh article text about running shoes and trails.' },
      slots: [{ id: 'top', format: 'banner', width: 728, height: 90 }],
    }),
  });
  t.is(res.status, 200, log.slice(-20).join('\n'));
  t.regex(res.headers.get('traceparent') ?? '', new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`), 'the answer names the ad-decision span');
  const { ads } = (await res.json()) as AdResponse;
  t.is(ads.length, 1, 'the house campaign fills the banner');
  const ad = ads[0]!;

  // The beacons as a browser fires them: a pixel and a sendBeacon, without any trace header.
  const impression = await fetch(ad.impressionUrl, { headers: { 'user-agent': BROWSER_UA } });
  t.is(impression.status, 200);
  await impression.arrayBuffer();
  const viewable = await fetch(ad.viewableUrl, { method: 'POST', headers: { 'user-agent': BROWSER_UA, 'content-type': 'text/plain' }, body: '' });
  t.is(viewable.status, 204);

  const expected: [string, SpanKindName, string][] = [
    ['ad-decision', 'SERVER', 'POST /v1/ads'],
    ['ad-decision', 'PRODUCER', 'send dev.tagline.page.observed'],
    ['classify', 'CONSUMER', 'process dev.tagline.page.observed'],
    ['classify', 'PRODUCER', 'send dev.tagline.page.classified'],
    ['track', 'SERVER', 'GET /i'],
    ['track', 'SERVER', 'POST /v'],
    ['ledger', 'CONSUMER', 'process dev.tagline.ad.impression'],
    ['report', 'CONSUMER', 'process dev.tagline.ad.impression'],
    ['report', 'CONSUMER', 'process dev.tagline.ad.viewable'],
  ];
  const spans = await receiver.waitFor(
    (all) => {
      const tr = new Trace(all.filter((s) => s.traceId === traceId));
      return expected.every(([service, kind, name]) => tr.has(service, kind, name));
    },
    90_000,
    'complete trace of the ad',
  ).catch((err: Error) => {
    const seen = receiver.spans.filter((s) => s.traceId === traceId).map(describe);
    throw new Error(`${err.message}\nseen in the trace:\n${seen.join('\n')}\nplatform:\n${log.slice(-30).join('\n')}`);
  });
  // Let stragglers of the same trace (Broker SERVER spans, CLIENT attempts) arrive too.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const tr = new Trace(receiver.spans.filter((s) => s.traceId === traceId));
  t.log(`${tr.spans.length} spans in the trace of the ad (${spans.length} received in all):\n${tr.spans.map(describe).join('\n')}`);
  t.deepEqual(receiver.rejected, [], 'every exported span is valid Zipkin v2');

  const one = (found: ZipkinSpan[], what: string): ZipkinSpan => {
    t.is(found.length, 1, `exactly one ${what}`);
    if (found[0] === undefined) throw new Error(`no ${what}`);
    return found[0];
  };

  // ad-decision: SERVER child of the widget's span; PRODUCER child of it; one CLIENT attempt to the Broker.
  const decision = one(tr.all('ad-decision', 'SERVER', 'POST /v1/ads'), 'ad-decision SERVER span');
  t.is(decision.parentId, widgetSpan);
  t.is(decision.tags?.['http.response.status_code'], '200');
  const observed = one(tr.childrenOf(decision, 'ad-decision', 'PRODUCER', 'send dev.tagline.page.observed'), 'page.observed PRODUCER under ad-decision');
  const observedPost = one(tr.childrenOf(observed, 'ad-decision', 'CLIENT'), 'CLIENT span of the page.observed POST to the Broker');
  t.is(observedPost.tags?.['http.response.status_code'], '202');

  // classify: the Trigger's POST is a SERVER span under the CLIENT (the HTTP hop through the Broker);
  // the CONSUMER span is the child of the PRODUCER (the event's traceparent extension); the reply its child.
  one(tr.childrenOf(observedPost, 'classify', 'SERVER', 'POST /'), 'classify SERVER under the CLIENT attempt');
  const classified = one(tr.childrenOf(observed, 'classify', 'CONSUMER', 'process dev.tagline.page.observed'), 'classify CONSUMER under the PRODUCER');
  t.is(classified.tags?.['messaging.message.id'], observed.tags?.['messaging.message.id']);
  one(tr.childrenOf(classified, 'classify', 'PRODUCER', 'send dev.tagline.page.classified'), 'reply PRODUCER under the classify CONSUMER');

  // The beacons continue the ad's trace from their token: track's SERVER spans are children of ad-decision's.
  const pixel = one(tr.childrenOf(decision, 'track', 'SERVER', 'GET /i'), 'track SERVER of the impression under ad-decision');
  const beacon = one(tr.childrenOf(decision, 'track', 'SERVER', 'POST /v'), 'track SERVER of the viewable under ad-decision');
  const impressionSent = one(tr.childrenOf(pixel, 'track', 'PRODUCER', 'send dev.tagline.ad.impression'), 'ad.impression PRODUCER under track');
  const viewableSent = one(tr.childrenOf(beacon, 'track', 'PRODUCER', 'send dev.tagline.ad.viewable'), 'ad.viewable PRODUCER under track');
  const impressionPost = one(tr.childrenOf(impressionSent, 'track', 'CLIENT'), 'CLIENT span of the ad.impression POST');
  one(tr.childrenOf(impressionSent, 'ledger', 'CONSUMER', 'process dev.tagline.ad.impression'), 'ledger CONSUMER under the impression PRODUCER');
  one(tr.childrenOf(impressionSent, 'report', 'CONSUMER', 'process dev.tagline.ad.impression'), 'report CONSUMER under the impression PRODUCER');
  one(tr.childrenOf(viewableSent, 'report', 'CONSUMER', 'process dev.tagline.ad.viewable'), 'report CONSUMER under the viewable PRODUCER');
  t.is(tr.childrenOf(impressionPost, 'ledger', 'SERVER', 'POST /').length, 1, 'ledger SERVER under the CLIENT attempt');
  t.is(tr.childrenOf(impressionPost, 'report', 'SERVER', 'POST /').length, 1, 'report SERVER under the CLIENT attempt');

  // The tree is whole: every parent is in the trace (or is the widget's span), ids are unique.
  const ids = new Set(tr.spans.map((s) => s.id));
  t.is(ids.size, tr.spans.length, 'no span id twice');
  t.deepEqual(tr.spans.filter((s) => s.parentId !== widgetSpan && !ids.has(s.parentId ?? '')).map(describe), [], 'no orphan parents');
  // Kinds: HTTP in = SERVER, HTTP out = CLIENT, event out = PRODUCER, event in = CONSUMER.
  for (const s of tr.spans) {
    t.is(s.kind, kindOf(s.name ?? ''), describe(s));
    t.deepEqual(Object.keys(s.tags ?? {}).filter((k) => !ALLOWED_TAGS.has(k)), [], `${describe(s)}: only catalogued attributes`);
    t.regex(s.tags?.['service.instance.id'] ?? '', /^[a-z-]+-00001-\d{3}$/, `${describe(s)}: names the instance that served it`);
  }

  // Nothing of this ad went to another trace: every span about its events is in this one.
  const eventIds = new Set([observed, impressionSent, viewableSent].map((s) => s.tags?.['messaging.message.id']));
  const elsewhere = receiver.spans.filter((s) => s.traceId !== traceId && eventIds.has(s.tags?.['messaging.message.id'])).map(describe);
  t.deepEqual(elsewhere, [], 'no span about this ad in another trace');
});
