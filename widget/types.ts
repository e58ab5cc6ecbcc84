import type { Ad as DecidedAd } from '../functions/ad-decision/contract';
import type { Format } from '../shared/vocabulary';

/** The placement formats of the ad-decision contract (`slots[].format`). */
export type { Format };

/** A place on the page that asks for one ad. */
export interface Placement {
  /** Unique on the page, at most 64 characters: the `slots[].id` of the request. */
  id: string;
  format: Format;
  width: number;
  height: number;
  /** The publisher's slot element, or the image an in-image ad overlays. */
  target: HTMLElement;
  /** Give back the space reserved for an ad that did not come. */
  release: () => void;
}

/** One ad of the response, checked: a known format, and every URL is absolute http(s). */
export type Ad = Omit<DecidedAd, 'campaign' | 'creative' | 'format'> & { format: Format };

/** What the tag sends about consent, and whether a first-party user id may be kept. */
export interface ConsentState {
  consent?: { gdpr?: boolean; tcString?: string };
  userIdAllowed: boolean;
}
