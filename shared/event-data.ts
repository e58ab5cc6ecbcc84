import { z } from 'zod';
import { EVENT_TYPES, type EventType } from './event-types';

/*
 * The data shape of each event type: one zod schema per type, the runtime check and the
 * TypeScript type. Emitting needs only the types (a type-only import, no zod at run time);
 * receiving validates with the schemas.
 */

const id = z.string().min(1).max(128);
const isoTime = z.iso.datetime({ offset: true });

/** Data of `ad.impression`, `ad.viewable` and `ad.click`: the facts of the signed token. */
export const AdEventData = z.strictObject({
  impressionId: id,
  campaign: id,
  creative: id,
  publisher: id,
  advertiser: id,
  slot: z.string().max(64),
  format: z.string().max(32),
  /** What this event is billed, in micros of `currency` (0 for viewables and unbilled models). */
  priceMicros: z.number().int().nonnegative(),
  currency: z.string().length(3),
  model: z.enum(['cpm', 'cpc']),
  /** A consented first-party user id, only when the ad was chosen with consent. */
  user: z.string().max(128).optional(),
  servedAt: isoTime,
  occurredAt: isoTime,
});
export type AdEventData = z.infer<typeof AdEventData>;

/** Data of `page.observed`: what the widget read from the page. */
export const PageObservedData = z.strictObject({
  pageHash: id,
  url: z.string().max(2048),
  title: z.string().max(512).optional(),
  description: z.string().max(1024).optional(),
  keywords: z.array(z.string().max(64)).max(50).optional(),
  lang: z.string().max(16).optional(),
  text: z.string().max(8192).optional(),
  imageAlts: z.array(z.string().max(256)).max(50).optional(),
});
export type PageObservedData = z.infer<typeof PageObservedData>;

export const BRAND_SAFETY_RISKS = ['none', 'low', 'medium', 'high'] as const;
export type BrandSafetyRisk = (typeof BRAND_SAFETY_RISKS)[number];

/** Data of `page.classified` and the page classification kept in the store. */
export const PageClassifiedData = z.strictObject({
  pageHash: id,
  url: z.string().max(2048),
  categories: z.array(z.strictObject({ id: z.string().max(16), name: z.string().max(128), tier: z.number().int().min(1).max(4), score: z.number() })).max(20),
  brandSafety: z.strictObject({
    risk: z.enum(BRAND_SAFETY_RISKS),
    flags: z.array(z.strictObject({ category: z.string().max(64), risk: z.enum(BRAND_SAFETY_RISKS) })).max(20),
  }),
  language: z.string().max(16),
  confidence: z.enum(['high', 'low']),
  version: z.number().int().nonnegative(),
  classifiedAt: isoTime,
});
export type PageClassifiedData = z.infer<typeof PageClassifiedData>;

export const CampaignChangedData = z.strictObject({
  kind: z.enum(['campaign', 'publisher', 'apikey']),
  id,
  action: z.enum(['created', 'updated', 'deleted']),
  version: z.number().int().nonnegative(),
});
export type CampaignChangedData = z.infer<typeof CampaignChangedData>;

export const CampaignExhaustedData = z.strictObject({
  campaign: id,
  advertiser: id,
  scope: z.enum(['total', 'daily']),
  day: z.iso.date(),
  spendMicros: z.number().int().nonnegative(),
  budgetMicros: z.number().int().nonnegative(),
});
export type CampaignExhaustedData = z.infer<typeof CampaignExhaustedData>;

/** The data schema of each event type: what every consumer validates. */
export const EVENT_DATA = {
  [EVENT_TYPES.impression]: AdEventData,
  [EVENT_TYPES.viewable]: AdEventData,
  [EVENT_TYPES.click]: AdEventData,
  [EVENT_TYPES.pageObserved]: PageObservedData,
  [EVENT_TYPES.pageClassified]: PageClassifiedData,
  [EVENT_TYPES.campaignChanged]: CampaignChangedData,
  [EVENT_TYPES.campaignExhausted]: CampaignExhaustedData,
} as const;

export type EventData<T extends EventType> = z.infer<(typeof EVENT_DATA)[T]>;

/** An event about to be emitted or just received, with its data typed by its type. */
export interface TaglineEvent<T extends EventType = EventType> {
  id: string;
  type: T;
  source: string;
  subject?: string;
  time?: string;
  data: EventData<T>;
  /**
   * The W3C trace context the event belongs to: for a received event its CloudEvents
   * `traceparent` extension (the producer's span); for an event sent later (from an outbox) the
   * context it was created in. When set, the span sending the event is its child.
   */
  traceparent?: string;
}
