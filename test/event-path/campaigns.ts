import type { Campaign } from '../../shared/model';
import type { Json, Store } from '../../shared/store';
import { campaign } from '../campaigns';

/** A stored campaign (money in micros): `camp-1`, CPM 2.50 EUR, 1000 EUR total, one in-image creative `creative-1`, unless overridden. */
export function campaignDoc(overrides: Partial<Campaign> = {}): Campaign {
  return campaign({
    id: 'camp-1',
    name: 'Spring running shoes',
    pricing: { model: 'cpm', amountMicros: 2_500_000, currency: 'EUR' },
    creatives: [{ id: 'creative-1', format: 'in-image', width: 640, height: 120, imageUrl: 'https://cdn.example/shoe.png', landingUrl: 'https://shop.example/shoes' }],
    ...overrides,
  });
}

/** Store campaigns as the campaigns function does. */
export async function seedCampaigns(store: Store, ...campaigns: Campaign[]): Promise<void> {
  for (const c of campaigns) await store.putDoc('campaigns', c.id, c as unknown as Json);
}
