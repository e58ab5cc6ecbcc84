/**
 * RFC 9457 problem details, written in one place: the function wrapper, the body guard, the
 * admin API's 401 challenge, track and the local platform all answer errors through here.
 */
import type { ServerResponse } from 'node:http';
import { MethodNotAllowedError, type TaglineError } from './errors';

export const PROBLEM_JSON = 'application/problem+json';

/** The problem members of `err`: its stable `type` and `title`, its status, its message as `detail`, and its details. */
export function problemBody(err: TaglineError): Record<string, unknown> {
  return { type: err.type, title: err.title, status: err.status, detail: err.message, ...err.details };
}

/** The headers a problem carries: its media type, `Allow` for a 405, `Retry-After` for a 503. */
export function problemHeaders(err: TaglineError, extra: Record<string, string> = {}): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': PROBLEM_JSON, ...extra };
  if (err instanceof MethodNotAllowedError) headers.allow = err.allow.join(', ');
  if (err.status === 503) headers['retry-after'] = '1';
  return headers;
}

/** `err` as a handler's response (status, headers, body), with `extra` headers. */
export function problemResponse(err: TaglineError, extra: Record<string, string> = {}): { status: number; headers: Record<string, string>; body: Record<string, unknown> } {
  return { status: err.status, headers: problemHeaders(err, extra), body: problemBody(err) };
}

/** The 500 for anything that is not a `TaglineError`; its message is shown only outside production. */
export function internalProblem(err: unknown, production: boolean): { status: number; headers: Record<string, string>; body: Record<string, unknown> } {
  return {
    status: 500,
    headers: { 'content-type': PROBLEM_JSON },
    body: { type: 'https://tagline.dev/problems/internal', title: 'Internal error', status: 500, detail: production || !(err instanceof Error) ? 'An internal error occurred' : err.message },
  };
}

/** Answer a raw Node response with `err`; a response already under way is cut instead. */
export function writeProblem(res: ServerResponse, err: TaglineError, extra: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify(problemBody(err));
  res.writeHead(err.status, { ...problemHeaders(err, extra), 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}
