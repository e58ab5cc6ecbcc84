import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore, type Store } from '../../shared/store';
import type { TestFn } from 'ava';
import { needs } from './needs';
import { startRedis, type TestRedis } from './redis';

export type Backend = 'sqlite' | 'redis';
export const BACKENDS: readonly Backend[] = ['sqlite', 'redis'];

/** `test` for tests on `backend`: Redis tests skip, saying why, where no Redis can run. */
export function backendTest(backend: Backend): TestFn {
  return backend === 'redis' ? needs('redis-server') : needs();
}

/** A store of its own for one test, shared by the test process and the functions it starts. */
export interface TestStore {
  backend: Backend;
  /** `STORE_URL` for the function processes. */
  url: string;
  /** The test's own connection, to seed and to read what the functions wrote. */
  store: Store;
  /**
   * Take the store away from the functions until the returned `restore` is called. Redis: the
   * server stops (and comes back empty, as a restarted cache would). SQLite: another connection
   * holds the database's write lock, so writers wait out their busy timeout and fail.
   */
  outage(): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** A fresh, empty store on `backend`: a temporary SQLite file or a private redis-server. */
export async function testStore(backend: Backend): Promise<TestStore> {
  return backend === 'sqlite' ? sqliteStore() : redisStore();
}

async function sqliteStore(): Promise<TestStore> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tagline-event-path-'));
  const file = path.join(dir, 'tagline.db');
  const url = `sqlite:${file}`;
  const store = await openStore(url);
  return {
    backend: 'sqlite',
    url,
    store,
    async outage() {
      const locker = new Database(file);
      locker.exec('BEGIN EXCLUSIVE');
      return async () => {
        locker.exec('ROLLBACK');
        locker.close();
      };
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function redisStore(): Promise<TestStore> {
  const redis = await startRedis();
  let store = await openStore(redis.url);
  return {
    backend: 'redis',
    url: redis.url,
    get store() {
      return store;
    },
    async outage() {
      await stopRedis(redis);
      return async () => {
        await redis.restart();
        await store.close();
        store = await openStore(redis.url);
      };
    },
    async close() {
      await store.close();
      await redis.stop();
    },
  };
}

async function stopRedis(redis: TestRedis): Promise<void> {
  if (!redis.managed) throw new Error('an external REDIS_URL cannot be stopped for an outage test');
  await redis.stop();
}
