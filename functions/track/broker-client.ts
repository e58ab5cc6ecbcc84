import net from 'node:net';
import { fetchTransport, type EventTransport } from '../../shared/emitter';

/**
 * The transport track sends its events with: plain-HTTP keep-alive connections to the Broker,
 * one request at a time on each, the request written in one piece and the response read by a
 * small parser that keeps only the status. Every pixel waits on one Broker request, and Node's
 * `http.request` (or `fetch`) spends more CPU on that request than the rest of the beacon costs
 * (bench/event-path). Broker ingresses are plain HTTP inside the cluster and on the local
 * platform; an `https:` sink goes through `fetch`.
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

/** A connection idle for longer may be closed by the server (Node's default is 5 s) as we write. */
const IDLE_REUSE_MS = 2000;
/** Deadlines are checked by one sweep per pool, not a timer per request. */
const SWEEP_MS = 50;
const MAX_RESPONSE_HEAD = 16 * 1024;
const HEAD_END = Buffer.from('\r\n\r\n');
const STATUS_LINE = /^HTTP\/1\.([01]) (\d{3})/;
const UNSAFE_HEADER = /[\r\n\0]/;

interface Waiter {
  head: string;
  timeoutMs: number;
  resolve: (status: number) => void;
  reject: (err: Error) => void;
}

