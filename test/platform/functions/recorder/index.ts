import * as ff from '@google-cloud/functions-framework';
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * An event subscriber for the platform's eventing tests. Every request is appended as one JSON
 * line to `received.jsonl` next to the store file (so a test reads what arrived, across process
 * restarts). Its answers are scripted by the subscriber URI's query: `script=503,503,204` answers
 * the n-th delivery of an event with the n-th status; `reply=<type>` answers with a reply event;
 * `delayMs` holds the answer.
 */
const storeFile = (process.env.STORE_URL ?? '').replace(/^sqlite:/, '');
const RECORD = path.join(path.dirname(storeFile), 'received.jsonl');

interface Delivery {
  service: string | undefined;
  path: string;
  id: string | undefined;
  status: number;
}

function previousDeliveries(service: string | undefined, route: string, id: string | undefined): number {
  let text = '';
  try {
    text = readFileSync(RECORD, 'utf8');
  } catch {
    return 0;
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Delivery)
    .filter((r) => r.service === service && r.path === route && r.id === id).length;
}

ff.http('recorder', (req, res) => {
  if (req.path === '/healthz') {
    res.status(200).send('ok');
    return;
  }
  const service = process.env.K_SERVICE;
  const id = req.get('ce-id');
  const script = typeof req.query.script === 'string' ? req.query.script.split(',').map(Number) : [204];
  const status = script[Math.min(previousDeliveries(service, req.path, id), script.length - 1)] ?? 204;
  const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k.startsWith('ce-') || k === 'content-type' || k === 'traceparent' || k === 'prefer'));
  const body = ((req as unknown as { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0)).toString('utf8');
  appendFileSync(RECORD, JSON.stringify({ service, path: req.path, query: req.query, id, type: req.get('ce-type'), status, headers, body, at: Date.now() }) + '\n');
  const answer = () => {
    const replyType = req.query.reply;
    if (typeof replyType === 'string' && status >= 200 && status < 300) {
      res
        .status(200)
        .set({ 'ce-specversion': '1.0', 'ce-id': `reply-${id}`, 'ce-source': `/recorder/${service}`, 'ce-type': replyType, 'content-type': 'application/json' })
        .send(JSON.stringify({ inReplyTo: id }));
    } else if (status >= 400) {
      res.status(status).json({ error: `scripted ${status}` });
    } else res.status(status).end();
  };
  setTimeout(answer, Number(req.query.delayMs ?? 0));
});
