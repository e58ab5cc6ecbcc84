import test from 'ava';
import { ValidationError } from '../../shared/errors';
import { byDay, parseReportQuery } from './query';

const now = Date.parse('2026-03-10T13:25:00Z');
const q = (s: string) => parseReportQuery(new URLSearchParams(s), now);

test('the range defaults to the last 24 hours, from the start of its hour', (t) => {
  t.deepEqual(q(''), { fromMs: Date.parse('2026-03-09T13:00:00Z'), toMs: now, granularity: 'hour' });
});

test('day granularity starts at the beginning of the UTC day; dates and offsets are accepted', (t) => {
  t.like(q('from=2026-03-01&to=2026-03-03&granularity=day&campaign=c1'), { fromMs: Date.parse('2026-03-01T00:00:00Z'), toMs: Date.parse('2026-03-03T00:00:00Z'), campaign: 'c1' });
  t.like(q('from=2026-03-01T10:30:00%2B02:00&to=2026-03-02T00:00:00Z'), { fromMs: Date.parse('2026-03-01T08:00:00Z') });
});

test('a range over 92 days or backwards is refused naming from', (t) => {
  const err = t.throws(() => q('from=2025-01-01&to=2026-03-01'), { instanceOf: ValidationError });
  t.deepEqual(err?.details?.errors, [{ path: 'from', message: 'the range may cover at most 92 days' }]);
  t.throws(() => q('from=2026-03-02&to=2026-03-01'), { instanceOf: ValidationError, message: /^from:/ });
  t.notThrows(() => q('from=2026-01-01&to=2026-04-03'));
});

test('day rows sum the hours of each UTC day and stay ordered', (t) => {
  const row = (period: string, campaign: string, n: number) => ({ period, campaign, publisher: 'p', impressions: n, viewable: n, clicks: 0, spend: n * 10 });
  t.deepEqual(byDay([row('2026-03-01T00:00:00Z', 'b', 1), row('2026-03-01T23:00:00Z', 'b', 2), row('2026-03-01T05:00:00Z', 'a', 4), row('2026-03-02T00:00:00Z', 'a', 8)]), [
    row('2026-03-01T00:00:00Z', 'a', 4),
    row('2026-03-01T00:00:00Z', 'b', 3),
    row('2026-03-02T00:00:00Z', 'a', 8),
  ]);
});
