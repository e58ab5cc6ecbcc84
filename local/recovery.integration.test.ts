import test from 'ava';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './command';
import { freePort } from './supervisor';
import { postEvent, received, tempDataDir, waitFor } from '../test/kit/platform';

const RUNNER = path.join(ROOT, 'dist', 'test', 'kit', 'run-platform.js');

/** The platform in a process of its own, so the test can kill -9 it. */
function runPlatform(dataDir: string, port: number): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [RUNNER, dataDir, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      const ready = /READY (\S+)/.exec(d.toString());
      if (ready !== null) resolve({ child, url: ready[1]!, output: () => out });
    });
    child.on('exit', (code) => reject(new Error(`platform exited with ${code}:\n${out}`)));
  });
}

test('kill -9 of the platform with events queued, then a restart, delivers every accepted event', async (t) => {
  const dataDir = tempDataDir();
  const port = await freePort();
  const first = await runPlatform(dataDir, port);
  const ids = Array.from({ length: 24 }, (_, i) => `crash-${i}`);
  try {
    for (const id of ids) t.is(await postEvent({ url: first.url, dataDir }, { id, type: 'dev.test.slow' }), 202);
    await waitFor(() => received(dataDir).length, (n) => n >= 2, 10_000, 'the first deliveries');
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    const beforeRestart = new Set(received(dataDir).map((r) => r.id));
    t.true(beforeRestart.size < ids.length, `some events must still be queued at the kill (${beforeRestart.size} of ${ids.length} delivered)`);

    const orphans = JSON.parse(readFileSync(path.join(dataDir, 'processes.json'), 'utf8')) as number[];
    t.true(orphans.length > 0, 'the killed platform left its function processes running');

    const second = await runPlatform(dataDir, port);
    try {
      await waitFor(() => orphans.filter(isAlive), (alive) => alive.length === 0, 5000, 'the orphans to be stopped');
      const delivered = await waitFor(
        () => new Set(received(dataDir).map((r) => r.id)),
        (seen) => ids.every((id) => seen.has(id)),
        20_000,
        'every event after the restart',
      );
      t.is(delivered.size, ids.length);
      t.true(received(dataDir).every((r) => r.path === '/slow'));
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((resolve) => second.child.once('exit', resolve));
    }
  } finally {
    if (first.child.exitCode === null && first.child.signalCode === null) first.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
