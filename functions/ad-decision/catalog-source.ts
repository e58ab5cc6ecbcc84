import type { Logger } from '../../shared/logger';
import type { Campaign, Publisher } from '../../shared/model';
import type { Store } from '../../shared/store';
import { buildCatalog, type Catalog } from './catalog';
import type { DeliveryState } from './delivery-state';

/**
 * Keeps the decision catalog in step with the store: polls the campaign and publisher versions
 * (one small read) and rebuilds the index in the background when they change, so a write through
 * the admin API is served within a second and a decision never reads campaigns from the store.
 */
export class CatalogSource {
  private catalog: Catalog | undefined;
  private timer: NodeJS.Timeout | undefined;
  private refreshing = false;

  constructor(
    private readonly store: Store,
    private readonly state: DeliveryState,
    private readonly logger: Logger,
    private readonly refreshMs = 500,
  ) {}

  get current(): Catalog {
    if (this.catalog === undefined) throw new Error('catalog not loaded');
    return this.catalog;
  }

  /** Load the first catalog and start following changes. */
  async start(): Promise<void> {
    await this.refresh();
    this.timer ??= setInterval(() => void this.refresh().catch((err: unknown) => this.logger.warn('catalog refresh failed', { err })), this.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Rebuild if the store's versions moved; returns whether it did. */
  async refresh(): Promise<boolean> {
    if (this.refreshing) return false;
    this.refreshing = true;
    try {
      const [c, p] = await this.store.versions(['campaigns', 'publishers']);
      const version = `${c}.${p}`;
      if (this.catalog?.version === version) return false;
      const [campaigns, publishers] = await Promise.all([this.store.listDocs('campaigns'), this.store.listDocs('publishers')]);
      const next = buildCatalog(`${campaigns.version}.${publishers.version}`, campaigns.docs as unknown as Campaign[], publishers.docs as unknown as Publisher[]);
      await this.state.load(next.campaigns.values());
      this.catalog = next;
      this.logger.info('catalog loaded', { version: next.version, campaigns: next.campaigns.size, publishers: next.publishers.size });
      return true;
    } finally {
      this.refreshing = false;
    }
  }
}
