import http from 'node:http';
import { PayloadTooLargeError, type TaglineError } from './errors';
import { writeProblem } from './problem';

/**
 * The functions-framework buffers every request body (up to 1 GB) before a handler runs. This
 * guard sits in front of the framework's server: it reads the body itself, stopping at the
 * function's limit with a 413, and hands the framework a fully consumed request whose bytes are
 * in `req.rawBody`, so the framework's parsers skip it and the wrapper parses it with
 * problem+json errors of its own.
 */

let limitBytes: number | ((path: string) => number) = 64 * 1024;
let installed = false;
let renderProblem: (res: http.ServerResponse, err: TaglineError) => void = (res, err) => writeProblem(res, err);

/**
 * The largest body this process accepts, or a function of the request path giving it (a bulk
 * import route takes more than the rest); the last call wins (one function per process).
 */
export function setBodyLimit(bytes: number | ((path: string) => number), render?: typeof renderProblem): void {
  limitBytes = bytes;
  if (render !== undefined) renderProblem = render;
}

export interface BodyRequest extends http.IncomingMessage {
  rawBody?: Buffer;
}

/** Wrap `http.createServer` once so every server the framework creates gets the guard. */
export function installBodyGuard(): void {
  if (installed) return;
  installed = true;
  const create = http.createServer.bind(http) as (listener: http.RequestListener) => http.Server;
  (http as { createServer: unknown }).createServer = (...args: unknown[]): http.Server => {
    const listener = args.find((a): a is http.RequestListener => typeof a === 'function');
    const server = create(listener === undefined ? () => undefined : guarded(listener));
    return server;
  };
}

function guarded(next: http.RequestListener): http.RequestListener {
  return (req: BodyRequest, res) => {
    const declared = req.headers['content-length'];
    const chunked = req.headers['transfer-encoding'] !== undefined;
    if (declared === undefined && !chunked) return next(req, res);
    const limit = typeof limitBytes === 'number' ? limitBytes : limitBytes((req.url ?? '/').split('?')[0]!);
    if (declared !== undefined && Number(declared) > limit) return reject(req, res, limit);
    if (declared === '0') {
      req.rawBody = Buffer.alloc(0);
      return next(req, res);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        reject(req, res, limit);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (over) return;
      req.rawBody = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
      next(req, res);
    });
    req.on('error', () => res.destroy());
  };
}

/** A refused body is read and dropped up to this much before the connection is closed. */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

function reject(req: http.IncomingMessage, res: http.ServerResponse, limit: number): void {
  renderProblem(res, new PayloadTooLargeError(`Request body is larger than ${limit} bytes`));
  // Read the rest of the body and drop it, keeping the connection open: closing it while the
  // client (or the platform's proxy) is still sending resets it, and a reset loses the 413 the
  // client has not read yet. A body past DRAIN_LIMIT_BYTES is cut off.
  let drained = 0;
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT_BYTES) req.socket.destroy();
  });
  req.resume();
}
