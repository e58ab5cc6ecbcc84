/**
 * The two duration notations Knative manifests use: Go's `time.ParseDuration` in Serving
 * annotations (`30s`, `1m30s`, `1.5h`) and ISO 8601 in Eventing delivery specs (`PT0.2S`).
 */

const GO_UNITS_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const GO_PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;

/** Milliseconds of a Go duration such as `30s`, `1m30s` or `0`; undefined when it is not one. */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0') return 0;
  if (text === '') return undefined;
  GO_PART.lastIndex = 0;
  let total = 0;
  while (GO_PART.lastIndex < text.length) {
    const start = GO_PART.lastIndex;
    const match = GO_PART.exec(text);
    if (match === null || match.index !== start) return undefined;
    total += Number(match[1]) * GO_UNITS_MS[match[2]!]!;
  }
  return total;
}

const ISO_DURATION = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Milliseconds of an ISO 8601 duration such as `PT0.2S` or `PT1M`; undefined when it is not one. */
export function parseIsoDuration(text: string): number | undefined {
  const match = ISO_DURATION.exec(text);
  if (match === null || text === 'P' || text.endsWith('T')) return undefined;
  const [, days, hours, minutes, seconds] = match;
  return Math.round(
    Number(days ?? 0) * 86_400_000 + Number(hours ?? 0) * 3_600_000 + Number(minutes ?? 0) * 60_000 + Number(seconds ?? 0) * 1000,
  );
}
