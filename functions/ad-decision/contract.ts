/**
 * The `POST /v1/ads` contract (ARCHITECTURE §3) as types alone: ad-decision checks requests and
 * answers with them, and the browser tag builds and reads them. Only types and type-only imports
 * belong here, because the tag is type-checked without Node and must bundle nothing from it.
 */
import type { Device, Format } from '../../shared/vocabulary';

export interface Slot {
  id: string;
  format: Format;
  width: number;
  height: number;
}

/** `POST /v1/ads` body. Unknown fields are rejected. */
export interface AdRequest {
  publisher: string;
  page: {
    url: string;
    title?: string;
    description?: string;
    text?: string;
    keywords?: string[];
    lang?: string;
    categories?: string[];
    imageAlts?: string[];
  };
  slots: Slot[];
  user?: { id?: string };
  device?: { type?: Device };
  consent?: { gdpr?: boolean; tcString?: string };
}

/** One ad in the response. */
export interface Ad {
  slot: string;
  campaign: string;
  creative: string;
  format: string;
  width: number;
  height: number;
  html?: string;
  imageUrl?: string;
  impressionUrl: string;
  viewableUrl: string;
  clickUrl: string;
}

export interface AdResponse {
  requestId: string;
  ads: Ad[];
}
