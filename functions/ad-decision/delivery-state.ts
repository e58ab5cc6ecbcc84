import { counterKeys, utcDay } from '../../shared/counters';
import type { Logger } from '../../shared/logger';
import type { Store } from '../../shared/store';
import type { IndexedCampaign } from './catalog';
import type { Gate } from './engine';

interface CampaignState {
  day: string;
  spendTotal: number;
  spendDay: number;
  /** The ledger's exhaustion flags (`{ budgetMicros, … }`), if set. */
  exhausted: unknown;
  exhaustedDay: unknown;
  /** Until when the campaign counts as being served (its state is then kept fresh). */
  hotUntil: number;
  /** Micros of budget leased to this process and not yet used, in the guarded zone. */
  leaseTotal: number;
  leaseDay: number;
  leaseDayOf: string;
  refilling: boolean;
  /** The zone has no budget left to lease. */
  drainedTotal: boolean;
  drainedDay: string | undefined;
}

const DAY_MS = 86_400_000;
const HOT_MS = 10_000;
const KEYS_PER_READ = 2000;
/** Budget leased per refill, in impressions of the campaign. */
const LEASE_IMPRESSIONS = 20;

/**
 * The last part of a budget, where every served impression must first be leased from the store
 * so that concurrent decisions in any number of processes cannot overspend: the larger of 5% of
 * the budget and a thousand impressions, at most the whole budget.
 */
export function guardedZone(budgetMicros: number, costMicros: number): number {
  return Math.min(budgetMicros, Math.max(Math.ceil(budgetMicros * 0.05), costMicros * 1000));
}

/**
 * Budget, pacing and exhaustion state of the campaigns, kept in memory and refreshed from the
 * store in the background, so a decision never waits on it. Outside the guarded zone of a budget
 * a campaign serves freely; inside it, it serves only from budget leases taken atomically with
 * `incrementBounded`, which bounds overspend (see docs/functions.md).
 */
