import { BoundedCache } from '../../shared/bounded-cache';

/** TCF v2 purpose 1: store and/or access information on a device. */
const PURPOSE_STORE = 1;
/** TCF v2 purpose 4: use profiles to select personalised advertising. */
const PURPOSE_PERSONALISED_ADS = 4;

export interface ConsentInput {
  gdpr?: boolean | undefined;
  tcString?: string | undefined;
}

const CACHE_MAX = 10_000;
const cache = new BoundedCache<string, boolean>(CACHE_MAX);

/**
 * Whether the user id may be used (frequency caps, per-user counters). Outside GDPR it may;
 * under GDPR only with a TC string granting both storage (purpose 1) and personalised ads
 * (purpose 4). An unreadable TC string counts as no consent: the ad is then chosen on context
 * alone rather than refused.
 */
export function mayUseUserId(consent: ConsentInput | undefined): boolean {
  if (consent?.gdpr !== true) return true;
  const tc = consent.tcString;
  if (tc === undefined || tc === '') return false;
  let granted = cache.get(tc);
  if (granted === undefined) {
    granted = decode(tc);
    cache.set(tc, granted);
  }
  return granted;
}

function decode(tc: string): boolean {
  try {
    // Loaded on the first GDPR request only: most traffic never needs the TCF library.
    const { TCString } = require('@iabtechlabtcf/core') as typeof import('@iabtechlabtcf/core');
    const model = TCString.decode(tc);
    return model.purposeConsents.has(PURPOSE_STORE) && model.purposeConsents.has(PURPOSE_PERSONALISED_ADS);
  } catch {
    return false;
  }
}
