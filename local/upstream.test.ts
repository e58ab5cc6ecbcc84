import test from 'ava';
import http from 'node:http';
import net from 'node:net';
import { UpstreamPool } from './upstream';

interface Answer {
  status: number;
  statusMessage: string;
  headers: string[];
  body: Buffer;
}

/** One exchange through `pool`, collected; rejects with the exchange's error. */
function exchange(pool: UpstreamPool, port: number, head: string, body?: Buffer[], chunked = false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let answer: Omit<Answer, 'body'> | undefined;
    const chunks: Buffer[] = [];
    const headRequest = head.startsWith('HEAD ');
    const ex = pool.request(port, head, body === undefined ? 'none' : chunked ? 'chunked' : 'length', headRequest, {
      onHead: (status, statusMessage, headers) => (answer = { status, statusMessage, headers }),
      onData: (chunk) => chunks.push(Buffer.from(chunk)) > 0,
      onEnd: () => resolve({ ...answer!, body: Buffer.concat(chunks) }),
      onError: reject,
    });
    if (body !== undefined) {
      for (const piece of body) ex.write(piece);
      ex.end();
    }
  });
}

/** A real Node server counting the connections it accepted. */
async function server(handler: http.RequestListener): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  const s = http.createServer(handler);
  let connections = 0;
  s.on('connection', () => connections++);
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return {
    port: (s.address() as net.AddressInfo).port,
    connections: () => connections,
    close: () => new Promise((resolve) => {
      s.closeAllConnections();
      s.close(() => resolve());
    }),
  };
}

/** A raw TCP server that answers every request with the bytes `reply` gives. */
async function rawServer(reply: (socket: net.Socket) => void): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const s = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('data', () => reply(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return {
    port: (s.address() as net.AddressInfo).port,
    close: () => new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      s.close(() => resolve());
    }),
  };
}

const get = (path: string, extra = ''): string => `GET ${path} HTTP/1.1\r\nHost: fn\r\n${extra}\r\n`;

test('a Content-Length response arrives whole, without hop-by-hop headers, and the connection is reused', async (t) => {
  const s = await server((req, res) => {
    res.setHeader('x-path', req.url ?? '');
    res.end('hello');
  });
  const pool = new UpstreamPool();
  const first = await exchange(pool, s.port, get('/a?b=1'));
  const second = await exchange(pool, s.port, get('/c'));
  t.is(first.status, 200);
  t.is(first.statusMessage, 'OK');
  t.is(first.body.toString(), 'hello');
  t.deepEqual(
    first.headers.filter((_, i) => i % 2 === 0).map((h) => h.toLowerCase()).filter((h) => h !== 'date'),
    ['x-path', 'content-length'],
  );
  t.is(first.headers[1], '/a?b=1');
  t.is(second.headers[1], '/c');
  t.is(s.connections(), 1, 'the second request went over the kept-alive connection');
  await s.close();
});

test('a chunked response written in many pieces is decoded exactly', async (t) => {
  const pieces = Array.from({ length: 50 }, (_, i) => Buffer.alloc(i * 37 + 1, String.fromCharCode(97 + (i % 26))));
  const s = await server(async (_req, res) => {
    for (const piece of pieces) {
      res.write(piece);
      await new Promise((resolve) => setImmediate(resolve));
    }
    res.end();
  });
  const pool = new UpstreamPool();
  const answer = await exchange(pool, s.port, get('/'));
  t.deepEqual(answer.body, Buffer.concat(pieces));
  t.false(answer.headers.some((h) => h.toLowerCase() === 'transfer-encoding'));
  t.is((await exchange(pool, s.port, get('/'))).body.length, Buffer.concat(pieces).length);
  t.is(s.connections(), 1);
  await s.close();
});

