import { randomHex } from './util';

const KEY = 'tagline_uid';
const ID = /^[0-9a-f]{32}$/;

/**
 * The first-party user id kept in this site's localStorage, created on first use. Call it only
 * with consent: it reads and writes the device's storage. Undefined where storage is unavailable.
 */
export function firstPartyId(): string | undefined {
  try {
    const kept = localStorage.getItem(KEY);
    if (kept !== null && ID.test(kept)) return kept;
    const id = randomHex(16);
    localStorage.setItem(KEY, id);
    return id;
  } catch {
    return undefined;
  }
}
