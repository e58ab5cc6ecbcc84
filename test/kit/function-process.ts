import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionCommand } from '../../local/command';

/** Token keys the test processes share, so tests can sign and verify beacons. */
export const TEST_TOKEN_KEYS = 'test:test-secret-0123456789abcdef';

export interface FunctionProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process printed, for assertions and failure messages. */
  output: () => string;
  /** Resolves with the output once it matches `pattern`; output reaches the parent after the reply. */
  waitForOutput: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
  stop: () => Promise<void>;
}

/** A free TCP port on the loopback interface (the one the platform's supervisor uses). */
export { freePort } from '../../local/supervisor';
import { freePort } from '../../local/supervisor';

/**
 * Start a compiled function as the platform does (its own process, the framework, the preload)
 * and resolve once it answers HTTP on `readyPath`; `cpus` pins it with taskset (benchmarks).
 */
export async function startFunction(
  target: string,
  env: Record<string, string> = {},
  options: { source?: string; readyPath?: string; timeoutMs?: number; cpus?: string; pollMs?: number } = {},
): Promise<FunctionProcess> {
  const port = await freePort();
  const fn = functionCommand(options.source);
  const [command, args] = options.cpus === undefined ? [fn.command, fn.args] : ['taskset', ['-c', options.cpus, fn.command, ...fn.args]];
  // A disk spool of its own (track's), so no test replays what another one left.
  const spoolDir = env.SPOOL_DIR === undefined ? mkdtempSync(join(tmpdir(), 'tagline-test-spool-')) : undefined;
  const child = spawn(command, args, {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', TOKEN_KEYS: TEST_TOKEN_KEYS, FUNCTION_TARGET: target, K_SERVICE: target, PORT: String(port), LOG_LEVEL: 'warn', ...(spoolDir === undefined ? {} : { SPOOL_DIR: spoolDir }), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${target} exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(url + (options.readyPath ?? '/healthz'));
      await res.arrayBuffer();
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${target} did not become ready:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, options.pollMs ?? 50));
  }
  return {
    url,
    port,
    child,
    output: () => out,
    waitForOutput: async (pattern, timeoutMs = 5000) => {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return out;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        const done = (): void => {
          if (spoolDir !== undefined) rmSync(spoolDir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}
