/**
 * The data shapes of campaigns, creatives, publishers and API keys: one zod source for the
 * runtime check and the TypeScript type (ARCHITECTURE §3). The admin API speaks decimal currency
 * units; the store and the decision engine hold integer micros.
 */
import { z } from 'zod';
import { BRAND_SAFETY_LEVELS, CATEGORY_ID, DEVICES, FORMATS, PRIORITIES, SLUG, SLUG_RULE, STATUSES, type Priority } from './vocabulary';

export * from './vocabulary';

/** Slug ids chosen by the admin (publishers, advertisers, creatives). */
export const Slug = z.string().regex(SLUG, SLUG_RULE);
const HttpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2048);
const IsoTime = z.iso.datetime({ offset: true });
/** Decimal currency units, at most 6 decimals (a micro), at most a billion. */
const Money = z.number().nonnegative().max(1e9).refine((n) => Math.abs(Math.round(n * 1e6) - n * 1e6) < 1e-3, 'at most 6 decimals');
const Country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code');
const CategoryId = z.string().regex(CATEGORY_ID, 'must be an IAB Content Taxonomy 3.1 id');
/** An advertiser's domain as OpenRTB's `adomain`/`badv` carry it: a lowercase host name. */
const AdvertiserDomain = z.string().regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/, 'must be a lowercase domain such as "shop.example"');
/** What the ads are about in IAB Content Taxonomy 1.0 (OpenRTB's default `cattax`), as `bcat` blocks them. */
const AdCategory = z.string().regex(/^IAB\d{1,2}(-\d{1,2})?$/, 'must be an IAB Content Taxonomy 1.0 code such as "IAB19" or "IAB19-6"');

export const Creative = z
  .strictObject({
    id: Slug,
    format: z.enum(FORMATS),
    width: z.number().int().min(1).max(4000),
    height: z.number().int().min(1).max(4000),
    imageUrl: HttpUrl.optional(),
    html: z.string().min(1).max(20_000).optional(),
    landingUrl: HttpUrl,
  })
  .refine((c) => (c.imageUrl === undefined) !== (c.html === undefined), { message: 'exactly one of imageUrl or html', path: ['imageUrl'] });
export type Creative = z.infer<typeof Creative>;

export const Targeting = z.strictObject({
  publishers: z.array(Slug).max(1000).optional(),
  countries: z.array(Country).max(300).optional(),
  devices: z.array(z.enum(DEVICES)).max(3).optional(),
  formats: z.array(z.enum(FORMATS)).max(3).optional(),
  categories: z.strictObject({ include: z.array(CategoryId).max(500).optional(), exclude: z.array(CategoryId).max(500).optional() }).optional(),
  keywords: z.array(z.string().min(1).max(64)).max(200).optional(),
  brandSafety: z.enum(BRAND_SAFETY_LEVELS).optional(),
});
export type Targeting = z.infer<typeof Targeting>;

const campaignFields = {
  name: z.string().min(1).max(200),
  advertiser: Slug,
  status: z.enum(STATUSES),
  priority: z.enum(PRIORITIES),
  pricing: z.strictObject({ model: z.enum(['cpm', 'cpc']), amount: Money, currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code') }),
  budget: z.strictObject({ total: Money, daily: Money.optional() }),
  pacing: z.enum(['even', 'asap']),
  schedule: z.strictObject({ start: IsoTime, end: IsoTime.optional() }),
  frequencyCap: z.strictObject({ impressions: z.number().int().min(1).max(1000), windowSeconds: z.number().int().min(60).max(90 * 86_400) }).optional(),
  targeting: Targeting.optional(),
  creatives: z.array(Creative).min(1).max(50),
  /** The advertiser's domains, for OpenRTB `adomain` and `badv` (default: the landing URLs' hosts). */
  adomain: z.array(AdvertiserDomain).min(1).max(10).optional(),
  /** The ads' IAB Content Taxonomy 1.0 categories, for OpenRTB `cat` and `bcat`. */
  iabCategories: z.array(AdCategory).min(1).max(20).optional(),
};

function campaignRules<T extends z.ZodType<{ schedule?: { start: string; end?: string | undefined }; budget?: { total: number; daily?: number | undefined }; creatives?: { id: string }[] }>>(schema: T) {
  return schema
    .refine((c) => c.budget?.daily === undefined || c.budget.daily <= c.budget.total, { message: 'must not be larger than budget.total', path: ['budget', 'daily'] })
    .refine((c) => c.schedule?.end === undefined || Date.parse(c.schedule.end) > Date.parse(c.schedule.start), { message: 'must be after schedule.start', path: ['schedule', 'end'] })
    .refine((c) => c.creatives === undefined || new Set(c.creatives.map((x) => x.id)).size === c.creatives.length, { message: 'creative ids must be unique', path: ['creatives'] });
}

/** A campaign as the admin API receives it (POST/PUT). Unknown fields are rejected. */
export const CampaignInput = campaignRules(z.strictObject(campaignFields));
export type CampaignInput = z.infer<typeof CampaignInput>;

/** A campaign as stored and as the decision engine reads it: money in integer micros. */
export interface Campaign {
  id: string;
  name: string;
  advertiser: string;
  status: (typeof STATUSES)[number];
  priority: Priority;
  pricing: { model: 'cpm' | 'cpc'; amountMicros: number; currency: string };
  budget: { totalMicros: number; dailyMicros?: number };
  pacing: 'even' | 'asap';
  schedule: { start: string; end?: string };
  frequencyCap?: { impressions: number; windowSeconds: number };
  targeting?: Targeting;
  creatives: Creative[];
  adomain?: string[];
  iabCategories?: string[];
  createdAt: string;
  updatedAt: string;
}

export const Publisher = z.strictObject({
  id: Slug,
  name: z.string().min(1).max(200),
  domains: z.array(z.string().regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)*[a-z0-9-]{1,63}$/, 'must be a lowercase host name')).min(1).max(100),
});
export type Publisher = z.infer<typeof Publisher>;

/** An advertiser API key as stored: only a hash of its secret is kept. */
export interface ApiKeyRecord {
  id: string;
  advertiser: string;
  name: string;
  secretHash: string;
  createdAt: string;
}

/** Decimal currency units to integer micros, exactly for up to 6 decimals. */
export function toMicros(amount: number): number {
  return Math.round(amount * 1e6);
}

/** Integer micros to decimal currency units. */
export function fromMicros(micros: number): number {
  return micros / 1e6;
}
