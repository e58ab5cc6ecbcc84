import { z } from 'zod';
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
 * The campaigns' budgets and caps, kept in memory. At most once per `refreshMs` it asks the store
 * for the `campaigns` version (one small read) and reloads the documents only when it moved.
 */
export class CampaignCache {
  private byId = new Map<string, LedgerCampaign>();
  private version = -1;
  private checkedAt = 0;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly store: Pick<Store, 'versions' | 'listDocs'>,
    private readonly refreshMs = 1000,
  ) {}

  /** The campaign, or undefined when it does not exist (deleted): its spend is still recorded. */
  async get(id: string): Promise<LedgerCampaign | undefined> {
    await this.refreshIfStale();
    return this.lookup(id);
  }

  /** A refresh when the last check is older than `refreshMs`, else undefined (no promise to wait on). */
  refreshIfStale(): Promise<void> | undefined {
    if (Date.now() - this.checkedAt < this.refreshMs) return undefined;
    this.refreshing ??= this.refresh().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** The campaign as last loaded. */
  lookup(id: string): LedgerCampaign | undefined {
    return this.byId.get(id);
  }

  private async refresh(): Promise<void> {
    const [version] = await this.store.versions(['campaigns']);
    if (version !== this.version) {
      const { version: loaded, docs } = await this.store.listDocs('campaigns');
      const byId = new Map<string, LedgerCampaign>();
      for (const doc of docs) {
        const campaign = LedgerCampaign.safeParse(doc);
        if (campaign.success) byId.set(campaign.data.id, campaign.data);
      }
      this.byId = byId;
      this.version = loaded;
    }
    this.checkedAt = Date.now();
  }
}
