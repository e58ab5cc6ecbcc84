/**
 * The one way a test says it needs a program this machine may lack: `needs('redis-server')`
 * returns ava's `test` when the program is on PATH, and otherwise a `test` whose tests are
 * registered as skipped with the reason in their title, so every run says why it skipped.
 *
 *   const t = needs('kubectl');
 *   t('renders every variant', async (tt) => { ... });
 *   t.serial('...', ...);
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import type { TestFn } from 'ava';

/** ava's `test`, loaded on first use: benchmarks import this kit outside ava, where ava refuses to load. */
function avaTest(): TestFn {
  const ava = require('ava') as { default?: TestFn } & TestFn;
  return ava.default ?? ava;
}

/** Programs some tests start, and how to get each. */
const INSTALL = {
  'redis-server': 'apt-get install redis-server, or set REDIS_URL to a disposable server',
  prometheus: 'apt-get install prometheus',
  promtool: 'apt-get install prometheus',
  chromium: 'apt-get install chromium',
  wrk: 'apt-get install wrk',
  kubectl: 'install kubectl; its built-in kustomize renders the manifests',
} as const;

export type Program = keyof typeof INSTALL;

/** The program's path on PATH, or undefined. */
export function findProgram(name: Program, searchPath = process.env.PATH ?? ''): string | undefined {
  for (const dir of searchPath.split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/** Why tests needing `programs` cannot run here, or undefined when they can. */
export function missing(...programs: Program[]): string | undefined {
  const reasons = programs.filter((p) => !available(p)).map((p) => `${p} is not installed (${INSTALL[p]})`);
  return reasons.length === 0 ? undefined : reasons.join('; ');
}

function available(program: Program): boolean {
  if (program === 'redis-server' && (process.env['REDIS_URL'] ?? '') !== '') return true;
  return findProgram(program) !== undefined;
}

/** `test` when every program is here, otherwise a `test` that skips each test saying why. */
export function needs(...programs: Program[]): TestFn {
  return skipUnless(missing(...programs));
}

/** `test` when `reason` is undefined, otherwise a `test` that registers each test as skipped, `reason` in its title. */
export function skipUnless(reason: string | undefined, base: TestFn = avaTest()): TestFn {
  if (reason === undefined) return base;
  const skipping = (skip: (...args: unknown[]) => void) => (title: unknown, ...rest: unknown[]) =>
    skip(typeof title === 'string' ? `${title} (skipped: ${reason})` : title, ...rest);
  const t = skipping(base.skip as never) as unknown as TestFn;
  return Object.assign(t, base, {
    skip: skipping(base.skip as never),
    serial: Object.assign(skipping(base.serial.skip as never), base.serial, { skip: skipping(base.serial.skip as never) }),
    only: skipping(base.skip as never),
    failing: skipping(base.skip as never),
  }) as unknown as TestFn;
}
