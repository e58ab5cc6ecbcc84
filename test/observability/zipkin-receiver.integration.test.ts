import test from 'ava';
import { batchErrors, spanErrors, startZipkinReceiver } from '../kit/zipkin-receiver';

const GOOD = {
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  id: '00f067aa0ba902b7',
  parentId: '53995c3f42cd8ad8',
  name: 'POST /v1/ads',
  kind: 'SERVER',
  timestamp: 1_767_225_600_000_000,
  duration: 1431,
  localEndpoint: { serviceName: 'ad-decision' },
  tags: { 'http.route': '/v1/ads', 'http.response.status_code': '200' },
};

test('a valid Zipkin v2 span passes, including a 64-bit trace id and a span without parent', (t) => {
  t.deepEqual(spanErrors(GOOD), []);
  const { parentId: _root, ...root } = GOOD;
  t.deepEqual(spanErrors({ ...root, traceId: '4bf92f3577b34da6' }), []);
});

test('each breach of the v2 model is named', (t) => {
  const cases: [Record<string, unknown>, RegExp][] = [
    [{ traceId: '4BF92F3577B34DA6A3CE929D0E0E4736' }, /traceId must be 16 or 32 lower-hex/],
    [{ traceId: '4bf92f3577b34da6a3ce929d0e0e47' }, /traceId must be 16 or 32 lower-hex/],
    [{ traceId: '00000000000000000000000000000000' }, /all zeros/],
    [{ id: '00f067aa0ba902b' }, /id must be 16 lower-hex/],
    [{ parentId: 'zzf067aa0ba902b7' }, /parentId must be 16 lower-hex/],
    [{ parentId: GOOD.id }, /its own parent/],
    [{ kind: 'INTERNAL' }, /kind must be one of/],
    [{ timestamp: 1_767_225_600_000 }, /timestamp must be integer epoch microseconds/],
    [{ timestamp: 1_767_225_600_000_000.5 }, /timestamp must be integer epoch microseconds/],
    [{ duration: 0 }, /duration must be an integer/],
    [{ duration: 1.5 }, /duration must be an integer/],
    [{ localEndpoint: undefined }, /localEndpoint with a serviceName is required/],
    [{ localEndpoint: { serviceName: 'Ad-Decision' } }, /lower-case/],
    [{ tags: { 'http.response.status_code': 200 } }, /tag "http.response.status_code" must be a string/],
    [{ resource: {} }, /unknown field "resource"/],
  ];
  for (const [change, error] of cases) {
    const errors = spanErrors({ ...GOOD, ...change });
    t.true(errors.some((e) => error.test(e)), `${JSON.stringify(change)} → ${errors.join('; ')}`);
  }
  t.deepEqual(batchErrors('{"not":"a list"}'), ['the body must be a JSON list of spans']);
});

test('the receiver keeps a valid batch (202) and refuses a batch with one bad span (400), keeping none of it', async (t) => {
  const receiver = await startZipkinReceiver();
  t.teardown(() => receiver.close());
  const post = (spans: unknown[]) => fetch(receiver.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(spans) });
  t.is((await post([GOOD])).status, 202);
  const bad = await post([{ ...GOOD, id: 'ffdc9bb9a6453df3' }, { ...GOOD, id: 'FFDC9BB9A6453DF3', timestamp: 1_767_225_600 }]);
  t.is(bad.status, 400);
  t.regex(await bad.text(), /span 1: id must be 16 lower-hex characters/);
  t.deepEqual(receiver.spans, [GOOD]);
  t.is(receiver.rejected.length, 1);
  t.is((await fetch(receiver.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '[]' })).status, 415);
});
