import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { delimiter, join } from 'node:path';

/** A Redis server for tests. */
export interface TestRedis {
  readonly url: string;
  /** False for an external server (`REDIS_URL`), which `stop`/`restart` leave alone. */
  readonly managed: boolean;
  /** Stop the server (its data is lost); the URL stays reserved for `restart`. */
  stop(): Promise<void>;
  /** Start a fresh, empty server on the same port. */
  restart(): Promise<void>;
}

const READY_TIMEOUT_MS = 5_000;
const NOT_INSTALLED = 'redis-server not installed and REDIS_URL not set';

/**
 * Why `startRedis` would skip, known synchronously so a suite can register skipped tests under
 * a visible title (ava needs its tests declared before any await).
 */
export function redisSkipReason(): string | undefined {
  return externalUrl() !== undefined || findOnPath('redis-server') !== undefined ? undefined : NOT_INSTALLED;
}

/**
 * A Redis to test against: `REDIS_URL` when set (a disposable server: tests write to it), otherwise
 * a private `redis-server` on a free port without persistence, killed on `stop` or when the test
 * process exits. Returns a skip reason when neither is available, so a suite can say why it skipped.
 */
export async function startRedis(): Promise<TestRedis | { skip: string }> {
  const external = externalUrl();
  if (external !== undefined) {
    return { url: external, managed: false, stop: async () => {}, restart: async () => {} };
  }
  const binary = findOnPath('redis-server');
  if (binary === undefined) return { skip: NOT_INSTALLED };

  const port = await freePort();
  let child: ChildProcess | undefined = await launch(binary, port);
  const killOnExit = (): void => {
    child?.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  return {
    url: `redis://127.0.0.1:${port}`,
    managed: true,
    async stop() {
      const running = child;
      child = undefined;
      if (running !== undefined) await kill(running);
    },
    async restart() {
      if (child !== undefined) await kill(child);
      child = await launch(binary, port);
    },
  };
}

function externalUrl(): string | undefined {
  const url = process.env['REDIS_URL'];
  return url === undefined || url === '' ? undefined : url;
}

function findOnPath(name: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** Binding port 0 lets the OS pick a port that is free right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

async function launch(binary: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`redis-server exited before answering on port ${port}`);
    if (await answersPing(port)) return child;
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not answer PING on port ${port} within ${READY_TIMEOUT_MS} ms`);
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
