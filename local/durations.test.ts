import test from 'ava';
import { parseGoDuration, parseIsoDuration } from './durations';

test('Go durations of Knative Serving annotations', (t) => {
  t.is(parseGoDuration('30s'), 30_000);
  t.is(parseGoDuration('1m'), 60_000);
  t.is(parseGoDuration('1m30s'), 90_000);
  t.is(parseGoDuration('1.5h'), 5_400_000);
  t.is(parseGoDuration('250ms'), 250);
  t.is(parseGoDuration('0'), 0);
  for (const bad of ['', '30', 's', '1m 30s', '-1s', '1d']) t.is(parseGoDuration(bad), undefined, bad);
});

test('ISO 8601 durations of Knative Eventing delivery specs', (t) => {
  t.is(parseIsoDuration('PT0.2S'), 200);
  t.is(parseIsoDuration('PT1M'), 60_000);
  t.is(parseIsoDuration('PT1H2M3S'), 3_723_000);
  t.is(parseIsoDuration('P1D'), 86_400_000);
  for (const bad of ['', 'P', 'PT', '0.2S', 'PT0.2', 'P1Y']) t.is(parseIsoDuration(bad), undefined, bad);
});
