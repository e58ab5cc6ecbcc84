/**
 * A Broker ingress stand-in for benchmarks (`PORT` from the environment): accepts every event
 * with a 202 and keeps nothing. It costs as little as a Node server can, because a real Broker
 * runs on other machines: here it shares the load core with wrk, and on this machine a busy load
 * core slows the server core too, so a heavier stand-in would be charged to the function under test.
 */
import http from 'node:http';

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(202, { 'content-length': '0' });
    res.end();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1');
