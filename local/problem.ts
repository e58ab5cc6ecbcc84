/** RFC 9457 problem responses written by the platform itself (not by a function). */
import type { ServerResponse } from 'node:http';
import { MethodNotAllowedError, type TaglineError } from '../shared/errors';

/** Answer with `err` as `application/problem+json` (503s carry `Retry-After`). */
export function writeProblem(res: ServerResponse, err: TaglineError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ type: err.type, title: err.title, status: err.status, detail: err.message, ...err.details });
  const headers: Record<string, string | number> = { 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(body) };
  if (err.status === 503) headers['retry-after'] = '1';
  if (err instanceof MethodNotAllowedError) headers.allow = err.allow.join(', ');
  res.writeHead(err.status, headers);
  res.end(body);
}
