import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'ava';
import Database from 'better-sqlite3';
import { UnavailableError } from '../errors';
import { openStore } from './index';

/*
 * SQLite waits for a lock synchronously (its busy timeout blocks the event loop), so this test
 * has a file, and an ava worker, of its own: it would stall every test running beside it.
 */

const counter = (key: string, by: number) => ({ type: 'counter' as const, key, by });

test("sqlite: while another process holds the write lock, a turn's events fail together after one busy wait, then apply once", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tagline-store-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'tagline.db');
  const store = await openStore(`sqlite:${file}`);
  t.teardown(() => store.close());
  const blocker = new Database(file);
  blocker.exec('BEGIN IMMEDIATE');

  const started = Date.now();
  const events = () => Array.from({ length: 5 }, (_, i) => store.applyOnce('/track', `imp:${i}`, [counter('spend', 1)]));
  const failed = await Promise.allSettled(events());
  const waited = Date.now() - started;
  t.true(failed.every((r) => r.status === 'rejected' && r.reason instanceof UnavailableError));
  t.true(waited < 9000, `one busy wait for the batch, not one per event (${waited} ms)`);

  blocker.exec('ROLLBACK');
  blocker.close();
  t.true((await Promise.all(events())).every((r) => r.applied));
  t.deepEqual(await store.getCounters(['spend']), [5]);
});
