import http from 'node:http';
import https from 'node:https';

/**
 * A `fetch` for the emitter over node:http(s) with keep-alive agents. Every pixel waits on one
 * Broker request, and undici's `fetch` costs several times the CPU of a plain keep-alive request
 * (bench/event-path), which caps how many beacons a track instance answers. It does what the
 * emitter needs: method, string headers and body, an abort signal, the status.
 */
export function keepAliveFetch(maxSockets = 256): typeof fetch {
  const agents = { 'http:': new http.Agent({ keepAlive: true, maxSockets }), 'https:': new https.Agent({ keepAlive: true, maxSockets }) };
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : input);
      const client = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined;
      if (client === undefined) return reject(new TypeError(`unsupported protocol ${url.protocol}`));
      const headers = plainHeaders(init.headers);
      const body = typeof init.body === 'string' ? init.body : undefined;
      if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
      const req = client.request(url, { method: init.method ?? 'GET', headers, agent: agents[url.protocol as 'http:' | 'https:'], ...(init.signal ? { signal: init.signal } : {}) }, (res) => {
        res.resume();
        res.on('end', () => resolve(new Response(null, { status: res.statusCode ?? 502 })));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
}

function plainHeaders(init: RequestInit['headers']): Record<string, string> {
  const headers: Record<string, string> = {};
  if (init === undefined) return headers;
  if (init instanceof Headers || Array.isArray(init)) {
    new Headers(init).forEach((value, name) => (headers[name] = value));
    return headers;
  }
  for (const [name, value] of Object.entries(init)) headers[name] = typeof value === 'string' ? value : value.join(', ');
  return headers;
}
