/**
 * A lean HTTP/1.1 client connection: keep-alive, one request at a time, the request head written
 * in one piece and the response read by a small streaming parser (Content-Length, chunked or
 * close-framed bodies; 1xx skipped; HEAD, 204 and 304 bodiless). Node's `http.request` spends
 * several times the CPU of the whole server side of a request on objects, header validation and
 * agent bookkeeping that a hop to a known Node HTTP server does not need (docs/benchmarks.md).
 * Pools stay with their users: the local proxy's (`local/upstream`) and track's Broker transport.
 */
import net from 'node:net';

/** How the request body that follows the head is framed. */
export type BodyFraming = 'none' | 'length' | 'chunked';

/** What the user of a connection is told about one response. */
export interface ResponseHandlers {
  /** The status line and (if the connection keeps them) the end-to-end headers as `[name, value, …]`. */
  onHead(status: number, statusMessage: string, headers: string[]): void;
  /** A piece of the (decoded) body; return false to pause the connection until `resume()`. */
  onData(chunk: Buffer): boolean;
  onEnd(): void;
  /** The exchange failed (refused, reset, closed early, malformed, destroyed); called at most once, never after `onEnd`. */
  onError(err: Error): void;
}

/** Who a connection reports back to: its pool. */
export interface ConnectionOwner {
  /** The exchange completed cleanly with no bytes left over: the connection may carry another. */
  release(connection: Http1Connection): void;
  /** The connection closed (either side, or after a failure). */
  forget(connection: Http1Connection): void;
}

/** Hop-by-hop headers (RFC 9110 §7.6.1): never passed on in either direction. */
export const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

/**
 * An idle connection is reused only if it has been idle for less than this: Node servers close
 * keep-alive connections after 5 s, and a request written as the server closes would be lost.
 */
export const IDLE_REUSE_MS = 2000;
const MAX_HEAD_BYTES = 64 * 1024;
const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');
const STATUS_LINE = /^HTTP\/1\.([01]) (\d{3})(?: (.*))?$/;
const DIGITS = /^\d+$/;

/** The most recently parked connection of `idle` fresh enough to reuse; stale ones are closed. */
export function takeIdle<C extends Pick<Http1Connection, 'idleSince' | 'close'>>(idle: C[], now: number): C | undefined {
  for (let c = idle.pop(); c !== undefined; c = idle.pop()) {
    if (now - c.idleSince < IDLE_REUSE_MS) return c;
    c.close();
  }
  return undefined;
}

type Mode = 'head' | 'length' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailers' | 'until-close' | 'idle';

/** One keep-alive connection to `host:port`. */
export class Http1Connection {
  private readonly socket: net.Socket;
  /** Counts exchanges, so a stale handle cannot touch a connection that moved on to the next one. */
  generation = 0;
  /** When it was last parked (`park`). */
  idleSince = 0;
  private reusable = false;
  private handlers: ResponseHandlers | undefined;
  private mode: Mode = 'idle';
  private pending: Buffer | undefined;
  private remaining = 0;
  private keepAlive = true;
  private headRequest = false;
  private requestDone = false;
  private chunkedRequest = false;

