import type { Emitter, TaglineEvent } from '../../shared/events';
import { createLogger } from '../../shared/logger';
import type { Campaign, Publisher } from '../../shared/model';
import { openStore, type Store } from '../../shared/store';
import { TokenSigner } from '../../shared/tokens';
import { CatalogSource } from '../../functions/ad-decision/catalog-source';
import type { DecisionDeps } from '../../functions/ad-decision/decide';
import { DeliveryState } from '../../functions/ad-decision/delivery-state';
import { PageCache } from '../../functions/ad-decision/pages';
import type { AdRequest } from '../../functions/ad-decision/request';
import { PUBLISHER } from './campaigns';

/** Builders shared by ad-decision's tests and benchmarks: real store, real engine, recorded events. */

export const SIGNER = new TokenSigner([{ id: 'k1', secret: Buffer.from('test-secret-0123456789abcdef') }], 'k1');

export { campaign, PUBLISHER } from './campaigns';

/** An ad request for one banner slot on pub-demo, with overrides merged at the top level. */
export function adRequest(overrides: Partial<AdRequest> = {}): AdRequest {
  return {
    publisher: 'pub-demo',
    page: { url: 'https://news.example/article', title: 'Morning run tips', text: 'How to start running in spring.' },
    slots: [{ id: 'top', format: 'banner', width: 300, height: 250 }],
    ...overrides,
  };
}

export interface Harness {
  store: Store;
  deps: DecisionDeps;
  events: TaglineEvent[];
  catalog: CatalogSource;
  state: DeliveryState;
  close: () => Promise<void>;
}

/** A decision engine over a fresh store (in-memory SQLite unless given) holding `campaigns` and `publishers`. */
export async function harness(campaigns: readonly Campaign[], publishers: readonly Publisher[] = [PUBLISHER], storeUrl: string | Store = 'sqlite::memory:'): Promise<Harness> {
  const store = typeof storeUrl === 'string' ? await openStore(storeUrl) : storeUrl;
  for (const p of publishers) await store.putDoc('publishers', p.id, p);
  for (const c of campaigns) await store.putDoc('campaigns', c.id, c as never);
  const logger = createLogger('ad-decision', 'error');
  const events: TaglineEvent[] = [];
  const emitter: Emitter = { send: async (e) => void events.push(e), emit: (e) => void events.push(e), drain: async () => undefined };
  const state = new DeliveryState(store, logger, 20);
  const catalog = new CatalogSource(store, state, logger, 50);
  await catalog.refresh();
  const pages = new PageCache(store, emitter, logger, { hitTtlMs: 60_000, missTtlMs: 20, observeTtlSeconds: 3_600 });
  const deps: DecisionDeps = { store, catalog: () => catalog.current, state, pages, signer: SIGNER, config: { trackUrl: 'http://track.test', tokenTtlSeconds: 3600 } };
  return {
    store,
    deps,
    events,
    catalog,
    state,
    close: async () => {
      catalog.stop();
      state.stop();
      await store.close();
    },
  };
}