class Pool {
  private readonly idle: Connection[] = [];
  private readonly waiting: Waiter[] = [];
  readonly busy = new Set<Connection>();
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
    let head = this.requestLine;
    for (const name in headers) {
      const value = headers[name]!;
      if (UNSAFE_HEADER.test(name) || UNSAFE_HEADER.test(value)) return Promise.reject(new TypeError(`header ${JSON.stringify(name)} holds CR, LF or NUL`));
      head += `${name}: ${value}\r\n`;
    }
    head += `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { head, timeoutMs, resolve, reject };
      const connection = this.take();
      if (connection === undefined) this.waiting.push(waiter);
      else this.start(connection, waiter);
    });
  }

  /** An idle connection fresh enough to reuse, a new one while under the limit, else none. */
  private take(): Connection | undefined {
    const now = Date.now();
    for (let c = this.idle.pop(); c !== undefined; c = this.idle.pop()) {
      if (now - c.idleSince < IDLE_REUSE_MS) return c;
      c.close();
    }
    if (this.open >= this.maxSockets) return undefined;
    this.open++;
    return new Connection(this, this.host, this.port);
  }

  private start(connection: Connection, waiter: Waiter): void {
    this.busy.add(connection);
    connection.send(waiter.head, Date.now() + waiter.timeoutMs, waiter.resolve, waiter.reject);
    // One unref'd sweep per pool for its lifetime: cheaper than a timer per request.
    this.sweeper ??= setInterval(() => this.sweep(), SWEEP_MS).unref();
  }

  /** After a clean exchange on a keep-alive connection: the next waiter gets it, or it idles. */
  release(connection: Connection): void {
    this.busy.delete(connection);
    const next = this.waiting.shift();
    if (next !== undefined) return this.start(connection, next);
    connection.idleSince = Date.now();
    this.idle.push(connection);
  }

  /** A connection closed (by either side, or after a failure). */
  forget(connection: Connection): void {
    this.busy.delete(connection);
    const at = this.idle.indexOf(connection);
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
    for (const connection of this.busy) if (connection.deadline < now) connection.fail(new Error('the Broker did not answer in time'));
  }
}

class Connection {
  private readonly socket: net.Socket;
  private resolve: ((status: number) => void) | undefined;
  private reject: ((err: Error) => void) | undefined;
  private pending: Buffer | undefined;
  private closed = false;
  deadline = 0;
  idleSince = 0;

  constructor(
    private readonly pool: Pool,
    host: string,
    port: number,
  ) {
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('error', (err) => this.fail(err));
    this.socket.on('end', () => this.fail(new Error('the Broker closed the connection before answering')));
    this.socket.on('close', () => {
      this.fail(new Error('the Broker closed the connection before answering'));
      this.closed = true;
      this.pool.forget(this);
    });
  }

  send(request: string, deadline: number, resolve: (status: number) => void, reject: (err: Error) => void): void {
    this.resolve = resolve;
    this.reject = reject;
    this.deadline = deadline;
    this.pending = undefined;
    this.socket.ref();
    this.socket.write(request);
  }

  close(): void {
    this.socket.destroy();
  }

  /** End the exchange in flight (if any) with `err` and close the connection. */
  fail(err: Error): void {
    const reject = this.reject;
    this.resolve = undefined;
    this.reject = undefined;
    if (!this.closed) this.socket.destroy();
    reject?.(err);
  }

  private onData(chunk: Buffer): void {
    if (this.resolve === undefined) return this.fail(new Error('bytes from the Broker with no request in flight'));
    const data = this.pending === undefined ? chunk : Buffer.concat([this.pending, chunk]);
    const response = parseResponse(data);
    if (response === 'incomplete') {
      this.pending = data;
      return;
    }
    if (response === 'malformed') return this.fail(new Error('malformed response from the Broker'));
    const resolve = this.resolve;
    this.resolve = undefined;
    this.reject = undefined;
    this.pending = undefined;
    if (response.keepAlive && response.length === data.length) {
      this.socket.unref();
      this.pool.release(this);
    } else this.socket.destroy();
    resolve(response.status);
  }
}

type Parsed = { status: number; keepAlive: boolean; length: number } | 'incomplete' | 'malformed';

/**
 * The first complete final response in `data`: its status, whether the connection stays open,
 * and how many bytes it took. Interim (1xx) responses are skipped; a body without a length
 * that is framed by the connection closing ends the connection.
 */
export function parseResponse(data: Buffer): Parsed {
  let start = 0;
  for (;;) {
    const end = data.indexOf(HEAD_END, start);
    if (end < 0) return data.length - start > MAX_RESPONSE_HEAD ? 'malformed' : 'incomplete';
    const lines = data.toString('latin1', start, end).split('\r\n');
    const line = STATUS_LINE.exec(lines[0]!);
    if (line === null) return 'malformed';
    const status = Number(line[2]);
    const bodyStart = end + 4;
    if (status < 200) {
      if (status === 101) return 'malformed';
      start = bodyStart;
      continue;
    }
    let keepAlive = line[1] === '1';
    let length: number | undefined;
    let chunked = false;
    for (let i = 1; i < lines.length; i++) {
      const header = lines[i]!;
      const colon = header.indexOf(':');
      if (colon <= 0) return 'malformed';
      const name = header.slice(0, colon).trim().toLowerCase();
      const value = header.slice(colon + 1).trim().toLowerCase();
      if (name === 'content-length') {
        if (!/^\d+$/.test(value) || (length !== undefined && length !== Number(value))) return 'malformed';
        length = Number(value);
      } else if (name === 'transfer-encoding') chunked = value.split(',').some((v) => v.trim() === 'chunked');
      else if (name === 'connection') keepAlive = value.includes('keep-alive') || (keepAlive && !value.includes('close'));
    }
    if (status === 204 || status === 304) return { status, keepAlive, length: bodyStart };
    if (chunked) {
      const after = chunkedEnd(data, bodyStart);
      return typeof after === 'number' ? { status, keepAlive, length: after } : after;
    }
    if (length !== undefined) return data.length >= bodyStart + length ? { status, keepAlive, length: bodyStart + length } : 'incomplete';
    // Framed by the connection closing: the status is known, the connection is not reusable.
    return { status, keepAlive: false, length: data.length };
  }
}

/** Where a chunked body starting at `from` ends (after its trailers). */
function chunkedEnd(data: Buffer, from: number): number | 'incomplete' | 'malformed' {
  let at = from;
  for (;;) {
    const eol = data.indexOf('\r\n', at);
    if (eol < 0) return 'incomplete';
    const size = parseInt(data.toString('latin1', at, eol).split(';')[0]!.trim(), 16);
    if (Number.isNaN(size)) return 'malformed';
    at = eol + 2;
    if (size === 0) {
      // Trailers, then an empty line.
      for (;;) {
        const next = data.indexOf('\r\n', at);
        if (next < 0) return 'incomplete';
        if (next === at) return at + 2;
        at = next + 2;
      }
    }
    if (data.length < at + size + 2) return 'incomplete';
    at += size + 2;
  }
}
