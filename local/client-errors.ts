/**
 * Answers for what never reaches the router: a request Node's HTTP parser rejects (an unknown
 * method, a malformed header line, a bad URL, headers too large) and `CONNECT` (the platform is
 * no forward proxy). Both are problem+json from the same errors and helpers as every other
 * refusal of the platform (`shared/problem.ts`), written straight to the socket as there is no
 * response object, instead of Node's bare 400 or a closed socket.
 */
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { BadRequestError, HeadersTooLargeError, MethodNotAllowedError, type TaglineError } from '../shared/errors';
import { problemBody, problemHeaders } from '../shared/problem';

/** What the platform forwards to a Service; `CONNECT` it refuses. */
const FORWARDED = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** `err` as a whole HTTP/1.1 response that closes the connection. */
function rawProblem(err: TaglineError): string {
  const body = JSON.stringify(problemBody(err));
  const headers = { ...problemHeaders(err), 'content-length': String(Buffer.byteLength(body)), connection: 'close' };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return `HTTP/1.1 ${err.status} ${STATUS_CODES[err.status] ?? ''}\r\n${head}\r\n${body}`;
}

/** Install both answers on the platform's server. */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || (err.code === 'ECONNRESET' && !('bytesParsed' in err))) {
      socket.destroy();
      return;
    }
    const answer =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? new HeadersTooLargeError('The request headers are too large')
        : err.code === 'HPE_INVALID_METHOD'
          ? new BadRequestError('The request method is not an HTTP method this platform knows')
          : new BadRequestError(`The request is not valid HTTP/1.1 (${err.code ?? 'parse error'})`);
    socket.end(rawProblem(answer));
  });
  server.on('connect', (_req, socket: Duplex) => {
    socket.end(rawProblem(new MethodNotAllowedError(FORWARDED)));
  });
}
