/**
 * Bundles the publisher tag (`widget/main.ts`) into `dist/widget/tagline.js`: one minified IIFE
 * for ES2017 browsers, no source map (the tag is public and small), with its brotli and gzip forms
 * beside it for ad-decision to serve without compressing at start.
 *
 *   npx tsc -p tsconfig.json && node dist/scripts/build-widget.js
 */
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compressedPaths, compressWidget } from '../functions/ad-decision/widget';

/** The repository root, from `dist/scripts/`. */
const ROOT = path.resolve(__dirname, '..', '..');

/** Where the bundle is written; ad-decision serves it from there as `GET /tagline.js`. */
export const WIDGET_BUNDLE = path.join(ROOT, 'dist', 'widget', 'tagline.js');

/** Build the bundle; resolves to its size in bytes. */
export async function buildWidget(outfile: string = WIDGET_BUNDLE): Promise<number> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'widget', 'main.ts')],
    tsconfig: path.join(ROOT, 'widget', 'tsconfig.json'),
    outfile,
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2017'],
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
    logLevel: 'warning',
  });
  const compressed = compressWidget(readFileSync(outfile));
  const paths = compressedPaths(outfile);
  writeFileSync(paths.br, compressed.br);
  writeFileSync(paths.gzip, compressed.gzip);
  return result.metafile.outputs[path.relative(process.cwd(), outfile)]?.bytes ?? 0;
}

if (require.main === module) {
  buildWidget().then(
    (bytes) => console.log(`widget: ${path.relative(ROOT, WIDGET_BUNDLE)} (${bytes} bytes)`),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
