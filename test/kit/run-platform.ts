/**
 * Runs the platform on the fixture manifests in its own process, for tests that kill it:
 * `node run-platform.js <dataDir> [port] [storeUrl]`. Prints `READY <url>` once it serves.
 */
import { startPlatform } from '../../local/platform';
import { createLogger } from '../../shared/logger';
import { fixtureOptions } from './platform';

const [dataDir, port, storeUrl] = process.argv.slice(2);
if (dataDir === undefined) throw new Error('usage: run-platform <dataDir> [port] [storeUrl]');
const log: string[] = [];
const options = fixtureOptions(dataDir, log, {
  port: Number(port ?? 0),
  logger: createLogger('platform', 'warn', (line) => process.stderr.write(line + '\n')),
  output: (line) => process.stderr.write(line + '\n'),
  brokerConcurrency: 2,
  // With a Redis store the recorder functions write what they receive to TMPDIR: the data directory.
  ...(storeUrl === undefined ? {} : { storeUrl, env: { PATH: process.env.PATH ?? '', TMPDIR: dataDir } }),
});
startPlatform(options).then(
  (platform) => {
    process.stdout.write(`READY ${platform.url}\n`);
    process.on('SIGTERM', () => void platform.stop().then(() => process.exit(0)));
  },
  (err: unknown) => {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  },
);
