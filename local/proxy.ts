/**
 * The route to a Service, as Knative's activator and queue-proxy give it: the request waits for a
 * ready process (a cold start if there is none), then is streamed to it over a keep-alive
 * connection with the `/<service>` prefix stripped and `X-Forwarded-*` set. Nothing is buffered
 * and nothing is logged per request.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { TaglineError, UnavailableError } from '../shared/errors';
import { writeProblem } from './problem';
import type { Slot, Supervisor } from './supervisor';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);
/** Set by the platform itself; a client's own values are not passed on. */
const REPLACED = new Set([...HOP_BY_HOP, 'x-forwarded-host', 'x-forwarded-proto']);

/** Route a request whose path starts with `/<service>` to that Service; `rest` is the path after it. */
export function routeToService(supervisor: Supervisor, slot: Slot, req: IncomingMessage, res: ServerResponse, rest: string, agent: http.Agent): void {
  if (slot.state === 'warm') {
    forward(slot, req, res, rest, agent);
    return;
  }
  supervisor.activate(slot).then(
    () => forward(slot, req, res, rest, agent),
    (err: unknown) => writeProblem(res, err instanceof TaglineError ? err : new UnavailableError(`${slot.plan.name} could not start: ${(err as Error).message}`)),
  );
}

function forward(slot: Slot, req: IncomingMessage, res: ServerResponse, path: string, agent: http.Agent): void {
  slot.begin();
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    slot.end();
  };
  const upstream = http.request(
    { host: '127.0.0.1', port: slot.port, method: req.method, path, headers: forwardedHeaders(req), agent, timeout: slot.plan.timeoutMs },
    (up) => {
      res.writeHead(up.statusCode ?? 502, up.statusMessage, responseHeaders(up.rawHeaders));
      up.pipe(res);
      up.on('error', () => res.destroy());
    },
  );
  upstream.on('timeout', () => upstream.destroy(new GatewayTimeout(slot.plan.name, slot.plan.timeoutMs)));
  upstream.on('error', (err) => {
    if (res.headersSent) res.destroy();
    else if (err instanceof GatewayTimeout) writeProblem(res, err);
    else writeProblem(res, new BadGatewayError(`${slot.plan.name} did not answer: ${err.message}`));
    finish();
  });
  res.on('close', () => {
    finish();
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

function forwardedHeaders(req: IncomingMessage): string[] {
  const raw = req.rawHeaders;
  const headers: string[] = [];
  let forwardedFor: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    const lower = name.toLowerCase();
    if (lower === 'x-forwarded-for') forwardedFor = forwardedFor === undefined ? raw[i + 1] : `${forwardedFor}, ${raw[i + 1]}`;
    else if (!REPLACED.has(lower)) headers.push(name, raw[i + 1]!);
  }
  const client = req.socket.remoteAddress ?? '';
  headers.push('x-forwarded-for', forwardedFor === undefined ? client : `${forwardedFor}, ${client}`);
  headers.push('x-forwarded-proto', 'http');
  if (req.headers.host !== undefined) headers.push('x-forwarded-host', req.headers.host);
  return headers;
}

function responseHeaders(raw: string[]): string[] {
  const headers: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    if (!HOP_BY_HOP.has(raw[i]!.toLowerCase())) headers.push(raw[i]!, raw[i + 1]!);
  }
  return headers;
}

/** 502: the process closed the connection or refused it (e.g. it crashed). */
export class BadGatewayError extends TaglineError {
  readonly status = 502;
  readonly code = 'bad-gateway';
  readonly title = 'Bad gateway';
}

/** 504: no response within the Service's `timeoutSeconds`. */
export class GatewayTimeout extends TaglineError {
  readonly status = 504;
  readonly code = 'gateway-timeout';
  readonly title = 'Gateway timeout';
  constructor(service: string, ms: number) {
    super(`${service} did not answer within ${ms / 1000} s (timeoutSeconds)`);
  }
}
