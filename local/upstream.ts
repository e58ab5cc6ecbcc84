/**
 * The proxy's HTTP/1.1 client for the function processes: keep-alive connections, one request at
 * a time on each, the request head written in one piece and the response read by a small parser.
 * Node's `http.request` spends several times the CPU of the whole server side of a request on
 * objects, header validation and agent bookkeeping that a hop between two local processes does
 * not need; the peers here are Node HTTP servers (the functions-framework), whose responses are
 * framed by Content-Length, by chunked encoding, or by closing the connection.
 */
import net from 'node:net';

/** What the proxy is told about one response. */
export interface ExchangeHandlers {
  /** The status line and the end-to-end headers as `[name, value, …]`. */
  onHead(status: number, statusMessage: string, headers: string[]): void;
  /** A piece of the (decoded) body; return false to pause the connection until `resume()`. */
  onData(chunk: Buffer): boolean;
  onEnd(): void;
  /** The exchange failed (refused, reset, closed early, malformed, destroyed); called at most once, never after `onEnd`. */
  onError(err: Error): void;
}

/** One request in flight on an upstream connection. */
export interface Exchange {
  /** Write more of the request body. False when the connection's buffer is full (wait for `drain`). */
  write(chunk: Buffer): boolean;
  /** The request body is complete. */
  end(): void;
  /** Run `listener` once the connection's write buffer has drained. */
  onceDrain(listener: () => void): void;
  /** Resume reading the response after `onData` returned false. */
  resume(): void;
  /** Abandon the exchange: the connection is closed and `onError(err)` is called if it was still open. */
  destroy(err?: Error): void;
}

/** Hop-by-hop headers (RFC 9110 §7.6.1): never passed on in either direction. */
export const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

/**
 * An idle connection is reused only if it has been idle for less than this: Node servers close
 * keep-alive connections after 5 s, and a request written as the server closes would be lost.
 */
const IDLE_REUSE_MS = 2000;
const MAX_HEAD_BYTES = 64 * 1024;
const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');
const STATUS_LINE = /^HTTP\/1\.([01]) (\d{3})(?: (.*))?$/;

type Mode = 'head' | 'length' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailers' | 'until-close' | 'idle';

class Connection {
  private readonly socket: net.Socket;
  /** Counts exchanges, so a stale handle cannot touch a connection that moved on to the next one. */
  generation = 0;
  private reusable = false;
  private handlers: ExchangeHandlers | undefined;
  private mode: Mode = 'idle';
  private pending: Buffer | undefined;
  private remaining = 0;
  private keepAlive = true;
  private headRequest = false;
  private requestDone = false;
  private chunkedRequest = false;
  idleSince = 0;

