/**
 * Bundles stock Prebid.js (npm `prebid.js`, `scripts/prebid-entry.js`) into
 * `dist/demo/prebid.js` for the Prebid demo page and the browser tests. Not part of
 * `npm run build`: the platform builds it on the first request for `/_/prebid.js` (under a
 * second), so builds that never show the demo do not pay for it.
 *
 *   npx tsc -p tsconfig.json && node dist/scripts/build-prebid.js
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** Where the bundle is written and served from. */
export const PREBID_BUNDLE = path.join(ROOT, 'dist', 'demo', 'prebid.js');

/** Build the bundle; resolves to its size in bytes. */
export async function buildPrebid(outfile: string = PREBID_BUNDLE): Promise<number> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'scripts', 'prebid-entry.js')],
    outfile,
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
    logLevel: 'warning',
  });
  return Object.values(result.metafile.outputs)[0]?.bytes ?? 0;
}

let building: Promise<string> | undefined;

/** The bundle's path, built once per process when it is missing. */
export function ensurePrebid(): Promise<string> {
  if (existsSync(PREBID_BUNDLE)) return Promise.resolve(PREBID_BUNDLE);
  building ??= buildPrebid().then(
    () => PREBID_BUNDLE,
    (err: unknown) => {
      building = undefined;
      throw err;
    },
  );
  return building;
}

if (require.main === module) {
  buildPrebid().then(
    (bytes) => console.log(`prebid: ${path.relative(ROOT, PREBID_BUNDLE)} (${bytes} bytes)`),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
