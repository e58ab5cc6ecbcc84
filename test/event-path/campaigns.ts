import type { Campaign } from '../../shared/model';
import type { Json, Store } from '../../shared/store';

/** A stored campaign (money in micros): CPM 2.50 EUR, 1000 EUR total, unless overridden. */
export function campaignDoc(overrides: Partial<Campaign> = {}): Campaign {
  const now = new Date().toISOString();
  return {
    id: 'camp-1',
    name: 'Spring running shoes',
    advertiser: 'adv-1',
    status: 'active',
    priority: 'standard',
    pricing: { model: 'cpm', amountMicros: 2_500_000, currency: 'EUR' },
    budget: { totalMicros: 1_000_000_000 },
    pacing: 'asap',
    schedule: { start: '2020-01-01T00:00:00Z' },
    creatives: [{ id: 'creative-1', format: 'in-image', width: 640, height: 120, imageUrl: 'https://cdn.example/shoe.png', landingUrl: 'https://shop.example/shoes' }],
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

/** Store campaigns as the campaigns function does. */
export async function seedCampaigns(store: Store, ...campaigns: Campaign[]): Promise<void> {
  for (const c of campaigns) await store.putDoc('campaigns', c.id, c as unknown as Json);
}