test('HEAD, 204 and 304 answers have no body and leave the connection usable', async (t) => {
  const s = await server((req, res) => {
    if (req.url === '/none') res.writeHead(204).end();
    else if (req.url === '/same') res.writeHead(304, { etag: '"x"' }).end();
    else res.writeHead(200, { 'content-length': '1000' }).end(req.method === 'HEAD' ? undefined : Buffer.alloc(1000));
  });
  const pool = new UpstreamPool();
  const head = await exchange(pool, s.port, 'HEAD /big HTTP/1.1\r\nHost: fn\r\n\r\n');
  t.is(head.status, 200);
  t.is(head.body.length, 0);
  t.is((await exchange(pool, s.port, get('/none'))).status, 204);
  t.is((await exchange(pool, s.port, get('/same'))).status, 304);
  t.is((await exchange(pool, s.port, get('/big'))).body.length, 1000);
  t.is(s.connections(), 1);
  await s.close();
});

test('request bodies arrive byte for byte, with a Content-Length or re-chunked', async (t) => {
  const s = await server((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => res.end(`${req.headers['transfer-encoding'] ?? 'length'}:${Buffer.concat(chunks).toString('base64')}`));
  });
  const pool = new UpstreamPool();
  const body = [Buffer.from('first '), Buffer.alloc(70_000, 'y'), Buffer.from(' last')];
  const all = Buffer.concat(body);
  const sized = await exchange(pool, s.port, `POST /e HTTP/1.1\r\nHost: fn\r\nContent-Length: ${all.length}\r\n\r\n`, body);
  t.is(sized.body.toString(), `length:${all.toString('base64')}`);
  const chunked = await exchange(pool, s.port, 'POST /e HTTP/1.1\r\nHost: fn\r\nTransfer-Encoding: chunked\r\n\r\n', body, true);
  t.is(chunked.body.toString(), `chunked:${all.toString('base64')}`);
  await s.close();
});

test('1xx interim answers are skipped; a body framed by closing the connection ends with it', async (t) => {
  const s = await rawServer((socket) => socket.end('HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end'));
  const pool = new UpstreamPool();
  const answer = await exchange(pool, s.port, get('/'));
  t.is(answer.status, 200);
  t.is(answer.body.toString(), 'until the end');
  t.deepEqual(answer.headers, []);
  await s.close();
});

test('a process that closes mid-response, refuses the connection or answers garbage is an error', async (t) => {
  const cut = await rawServer((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part'));
  const garbage = await rawServer((socket) => socket.end('SSH-2.0-OpenSSH\r\n\r\n'));
  const pool = new UpstreamPool();
  await t.throwsAsync(exchange(pool, cut.port, get('/')), { message: /closed before the response was complete/ });
  await t.throwsAsync(exchange(pool, garbage.port, get('/')), { message: /malformed status line/ });
  const free = garbage.port;
  await cut.close();
  await garbage.close();
  await t.throwsAsync(exchange(pool, free, get('/')), { code: 'ECONNREFUSED' });
});

test('destroying an exchange closes its connection and reports the reason once; a finished one is left alone', async (t) => {
  const s = await server((req, res) => {
    if (req.url === '/slow') setTimeout(() => res.end('late'), 2000).unref();
    else res.end('now');
  });
  const pool = new UpstreamPool();
  const errors: Error[] = [];
  const slow = pool.request(s.port, get('/slow'), 'none', false, {
    onHead: () => t.fail('no head expected'),
    onData: () => true,
    onEnd: () => t.fail('no end expected'),
    onError: (err) => errors.push(err),
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  slow.destroy(new Error('too slow'));
  slow.destroy(new Error('again'));
  t.deepEqual(errors.map((e) => e.message), ['too slow']);

  let handle: ReturnType<UpstreamPool['request']> | undefined;
  await new Promise<void>((resolve, reject) => {
    handle = pool.request(s.port, get('/fast'), 'none', false, { onHead: () => undefined, onData: () => true, onEnd: resolve, onError: reject });
  });
  handle!.destroy(new Error('stale handle'));
  t.is((await exchange(pool, s.port, get('/fast'))).body.toString(), 'now', 'the pooled connection survived a stale destroy');
  t.is(s.connections(), 2);
  await s.close();
});
