import { z } from 'zod';
import { invalidField, NotFoundError } from '../../shared/errors';
import { fromMicros } from '../../shared/model';
import type { RollupRow, Store } from '../../shared/store';
import { validate } from '../../shared/validate';
import type { Principal } from '../../shared/auth';

/** One row of a report: spend in decimal currency units of the campaign. */
export interface ReportRow {
  period: string;
  campaign: string;
  publisher: string;
  impressions: number;
  viewable: number;
  clicks: number;
  spend: number;
}

export const REPORT_COLUMNS = ['period', 'campaign', 'publisher', 'impressions', 'viewable', 'clicks', 'spend'] as const;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** The longest range one report may cover. */
export const MAX_RANGE_DAYS = 92;

const Time = z.union([z.iso.datetime({ offset: true }), z.iso.date()], { error: 'must be an ISO 8601 date or date-time, e.g. 2026-03-01T00:00:00Z' });
const Id = z.string().min(1).max(128);
const Owned = z.object({ id: z.string(), advertiser: z.string() });
const ReportParams = z.strictObject({
  campaign: Id.optional(),
  publisher: Id.optional(),
  from: Time.optional(),
  to: Time.optional(),
  granularity: z.enum(['hour', 'day']).default('hour'),
});

/** A validated report request: periods in [from, to) (ms), cut by hour or by UTC day. */
export interface ReportQuery {
  campaign?: string;
  publisher?: string;
  fromMs: number;
  toMs: number;
  granularity: 'hour' | 'day';
}

/**
 * Read the query string: each parameter at most once, unknown ones rejected, times ISO 8601.
 * The range defaults to the last 24 hours, starts at the beginning of its hour (or day) and may
 * not exceed `MAX_RANGE_DAYS`. Every failure is a 400 naming the parameter.
 */
export function parseReportQuery(query: URLSearchParams, nowMs: number = Date.now()): ReportQuery {
  const raw: Record<string, string> = {};
  for (const [name, value] of query) {
    if (name in raw) throw invalidField(name, 'given more than once');
    raw[name] = value;
  }
  const params = validate(ReportParams, raw, 'query');
  const unit = params.granularity === 'day' ? DAY_MS : HOUR_MS;
  const toMs = params.to === undefined ? nowMs : Date.parse(params.to);
  const fromMs = Math.floor((params.from === undefined ? toMs - DAY_MS : Date.parse(params.from)) / unit) * unit;
  if (fromMs >= toMs) throw invalidField('from', 'must be before to');
  if (toMs - fromMs > MAX_RANGE_DAYS * DAY_MS) throw invalidField('from', `the range may cover at most ${MAX_RANGE_DAYS} days`);
  return { ...(params.campaign === undefined ? {} : { campaign: params.campaign }), ...(params.publisher === undefined ? {} : { publisher: params.publisher }), fromMs, toMs, granularity: params.granularity };
}


/**
 * The report's rows. An advertiser sees only its own campaigns: asking for another's is a 404,
 * as in the campaigns API, so campaign ids do not leak.
 */
export async function runReport(store: Pick<Store, 'rollups' | 'listDocs'>, principal: Principal, q: ReportQuery): Promise<ReportRow[]> {
  let campaigns: string[] | undefined = q.campaign === undefined ? undefined : [q.campaign];
  if (principal.role === 'advertiser') {
    const own = await advertiserCampaigns(store, principal.advertiser);
    if (q.campaign !== undefined && !own.includes(q.campaign)) throw new NotFoundError(`No campaign ${q.campaign}`);
    campaigns ??= own;
    if (campaigns.length === 0) return [];
  }
  const rows = await store.rollups({
    from: new Date(q.fromMs).toISOString(),
    to: new Date(q.toMs).toISOString(),
    ...(campaigns === undefined ? {} : { campaigns }),
    ...(q.publisher === undefined ? {} : { publishers: [q.publisher] }),
  });
  return (q.granularity === 'day' ? byDay(rows) : rows).map(toReportRow);
}

async function advertiserCampaigns(store: Pick<Store, 'listDocs'>, advertiser: string): Promise<string[]> {
  const { docs } = await store.listDocs('campaigns');
  return docs.flatMap((doc) => {
    const owned = Owned.safeParse(doc);
    return owned.success && owned.data.advertiser === advertiser ? [owned.data.id] : [];
  });
}

/** Sum the hours of each UTC day; rows stay ordered by period, campaign, publisher. */
export function byDay(rows: readonly RollupRow[]): RollupRow[] {
  const days = new Map<string, RollupRow>();
  for (const row of rows) {
    const period = `${row.period.slice(0, 10)}T00:00:00Z`;
    const key = JSON.stringify([period, row.campaign, row.publisher]);
    const sum = days.get(key);
    if (sum === undefined) days.set(key, { ...row, period });
    else {
      sum.impressions += row.impressions;
      sum.viewable += row.viewable;
      sum.clicks += row.clicks;
      sum.spend += row.spend;
    }
  }
  return [...days.values()].sort((a, b) => compare(a.period, b.period) || compare(a.campaign, b.campaign) || compare(a.publisher, b.publisher));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toReportRow(row: RollupRow): ReportRow {
  return { period: row.period, campaign: row.campaign, publisher: row.publisher, impressions: row.impressions, viewable: row.viewable, clicks: row.clicks, spend: fromMicros(row.spend) };
}
