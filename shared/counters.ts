/**
 * Store keys shared by the functions that write a campaign's delivery state (ledger) and the one
 * that reads it on every decision (ad-decision). Days are UTC `YYYY-MM-DD`.
 */
export const counterKeys = {
  /** Micros spent over the campaign's life. */
  spendTotal: (campaign: string) => `spend:total:${campaign}`,
  /** Micros spent on one UTC day. */
  spendDay: (campaign: string, day: string) => `spend:day:${campaign}:${day}`,
  /** Micros of budget leased by decision processes (total and per day): never above the budget. */
  reservedTotal: (campaign: string) => `reserved:total:${campaign}`,
  reservedDay: (campaign: string, day: string) => `reserved:day:${campaign}:${day}`,
  /** Impressions a consented user saw of a campaign in the current cap window (expires with it). */
  frequency: (campaign: string, user: string, windowStart: number) => `freq:${campaign}:${user}:${windowStart}`,
  /** KV flag set by the ledger when a budget is reached: `{ scope, day, at }`. */
  exhausted: (campaign: string) => `exhausted:${campaign}`,
  exhaustedDay: (campaign: string, day: string) => `exhausted:${campaign}:${day}`,
} as const;

let cachedDay = { start: 0, end: 0, day: '' };

/** The UTC day of a timestamp, `YYYY-MM-DD` (memoised: decisions ask it many times a day). */
export function utcDay(ms: number = Date.now()): string {
  if (ms >= cachedDay.start && ms < cachedDay.end) return cachedDay.day;
  const start = ms - (((ms % 86_400_000) + 86_400_000) % 86_400_000);
  cachedDay = { start, end: start + 86_400_000, day: new Date(ms).toISOString().slice(0, 10) };
  return cachedDay.day;
}

/** Start (seconds since the epoch) of the fixed frequency-cap window containing `ms`. */
export function capWindowStart(ms: number, windowSeconds: number): number {
  const s = Math.floor(ms / 1000);
  return s - (s % windowSeconds);
}
