import type { Request, Response, Route } from '../../shared/http';
import { parseJson } from '../../shared/validate';
import type { AdResponse } from './contract';
import { decide, type DecisionDeps } from './decide';
import { parseAdRequest } from './request';

/** The body limit of `POST /v1/ads`. */
export const AD_REQUEST_LIMIT_BYTES = 16 * 1024;

export function decisionRoutes(deps: DecisionDeps): Route[] {
  return [{ method: 'POST', path: '/v1/ads', cors: true, handler: (req) => handleAdRequest(deps, req) }];
}

/*
 * The decision is synchronous but for the frequency-cap counters: it makes a promise only when it
 * must read them (the framework runs each request in a domain, which makes every promise cost).
 */
export function handleAdRequest(deps: DecisionDeps, req: Request): Response | Promise<Response> {
  const body = parseAdRequest(parseJson(req.body));
  const country = header(req, 'x-country') ?? header(req, 'cf-ipcountry');
  const result = decide(deps, body, { userAgent: header(req, 'user-agent'), country: country?.toUpperCase() });
  return result instanceof Promise ? result.then(adResponse) : adResponse(result);
}

function adResponse(result: AdResponse): Response {
  return { status: 200, headers: { 'cache-control': 'no-store' }, body: result };
}

function header(req: Request, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}
