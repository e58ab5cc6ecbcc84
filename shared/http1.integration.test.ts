import test from 'ava';
import http from 'node:http';
import net from 'node:net';
import { Http1Connection, type ConnectionOwner } from './http1';

interface Answer {
  status: number;
  statusMessage: string;
  headers: string[];
  body: string;
  /** Whether the connection was handed back for another request. */
  released: boolean;
}

/** An owner that records what its one connection reports. */
class Owner implements ConnectionOwner {
  released = 0;
  closed = 0;
  release(): void {
    this.released++;
  }
  forget(): void {
    this.closed++;
  }
}

/** One exchange on `connection`, collected; rejects with the exchange's error. */
function exchange(connection: Http1Connection, owner: Owner, request: string, headRequest = false): Promise<Answer> {
  const releasedBefore = owner.released;
  return new Promise((resolve, reject) => {
    let head: Pick<Answer, 'status' | 'statusMessage' | 'headers'> | undefined;
    const chunks: Buffer[] = [];
    connection.start(
      {
        onHead: (status, statusMessage, headers) => (head = { status, statusMessage, headers }),
        onData: (chunk) => chunks.push(Buffer.from(chunk)) > 0,
        // The owner hears of a clean exchange just after `onEnd`.
        onEnd: () => setImmediate(() => resolve({ ...head!, body: Buffer.concat(chunks).toString('latin1'), released: owner.released > releasedBefore })),
        onError: reject,
      },
      request,
      'latin1',
      'none',
      headRequest,
    );
  });
}

/** A raw TCP server answering each connection's first request with `reply`, one byte at a time when `trickle`. */
async function rawServer(reply: string, trickle = false): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const s = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('error', () => undefined);
    socket.once('data', async () => {
      if (!trickle) return void socket.end(reply, 'latin1');
      for (const byte of reply) {
        if (socket.destroyed) return;
        socket.write(byte, 'latin1');
        await new Promise((resolve) => setImmediate(resolve));
      }
      socket.end();
    });
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

/** The answer to `reply` sent as raw bytes (whole, then one byte at a time), or the error message. */
async function answer(reply: string, trickle: boolean, headRequest = false): Promise<Answer | string> {
  const s = await rawServer(reply, trickle);
  const owner = new Owner();
  const connection = new Http1Connection(owner, '127.0.0.1', s.port);
  try {
    return await exchange(connection, owner, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n', headRequest);
  } catch (err) {
    return (err as Error).message;
  } finally {
    connection.close();
    await s.close();
  }
}

const wire = test.macro(async (t, reply: string, expected: Partial<Answer> | RegExp) => {
  for (const trickle of [false, true]) {
    const got = await answer(reply, trickle);
    if (expected instanceof RegExp) t.regex(typeof got === 'string' ? got : JSON.stringify(got), expected, trickle ? 'byte by byte' : 'whole');
    else t.like(got, expected, trickle ? 'byte by byte' : 'whole');
  }
});

test('chunked body with trailers, keep-alive', wire, 'HTTP/1.1 202 Accepted\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nx-trailer: 1\r\n\r\n', { status: 202, statusMessage: 'Accepted', body: 'abc', released: true, headers: [] });
test('interim answers are skipped', wire, 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 202 Accepted\r\ncontent-length: 2\r\n\r\nok', { status: 202, body: 'ok', released: true, headers: ['content-length', '2'] });
test('HTTP/1.0 without a length: the body runs to the close', wire, 'HTTP/1.0 200 OK\r\n\r\nuntil close', { status: 200, body: 'until close', released: false });
test('connection: close is honoured', wire, 'HTTP/1.1 202 Accepted\r\nconnection: close\r\ncontent-length: 0\r\n\r\n', { status: 202, body: '', released: false, headers: ['content-length', '0'] });
test('HTTP/1.0 keep-alive is honoured', wire, 'HTTP/1.0 204 No Content\r\nConnection: keep-alive\r\n\r\n', { status: 204, released: true });
test('bytes after the response make the connection unusable, whenever they come', async (t) => {
  for (const trickle of [false, true]) {
    const s = await rawServer('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nokEXTRA', trickle);
    const owner = new Owner();
    const connection = new Http1Connection(owner, '127.0.0.1', s.port);
    t.like(await exchange(connection, owner, 'GET / HTTP/1.1\r\n\r\n'), { status: 200, body: 'ok' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    t.is(owner.closed, 1, trickle ? 'byte by byte' : 'whole');
    await s.close();
  }
});
test('a body cut short is an error', wire, 'HTTP/1.1 202 Accepted\r\ncontent-length: 5\r\n\r\nok', /closed before the response was complete/);
test('a chunked body cut short is an error', wire, 'HTTP/1.1 202 Accepted\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n', /closed before the response was complete/);
test('not HTTP is an error', wire, 'SMTP ready\r\n\r\n', /malformed status line/);
test('conflicting lengths are an error', wire, 'HTTP/1.1 202 Accepted\r\ncontent-length: 1\r\ncontent-length: 2\r\n\r\nx', /malformed content-length/);
test('a length that is not a number is an error', wire, 'HTTP/1.1 200 OK\r\ncontent-length: 1e3\r\n\r\nx', /malformed content-length/);
test('a protocol switch is an error', wire, 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n', /unexpected protocol switch/);

test('a connection without headers kept reports only the status', async (t) => {
  const s = await rawServer('HTTP/1.1 200 OK\r\nx-a: 1\r\ncontent-length: 1\r\n\r\nz');
  const owner = new Owner();
  const connection = new Http1Connection(owner, '127.0.0.1', s.port, false);
  t.like(await exchange(connection, owner, 'GET / HTTP/1.1\r\n\r\n'), { status: 200, headers: [], body: 'z', released: true });
  connection.close();
  await s.close();
});

test('against a Node server: HEAD, 204, 304 and chunked answers on one connection, which is reported closed once', async (t) => {
  const pieces = Array.from({ length: 50 }, (_, i) => 'abcdefghijklmnopqrstuvwxyz'[i % 26]!.repeat(i * 37 + 1));
  const s = http.createServer(async (req, res) => {
    if (req.url === '/none') return void res.writeHead(204).end();
    if (req.url === '/same') return void res.writeHead(304, { etag: '"x"' }).end();
    if (req.method === 'HEAD') return void res.writeHead(200, { 'content-length': '1000' }).end();
    for (const piece of pieces) {
      res.write(piece);
      await new Promise((resolve) => setImmediate(resolve));
    }
    res.end();
  });
  let connections = 0;
  s.on('connection', () => connections++);
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const owner = new Owner();
  const connection = new Http1Connection(owner, '127.0.0.1', (s.address() as net.AddressInfo).port);
  const head = await exchange(connection, owner, 'HEAD /big HTTP/1.1\r\nHost: x\r\n\r\n', true);
  t.like(head, { status: 200, body: '', released: true });
  t.like(await exchange(connection, owner, 'GET /none HTTP/1.1\r\nHost: x\r\n\r\n'), { status: 204, released: true });
  t.like(await exchange(connection, owner, 'GET /same HTTP/1.1\r\nHost: x\r\n\r\n'), { status: 304, released: true });
  const chunked = await exchange(connection, owner, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
  t.is(chunked.body, pieces.join(''));
  t.false(chunked.headers.some((h) => h.toLowerCase() === 'transfer-encoding'), 'hop-by-hop headers are not reported');
  t.is(connections, 1);
  s.closeAllConnections();
  await new Promise<void>((resolve) => s.close(() => resolve()));
  await new Promise((resolve) => setTimeout(resolve, 50));
  t.is(owner.closed, 1);
});