export class DeliveryState implements Gate {
  private readonly states = new Map<string, CampaignState>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    private readonly refreshMs = 500,
  ) {}

  /** Read the state of `campaigns` (all of them at start, new ones on a catalog change). */
  async load(campaigns: Iterable<{ id: string }>, nowMs = Date.now()): Promise<void> {
    const ids = [...campaigns].map((c) => c.id).filter((id) => !this.states.has(id));
    await this.read(ids, nowMs);
  }

  start(): void {
    this.timer ??= setInterval(() => {
      this.refreshHot().catch((err: unknown) => this.logger.warn('delivery state refresh failed', { err }));
    }, this.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  servable(ic: IndexedCampaign, nowMs: number): boolean {
    const st = this.states.get(ic.id);
    if (st === undefined) return false;
    st.hotUntil = nowMs + HOT_MS;
    const c = ic.campaign;
    const day = utcDay(nowMs);
    if (st.day !== day) return false;
    const total = c.budget.totalMicros;
    const daily = c.budget.dailyMicros;
    if (st.spendTotal >= total || exhaustedAt(st.exhausted, total)) return false;
    if (daily !== undefined && (st.spendDay >= daily || exhaustedAt(st.exhaustedDay, daily))) return false;
    if (c.pacing === 'even' && !onPace(ic, st, nowMs)) return false;
    if (this.inZone(st.spendTotal, total, ic.costMicros) && st.leaseTotal < ic.costMicros) return !st.drainedTotal && this.wantLease(ic, st);
    if (daily !== undefined && this.inZone(st.spendDay, daily, ic.costMicros) && (st.leaseDayOf !== day || st.leaseDay < ic.costMicros)) return st.drainedDay !== day && this.wantLease(ic, st);
    return true;
  }

  blockedUntil(ic: IndexedCampaign, nowMs: number): number | undefined {
    const st = this.states.get(ic.id);
    const day = utcDay(nowMs);
    if (st === undefined || st.day !== day) return undefined;
    const c = ic.campaign;
    const total = c.budget.totalMicros;
    const daily = c.budget.dailyMicros;
    if (st.spendTotal >= total || exhaustedAt(st.exhausted, total)) return Number.POSITIVE_INFINITY;
    const tomorrow = (Math.floor(nowMs / DAY_MS) + 1) * DAY_MS;
    if (daily !== undefined && (st.spendDay >= daily || exhaustedAt(st.exhaustedDay, daily))) return tomorrow;
    if (c.pacing === 'even' && !onPace(ic, st, nowMs)) return Math.max(nowMs + 1, Math.min(tomorrow, onPaceAt(ic, st, nowMs)));
    return undefined;
  }

  /** Draw a served impression's cost from the leases it was served on. */
  consume(ic: IndexedCampaign, nowMs: number): void {
    const st = this.states.get(ic.id);
    if (st === undefined) return;
    const c = ic.campaign;
    const cost = ic.costMicros;
    const inTotal = this.inZone(st.spendTotal, c.budget.totalMicros, cost);
    if (inTotal) st.leaseTotal -= cost;
    const daily = c.budget.dailyMicros;
    const inDay = daily !== undefined && this.inZone(st.spendDay, daily, cost);
    if (inDay) st.leaseDay -= cost;
    if ((inTotal && st.leaseTotal < cost * 5) || (inDay && st.leaseDay < cost * 5)) this.wantLease(ic, st, nowMs);
  }

  private inZone(spend: number, budget: number, cost: number): boolean {
    return spend >= budget - guardedZone(budget, cost);
  }

  private wantLease(ic: IndexedCampaign, st: CampaignState, nowMs = Date.now()): false {
    if (!st.refilling) {
      st.refilling = true;
      this.refill(ic, st, nowMs)
        .catch((err: unknown) => this.logger.warn('budget lease failed', { campaign: ic.id, err }))
        .finally(() => (st.refilling = false));
    }
    return false;
  }

  private async refill(ic: IndexedCampaign, st: CampaignState, nowMs: number): Promise<void> {
    const c = ic.campaign;
    const cost = ic.costMicros;
    const chunk = cost * LEASE_IMPRESSIONS;
    if (this.inZone(st.spendTotal, c.budget.totalMicros, cost) && !st.drainedTotal && st.leaseTotal < cost * 5) {
      const got = await this.lease(counterKeys.reservedTotal(ic.id), chunk, guardedZone(c.budget.totalMicros, cost), cost);
      if (got === 0) st.drainedTotal = true;
      st.leaseTotal += got;
    }
    const daily = c.budget.dailyMicros;
    const day = utcDay(nowMs);
    if (daily !== undefined && this.inZone(st.spendDay, daily, cost) && st.drainedDay !== day) {
      if (st.leaseDayOf !== day) {
        st.leaseDayOf = day;
        st.leaseDay = 0;
      }
      if (st.leaseDay < cost * 5) {
        const got = await this.lease(counterKeys.reservedDay(ic.id, day), chunk, guardedZone(daily, cost), cost, 2 * 86_400);
        if (got === 0) st.drainedDay = day;
        st.leaseDay += got;
      }
    }
  }

  /** Lease up to `chunk` micros under `max`, or whatever is left if at least one impression. */
  private async lease(key: string, chunk: number, max: number, cost: number, ttlSeconds?: number): Promise<number> {
    const first = await this.store.incrementBounded(key, chunk, max, ttlSeconds);
    if (first.ok) return chunk;
    const room = max - first.value;
    if (room < cost) return 0;
    const second = await this.store.incrementBounded(key, room, max, ttlSeconds);
    return second.ok ? room : 0;
  }

  private async refreshHot(nowMs = Date.now()): Promise<void> {
    const hot: string[] = [];
    for (const [id, st] of this.states) if (st.hotUntil > nowMs) hot.push(id);
    await this.refresh(hot, nowMs);
  }

  /** Re-read the state of `ids` from the store now. */
  async refresh(ids: readonly string[], nowMs = Date.now()): Promise<void> {
    await this.read(ids, nowMs);
  }

  private async read(ids: readonly string[], nowMs: number): Promise<void> {
    const day = utcDay(nowMs);
    for (let i = 0; i < ids.length; i += KEYS_PER_READ / 4) {
      const batch = ids.slice(i, i + KEYS_PER_READ / 4);
      const keys = batch.flatMap((id) => [counterKeys.spendTotal(id), counterKeys.spendDay(id, day), counterKeys.exhausted(id), counterKeys.exhaustedDay(id, day)]);
      const [counters, flags] = await Promise.all([
        this.store.getCounters(keys.filter((_, k) => k % 4 < 2)),
        this.store.getMany(keys.filter((_, k) => k % 4 >= 2)),
      ]);
      batch.forEach((id, j) => {
        const st = this.states.get(id) ?? newState(day);
        if (st.day !== day) {
          st.day = day;
          st.leaseDay = 0;
          st.leaseDayOf = day;
        }
        st.spendTotal = counters[j * 2] ?? 0;
        st.spendDay = counters[j * 2 + 1] ?? 0;
        st.exhausted = flags[j * 2];
        st.exhaustedDay = flags[j * 2 + 1];
        this.states.set(id, st);
      });
    }
  }
}

/** A flag set for a smaller budget than the current one no longer holds: the budget was raised. */
function exhaustedAt(flag: unknown, budgetMicros: number): boolean {
  if (flag === undefined || flag === null) return false;
  const at = (flag as { budgetMicros?: unknown }).budgetMicros;
  return typeof at !== 'number' || at >= budgetMicros;
}

function newState(day: string): CampaignState {
  return { day, spendTotal: 0, spendDay: 0, exhausted: undefined, exhaustedDay: undefined, hotUntil: 0, leaseTotal: 0, leaseDay: 0, leaseDayOf: day, refilling: false, drainedTotal: false, drainedDay: undefined };
}

/**
 * Even pacing: spend no faster than the budget spread over the day (daily budget) or over the
 * flight (total budget with an end), with a little slack so delivery does not stall on noise.
 */
function onPace(ic: IndexedCampaign, st: CampaignState, nowMs: number): boolean {
  const c = ic.campaign;
  const daily = c.budget.dailyMicros;
  if (daily !== undefined) {
    const fraction = (nowMs % DAY_MS) / DAY_MS;
    return st.spendDay < daily * fraction + paceSlack(ic, daily);
  }
  if (Number.isFinite(ic.endMs)) {
    const fraction = Math.min(1, Math.max(0, (nowMs - ic.startMs) / (ic.endMs - ic.startMs)));
    const total = c.budget.totalMicros;
    return st.spendTotal < total * fraction + paceSlack(ic, total);
  }
  return true;
}

function paceSlack(ic: IndexedCampaign, budget: number): number {
  return Math.max(budget * 0.02, ic.costMicros * 50);
}

/** A time no later than when a paced-out campaign is on pace again, its spend unchanged. */
function onPaceAt(ic: IndexedCampaign, st: CampaignState, nowMs: number): number {
  const c = ic.campaign;
  const daily = c.budget.dailyMicros;
  if (daily !== undefined) {
    const fraction = (st.spendDay - paceSlack(ic, daily)) / daily;
    return Math.floor(nowMs / DAY_MS) * DAY_MS + Math.floor(fraction * DAY_MS);
  }
  const total = c.budget.totalMicros;
  const fraction = (st.spendTotal - paceSlack(ic, total)) / total;
  return ic.startMs + Math.floor(fraction * (ic.endMs - ic.startMs));
}
