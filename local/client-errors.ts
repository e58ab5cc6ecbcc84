/**
 * Answers for what never reaches the router: a request Node's HTTP parser rejects (an unknown
 * method, a malformed header line, a bad URL) and `CONNECT` (the platform is no forward proxy).
 * Both are problem+json, as every other refusal of the platform, instead of Node's bare 400 or a
 * closed socket.
 */
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

function problem(status: number, reason: string, code: string, title: string, detail: string, extra = ''): string {
  const body = JSON.stringify({ type: `https://tagline.dev/problems/${code}`, title, status, detail });
  return `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${extra}connection: close\r\n\r\n${body}`;
}

/** Install both answers on the platform's server. */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || (err.code === 'ECONNRESET' && !('bytesParsed' in err))) {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const method = err.code === 'HPE_INVALID_METHOD';
    const answer = tooLarge
      ? problem(431, 'Request Header Fields Too Large', 'headers-too-large', 'Request header fields too large', 'The request headers are too large')
      : problem(400, 'Bad Request', method ? 'method-not-allowed' : 'bad-request', method ? 'Unknown method' : 'Bad request', method ? 'The request method is not an HTTP method this platform knows' : `The request is not valid HTTP/1.1 (${err.code ?? 'parse error'})`);
    socket.end(answer);
  });
  server.on('connect', (_req, socket: Duplex) => {
    socket.end(problem(405, 'Method Not Allowed', 'method-not-allowed', 'Method not allowed', 'CONNECT is not served: the platform is not a forward proxy', 'allow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS\r\n'));
  });
}
