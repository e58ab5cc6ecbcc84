/**
 * Set-up shared by the local platform's end-to-end tests: a platform running the fixture
 * manifests in a fresh data directory, what the recorder functions received, and polling helpers.
 * `startTempPlatform` is how every test starts a platform in a temporary data directory.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../../local/command';
import { parsePlatformEnv } from '../../local/main';
import type { PlatformStatus } from '../../local/pages';
import { startPlatform, type Platform, type PlatformOptions } from '../../local/platform';
import { createLogger, type Level } from '../../shared/logger';

/** The real manifests, as `npm start` runs them. */
export const KNATIVE_MANIFESTS = path.join(ROOT, 'knative');
export const FIXTURE_MANIFESTS = path.join(ROOT, 'test', 'fixtures', 'platform', 'manifests');
export const FIXTURE_FUNCTIONS = path.join(ROOT, 'dist', 'test', 'fixtures', 'platform', 'functions');
export const BROKER_PATH = '/_/broker/fixture/default';

export interface Harness {
  platform: Platform;
  dataDir: string;
  /** Everything the platform and its processes printed, for failure messages. */
  log: string[];
  close(): Promise<void>;
}

/** A fresh temporary data directory, its name starting with `prefix`. */
export function tempDataDir(prefix = 'tagline-platform-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A logger and an output sink that both append to `log`. */
export function captureTo(log: string[], level: Level = 'info'): Pick<PlatformOptions, 'logger' | 'output'> {
  return { logger: createLogger('platform', level, (line) => void log.push(line)), output: (line) => void log.push(line) };
}

/** The fixture manifests and functions on a free port, processes seeing only `PATH`, short grace and lease. */
function fixtureDefaults(): TempPlatformOptions {
  return { manifestsDir: FIXTURE_MANIFESTS, port: 0, functionsSource: FIXTURE_FUNCTIONS, env: { PATH: process.env.PATH ?? '' }, stopGraceMs: 1000, brokerLeaseMs: 1000 };
}

/** Options running the fixture manifests and functions quietly in `dataDir`. */
export function fixtureOptions(dataDir: string, log: string[], overrides: Partial<PlatformOptions> = {}): PlatformOptions {
  return { ...fixtureDefaults(), dataDir, ...captureTo(log), ...overrides };
}

/** What `startTempPlatform` runs: everything but the data directory, the logger and the output, which it provides. */
export type TempPlatformOptions = Omit<PlatformOptions, 'dataDir' | 'logger' | 'output'>;

/**
 * Start the platform in a fresh temporary data directory (named `prefix…`), its log at `level`
 * and its processes' output captured in `log`; `close` stops it and removes the directory.
 */
export async function startTempPlatform(options: TempPlatformOptions, prefix = 'tagline-platform-', level: Level = 'info'): Promise<Harness> {
  const dataDir = tempDataDir(prefix);
  const log: string[] = [];
  const platform = await startPlatform({ ...options, dataDir, ...captureTo(log, level) });
  return {
    platform,
    dataDir,
    log,
    close: async () => {
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The real `knative/` manifests on a free port, processes seeing `PATH` and `env`, a 2 s stop
 * grace; `TAGLINE_MIN_SCALE`/`TAGLINE_MAX_SCALE` in the test's own environment force every
 * Service's instances, so the end-to-end tests run again on several instances of each.
 */
export function knativeOptions(overrides: Partial<TempPlatformOptions> = {}): TempPlatformOptions {
  const scale = parsePlatformEnv({ TAGLINE_MIN_SCALE: process.env.TAGLINE_MIN_SCALE, TAGLINE_MAX_SCALE: process.env.TAGLINE_MAX_SCALE });
  const forced = { ...(scale.minScale === undefined ? {} : { minScale: scale.minScale }), ...(scale.maxScale === undefined ? {} : { maxScale: scale.maxScale }) };
  return { manifestsDir: KNATIVE_MANIFESTS, port: 0, stopGraceMs: 2000, ...forced, ...overrides, env: { PATH: process.env.PATH ?? '', ...overrides.env } };
}

/** Start the platform on the fixture manifests in a fresh data directory. */
export function startFixturePlatform(overrides: Partial<TempPlatformOptions> = {}): Promise<Harness> {
  return startTempPlatform({ ...fixtureDefaults(), ...overrides });
}

/** One request a recorder fixture function received. */
export interface Received {
  service: string;
  path: string;
  id: string | undefined;
  type: string | undefined;
  status: number;
  headers: Record<string, string>;
  body: string;
  at: number;
}

/** Everything the recorder functions received so far (from `received.jsonl` in the data directory). */
export function received(dataDir: string): Received[] {
  let text: string;
  try {
    text = readFileSync(path.join(dataDir, 'received.jsonl'), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Received);
}

/** Poll `read` until `done` holds for its value; throws with the last value after `timeoutMs`. */
export async function waitFor<T>(read: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value).slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The platform's status as JSON, through its HTTP page. */
export async function status(url: string): Promise<PlatformStatus> {
  const res = await fetch(`${url}/_/status`, { headers: { accept: 'application/json' } });
  return (await res.json()) as PlatformStatus;
}

/** The status entry of one Service. */
export async function serviceStatus(url: string, name: string): Promise<PlatformStatus['services'][number]> {
  const svc = (await status(url)).services.find((s) => s.name === name);
  if (svc === undefined) throw new Error(`no Service ${name} in the status`);
  return svc;
}

/** A running platform and its data directory. */
export type PlatformAt = Harness | { url: string; dataDir: string };

/**
 * The `Authorization` header a producer Service of the platform sends its events with: the token
 * its SinkBinding gives it (`<dataDir>/oidc/<service>/token`, as a pod reads its projected token).
 */
export function senderAuth(dataDir: string, service = 'hello'): { authorization: string } {
  return { authorization: `Bearer ${readFileSync(path.join(dataDir, 'oidc', service, 'token'), 'utf8').trim()}` };
}

/** POST a binary-mode CloudEvent to the fixture Broker as the producer `hello`; resolves with the HTTP status. */
export async function postEvent(at: PlatformAt, attrs: Record<string, string>, data: unknown = { hello: 'world' }, extraHeaders: Record<string, string> = {}): Promise<number> {
  const url = 'platform' in at ? at.platform.url : at.url;
  const headers: Record<string, string> = { 'ce-specversion': '1.0', 'ce-source': '/test', 'content-type': 'application/json', ...senderAuth(at.dataDir), ...extraHeaders };
  for (const [k, v] of Object.entries(attrs)) headers[`ce-${k}`] = v;
  const res = await fetch(url + BROKER_PATH, { method: 'POST', headers, body: JSON.stringify(data) });
  await res.arrayBuffer();
  return res.status;
}

/** Wait until the Broker has nothing queued or in flight. */
export async function brokerIdle(url: string, timeoutMs = 15_000): Promise<void> {
  await waitFor(
    async () => (await status(url)).brokers[0]!,
    (b) => b.queued === 0 && b.inflight === 0,
    timeoutMs,
    'an idle Broker',
  );
}
