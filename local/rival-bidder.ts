/**
 * The demo's second bidder: a Prebid Server with one bidder, `rival`, that bids the CPM its params
 * name (`{ "cpm": 1.5 }`, USD) on every banner imp that asks for it, at `POST /_/rival/openrtb2/auction`.
 * It answers as Prebid Server does — seat bids per bidder, `ext.prebid.type`, `adm` markup, an
 * empty `seatbid` when it has nothing, `ext.responsetimemillis` — and, like Prebid Server, takes
 * Prebid.js's credentialed `text/plain` calls from any page.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const RIVAL_PATH = '/_/rival/openrtb2/auction';
export const RIVAL_BIDDER = 'rival';

interface RivalImp {
  id?: unknown;
  banner?: { format?: { w?: unknown; h?: unknown }[]; w?: unknown; h?: unknown };
  ext?: { prebid?: { bidder?: Record<string, { cpm?: unknown } | undefined> } };
}

/** Answer one auction request (CORS preflights included). */
export function rivalAuction(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const origin = req.headers.origin;
  const cors: Record<string, string> = origin === undefined ? {} : { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' };
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { ...cors, 'access-control-allow-methods': 'POST, OPTIONS', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '86400' });
    res.end();
    return;
  }
  let request: { id?: unknown; imp?: RivalImp[] };
  try {
    request = JSON.parse(body.toString('utf8')) as typeof request;
    if (typeof request !== 'object' || request === null || !Array.isArray(request.imp)) throw new Error('imp: is required');
  } catch (err) {
    res.writeHead(400, { ...cors, 'content-type': 'text/plain; charset=utf-8' });
    res.end(`Invalid request: ${(err as Error).message}\n`);
    return;
  }
  const started = Date.now();
  const bids = request.imp.flatMap((imp, i) => {
    const cpm = imp.ext?.prebid?.bidder?.[RIVAL_BIDDER]?.cpm;
    const size = imp.banner?.format?.[0] ?? imp.banner;
    if (typeof cpm !== 'number' || !(cpm > 0) || typeof size?.w !== 'number' || typeof size.h !== 'number') return [];
    const { w, h } = size as { w: number; h: number };
    return [
      {
        id: `rival-${i}`,
        impid: String(imp.id),
        price: cpm,
        adm: rivalCreative(w, h, cpm),
        crid: 'rival-house',
        adomain: ['rival.example'],
        w,
        h,
        mtype: 1,
        ext: { prebid: { type: 'banner', meta: { advertiserDomains: ['rival.example'], mediaType: 'banner' } } },
      },
    ];
  });
  const answer = {
    id: request.id,
    seatbid: bids.length === 0 ? [] : [{ seat: RIVAL_BIDDER, bid: bids }],
    cur: 'USD',
    ext: { responsetimemillis: { [RIVAL_BIDDER]: Date.now() - started } },
  };
  const text = JSON.stringify(answer);
  res.writeHead(200, { ...cors, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

function rivalCreative(w: number, h: number, cpm: number): string {
  return `<!doctype html><html><body style="margin:0"><div id="rival-ad" style="box-sizing:border-box;width:${w}px;height:${h}px;display:flex;align-items:center;justify-content:center;background:#e8e1f5;color:#3b2a63;font:600 18px system-ui,sans-serif;border:1px solid #b9a8dc">Rival bidder · ${cpm.toFixed(2)} USD CPM</div></body></html>`;
}
