/**
 * Prebid Server's ad-server targeting keys (`bid.ext.prebid.targeting`) for a winning bid, with
 * its price granularities: the named ones (`low`, `medium`, `high`, `auto`, `dense`) and custom
 * `{ precision, ranges: [{ max, increment }] }`. Prebid Server's default is `medium`.
 */
export interface PriceGranularity {
  precision: number;
  ranges: readonly { max: number; increment: number }[];
}

const NAMED: Readonly<Record<string, PriceGranularity>> = {
  low: { precision: 2, ranges: [{ max: 5, increment: 0.5 }] },
  medium: { precision: 2, ranges: [{ max: 20, increment: 0.1 }] },
  med: { precision: 2, ranges: [{ max: 20, increment: 0.1 }] },
  high: { precision: 2, ranges: [{ max: 20, increment: 0.01 }] },
  auto: { precision: 2, ranges: [{ max: 5, increment: 0.05 }, { max: 10, increment: 0.1 }, { max: 20, increment: 0.5 }] },
  dense: { precision: 2, ranges: [{ max: 3, increment: 0.01 }, { max: 8, increment: 0.05 }, { max: 20, increment: 0.5 }] },
};

/** The granularity a request's `ext.prebid.targeting.pricegranularity` asks for (medium when unreadable). */
export function granularity(requested: unknown): PriceGranularity {
  if (typeof requested === 'string') return NAMED[requested] ?? NAMED.medium!;
  if (typeof requested === 'object' && requested !== null) {
    const { precision, ranges } = requested as { precision?: unknown; ranges?: unknown };
    if (Array.isArray(ranges) && ranges.length > 0 && ranges.every((r) => typeof r?.max === 'number' && typeof r?.increment === 'number' && r.increment > 0)) {
      return { precision: typeof precision === 'number' && Number.isInteger(precision) && precision >= 0 && precision <= 6 ? precision : 2, ranges };
    }
  }
  return NAMED.medium!;
}

/** The price bucket of `cpm` (`hb_pb`): rounded down to its range's increment, capped at the last range. */
export function priceBucket(cpm: number, g: PriceGranularity): string {
  let min = 0;
  for (const { max, increment } of g.ranges) {
    if (cpm <= max) return (min + Math.floor((cpm - min) / increment + 1e-9) * increment).toFixed(g.precision);
    min = max;
  }
  return min.toFixed(g.precision);
}

/** The winner's keys, as Prebid Server sets them with `includewinners` (and per bidder with `includebidderkeys`). */
export function targetingKeys(bidder: string, cpm: number, w: number, h: number, request: { pricegranularity?: unknown; includewinners?: unknown; includebidderkeys?: unknown }): Record<string, string> {
  const pb = priceBucket(cpm, granularity(request.pricegranularity));
  const size = `${w}x${h}`;
  const keys: Record<string, string> = {};
  if (request.includewinners !== false) Object.assign(keys, { hb_bidder: bidder, hb_pb: pb, hb_size: size });
  if (request.includebidderkeys === true) Object.assign(keys, { [`hb_bidder_${bidder}`]: bidder, [`hb_pb_${bidder}`]: pb, [`hb_size_${bidder}`]: size });
  return keys;
}
