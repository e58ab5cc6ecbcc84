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

test('a process that refuses the connection is an error', async (t) => {
  const s = await server((_req, res) => res.end());
  const free = s.port;
  await s.close();
  await t.throwsAsync(exchange(new UpstreamPool(), free, get('/')), { code: 'ECONNREFUSED' });
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
