/**
 * The route to a Service, as Knative's activator and queue-proxy give it: the request waits for a
 * ready process (a cold start if there is none), then is streamed to it over a keep-alive
 * connection with the `/<service>` prefix stripped and `X-Forwarded-*` set. Nothing is buffered
 * and nothing is logged per request; the connections are the lean client of `./upstream`
 * (`shared/http1`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TaglineError, UnavailableError } from '../shared/errors';
import { HOP_BY_HOP } from '../shared/http1';
import { writeProblem } from '../shared/problem';
import type { Instance, Slot, Supervisor } from './supervisor';
import { UpstreamPool, type Exchange } from './upstream';

/** Set by the platform itself; a client's own values are not passed on. */
const REPLACED = new Set([...HOP_BY_HOP, 'x-forwarded-host', 'x-forwarded-proto']);

/** Keep-alive connections to every function process this platform proxies to. */
const pool = new UpstreamPool();

/** Route a request whose path starts with `/<service>` to that Service; `rest` is the path after it. */
export function routeToService(supervisor: Supervisor, slot: Slot, req: IncomingMessage, res: ServerResponse, rest: string): void {
  const instance = slot.pick();
  if (instance !== undefined) {
    forward(slot, instance, req, res, rest);
    return;
  }
  supervisor.acquire(slot).then(
    (acquired) => forward(slot, acquired, req, res, rest),
    (err: unknown) => writeProblem(res, err instanceof TaglineError ? err : new UnavailableError(`${slot.plan.name} could not start: ${(err as Error).message}`)),
  );
}

/** Stream one request to `instance`, which has it counted until the exchange ends. */
function forward(slot: Slot, instance: Instance, req: IncomingMessage, res: ServerResponse, path: string): void {
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    deadlines.delete(waiting);
    slot.release(instance);
  };
  const body = bodyFraming(req);
  const exchange = pool.request(instance.port!, requestHead(req, path, body === 'chunked'), body, req.method === 'HEAD', {
    onHead(status, statusMessage, headers) {
      deadlines.delete(waiting);
      try {
        res.writeHead(status, statusMessage, headers);
      } catch (err) {
        exchange.destroy(new Error(`its response head cannot be passed on (${(err as Error).message})`));
      }
    },
    onData(chunk) {
      if (res.write(chunk)) return true;
      res.once('drain', () => exchange.resume());
      return false;
    },
    onEnd() {
      res.end();
      finish();
    },
    onError(err) {
      if (res.headersSent) res.destroy();
      else if (err instanceof GatewayTimeout) writeProblem(res, err);
      else writeProblem(res, new BadGatewayError(`${slot.plan.name} did not answer: ${err.message}`));
      finish();
    },
  });
  const waiting: Waiting = { exchange, deadline: Date.now() + slot.plan.timeoutMs, service: slot.plan.name, timeoutMs: slot.plan.timeoutMs };
  awaitResponse(waiting);
  res.on('close', () => {
    if (!res.writableFinished) exchange.destroy();
    finish();
  });
  if (body !== 'none') sendBody(req, exchange);
}

/** A request without Content-Length or Transfer-Encoding has no body (RFC 9112 §6.3). */
function bodyFraming(req: IncomingMessage): 'none' | 'length' | 'chunked' {
  if (req.headers['transfer-encoding'] !== undefined) return 'chunked';
  const length = req.headers['content-length'];
  return length !== undefined && length !== '0' ? 'length' : 'none';
}

/** `req.pipe(upstream)`, pausing the client while the connection to the process is full. */
function sendBody(req: IncomingMessage, exchange: Exchange): void {
  req.on('data', (chunk: Buffer) => {
    if (!exchange.write(chunk)) {
      req.pause();
      exchange.onceDrain(() => req.resume());
    }
  });
  req.on('end', () => exchange.end());
}

interface Waiting {
  exchange: Exchange;
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
      w.exchange.destroy(new GatewayTimeout(w.service, w.timeoutMs));
    }
    if (deadlines.size === 0) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
  }, SWEEP_MS);
  sweeper.unref();
}

/**
 * The request head for the process: the client's headers as Node's parser decoded them (latin1,
 * already checked for line breaks) minus hop-by-hop ones, with `X-Forwarded-*` appended.
 */
function requestHead(req: IncomingMessage, path: string, chunked: boolean): string {
  const raw = req.rawHeaders;
  let head = `${req.method} ${path} HTTP/1.1\r\n`;
  let forwardedFor: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    const lower = name.toLowerCase();
    if (lower === 'x-forwarded-for') forwardedFor = forwardedFor === undefined ? raw[i + 1] : `${forwardedFor}, ${raw[i + 1]}`;
    else if (!REPLACED.has(lower)) head += `${name}: ${raw[i + 1]}\r\n`;
  }
  const client = req.socket.remoteAddress ?? '';
  head += `x-forwarded-for: ${forwardedFor === undefined ? client : `${forwardedFor}, ${client}`}\r\nx-forwarded-proto: http\r\n`;
  if (req.headers.host !== undefined) head += `x-forwarded-host: ${req.headers.host}\r\n`;
  return chunked ? `${head}transfer-encoding: chunked\r\n\r\n` : `${head}\r\n`;
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
