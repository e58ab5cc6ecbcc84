import test from 'ava';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { UnavailableError } from '../../shared/errors';
import type { Request } from '../../shared/http';
import { buildWidget } from '../../scripts/build-widget';
import { startFunction, type FunctionProcess } from '../../test/kit/function-process';
import { chooseEncoding, compressedPaths, compressWidget, loadWidget, serveWidget, WIDGET_BUNDLE } from './widget';

const SOURCE = Buffer.from(`(()=>{${'console.log("tagline");'.repeat(200)}})();\n`);
let dir: string;
let fn: FunctionProcess | undefined;

test.before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tagline-widget-'));
  writeFileSync(path.join(dir, 'tagline.js'), SOURCE);
  if (!existsSync(WIDGET_BUNDLE)) await buildWidget();
});

test.after.always(async () => {
  await fn?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function get(headers: Record<string, string> = {}): Request {
  return { method: 'GET', path: '/tagline.js', params: {}, query: new URLSearchParams(), headers, body: Buffer.alloc(0), ip: undefined };
}

test('the tag is served compressed as the client asks, each encoding with its own strong ETag', (t) => {
  const bundle = loadWidget(path.join(dir, 'tagline.js'));
  const br = serveWidget(bundle, get({ 'accept-encoding': 'gzip, deflate, br' }));
  const gz = serveWidget(bundle, get({ 'accept-encoding': 'gzip' }));
  const plain = serveWidget(bundle, get());
  t.is(br.headers?.['content-encoding'], 'br');
  t.deepEqual(brotliDecompressSync(br.body as Buffer), SOURCE);
  t.is(gz.headers?.['content-encoding'], 'gzip');
  t.deepEqual(gunzipSync(gz.body as Buffer), SOURCE);
  t.is(plain.headers?.['content-encoding'], undefined);
  t.deepEqual(plain.body, SOURCE);
  t.true((br.body as Buffer).length < SOURCE.length / 5);
  const etags = [br, gz, plain].map((r) => r.headers?.etag ?? '');
  for (const etag of etags) t.regex(etag, /^"[\w-]{20,}"$/, 'strong ETag');
  t.is(new Set(etags).size, 3);
  for (const r of [br, gz, plain]) {
    t.is(r.status, 200);
    t.is(r.headers?.['content-type'], 'text/javascript; charset=utf-8');
    t.is(r.headers?.vary, 'Accept-Encoding');
    t.is(r.headers?.['access-control-allow-origin'], '*');
    t.regex(r.headers?.['cache-control'] ?? '', /max-age=300\b.*stale-while-revalidate=\d+/);
  }
});

test('the build leaves brotli and gzip forms beside the tag, used as they are unless older than it', (t) => {
  for (const [encoding, file] of Object.entries(compressedPaths(WIDGET_BUNDLE))) {
    t.deepEqual(readFileSync(file), compressWidget(readFileSync(WIDGET_BUNDLE))[encoding as 'br' | 'gzip'], `${file} matches the built tag`);
  }
  const own = path.join(dir, 'prebuilt.js');
  writeFileSync(own, SOURCE);
  const paths = compressedPaths(own);
  const marked = { br: Buffer.from('prebuilt br'), gzip: Buffer.from('prebuilt gzip') };
  writeFileSync(paths.br, marked.br);
  writeFileSync(paths.gzip, marked.gzip);
  t.deepEqual(serveWidget(loadWidget(own), get({ 'accept-encoding': 'br' })).body, marked.br);
  t.deepEqual(serveWidget(loadWidget(own), get({ 'accept-encoding': 'gzip' })).body, marked.gzip);
  const later = new Date(Date.now() + 60_000);
  utimesSync(own, later, later);
  t.deepEqual(brotliDecompressSync(serveWidget(loadWidget(own), get({ 'accept-encoding': 'br' })).body as Buffer), SOURCE, 'a stale brotli form is not served');
});

test('If-None-Match with the held representation answers 304 without a body; another ETag gets the tag', (t) => {
  const bundle = loadWidget(path.join(dir, 'tagline.js'));
  const first = serveWidget(bundle, get({ 'accept-encoding': 'br' }));
  const etag = first.headers?.etag ?? '';
  const again = serveWidget(bundle, get({ 'accept-encoding': 'br', 'if-none-match': `"other", W/${etag}` }));
  t.is(again.status, 304);
  t.is(again.body, undefined);
  t.is(again.headers?.etag, etag);
  t.is(again.headers?.vary, 'Accept-Encoding');
  t.is(serveWidget(bundle, get({ 'accept-encoding': 'br', 'if-none-match': '"stale"' })).status, 200);
  t.is(serveWidget(bundle, get({ 'accept-encoding': 'gzip', 'if-none-match': etag })).status, 200, 'the gzip variant is another representation');
});

test('Accept-Encoding q-values are honoured', (t) => {
  t.is(chooseEncoding(undefined), 'identity');
  t.is(chooseEncoding(''), 'identity');
  t.is(chooseEncoding('br;q=0, gzip'), 'gzip');
  t.is(chooseEncoding('gzip;q=1.0, br;q=0.5'), 'gzip');
  t.is(chooseEncoding('*'), 'br');
  t.is(chooseEncoding('*;q=0'), 'identity');
  t.is(chooseEncoding('deflate'), 'identity');
  t.is(chooseEncoding('BR'), 'br');
  t.is(chooseEncoding('gzip;q=0, br;q=0, identity'), 'identity');
});

test('a missing bundle is a 503 problem, not a crash', (t) => {
  const bundle = loadWidget(path.join(dir, 'missing.js'));
  t.is(bundle, undefined);
  const err = t.throws(() => serveWidget(bundle, get()), { instanceOf: UnavailableError, message: /not built/ });
  t.is(err?.status, 503);
});

function wire(url: string, headers: Record<string, string>, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test.serial('ad-decision serves the built tag at GET /tagline.js: bytes on the wire, HEAD and 304', async (t) => {
  const storeUrl = `sqlite:${path.join(dir, 'store.db')}`;
  fn = await startFunction('ad-decision', { STORE_URL: storeUrl, TRACK_URL: 'https://track.example' });
  const built = readFileSync(WIDGET_BUNDLE);
  const br = await wire(`${fn.url}/tagline.js`, { 'accept-encoding': 'gzip, br' });
  t.is(br.status, 200);
  t.is(br.headers['content-type'], 'text/javascript; charset=utf-8');
  t.is(br.headers['content-encoding'], 'br');
  t.is(Number(br.headers['content-length']), br.body.length);
  t.deepEqual(brotliDecompressSync(br.body), built);
  const plain = await wire(`${fn.url}/tagline.js`, {});
  t.deepEqual(plain.body, built);
  const head = await wire(`${fn.url}/tagline.js`, { 'accept-encoding': 'gzip' }, 'HEAD');
  t.is(head.status, 200);
  t.is(head.body.length, 0);
  t.is(head.headers['content-encoding'], 'gzip');
  const cached = await wire(`${fn.url}/tagline.js`, { 'accept-encoding': 'gzip, br', 'if-none-match': String(br.headers.etag) });
  t.is(cached.status, 304);
  t.is(cached.body.length, 0);
  const post = await wire(`${fn.url}/tagline.js`, {}, 'POST');
  t.is(post.status, 405);
});
