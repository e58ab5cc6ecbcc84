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
  /** A slot's ad element: the space the tag reserves in the slot (none for in-image). */
  space: HTMLElement | undefined;
  /**
   * Settles once an ad can go in without moving what the reader sees: at once for in-image and
   * for slots whose space was reserved unseen, else once the slot is out of view below.
   */
  ready: Promise<void>;
  /** No ad came: mark the slot unfilled, and give its space back where that moves nothing seen. */
  release: () => void;
}

/** One ad of the response, checked: a known format, and every URL is absolute http(s). */
export type Ad = Omit<DecidedAd, 'campaign' | 'creative' | 'format'> & { format: Format };

/** What the tag sends about consent, and whether a first-party user id may be kept. */
export interface ConsentState {
  consent?: { gdpr?: boolean; tcString?: string };
  userIdAllowed: boolean;
}
