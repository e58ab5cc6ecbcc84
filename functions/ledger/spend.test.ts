import test from 'ava';
import { counterKeys } from '../../shared/counters';
import { EVENT_TYPES } from '../../shared/events';
import { campaignDoc } from '../../test/kit/campaigns';
import { adEvent } from '../../test/kit/events';
import { spendEffects } from './ledger';

const at = '2026-03-01T10:20:00Z';
const nowMs = Date.parse('2026-03-01T10:30:00Z');
const capped = campaignDoc({ frequencyCap: { impressions: 3, windowSeconds: 3600 } });

test('spend moves the total and the day of the event, the day counter expiring', (t) => {
  const effects = spendEffects(adEvent(EVENT_TYPES.impression, { occurredAt: at, priceMicros: 2500 }), undefined, '2026-03-01', nowMs);
  t.deepEqual(effects, [
    { type: 'counter', key: counterKeys.spendTotal('camp-1'), by: 2500 },
    { type: 'counter', key: counterKeys.spendDay('camp-1', '2026-03-01'), by: 2500, ttlSeconds: 3 * 86_400 },
  ]);
});

test("a consented user's impression counts toward the cap of its window, expiring with the window", (t) => {
  const effects = spendEffects(adEvent(EVENT_TYPES.impression, { occurredAt: at, user: 'u-1' }), capped, '2026-03-01', nowMs);
  const windowStart = Date.parse('2026-03-01T10:00:00Z') / 1000;
  t.deepEqual(effects[2], { type: 'counter', key: counterKeys.frequency('camp-1', 'u-1', windowStart), by: 1, ttlSeconds: 30 * 60 + 60 });
});

test('no frequency without a user, a cap, an impression, or a window still open', (t) => {
  t.is(spendEffects(adEvent(EVENT_TYPES.impression, { occurredAt: at }), capped, '2026-03-01', nowMs).length, 2);
  t.is(spendEffects(adEvent(EVENT_TYPES.impression, { occurredAt: at, user: 'u-1' }), campaignDoc(), '2026-03-01', nowMs).length, 2);
  t.is(spendEffects(adEvent(EVENT_TYPES.click, { occurredAt: at, user: 'u-1' }), capped, '2026-03-01', nowMs).length, 2);
  t.is(spendEffects(adEvent(EVENT_TYPES.impression, { occurredAt: at, user: 'u-1' }), capped, '2026-03-01', nowMs + 3_600_000).length, 2);
});
