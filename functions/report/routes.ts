import type { Config } from '../../shared/config';
import type { Request, Response, Route } from '../../shared/http';
import type { Store } from '../../shared/store';
import { withAuth, type Principal } from '../../shared/auth';
import { prefersCsv, toCsv } from './csv';
import { parseReportQuery, REPORT_COLUMNS, runReport } from './query';
import { recordEvent } from './rollups';

export interface ReportDeps {
  store: Store;
  config: Pick<Config, 'adminKey'>;
}

/** `POST /` (the Trigger on `ad.*`) and `GET /v1/reports` (admin or advertiser key). */
export function reportRoutes(deps: ReportDeps): Route[] {
  return [
    { method: 'POST', path: '/', accepts: ['*/*'], handler: (req) => recordEvent(deps.store, req) },
    { method: 'GET', path: '/v1/reports', handler: withAuth(deps, (req, principal) => getReport(deps.store, req, principal)) },
  ];
}

/** A report as JSON `{ rows }`, or as CSV when the client asks for `text/csv`. */
export async function getReport(store: Store, req: Request, principal: Principal): Promise<Response> {
  const rows = await runReport(store, principal, parseReportQuery(req.query));
  const headers = { 'cache-control': 'no-store', vary: 'Accept' };
  if (prefersCsv(req.headers.accept)) {
    const csv = toCsv(REPORT_COLUMNS, rows.map((r) => REPORT_COLUMNS.map((c) => r[c])));
    return { status: 200, headers: { ...headers, 'content-type': 'text/csv; charset=utf-8; header=present' }, body: csv };
  }
  return { status: 200, headers, body: { rows } };
}
