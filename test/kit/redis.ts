import { freePort } from '../../local/supervisor';
import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import type { TestFn } from 'ava';
import { findProgram, missing, needs, skipUnless } from './needs';

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

/**
 * A Redis to test against: `REDIS_URL` when set (a disposable server: tests write to it), otherwise
 * a private `redis-server` on a free port without persistence, killed on `stop` or when the test
 * process exits. Tests that call it declare `needs('redis-server')` (test/kit/needs.ts), which
 * skips them, saying why, when neither is available; called anyway, it throws that reason.
 */
export async function startRedis(): Promise<TestRedis> {
  const external = externalUrl();
  if (external !== undefined) {
    return { url: external, managed: false, stop: async () => {}, restart: async () => {} };
  }
  const binary = findProgram('redis-server');
  if (binary === undefined) throw new Error(`Redis tests need a server: ${missing('redis-server')}`);

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

/**
 * `test` for tests that stop and restart their Redis (outages): they need a private
 * `redis-server`, since an external `REDIS_URL` server cannot be stopped.
 */
export function needsStoppableRedis(): TestFn {
  if ((process.env['REDIS_URL'] ?? '') !== '') return skipUnless('needs a redis-server it can stop, and REDIS_URL is set');
  return needs('redis-server');
}
