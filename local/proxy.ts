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
  const upstream = http.request({ host: '127.0.0.1', port: slot.port, method: req.method, path, headers: forwardedHeaders(req), agent }, (up) => {
    deadlines.delete(waiting);
    res.writeHead(up.statusCode ?? 502, up.statusMessage, responseHeaders(up.rawHeaders));
    relay(up, res);
  });
  const waiting: Waiting = { upstream, deadline: Date.now() + slot.plan.timeoutMs, service: slot.plan.name, timeoutMs: slot.plan.timeoutMs };
  awaitResponse(waiting);
  upstream.on('error', (err) => {
    deadlines.delete(waiting);
    if (res.headersSent) res.destroy();
    else if (err instanceof GatewayTimeout) writeProblem(res, err);
    else writeProblem(res, new BadGatewayError(`${slot.plan.name} did not answer: ${err.message}`));
    finish();
  });
  res.on('close', () => {
    deadlines.delete(waiting);
    finish();
    if (!res.writableFinished) upstream.destroy();
  });
  if (hasBody(req)) req.pipe(upstream);
  else upstream.end();
}

/** A request without Content-Length or Transfer-Encoding has no body (RFC 9112 §6.3): skip the pipe. */
function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

interface Waiting {
  upstream: http.ClientRequest;
  deadline: number;
  service: string;
  timeoutMs: number;
}

/**
 * Requests still waiting for their response head. One coarse sweep enforces `timeoutSeconds`
 * for all of them: a timer per request costs more CPU than the rest of the proxy hop.
 */
const deadlines = new Set<Waiting>();
const SWEEP_MS = 250;
let sweeper: NodeJS.Timeout | undefined;

function awaitResponse(waiting: Waiting): void {
  deadlines.add(waiting);
  if (sweeper !== undefined) return;
  sweeper = setInterval(() => {
    const now = Date.now();
    for (const w of deadlines) {
      if (w.deadline > now) continue;
      deadlines.delete(w);
      w.upstream.destroy(new GatewayTimeout(w.service, w.timeoutMs));
    }
    if (deadlines.size === 0) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
  }, SWEEP_MS);
  sweeper.unref();
}

/** `up.pipe(res)` with fewer listeners per response: write, pause on backpressure, end. */
function relay(up: IncomingMessage, res: ServerResponse): void {
  up.on('data', (chunk: Buffer) => {
    if (!res.write(chunk)) {
      up.pause();
      res.once('drain', () => up.resume());
    }
  });
  up.on('end', () => res.end());
  up.on('error', () => res.destroy());
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
