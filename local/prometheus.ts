/**
 * A real Prometheus beside the local platform, when the `prometheus` binary is installed: it
 * scrapes every live function process found through the platform's `/_/sd` and the platform's
 * own `/_/metrics`, and evaluates the alerts of the cluster's PrometheusRule, so dashboards and
 * alerts are tried on one machine against what a cluster would scrape.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parse } from 'yaml';
import type { Logger } from '../shared/logger';
import { ROOT } from './command';
import { reapOrphans, recordProcesses } from './orphans';

/** The cluster's alerts, evaluated locally too. */
export const PROMETHEUS_RULE_FILE = path.join(ROOT, 'knative', 'components', 'observability', 'prometheusrule.yaml');

/** Short, so a few seconds of traffic already show on the dashboards. */
export const LOCAL_SCRAPE_INTERVAL = '2s';

export interface PrometheusOptions {
  /** The platform's own address, e.g. `http://127.0.0.1:8080` (targets `/_/sd` and `/_/metrics`). */
  platformUrl: string;
  /** Where config, rules and the time-series database live (a `prometheus/` folder is made inside). */
  dataDir: string;
  /** Port to listen on; when taken (or 0) a free one is used. */
  port?: number;
  /** The PrometheusRule whose `spec.groups` become the rule file (default {@link PROMETHEUS_RULE_FILE}). */
  ruleFile?: string;
  /** The `PATH` to look for `prometheus` in (default this process's). */
  searchPath?: string;
  logger: Logger;
  /** Longest wait for Prometheus to report ready (default 30 s). */
  readyTimeoutMs?: number;
}

export interface LocalPrometheus {
  /** e.g. `http://127.0.0.1:9090` */
  url: string;
  stop(): Promise<void>;
}

/** The absolute path of `prometheus` on `searchPath`, or undefined when it is not installed. */
export function findPrometheus(searchPath = process.env.PATH ?? ''): string | undefined {
  for (const dir of searchPath.split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, 'prometheus');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/** A Prometheus rule file (`{ groups: [...] }`) from a PrometheusRule manifest's text. */
export function ruleFileFromPrometheusRule(manifest: string): { groups: unknown[] } {
  const rule = parse(manifest) as { kind?: string; spec?: { groups?: unknown } } | null;
  if (rule?.kind !== 'PrometheusRule' || !Array.isArray(rule.spec?.groups)) throw new Error('not a PrometheusRule with spec.groups');
  return { groups: rule.spec.groups };
}

/** The scrape configuration: function processes through HTTP service discovery, and the platform. */
export function prometheusConfig(platformUrl: string, ruleFile: string): Record<string, unknown> {
  const platform = new URL(platformUrl);
  return {
    global: { scrape_interval: LOCAL_SCRAPE_INTERVAL, scrape_timeout: LOCAL_SCRAPE_INTERVAL, evaluation_interval: LOCAL_SCRAPE_INTERVAL },
    rule_files: [ruleFile],
    scrape_configs: [
      {
        job_name: 'tagline-functions',
        // The processes label their own series with `function` and `revision`, as on a cluster;
        // the discovery labels carry the same values and must not rename them to exported_*.
        honor_labels: true,
        http_sd_configs: [{ url: new URL('/_/sd', platform).href, refresh_interval: LOCAL_SCRAPE_INTERVAL }],
      },
      { job_name: 'tagline-platform', metrics_path: '/_/metrics', static_configs: [{ targets: [platform.host] }] },
    ],
  };
}

/**
 * Start Prometheus and wait until it is ready. Rejects (nothing left running) when the binary is
 * missing, the configuration is refused or it does not become ready in time.
 */
export async function startPrometheus(options: PrometheusOptions): Promise<LocalPrometheus> {
  const binary = findPrometheus(options.searchPath);
  if (binary === undefined) throw new Error('prometheus is not on PATH');
  const dir = path.join(options.dataDir, 'prometheus');
  mkdirSync(dir, { recursive: true });
  const configFile = path.join(dir, 'prometheus.yml');
  const rulesFile = path.join(dir, 'rules.yml');
  const reaped = reapOrphans(dir, configFile);
  if (reaped.length > 0) options.logger.warn('stopped a Prometheus left by a previous run', { pids: reaped });
  // JSON is YAML: Prometheus reads both files as they are written here.
  writeFileSync(rulesFile, JSON.stringify(ruleFileFromPrometheusRule(readFileSync(options.ruleFile ?? PROMETHEUS_RULE_FILE, 'utf8')), null, 2));
  writeFileSync(configFile, JSON.stringify(prometheusConfig(options.platformUrl, rulesFile), null, 2));
  const port = await availablePort(options.port ?? 0);
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    binary,
    [`--config.file=${configFile}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, '--storage.tsdb.retention.time=2d', `--web.listen-address=127.0.0.1:${port}`, '--log.level=warn'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  recordProcesses(dir, child.pid === undefined ? [] : [child.pid]);
  const stderr: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr.push(...chunk.split('\n').filter(Boolean));
    stderr.splice(0, Math.max(0, stderr.length - 20));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async (): Promise<void> => {
    await terminate(child, exited);
    recordProcesses(dir, []);
  };
  try {
    await waitReady(url, exited, options.readyTimeoutMs ?? 30_000);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}${stderr.length > 0 ? `: ${stderr.join(' | ')}` : ''}`, { cause: err });
  }
  return { url, stop };
}

async function waitReady(url: string, exited: Promise<number | null>, timeoutMs: number): Promise<void> {
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`prometheus exited with code ${String(gone)} before it was ready`);
    try {
      const res = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`prometheus was not ready at ${url} after ${timeoutMs} ms`);
}

async function terminate(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** `preferred` when it is free (and not 0), else any free port. */
async function availablePort(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const chosen = (server.address() as net.AddressInfo).port;
        server.close(() => resolve(chosen));
      });
    });
  return (preferred > 0 ? await tryListen(preferred) : undefined) ?? (await tryListen(0)) ?? 0;
}
