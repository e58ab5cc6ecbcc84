/** Tagline's event types: names only, so that any module may import them without the data schemas. */

/** Every event type Tagline emits (ARCHITECTURE §4). */
export const EVENT_TYPES = {
  impression: 'dev.tagline.ad.impression',
  viewable: 'dev.tagline.ad.viewable',
  click: 'dev.tagline.ad.click',
  pageObserved: 'dev.tagline.page.observed',
  pageClassified: 'dev.tagline.page.classified',
  campaignChanged: 'dev.tagline.campaign.changed',
  campaignExhausted: 'dev.tagline.campaign.exhausted',
} as const;

export type EventType = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES];
