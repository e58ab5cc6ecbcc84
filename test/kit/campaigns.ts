import type { Campaign, Publisher } from '../../shared/model';
import type { Json, Store } from '../../shared/store';

let n = 0;

/**
 * A stored campaign (money in micros), the one fixture every test builds campaigns from: active,
 * standard, CPM 2.00 EUR, 1000 EUR total, asap, no targeting, a 300×250 banner, a 640×120
 * in-image and a 600×300 HTML in-article creative; ids `c1`, `c2`… unless overridden.
 */
export function campaign(overrides: Partial<Campaign> = {}): Campaign {
  const id = overrides.id ?? `c${++n}`;
  return {
    id,
    name: `Campaign ${id}`,
    advertiser: 'adv-1',
    status: 'active',
    priority: 'standard',
    pricing: { model: 'cpm', amountMicros: 2_000_000, currency: 'EUR' },
    budget: { totalMicros: 1_000_000_000 },
    pacing: 'asap',
    schedule: { start: '2020-01-01T00:00:00Z' },
    creatives: [
      { id: `${id}-banner`, format: 'banner', width: 300, height: 250, imageUrl: `https://cdn.example/${id}.png`, landingUrl: `https://shop.example/${id}` },
      { id: `${id}-image`, format: 'in-image', width: 640, height: 120, imageUrl: `https://cdn.example/${id}-wide.png`, landingUrl: `https://shop.example/${id}` },
      { id: `${id}-article`, format: 'in-article', width: 600, height: 300, html: `<a href="#">${id}</a>`, landingUrl: `https://shop.example/${id}` },
    ],
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

/** The publisher every fixture campaign is served on. */
export const PUBLISHER: Publisher = { id: 'pub-demo', name: 'Demo News', domains: ['news.example'] };

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
