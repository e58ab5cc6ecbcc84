import { z } from 'zod';
import { SnapshotPoller } from '../../shared/snapshot-poller';
import type { Store } from '../../shared/store';

/** What the ledger needs of a campaign (shared/model `Campaign`, money in micros). */
export const LedgerCampaign = z.object({
  id: z.string(),
  advertiser: z.string(),
  budget: z.object({ totalMicros: z.number().int().nonnegative(), dailyMicros: z.number().int().nonnegative().optional() }),
  frequencyCap: z.object({ impressions: z.number().int().positive(), windowSeconds: z.number().int().positive() }).optional(),
});
export type LedgerCampaign = z.infer<typeof LedgerCampaign>;

/**
 * The campaigns' budgets and caps, kept in memory. At most once per `refreshMs` the shared
 * snapshot poller asks the store for the `campaigns` version (one small read) and the documents
 * are reloaded only when it moved.
 */
export class CampaignCache {
  private byId = new Map<string, LedgerCampaign>();
  private version = -1;
  private readonly poller: SnapshotPoller;

  constructor(
    private readonly store: Pick<Store, 'versions' | 'listDocs'>,
    private readonly refreshMs = 1000,
  ) {
    this.poller = new SnapshotPoller(store, ['campaigns'], ([version]) => this.reload(version!));
  }

  /** A refresh when the last check is older than `refreshMs`, else undefined (no promise to wait on). */
  refreshIfStale(): Promise<unknown> | undefined {
    return this.poller.pollIfStale(this.refreshMs);
  }

  /** The campaign as last loaded, or undefined when it does not exist (deleted): its spend is still recorded. */
  lookup(id: string): LedgerCampaign | undefined {
    return this.byId.get(id);
  }

  private async reload(version: number): Promise<boolean> {
    if (version === this.version) return false;
    const { version: loaded, docs } = await this.store.listDocs('campaigns');
    const byId = new Map<string, LedgerCampaign>();
    for (const doc of docs) {
      const campaign = LedgerCampaign.safeParse(doc);
      if (campaign.success) byId.set(campaign.data.id, campaign.data);
    }
    this.byId = byId;
    this.version = loaded;
    return true;
  }
}
