/**
 * The proxy's client for the function processes: the lean keep-alive connections of
 * `shared/http1`, pooled per process port, each exchange streamed both ways. The peers are Node
 * HTTP servers (the functions-framework) on this machine.
 */
import { Http1Connection, takeIdle, type BodyFraming, type ConnectionOwner, type ResponseHandlers } from '../shared/http1';

/** What the proxy is told about one response. */
export type ExchangeHandlers = ResponseHandlers;

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

/** The proxy's view of one exchange: inert once the connection has finished it. */
class Handle implements Exchange {
  constructor(
    private readonly connection: Http1Connection,
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

/** Idle keep-alive connections per upstream port (on 127.0.0.1), most recently used last. */
export class UpstreamPool implements ConnectionOwner {
  private readonly idle = new Map<number, Http1Connection[]>();

  /**
   * Send a request to the process on `port`: `head` is the complete request head (request line,
   * headers, blank line) in latin1, as Node's parser decoded it. `body` says how the request body
   * that follows through the returned exchange is framed.
   */
  request(port: number, head: string, body: BodyFraming, headRequest: boolean, handlers: ExchangeHandlers): Exchange {
    const list = this.idle.get(port);
    const connection = (list === undefined ? undefined : takeIdle(list, Date.now())) ?? new Http1Connection(this, '127.0.0.1', port);
    connection.start(handlers, head, 'latin1', body, headRequest);
    return new Handle(connection, connection.generation);
  }

  /** @internal a connection whose exchange completed cleanly. */
  release(connection: Http1Connection): void {
    connection.park(Date.now());
    const list = this.idle.get(connection.port);
    if (list === undefined) this.idle.set(connection.port, [connection]);
    else list.push(connection);
  }

  /** @internal a closed connection. */
  forget(connection: Http1Connection): void {
    const list = this.idle.get(connection.port);
    const i = list?.indexOf(connection) ?? -1;
    if (i >= 0) list!.splice(i, 1);
  }
}
