/**
 * Set-up shared by the local platform's end-to-end tests: a platform running the fixture
 * manifests in a fresh data directory, what the recorder functions received, and polling helpers.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../../local/command';
import type { PlatformStatus } from '../../local/pages';
import { startPlatform, type Platform, type PlatformOptions } from '../../local/platform';
import { createLogger } from '../../shared/logger';

export const FIXTURE_MANIFESTS = path.join(ROOT, 'test', 'platform', 'manifests');
export const FIXTURE_FUNCTIONS = path.join(ROOT, 'dist', 'test', 'platform', 'functions');
export const BROKER_PATH = '/_/broker/fixture/default';

export interface Harness {
  platform: Platform;
  dataDir: string;
  /** Everything the platform and its processes printed, for failure messages. */
  log: string[];
  close(): Promise<void>;
}

/** A fresh temporary data directory. */
export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'tagline-platform-'));
}

/** Options running the fixture manifests and functions quietly in `dataDir`. */
export function fixtureOptions(dataDir: string, log: string[], overrides: Partial<PlatformOptions> = {}): PlatformOptions {
  return {
    manifestsDir: FIXTURE_MANIFESTS,
    dataDir,
    port: 0,
    functionsSource: FIXTURE_FUNCTIONS,
    env: { PATH: process.env.PATH ?? '' },
    logger: createLogger('platform', 'info', (line) => log.push(line)),
    output: (line) => log.push(line),
    stopGraceMs: 1000,
    brokerLeaseMs: 1000,
    ...overrides,
  };
}

/** Start the platform on the fixture manifests in a fresh data directory. */
export async function startFixturePlatform(overrides: Partial<PlatformOptions> = {}): Promise<Harness> {
  const dataDir = tempDataDir();
  const log: string[] = [];
  const platform = await startPlatform(fixtureOptions(dataDir, log, overrides));
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
  let text = '';
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

/** POST a binary-mode CloudEvent to the fixture Broker; resolves with the HTTP status. */
export async function postEvent(url: string, attrs: Record<string, string>, data: unknown = { hello: 'world' }, extraHeaders: Record<string, string> = {}): Promise<number> {
  const headers: Record<string, string> = { 'ce-specversion': '1.0', 'ce-source': '/test', 'content-type': 'application/json', ...extraHeaders };
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
