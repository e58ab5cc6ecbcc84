import type { Logger } from '../../shared/logger';
import type { Campaign, Publisher } from '../../shared/model';
import { SnapshotPoller } from '../../shared/snapshot-poller';
import type { Store } from '../../shared/store';
import { Catalog, type IndexedCampaign } from './catalog';
import type { DeliveryState } from './delivery-state';

/** Event-loop time one slice of catalog work may take before it yields to requests. */
const SLICE_MS = 2;

/**
 * Keeps the decision catalog in step with the store. It loads every campaign once, then polls
 * the campaign and publisher versions (one small read, through the shared snapshot poller) and applies only the campaigns written
 * since the version it holds (the store's change log), each as a delta to the index, in slices
 * that yield to requests: a write through the admin API is served within a second and no update
 * stalls decisions, whatever the catalog's size. It also puts parked campaigns back when due.
 */
export class CatalogSource {
  private catalog: Catalog | undefined;
  private campaignsVersion = 0;
  private publishersVersion = 0;
  private readonly poller: SnapshotPoller;

  constructor(
    private readonly store: Store,
    private readonly state: DeliveryState,
    private readonly logger: Logger,
    private readonly refreshMs = 500,
  ) {
    this.poller = new SnapshotPoller(store, ['campaigns', 'publishers'], (versions) => this.apply(versions));
  }

  get current(): Catalog {
    if (this.catalog === undefined) throw new Error('catalog not loaded');
    return this.catalog;
  }

  /** Load the first catalog and start following changes. */
  async start(): Promise<void> {
    await this.refresh();
    this.poller.start(this.refreshMs, (err) => this.logger.warn('catalog refresh failed', { err }));
  }

  stop(): void {
    this.poller.stop();
  }

  /** Apply what changed in the store since the last call; returns whether anything did. */
  refresh(): Promise<boolean> {
    return this.poller.poll();
  }

  private async apply([c, p]: number[]): Promise<boolean> {
    let changed = false;
    if (this.catalog === undefined || c! < this.campaignsVersion) {
      await this.load();
      changed = true;
    } else {
      if (c !== this.campaignsVersion) changed = (await this.applyChanges()) || changed;
      if (p !== this.publishersVersion) {
        const publishers = await this.store.listDocs('publishers');
        this.catalog.setPublishers(publishers.docs as unknown as Publisher[]);
        this.publishersVersion = publishers.version;
        changed = true;
      }
    }
    this.catalog!.version = `${this.campaignsVersion}.${this.publishersVersion}`;
    await this.wakeDue();
    return changed;
  }

  private async load(): Promise<void> {
    const [campaigns, publishers] = await Promise.all([this.store.listDocs('campaigns'), this.store.listDocs('publishers')]);
    const docs = campaigns.docs as unknown as Campaign[];
    const nowMs = Date.now();
    await this.state.load(docs.filter((d) => d.status === 'active'), nowMs);
    this.catalog = Catalog.build('', docs, publishers.docs as unknown as Publisher[], nowMs, (ic) => this.state.blockedUntil(ic, nowMs));
    this.campaignsVersion = campaigns.version;
    this.publishersVersion = publishers.version;
    this.logger.info('catalog loaded', { version: `${campaigns.version}.${publishers.version}`, campaigns: this.catalog.campaigns.size, publishers: this.catalog.publishers.size });
  }

  private async applyChanges(): Promise<boolean> {
    const catalog = this.catalog!;
    const { version, changes } = await this.store.changedDocs<never>('campaigns', this.campaignsVersion);
    await this.state.load(changes.filter((ch) => ch.doc !== undefined).map((ch) => ({ id: ch.id })));
    let sliceStart = performance.now();
    for (const { id, doc } of changes) {
      const nowMs = Date.now();
      catalog.upsert(id, doc as Campaign | undefined, nowMs, (ic: IndexedCampaign) => this.state.blockedUntil(ic, nowMs));
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToRequests();
        sliceStart = performance.now();
      }
    }
    this.campaignsVersion = version;
    if (changes.length > 0) this.logger.info('catalog updated', { version, changes: changes.length });
    return changes.length > 0;
  }

  private async wakeDue(): Promise<void> {
    const catalog = this.catalog!;
    for (;;) {
      const nowMs = Date.now();
      if (catalog.nextWake > nowMs) return;
      const started = performance.now();
      while (catalog.nextWake <= nowMs && performance.now() - started < SLICE_MS) catalog.wake(nowMs, 64, (ic) => this.state.blockedUntil(ic, nowMs));
      await yieldToRequests();
    }
  }
}

function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
