import test from 'ava';
import { parseCron } from './cron';

const at = (iso: string) => new Date(iso);

test('every minute, steps, ranges and lists', (t) => {
  t.true(parseCron('* * * * *').matches(at('2026-03-01T10:17:30Z')));
  const quarter = parseCron('*/15 9-17 * * *');
  t.true(quarter.matches(at('2026-03-01T09:45:00Z')));
  t.false(quarter.matches(at('2026-03-01T09:50:00Z')));
  t.false(quarter.matches(at('2026-03-01T18:00:00Z')));
  const list = parseCron('0,30 12 1,15 * *');
  t.true(list.matches(at('2026-03-15T12:30:00Z')));
  t.false(list.matches(at('2026-03-16T12:30:00Z')));
});

test('month and weekday names, 7 as Sunday, and the classic day-of-month OR day-of-week rule', (t) => {
  t.true(parseCron('0 8 * JAN-MAR mon-fri').matches(at('2026-03-02T08:00:00Z')));
  t.false(parseCron('0 8 * JAN-MAR mon-fri').matches(at('2026-03-01T08:00:00Z')));
  t.true(parseCron('0 0 * * 7').matches(at('2026-03-01T00:00:00Z')));
  const either = parseCron('0 0 13 * 5');
  t.true(either.matches(at('2026-03-13T00:00:00Z')));
  t.true(either.matches(at('2026-03-06T00:00:00Z')));
  t.false(either.matches(at('2026-03-07T00:00:00Z')));
});

test('macros and time zones (CRON_TZ prefix or the PingSource timezone)', (t) => {
  t.true(parseCron('@hourly').matches(at('2026-03-01T05:00:10Z')));
  t.false(parseCron('@daily').matches(at('2026-03-01T05:00:00Z')));
  t.true(parseCron('CRON_TZ=Europe/Madrid 0 9 * * *').matches(at('2026-03-01T08:00:00Z')));
  t.true(parseCron('0 9 * * *', 'America/New_York').matches(at('2026-03-01T14:00:00Z')));
});

test('bad schedules say which field is wrong', (t) => {
  t.throws(() => parseCron('* * * *'), { message: /must have 5 fields/ });
  t.throws(() => parseCron('61 * * * *'), { message: /^minute: "61" is not in 0-59/ });
  t.throws(() => parseCron('* * * foo *'), { message: /^month/ });
  t.throws(() => parseCron('*/0 * * * *'), { message: /^minute: bad step/ });
  t.throws(() => parseCron('* * * * *', 'Mars/Olympus'), { message: /timezone "Mars\/Olympus"/ });
});
