import { ConfigError } from '../errors';
import type { Store } from './types';

export type * from './types';
export type { RedisStoreOptions } from './redis';

/**
 * Open the store named by `url` (`STORE_URL`): `sqlite:<path>` (`sqlite::memory:` for tests) or
 * `redis://host:port[/db]` (`rediss://` for TLS). Throws `ConfigError` for any other URL and
 * `UnavailableError` when the backend cannot be opened.
 */
export async function openStore(url: string): Promise<Store> {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path === '') throw new ConfigError('STORE_URL', 'sqlite: needs a path, e.g. sqlite:.tagline/tagline.db');
    // Each backend is loaded only when used: a function on SQLite never pays for ioredis at start.
    const { openSqliteStore } = require('./sqlite') as typeof import('./sqlite');
    return openSqliteStore(path);
  }
  if (url.startsWith('redis://') || url.startsWith('rediss://')) {
    const { openRedisStore } = require('./redis') as typeof import('./redis');
    return openRedisStore(url);
  }
  throw new ConfigError('STORE_URL', `expected sqlite:<path> or redis://host:port, got "${url}"`);
}
