import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { UnavailableError } from '../../shared/errors';
import type { Request, Response, Route } from '../../shared/http';
import type { Logger } from '../../shared/logger';

/** The built tag (`scripts/build-widget.ts`), beside this compiled module's `dist/` tree. */
export const WIDGET_BUNDLE = path.join(__dirname, '..', '..', 'widget', 'tagline.js');

/**
 * The tag's URL never changes, so browsers revalidate it every five minutes (a 304 most of the
 * time) and may serve the old one for an hour meanwhile, or a day while the server fails.
 */
export const WIDGET_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=3600, stale-if-error=86400';

export type Encoding = 'br' | 'gzip' | 'identity';

interface Variant {
  body: Buffer;
  etag: string;
}

/** The tag in every encoding, compressed once at start. */
export type WidgetBundle = Record<Encoding, Variant>;

/** The tag compressed as browsers take it: brotli at its best for text, and gzip. */
export function compressWidget(source: Buffer): { br: Buffer; gzip: Buffer } {
  return {
    br: brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }),
    gzip: gzipSync(source, { level: 9 }),
  };
}

/** Where the build leaves each compressed form of `file` (`tagline.js.br`, `tagline.js.gz`). */
export function compressedPaths(file: string): { br: string; gzip: string } {
  return { br: `${file}.br`, gzip: `${file}.gz` };
}

/**
 * Read the bundle with the compressed forms the build wrote beside it, so a cold start does not
 * spend tens of milliseconds on brotli; compresses them itself when they are missing or older
 * than the bundle. Undefined (and one error line) when the bundle was not built.
 */
export function loadWidget(file: string = WIDGET_BUNDLE, logger?: Logger): WidgetBundle | undefined {
  let source: Buffer;
  try {
    source = readFileSync(file);
  } catch (err) {
    logger?.error('widget bundle missing: GET /tagline.js answers 503 until it is built (npm run build)', { file, err });
    return undefined;
  }
  const hash = createHash('sha256').update(source).digest('base64url').slice(0, 27);
  const { br, gzip } = prebuilt(file) ?? compressWidget(source);
  return {
    identity: { body: source, etag: `"${hash}"` },
    gzip: { body: gzip, etag: `"${hash}-gzip"` },
    br: { body: br, etag: `"${hash}-br"` },
  };
}

function prebuilt(file: string): { br: Buffer; gzip: Buffer } | undefined {
  const paths = compressedPaths(file);
  try {
    const built = statSync(file).mtimeMs;
    if (statSync(paths.br).mtimeMs < built || statSync(paths.gzip).mtimeMs < built) return undefined;
    return { br: readFileSync(paths.br), gzip: readFileSync(paths.gzip) };
  } catch {
    return undefined;
  }
}

/** `GET /tagline.js`: the publisher tag, read once from `file`. */
export function widgetRoute(options: { file?: string; logger?: Logger } = {}): Route {
  const bundle = loadWidget(options.file, options.logger);
  return { method: 'GET', path: '/tagline.js', handler: (req) => serveWidget(bundle, req) };
}

/**
 * The tag in the best encoding the client accepts, with a strong ETag per encoding; 304 when the
 * client already holds that very representation. Any page may load it (CORS `*`).
 */
export function serveWidget(bundle: WidgetBundle | undefined, req: Request): Response {
  if (bundle === undefined) throw new UnavailableError('The widget bundle is not built');
  const encoding = chooseEncoding(header(req, 'accept-encoding'));
  const variant = bundle[encoding];
  const headers: Record<string, string> = {
    etag: variant.etag,
    vary: 'Accept-Encoding',
    'cache-control': WIDGET_CACHE_CONTROL,
    'access-control-allow-origin': '*',
    'cross-origin-resource-policy': 'cross-origin',
    'timing-allow-origin': '*',
  };
  if (matches(header(req, 'if-none-match'), variant.etag)) return { status: 304, headers };
  headers['content-type'] = 'text/javascript; charset=utf-8';
  headers['x-content-type-options'] = 'nosniff';
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  return { status: 200, headers, body: variant.body };
}

/**
 * The preferred encoding of an `Accept-Encoding` header (RFC 9110 §12.5.3): the highest q of br
 * and gzip, br on a tie, identity when neither is acceptable.
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const q: Record<string, number> = {};
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [coding = '', ...params] = part.split(';').map((s) => s.trim());
    if (coding === '') continue;
    const qParam = params.find((p) => p.startsWith('q='));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    q[coding] = Number.isFinite(value) ? value : 0;
  }
  const weight = (coding: string): number => q[coding] ?? q['*'] ?? 0;
  const br = weight('br');
  const gzip = Math.max(weight('gzip'), q['x-gzip'] ?? 0);
  if (br > 0 && br >= gzip) return 'br';
  return gzip > 0 ? 'gzip' : 'identity';
}

/** `If-None-Match` (weak comparison, RFC 9110 §13.1.2) against the representation's ETag. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function header(req: Request, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}
