import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import type { TaglineEvent } from '../../shared/events';
import { createLogger } from '../../shared/logger';
import { claims } from '../../test/kit/tokens';
import { beaconEvent } from './beacon';
import { parseStored } from '../../shared/outbox';
import { Spool } from './spool';

const logger = createLogger('track', 'error', () => undefined);

function setup(t: { teardown(fn: () => unknown): void }, maxBytes = 1024 * 1024, takes: () => boolean = () => true) {
  const dir = mkdtempSync(join(tmpdir(), 'tagline-spool-unit-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const handedOff: TaglineEvent[] = [];
  const open = () =>
    new Spool({ dir, maxBytes, logger, parse: parseStored, retryMs: 60_000, handOff: async (event) => (takes() ? (handedOff.push(event), true) : false) });
  return { dir, handedOff, open };
}

const impression = () => beaconEvent('impression', claims())!;
const lines = (dir: string) => readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean));

test('appends of one turn share a segment; each is on disk when its append resolves', async (t) => {
  const { dir, open } = setup(t);
  const spool = open();
  const events = Array.from({ length: 50 }, impression);
  t.deepEqual(await Promise.all(events.map((e) => spool.append(e))), events.map(() => true));
  t.is(readdirSync(dir).length, 1);
  t.deepEqual(lines(dir).map((l) => (JSON.parse(l) as { id: string }).id), events.map((e) => e.id));
});

test('a full spool drops the event (false) and keeps what it holds', async (t) => {
  const { dir, open } = setup(t, 4096);
  const spool = open();
  const kept: boolean[] = [];
  for (let i = 0; i < 20; i++) kept.push(await spool.append(impression()));
  t.true(kept.includes(false));
  t.is(lines(dir).length, kept.filter(Boolean).length);
  t.true(spool.size <= 4096);
});

test('replay hands every event off in order, then deletes the segments; one nothing takes stays for later', async (t) => {
  let up = false;
  const { dir, handedOff, open } = setup(t, 1024 * 1024, () => up);
  const spool = open();
  const events = Array.from({ length: 5 }, impression);
  for (const e of events) await spool.append(e);
  t.deepEqual(await spool.replay(), { replayed: 0, remaining: spool.size });
  t.true(spool.size > 0);
  up = true;
  const { replayed, remaining } = await spool.replay();
  t.is(replayed, 5);
  t.is(remaining, 0);
  t.deepEqual(handedOff.map((e) => e.id), events.map((e) => e.id));
  t.deepEqual(readdirSync(dir), []);
});

test('a new spool replays the segments an earlier process left, skipping a torn last record', async (t) => {
  const { dir, handedOff, open } = setup(t);
  const events = [impression(), impression()];
  const before = open();
  for (const e of events) await before.append(e);
  const [segment] = readdirSync(dir);
  appendFileSync(join(dir, segment!), '{"id":"imp:torn","ty');
  const after = open();
  t.deepEqual(await after.replay(), { replayed: 2, remaining: 0 });
  t.deepEqual(handedOff.map((e) => e.id), events.map((e) => e.id));
});
