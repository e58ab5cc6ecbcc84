import * as ff from '@google-cloud/functions-framework';

/**
 * A plain HTTP function for the platform's serving tests: it tells who answered (service, pid),
 * shows its environment and headers, streams, sleeps and crashes on request.
 */
ff.http('hello', (req, res) => {
  const path = req.path;
  if (path === '/healthz') {
    res.status(200).send('ok');
  } else if (path === '/') {
    res.status(200).json({ service: process.env.K_SERVICE, revision: process.env.K_REVISION, pid: process.pid, url: req.originalUrl });
  } else if (path === '/env') {
    const names = String(req.query.names ?? '').split(',');
    res.status(200).json(Object.fromEntries(names.map((n) => [n, process.env[n] ?? null])));
  } else if (path === '/headers') {
    res.status(200).json(req.headers);
  } else if (path === '/echo' && req.method === 'POST') {
    const raw = (req as unknown as { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);
    res.status(200).type(req.get('content-type') ?? 'application/octet-stream').send(raw);
  } else if (path === '/stream') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('first\n');
    setTimeout(() => res.end('second\n'), Number(req.query.gapMs ?? 500));
  } else if (path === '/slow') {
    setTimeout(() => res.status(200).send('slow'), Number(req.query.ms ?? 100));
  } else if (path === '/exit') {
    res.status(200).send('bye');
    setTimeout(() => process.exit(Number(req.query.code ?? 3)), 10);
  } else {
    res.status(404).send('no such fixture path');
  }
});
