/**
 * The Broker's fan-out survives `kill -9`: an event is queued for all of its Triggers in one
 * store transaction (SQLite) or one MULTI/EXEC (Redis), so after a crash in the middle of a burst
 * and a restart, every Trigger has seen the same set of events, and every acknowledged one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { ROOT } from './command';
import { freePort } from './supervisor';
import { postEvent, received, tempDataDir, waitFor } from '../test/kit/platform';
import { needs } from '../test/kit/needs';
import { startRedis } from '../test/kit/redis';

const RUNNER = path.join(ROOT, 'dist', 'test', 'kit', 'run-platform.js');
const BURST = 400;
const PARALLEL = 16;
/** `dev.test.f.order` matches two fixture Triggers, both delivering to the recorder `sink`. */
const TRIGGER_PATHS = ['/f-exact', '/f-prefix'];

function runPlatform(dataDir: string, port: number, storeUrl: string | undefined): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [RUNNER, dataDir, String(port), ...(storeUrl === undefined ? [] : [storeUrl])], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      const ready = /READY (\S+)/.exec(d.toString());
      if (ready !== null) resolve({ child, url: ready[1]! });
    });
    child.on('exit', (code) => reject(new Error(`platform exited with ${code}:\n${out}`)));
  });
}

async function crashDuringBurst(t: ExecutionContext, storeUrl: string | undefined): Promise<void> {
  const dataDir = tempDataDir('tagline-fanout-');
  const port = await freePort();
  const first = await runPlatform(dataDir, port, storeUrl);
  const acked = new Set<string>();
  let second: { child: ChildProcess; url: string } | undefined;
  try {
    const at = { url: first.url, dataDir };
    let next = 0;
    const sender = async (): Promise<void> => {
      while (next < BURST) {
        const id = `burst-${next++}`;
        if (next === BURST / 4) first.child.kill('SIGKILL');
        const status = await postEvent(at, { id, type: 'dev.test.f.order' }).catch(() => 0);
        if (status === 202) acked.add(id);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, sender));
    await new Promise((resolve) => (first.child.exitCode === null && first.child.signalCode === null ? first.child.once('exit', resolve) : resolve(undefined)));
    t.true(acked.size > 0 && acked.size < BURST, `the kill came during the burst (${acked.size} of ${BURST} acknowledged)`);

    second = await runPlatform(dataDir, port, storeUrl);
    // A line being appended while it is read does not parse yet: read again on the next poll.
    const deliveries = () => {
      try {
        return received(dataDir);
      } catch {
        return [];
      }
    };
    const seen = (p: string) => new Set(deliveries().filter((r) => r.path === p).map((r) => r.id!));
    await waitFor(() => TRIGGER_PATHS.map(seen), (sets) => sets.every((s) => [...acked].every((id) => s.has(id))), 60_000, 'every acknowledged event at both Triggers');
    // Whatever was queued but not acknowledged is delivered too; wait for the queue to drain.
    await waitFor(async () => (await (await fetch(`${second!.url}/_/status`, { headers: { accept: 'application/json' } })).json()) as { brokers: { queued: number; inflight: number }[] }, (s) => s.brokers.every((b) => b.queued === 0 && b.inflight === 0), 60_000, 'the Broker to drain');
    const [exact, prefix] = await waitFor(() => TRIGGER_PATHS.map(seen), (sets) => sets.every((s) => s.size > 0), 5000, 'the recorded deliveries');
    t.deepEqual([...exact!].sort(), [...prefix!].sort(), 'both Triggers saw the same events');
  } finally {
    for (const p of [first, second]) if (p !== undefined && p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

test('SQLite: after kill -9 of the platform during a burst, every Trigger has seen the same events', async (t) => {
  t.timeout(180_000);
  await crashDuringBurst(t, undefined);
});

needs('redis-server')('Redis: after kill -9 of the platform during a burst, every Trigger has seen the same events', async (t) => {
  t.timeout(180_000);
  const redis = await startRedis();
  t.teardown(() => redis.stop());
  await crashDuringBurst(t, redis.url);
});
