/**
 * Five-field cron schedules as PingSource reads them (minute hour day-of-month month day-of-week,
 * with `*`, lists, ranges, steps, month and weekday names, the `@hourly`-style macros and an
 * optional `CRON_TZ=` prefix), evaluated one wall-clock minute at a time.
 */

export interface CronSchedule {
  /** True when the schedule fires in the minute that contains `date`. */
  matches(date: Date): boolean;
  /** The schedule as written. */
  text: string;
  timezone: string;
}

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
  namesFrom?: number;
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS, namesFrom: 1 },
  { name: 'day of week', min: 0, max: 7, names: WEEKDAYS, namesFrom: 0 },
];

/** Parse a schedule; throws an Error whose message says which field is wrong. */
export function parseCron(schedule: string, timezone = 'UTC'): CronSchedule {
  let text = schedule.trim();
  let zone = timezone;
  const tz = /^(?:CRON_TZ|TZ)=(\S+)\s+(.*)$/.exec(text);
  if (tz !== null) {
    zone = tz[1]!;
    text = tz[2]!;
  }
  text = MACROS[text] ?? text;
  const parts = text.split(/\s+/);
  if (parts.length !== 5) throw new Error(`"${schedule}" must have 5 fields (minute hour day-of-month month day-of-week)`);
  const sets = parts.map((part, i) => parseField(part, FIELDS[i]!));
  const [minutes, hours, days, months, weekdays] = sets as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  if (weekdays.has(7)) weekdays.add(0);
  const domAny = parts[2]!.startsWith('*');
  const dowAny = parts[4]!.startsWith('*');
  const fieldsOf = wallClock(zone);
  return {
    text: schedule,
    timezone: zone,
    matches(date) {
      const f = fieldsOf(date);
      if (!minutes.has(f.minute) || !hours.has(f.hour) || !months.has(f.month)) return false;
      const dom = days.has(f.day);
      const dow = weekdays.has(f.weekday);
      // Classic cron: when both day fields are restricted, either one matching is enough.
      return domAny || dowAny ? dom && dow : dom || dow;
    },
  };
}

function parseField(text: string, spec: FieldSpec): Set<number> {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const [range, stepText] = item.split('/') as [string, string | undefined];
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`${spec.name}: bad step in "${item}"`);
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') {
      lo = spec.min;
      hi = spec.name === 'day of week' ? 6 : spec.max;
    } else {
      const [a, b] = range.split('-') as [string, string | undefined];
      lo = value(a, spec);
      hi = b === undefined ? (stepText === undefined ? lo : spec.max) : value(b, spec);
    }
    if (lo > hi) throw new Error(`${spec.name}: range "${range}" is backwards`);
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return values;
}

function value(text: string, spec: FieldSpec): number {
  const named = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  const n = named >= 0 ? named + (spec.namesFrom ?? 0) : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < spec.min || n > spec.max) throw new Error(`${spec.name}: "${text}" is not in ${spec.min}-${spec.max}`);
  return n;
}

interface WallClock {
  minute: number;
  hour: number;
  day: number;
  month: number;
  weekday: number;
}

function wallClock(zone: string): (date: Date) => WallClock {
  if (zone === 'UTC' || zone === 'Etc/UTC') {
    return (d) => ({ minute: d.getUTCMinutes(), hour: d.getUTCHours(), day: d.getUTCDate(), month: d.getUTCMonth() + 1, weekday: d.getUTCDay() });
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', minute: 'numeric', hour: 'numeric', day: 'numeric', month: 'numeric', weekday: 'short' });
  } catch {
    throw new Error(`timezone "${zone}" is not an IANA time zone`);
  }
  return (d) => {
    const parts = Object.fromEntries(format.formatToParts(d).map((p) => [p.type, p.value]));
    return {
      minute: Number(parts.minute),
      hour: Number(parts.hour),
      day: Number(parts.day),
      month: Number(parts.month),
      weekday: WEEKDAYS.indexOf(String(parts.weekday).toLowerCase()),
    };
  };
}
