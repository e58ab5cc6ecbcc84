import { UnavailableError } from '../../shared/errors';
import type { Store } from '../../shared/store';

/**
 * The store as a function that never stays broken: when opening it failed (Redis not up yet),
 * the next call after `retryMs` opens it again. track must start and answer pixels without a
 * store, so it cannot wait on a single open as the other functions do.
 */
export function storeHandle(first: Promise<Store>, open: () => Promise<Store>, retryMs = 1000): () => Promise<Store> {
  let store: Store | undefined;
  let pending: Promise<Store> | undefined;
  let failedAt = 0;
  const attempt = (p: Promise<Store>): void => {
    pending = p;
    p.then(
      (s) => {
        store = s;
        pending = undefined;
      },
      () => {
        failedAt = Date.now();
        pending = undefined;
      },
    );
  };
  attempt(first);
  return async () => {
    if (store !== undefined) return store;
    if (pending === undefined && Date.now() - failedAt >= retryMs) attempt(open());
    if (pending !== undefined) return pending;
    throw new UnavailableError('store unavailable (reopening)');
  };
}
