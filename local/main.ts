/**
 * `npm start`: run every Service of `knative/` on this machine behind one port, seed the demo on
 * a fresh data directory, print where to look, and stop everything on Ctrl-C.
 *
 * Environment: `PORT` (8080), `TAGLINE_DATA_DIR` (`.tagline`), `TAGLINE_MANIFESTS` (`knative/`),
 * `TAGLINE_IDLE_SECONDS` (idle window of Services without a retention annotation, 60),
 * `TAGLINE_MIN_SCALE`/`TAGLINE_MAX_SCALE` (instances of every Service, over their annotations),
 * `TAGLINE_SEED=0` (no demo data), `TAGLINE_HOST` (127.0.0.1), `STORE_URL` (the data directory's
 * SQLite file), `TOKEN_KEYS`/`TOKEN_SIGNING_KEY`/`TAGLINE_ADMIN_KEY` (else generated once and kept
 * in the data directory), `TAGLINE_PROMETHEUS=0` (no local Prometheus even when `prometheus` is
 * installed), `TAGLINE_PROMETHEUS_PORT` (9090, another free one when taken), and `OTEL_*`, `LOG_LEVEL`, `CORS_ORIGINS` passed to every function.
 */
import path from 'node:path';
import { envInteger } from '../shared/config';
import { createLogger } from '../shared/logger';
import { ROOT } from './command';
import { startPlatform, type Platform, type PlatformOptions } from './platform';

/** The platform's options from its environment; throws `ConfigError` naming the variable at fault. */
export function parsePlatformEnv(env: NodeJS.ProcessEnv = process.env): PlatformOptions {
  const options: PlatformOptions = {
    manifestsDir: path.resolve(env.TAGLINE_MANIFESTS ?? path.join(ROOT, 'knative')),
    dataDir: path.resolve(env.TAGLINE_DATA_DIR ?? '.tagline'),
    port: envInteger(env, 'PORT', 8080, 0, 65535),
    host: env.TAGLINE_HOST ?? '127.0.0.1',
    seed: env.TAGLINE_SEED !== '0' && env.TAGLINE_SEED !== 'false',
    prometheus: env.TAGLINE_PROMETHEUS !== '0' && env.TAGLINE_PROMETHEUS !== 'false',
    prometheusPort: envInteger(env, 'TAGLINE_PROMETHEUS_PORT', 9090, 0, 65535),
    env,
  };
  if (env.TAGLINE_IDLE_SECONDS !== undefined && env.TAGLINE_IDLE_SECONDS !== '') options.idleMs = envInteger(env, 'TAGLINE_IDLE_SECONDS', 60, 1, 86_400) * 1000;
  if (env.STORE_URL !== undefined && env.STORE_URL !== '') options.storeUrl = env.STORE_URL;
  if (env.TAGLINE_MIN_SCALE !== undefined && env.TAGLINE_MIN_SCALE !== '') options.minScale = envInteger(env, 'TAGLINE_MIN_SCALE', 0, 0, 64);
  if (env.TAGLINE_MAX_SCALE !== undefined && env.TAGLINE_MAX_SCALE !== '') options.maxScale = envInteger(env, 'TAGLINE_MAX_SCALE', 1, 1, 64);
  return options;
}

function banner(platform: Platform, options: PlatformOptions, services: string[]): string {
  const { url } = platform;
  const seed = platform.seeded;
  const data = seed === undefined || !seed.fresh ? 'reused' : seed.errors.length > 0 ? 'seed incomplete (see the log above)' : `seeded ${seed.publishers} publisher(s), ${seed.campaigns} campaigns`;
  return [
    '',
    `Tagline is running: ${services.length} Services, scale to zero, one Broker queue in the store`,
    '',
    `  Demo page    ${url}/`,
    `  Status       ${url}/_/status`,
    `  Metrics      ${url}/_/metrics   (Prometheus service discovery: ${url}/_/sd)`,
    `  Prometheus   ${platform.prometheusUrl === undefined ? 'not running (install prometheus, or TAGLINE_PROMETHEUS=0 was set)' : `${platform.prometheusUrl}/graph   (alerts: ${platform.prometheusUrl}/alerts; dashboards: grafana/)`}`,
    `  Services     ${services.map((s) => `${url}/${s}/`).join('\n               ')}`,
    `  Admin key    ${platform.adminKey}`,
    `  Data         ${options.dataDir} (${data})`,
    '',
    `  curl -H "Authorization: Bearer ${platform.adminKey}" ${url}/campaigns/v1/campaigns`,
    '',
    'Ctrl-C stops every process.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const options = parsePlatformEnv();
  const logger = createLogger('platform', process.env.LOG_LEVEL === 'debug' ? 'debug' : 'info');
  const platform = await startPlatform({ ...options, logger });
  const services = (await platform.status()).services.map((s) => s.name);
  process.stdout.write(banner(platform, options, services));
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) process.exit(130);
    stopping = true;
    logger.info('stopping every process', { signal });
    platform.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error('stop failed', { err: (err as Error).message });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`tagline: cannot start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