  constructor(
    private readonly pool: UpstreamPool,
    readonly port: number,
  ) {
    this.socket = net.connect({ host: '127.0.0.1', port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.onSocketData(chunk));
    this.socket.on('end', () => this.onSocketEnd());
    this.socket.on('error', (err) => this.fail(err));
    this.socket.on('close', () => {
      this.pool.forget(this);
      this.fail(new Error('the connection closed before the response was complete'));
    });
  }

  /** Send a request head (and, with `body`, announce a body to follow through `write`/`end`). */
  start(head: string, body: 'none' | 'length' | 'chunked', headRequest: boolean, handlers: ExchangeHandlers): void {
    this.generation++;
    this.handlers = handlers;
    this.mode = 'head';
    this.pending = undefined;
    this.keepAlive = true;
    this.headRequest = headRequest;
    this.requestDone = body === 'none';
    this.chunkedRequest = body === 'chunked';
    this.socket.ref();
    this.socket.write(head, 'latin1');
  }

  active(generation: number): boolean {
    return this.generation === generation && this.handlers !== undefined;
  }

  write(chunk: Buffer): boolean {
    if (chunk.length === 0) return true;
    if (!this.chunkedRequest) return this.socket.write(chunk);
    this.socket.write(`${chunk.length.toString(16)}\r\n`, 'latin1');
    this.socket.write(chunk);
    return this.socket.write(CRLF);
  }

  end(): void {
    if (this.chunkedRequest) this.socket.write('0\r\n\r\n', 'latin1');
    this.requestDone = true;
  }

  onceDrain(listener: () => void): void {
    this.socket.once('drain', listener);
  }

  resume(): void {
    this.socket.resume();
  }

  fail(err: Error): void {
    const handlers = this.handlers;
    this.handlers = undefined;
    this.mode = 'idle';
    this.socket.destroy();
    handlers?.onError(err);
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
    if (data.length === 0 && this.pending === undefined) this.pool.release(this);
    else this.socket.destroy();
  }

  /** Consume a prefix of `data` in the current mode; the count used, or -1 when waiting for more (kept in `pending`). */
  private step(data: Buffer): number {
    switch (this.mode) {
      case 'head':
        return this.readHead(data);
      case 'length':
        return this.body(data, Math.min(this.remaining, data.length));
      case 'until-close':
        return this.body(data, data.length);
      case 'chunk-data':
        return this.body(data, Math.min(this.remaining, data.length));
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
    if (status === null) {
      this.fail(new Error('malformed status line'));
      return -1;
    }
    const code = Number(status[2]);
    if (code >= 100 && code < 200) {
      if (code === 101) this.fail(new Error('unexpected protocol switch'));
      return code === 101 ? -1 : end + 4;
    }
    const headers: string[] = [];
    let length = -1;
    let chunked = false;
    this.keepAlive = status[1] === '1';
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      const colon = line.indexOf(':');
      if (colon <= 0) {
        this.fail(new Error('malformed header line'));
        return -1;
      }
      const name = line.slice(0, colon);
      const value = line.slice(colon + 1).trim();
      const lower = name.toLowerCase();
      if (lower === 'content-length') length = Number(value);
      else if (lower === 'transfer-encoding') chunked = value.toLowerCase().endsWith('chunked');
      else if (lower === 'connection') this.keepAlive = !value.toLowerCase().includes('close');
      if (!HOP_BY_HOP.has(lower)) headers.push(name, value);
    }
    this.handlers!.onHead(code, status[3] ?? '', headers);
    if (this.headRequest || code === 204 || code === 304 || (!chunked && length === 0)) this.complete(this.keepAlive);
    else if (chunked) this.mode = 'chunk-size';
    else if (length > 0) {
      this.mode = 'length';
      this.remaining = length;
    } else this.mode = 'until-close';
    return end + 4;
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

  /** The response is complete; a reusable connection goes back to the pool once the bytes read so far are accounted for. */
  private complete(reusable: boolean): void {
    const handlers = this.handlers!;
    this.handlers = undefined;
    this.mode = 'idle';
    this.reusable = reusable && this.requestDone;
    if (!this.reusable) this.socket.destroy();
    handlers.onEnd();
  }

  /** Back in the pool: not keeping the process alive. */
  park(now: number): void {
    this.idleSince = now;
    this.socket.resume();
    this.socket.unref();
  }

  close(): void {
    this.socket.destroy();
  }
}

/** The proxy's view of one exchange: inert once the connection has finished it. */
class Handle implements Exchange {
  constructor(
    private readonly connection: Connection,
    private readonly generation: number,
  ) {}

  write(chunk: Buffer): boolean {
    return this.connection.active(this.generation) ? this.connection.write(chunk) : true;
  }

  end(): void {
    if (this.connection.active(this.generation)) this.connection.end();
  }

  onceDrain(listener: () => void): void {
    if (this.connection.active(this.generation)) this.connection.onceDrain(listener);
  }

  resume(): void {
    if (this.connection.generation === this.generation) this.connection.resume();
  }

  destroy(err?: Error): void {
    if (this.connection.active(this.generation)) this.connection.fail(err ?? new Error('the request was abandoned'));
  }
}

/** Idle keep-alive connections per upstream port, most recently used first. */
export class UpstreamPool {
  private readonly idle = new Map<number, Connection[]>();

  /**
   * Send a request to the process on `port`: `head` is the complete request head (request line,
   * headers, blank line) in latin1, as Node's parser decoded it. `body` says how the request body
   * that follows through the returned exchange is framed.
   */
  request(port: number, head: string, body: 'none' | 'length' | 'chunked', headRequest: boolean, handlers: ExchangeHandlers): Exchange {
    const connection = this.take(port) ?? new Connection(this, port);
    connection.start(head, body, headRequest, handlers);
    return new Handle(connection, connection.generation);
  }

  private take(port: number): Connection | undefined {
    const list = this.idle.get(port);
    if (list === undefined) return undefined;
    const now = Date.now();
    for (let c = list.pop(); c !== undefined; c = list.pop()) {
      if (now - c.idleSince < IDLE_REUSE_MS) return c;
      c.close();
    }
    return undefined;
  }

  /** @internal a connection whose exchange completed cleanly. */
  release(connection: Connection): void {
    connection.park(Date.now());
    const list = this.idle.get(connection.port);
    if (list === undefined) this.idle.set(connection.port, [connection]);
    else list.push(connection);
  }

  /** @internal a closed connection. */
  forget(connection: Connection): void {
    const list = this.idle.get(connection.port);
    const i = list?.indexOf(connection) ?? -1;
    if (i >= 0) list!.splice(i, 1);
  }
}
