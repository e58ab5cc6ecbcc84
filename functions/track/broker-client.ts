import { fetchTransport, type EventTransport } from '../../shared/emitter';
import { Http1Connection, takeIdle, type ConnectionOwner, type ResponseHandlers } from '../../shared/http1';

/**
 * The transport track sends its events with: the lean keep-alive connections of `shared/http1`
 * to the Broker, a limited pool of them per sink, and only the status of each response kept.
 * Every pixel waits on one Broker request, and Node's `http.request` (or `fetch`) spends more
 * CPU on that request than the rest of the beacon costs (bench/event-path). Broker ingresses are
 * plain HTTP inside the cluster and on the local platform; an `https:` sink goes through `fetch`.
 */
export function brokerTransport(options: { maxSockets?: number; fallback?: EventTransport } = {}): EventTransport {
  const pools = new Map<string, Pool>();
  const fallback = options.fallback ?? fetchTransport();
  return (url, headers, body, timeoutMs) => {
    let pool = pools.get(url);
    if (pool === undefined) {
      const target = new URL(url);
      if (target.protocol !== 'http:') return fallback(url, headers, body, timeoutMs);
      pool = new Pool(target, options.maxSockets ?? 256);
      pools.set(url, pool);
    }
    return pool.post(headers, body, timeoutMs);
  };
}

/** Deadlines are checked by one sweep per pool, not a timer per request. */
const SWEEP_MS = 50;
const UNSAFE_HEADER = /[\r\n\0]/;

interface Waiter {
  request: string;
  timeoutMs: number;
  resolve: (status: number) => void;
  reject: (err: Error) => void;
}

class Pool {
  private readonly idle: Link[] = [];
  private readonly waiting: Waiter[] = [];
  private readonly busy = new Set<Link>();
  private open = 0;
  private sweeper: NodeJS.Timeout | undefined;
  private readonly host: string;
  private readonly port: number;
  private readonly requestLine: string;

  constructor(
    target: URL,
    private readonly maxSockets: number,
  ) {
    this.host = target.hostname.replace(/^\[|\]$/g, '');
    this.port = Number(target.port || 80);
    this.requestLine = `POST ${target.pathname}${target.search} HTTP/1.1\r\nhost: ${target.host}\r\n`;
  }

  post(headers: Record<string, string>, body: string, timeoutMs: number): Promise<number> {
    let request = this.requestLine;
    for (const name in headers) {
      const value = headers[name]!;
      if (UNSAFE_HEADER.test(name) || UNSAFE_HEADER.test(value)) return Promise.reject(new TypeError(`header ${JSON.stringify(name)} holds CR, LF or NUL`));
      request += `${name}: ${value}\r\n`;
    }
    request += `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { request, timeoutMs, resolve, reject };
      const link = this.take();
      if (link === undefined) this.waiting.push(waiter);
      else this.start(link, waiter);
    });
  }

  /** An idle connection fresh enough to reuse, a new one while under the limit, else none. */
  private take(): Link | undefined {
    const reused = takeIdle(this.idle, Date.now());
    if (reused !== undefined || this.open >= this.maxSockets) return reused;
    this.open++;
    return new Link(this, this.host, this.port);
  }

  private start(link: Link, waiter: Waiter): void {
    this.busy.add(link);
    link.send(waiter);
    // One unref'd sweep per pool for its lifetime: cheaper than a timer per request.
    this.sweeper ??= setInterval(() => this.sweep(), SWEEP_MS).unref();
  }

  /** After a clean exchange on a keep-alive connection: the next waiter gets it, or it idles. */
  release(link: Link): void {
    this.busy.delete(link);
    const next = this.waiting.shift();
    if (next !== undefined) return this.start(link, next);
    link.http.park(Date.now());
    this.idle.push(link);
  }

  /** A connection closed (by either side, or after a failure). */
  forget(link: Link): void {
    this.busy.delete(link);
    const at = this.idle.indexOf(link);
    if (at >= 0) this.idle.splice(at, 1);
    this.open--;
    const next = this.waiting.shift();
    if (next !== undefined) {
      const replacement = this.take();
      if (replacement === undefined) this.waiting.unshift(next);
      else this.start(replacement, next);
    }
  }

  private sweep(): void {
    const now = Date.now();
    for (const link of this.busy) if (link.deadline < now) link.http.fail(new Error('the Broker did not answer in time'));
  }
}

/**
 * One pooled connection and the request on it: the status settles the request as soon as the
 * response head arrives; the body is read past so the connection can be reused.
 */
class Link implements ConnectionOwner, ResponseHandlers {
  readonly http: Http1Connection;
  deadline = 0;
  /** The request on the connection until it is settled. */
  private waiter: Waiter | undefined;

  constructor(
    private readonly pool: Pool,
    host: string,
    port: number,
  ) {
    this.http = new Http1Connection(this, host, port, false);
  }

  get idleSince(): number {
    return this.http.idleSince;
  }

  send(waiter: Waiter): void {
    this.waiter = waiter;
    this.deadline = Date.now() + waiter.timeoutMs;
    this.http.start(this, waiter.request, 'utf8', 'none', false);
  }

  close(): void {
    this.http.close();
  }

  onHead(status: number): void {
    this.settle()?.resolve(status);
  }

  onData(): boolean {
    return true;
  }

  onEnd(): void {}

  onError(err: Error): void {
    this.settle()?.reject(err);
  }

  release(): void {
    this.pool.release(this);
  }

  forget(): void {
    this.pool.forget(this);
  }

  /** The unsettled request, now settled: each request is answered once. */
  private settle(): Waiter | undefined {
    const waiter = this.waiter;
    this.waiter = undefined;
    return waiter;
  }
}