  /** `keepHeaders: false` reports every response with no headers, for users that need only the status. */
  constructor(
    private readonly owner: ConnectionOwner,
    readonly host: string,
    readonly port: number,
    private readonly keepHeaders = true,
  ) {
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.onSocketData(chunk));
    this.socket.on('end', () => this.onSocketEnd());
    this.socket.on('error', (err) => this.fail(err));
    this.socket.on('close', () => {
      this.owner.forget(this);
      this.fail(new Error('the connection closed before the response was complete'));
    });
  }

  /**
   * Send `request` (the complete head — request line, headers, blank line — plus, with `body`
   * 'none', any body) and read the response into `handlers`. With 'length' or 'chunked' the body
   * follows through `write`/`end`. `headRequest`: the response has no body whatever it says.
   */
  start(handlers: ResponseHandlers, request: string, encoding: 'latin1' | 'utf8', body: BodyFraming, headRequest: boolean): void {
    this.generation++;
    this.handlers = handlers;
    this.mode = 'head';
    this.pending = undefined;
    this.keepAlive = true;
    this.headRequest = headRequest;
    this.requestDone = body === 'none';
    this.chunkedRequest = body === 'chunked';
    this.socket.ref();
    this.socket.write(request, encoding);
  }

  /** Whether exchange `generation` is still in progress here. */
  active(generation: number): boolean {
    return this.generation === generation && this.handlers !== undefined;
  }

  /** Write more of the request body. False when the connection's buffer is full (wait for `onceDrain`). */
  write(chunk: Buffer): boolean {
    if (chunk.length === 0) return true;
    if (!this.chunkedRequest) return this.socket.write(chunk);
    this.socket.write(`${chunk.length.toString(16)}\r\n`, 'latin1');
    this.socket.write(chunk);
    return this.socket.write(CRLF);
  }

  /** The request body is complete. */
  end(): void {
    if (this.chunkedRequest) this.socket.write('0\r\n\r\n', 'latin1');
    this.requestDone = true;
  }

  onceDrain(listener: () => void): void {
    this.socket.once('drain', listener);
  }

  /** Resume reading after `onData` returned false. */
  resume(): void {
    this.socket.resume();
  }

  /** End the exchange in flight (if any) with `err` and close the connection. */
  fail(err: Error): void {
    const handlers = this.handlers;
    this.handlers = undefined;
    this.mode = 'idle';
    this.socket.destroy();
    handlers?.onError(err);
  }

  /** Back in its pool: not keeping the process alive. */
  park(now: number): void {
    this.idleSince = now;
    this.socket.resume();
    this.socket.unref();
  }

  close(): void {
    this.socket.destroy();
  }

  private onSocketEnd(): void {
    if (this.mode === 'until-close') this.complete(false);
    else this.fail(new Error('the connection closed before the response was complete'));
  }

  private onSocketData(chunk: Buffer): void {
    if (this.handlers === undefined) {
      this.fail(new Error('data on an idle connection'));
      return;
    }
    let data = this.pending === undefined ? chunk : Buffer.concat([this.pending, chunk]);
    this.pending = undefined;
    while (data.length > 0 && this.handlers !== undefined) {
      const used = this.step(data);
      if (used < 0) return;
      data = data.subarray(used);
    }
    if (this.handlers !== undefined || !this.reusable) return;
    this.reusable = false;
    if (data.length === 0 && this.pending === undefined) this.owner.release(this);
    else this.socket.destroy();
  }

  /** Consume a prefix of `data` in the current mode; the count used, or -1 when waiting for more (kept in `pending`). */
  private step(data: Buffer): number {
    switch (this.mode) {
      case 'head':
        return this.readHead(data);
      case 'length':
      case 'chunk-data':
        return this.body(data, Math.min(this.remaining, data.length));
      case 'until-close':
        return this.body(data, data.length);
      case 'chunk-size':
        return this.readChunkSize(data);
      case 'chunk-end':
        return this.readLine(data, (line) => (line === '' ? (this.mode = 'chunk-size') : this.fail(new Error('malformed chunked body'))));
      case 'trailers':
        return this.readLine(data, (line) => line === '' && this.complete(true));
      default:
        this.fail(new Error('more bytes than the response'));
        return -1;
    }
  }

  private readHead(data: Buffer): number {
    const end = data.indexOf(HEAD_END);
    if (end < 0) {
      if (data.length > MAX_HEAD_BYTES) this.fail(new Error('response head too large'));
      else this.pending = data;
      return -1;
    }
    const lines = data.toString('latin1', 0, end).split('\r\n');
    const status = STATUS_LINE.exec(lines[0]!);
    if (status === null) return this.malformed('malformed status line');
    const code = Number(status[2]);
    if (code < 100) return this.malformed('malformed status line');
    if (code < 200) return code === 101 ? this.malformed('unexpected protocol switch') : end + 4;
    const headers: string[] = [];
    let length = -1;
    let chunked = false;
    let keepAlive = status[1] === '1';
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      const colon = line.indexOf(':');
      if (colon <= 0) return this.malformed('malformed header line');
      const name = line.slice(0, colon);
      const value = line.slice(colon + 1).trim();
      const lower = name.toLowerCase();
      if (lower === 'content-length') {
        if (!DIGITS.test(value) || (length >= 0 && length !== Number(value))) return this.malformed('malformed content-length');
        length = Number(value);
      } else if (lower === 'transfer-encoding') chunked = value.toLowerCase().endsWith('chunked');
      else if (lower === 'connection') {
        const tokens = value.toLowerCase();
        keepAlive = tokens.includes('keep-alive') || (keepAlive && !tokens.includes('close'));
      }
      if (this.keepHeaders && !HOP_BY_HOP.has(lower)) headers.push(name, value);
    }
    this.keepAlive = keepAlive;
    this.handlers!.onHead(code, status[3] ?? '', headers);
    if (this.handlers === undefined) return -1;
    if (this.headRequest || code === 204 || code === 304 || (!chunked && length === 0)) this.complete(keepAlive);
    else if (chunked) this.mode = 'chunk-size';
    else if (length > 0) {
      this.mode = 'length';
      this.remaining = length;
    } else this.mode = 'until-close';
    return end + 4;
  }

  private malformed(message: string): -1 {
    this.fail(new Error(message));
    return -1;
  }

  private body(data: Buffer, n: number): number {
    const piece = n === data.length ? data : data.subarray(0, n);
    this.remaining -= n;
    if (!this.handlers!.onData(piece)) this.socket.pause();
    if (this.remaining === 0 && this.handlers !== undefined) {
      if (this.mode === 'length') this.complete(this.keepAlive);
      else if (this.mode === 'chunk-data') this.mode = 'chunk-end';
    }
    return n;
  }

  private readChunkSize(data: Buffer): number {
    return this.readLine(data, (line) => {
      const size = parseInt(line.split(';', 1)[0]!, 16);
      if (!Number.isInteger(size) || size < 0) this.fail(new Error('malformed chunk size'));
      else if (size === 0) this.mode = 'trailers';
      else {
        this.mode = 'chunk-data';
        this.remaining = size;
      }
    });
  }

  private readLine(data: Buffer, onLine: (line: string) => unknown): number {
    const end = data.indexOf(CRLF);
    if (end < 0) {
      if (data.length > MAX_HEAD_BYTES) this.fail(new Error('line too long in chunked body'));
      else this.pending = data;
      return -1;
    }
    onLine(data.toString('latin1', 0, end));
    return end + 2;
  }

  /** The response is complete; a reusable connection goes back to its owner once the bytes read so far are accounted for. */
  private complete(reusable: boolean): void {
    const handlers = this.handlers!;
    this.handlers = undefined;
    this.mode = 'idle';
    this.reusable = reusable && this.requestDone;
    if (!this.reusable) this.socket.destroy();
    handlers.onEnd();
  }
}
