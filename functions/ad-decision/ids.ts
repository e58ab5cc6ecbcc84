import { randomBytes } from 'node:crypto';

const ID_PREFIX = randomBytes(9).toString('base64url');
let sequence = 0;

/** A unique id for requests and impressions: a random per-process prefix and a counter. */
export function nextId(): string {
  return `${ID_PREFIX}${(sequence++).toString(36)}`;
}
