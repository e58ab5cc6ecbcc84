/**
 * The static exchange-rate table OpenRTB bids are converted with: units of each currency per US
 * dollar. Tagline bids only in a currency of this table that the request allows, and compares
 * floors only in currencies it can convert; anything else is a no-bid, never a guess. The rates
 * are fixed on purpose (documented in docs/prebid.md): a bid must never fall under a floor
 * because a feed moved between the auction and the render.
 */
export const RATES_PER_USD: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 0.92,
  GBP: 0.79,
  CHF: 0.88,
  JPY: 150,
  CAD: 1.36,
  AUD: 1.52,
  NZD: 1.64,
  SEK: 10.5,
  NOK: 10.6,
  DKK: 6.86,
  PLN: 3.98,
  CZK: 23,
  HUF: 360,
  RON: 4.58,
  BRL: 5,
  MXN: 17,
  INR: 83,
  SGD: 1.34,
  HKD: 7.8,
  CNY: 7.2,
  KRW: 1340,
  TRY: 32,
  ZAR: 18.5,
};

/** The rate table's currencies, in its order. */
export const CURRENCIES = Object.keys(RATES_PER_USD);

/** Whether `currency` is in the rate table. */
export function convertible(currency: string): boolean {
  return RATES_PER_USD[currency] !== undefined;
}

/**
 * `micros` of `from` in `to`, or undefined when either is not in the table. Rounded down, so a
 * converted bid never claims more than it is worth.
 */
export function convertMicros(micros: number, from: string, to: string): number | undefined {
  if (from === to) return micros;
  const a = RATES_PER_USD[from];
  const b = RATES_PER_USD[to];
  if (a === undefined || b === undefined) return undefined;
  return Math.floor((micros * b) / a);
}

/** A floor of `floor` units of `from` in micros of `to`, rounded up (a floor is never lowered). */
export function floorMicros(floor: number, from: string, to: string): number | undefined {
  const a = RATES_PER_USD[from];
  const b = RATES_PER_USD[to];
  if (a === undefined || b === undefined) return undefined;
  return Math.ceil(Math.round(floor * 1e6) * (from === to ? 1 : b / a) - 1e-6);
}
