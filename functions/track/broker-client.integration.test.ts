import test from 'ava';
import http from 'node:http';
import net from 'node:net';
import { brokerTransport } from './broker-client';

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real HTTP server answering with `respond`; counts the connections it accepted. */
async function server(respond: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const received: Received[] = [];
  let connections = 0;
  const s = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      respond(req, res);
    });
  });
  s.on('connection', () => connections++);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as net.AddressInfo;
  return { url: `http://127.0.0.1:${port}/broker/default?x=1`, received, connections: () => connections, server: s, close: () => new Promise<void>((r) => (s.closeAllConnections(), s.close(() => r()))) };
}

test('events are POSTed with their headers and body, and the connection is reused', async (t) => {
  const broker = await server((_req, res) => res.writeHead(202).end());
  t.teardown(broker.close);
  const post = brokerTransport();
  for (let i = 0; i < 20; i++) t.is(await post(broker.url, { 'ce-id': `e${i}`, 'content-type': 'application/json' }, `{"n":${i},"text":"café"}`, 1000), 202);
  t.is(broker.received.length, 20);
  t.like(broker.received[19], { method: 'POST', url: '/broker/default?x=1', body: '{"n":19,"text":"café"}' });
  t.is(broker.received[19]?.headers['ce-id'], 'e19');
  t.is(broker.received[19]?.headers['content-length'], String(Buffer.byteLength('{"n":19,"text":"café"}')));
  t.is(broker.connections(), 1);
});

test('concurrent events each get their own status; bodies of every framing are read past', async (t) => {
  let n = 0;
  const broker = await server((_req, res) => {
    const kind = n++ % 3;
    if (kind === 0) res.writeHead(200, { 'content-type': 'text/plain' }).end('accepted');
    else if (kind === 1) {
      res.writeHead(503);
      res.write('try');
      res.end(' later');
    }
    else res.writeHead(204).end();
  });
  t.teardown(broker.close);
  const post = brokerTransport({ maxSockets: 4 });
  const statuses = await Promise.all(Array.from({ length: 30 }, (_, i) => post(broker.url, { 'ce-id': `e${i}` }, '{}', 2000)));
  t.deepEqual([...statuses].sort(), [...Array(10).fill(200), ...Array(10).fill(204), ...Array(10).fill(503)].sort());
  t.true(broker.connections() <= 4, `${broker.connections()} connections`);
});

test('a Broker that does not answer is a rejection after the timeout; a refused connection at once', async (t) => {
  const silent = await server(() => undefined);
  t.teardown(silent.close);
  const post = brokerTransport();
  const started = Date.now();
  await t.throwsAsync(post(silent.url, {}, '{}', 300), { message: /in time/ });
  t.true(Date.now() - started < 2000);
  const port = await new Promise<number>((r) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => r(p));
    });
  });
  await t.throwsAsync(post(`http://127.0.0.1:${port}/`, {}, '{}', 1000));
});

test('a connection the Broker closed while idle is replaced', async (t) => {
  const broker = await server((_req, res) => res.writeHead(202).end());
  t.teardown(broker.close);
  const post = brokerTransport();
  t.is(await post(broker.url, {}, '{}', 1000), 202);
  broker.server.closeIdleConnections();
  await new Promise((r) => setTimeout(r, 100));
  t.is(await post(broker.url, {}, '{}', 1000), 202);
  t.is(broker.connections(), 2);
});

test('a header value carrying CR or LF is refused, not sent', async (t) => {
  const broker = await server((_req, res) => res.writeHead(202).end());
  t.teardown(broker.close);
  await t.throwsAsync(brokerTransport()(broker.url, { 'ce-id': 'x\r\nce-type: forged' }, '{}', 1000), { instanceOf: TypeError });
  t.is(broker.received.length, 0);
});

test('the status settles the event at once, even when the Broker frames its body by closing', async (t) => {
  const sockets = new Set<net.Socket>();
  const raw = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('data', () => socket.write('HTTP/1.0 202 Accepted\r\n\r\nstill talking'));
  });
  await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
  t.teardown(() => {
    for (const socket of sockets) socket.destroy();
    raw.close();
  });
  const started = Date.now();
  t.is(await brokerTransport()(`http://127.0.0.1:${(raw.address() as net.AddressInfo).port}/`, {}, '{}', 5000), 202);
  t.true(Date.now() - started < 2500);
});
