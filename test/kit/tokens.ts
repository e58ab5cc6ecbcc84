import { randomUUID } from 'node:crypto';
import type { TokenKey } from '../../shared/config';
import { TokenSigner, type BeaconClaims } from '../../shared/tokens';
import { TEST_TOKEN_KEYS } from './function-process';

/** The keys the function processes verify with (`TEST_TOKEN_KEYS`). */
export const TEST_KEYS: TokenKey[] = TEST_TOKEN_KEYS.split(',').map((pair) => {
  const at = pair.indexOf(':');
  return { id: pair.slice(0, at), secret: Buffer.from(pair.slice(at + 1)) };
});

/** Signs beacons exactly as ad-decision does, with the test keys. */
export const testSigner = new TokenSigner(TEST_KEYS, TEST_KEYS[0]!.id);

/** A browser's User-Agent: beacons without one are not billed. */
export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

/** Claims of one served ad: a CPM of 2.50 EUR unless overridden. */
export function claims(overrides: Partial<BeaconClaims> = {}): BeaconClaims {
  const now = Math.floor(Date.now() / 1000);
  return {
    i: randomUUID(),
    c: 'camp-1',
    cr: 'creative-1',
    a: 'adv-1',
    p: 'pub-demo',
    s: 'hero',
    f: 'in-image',
    m: 'cpm',
    pr: 2_500_000,
    cu: 'EUR',
    l: 'https://shop.example/shoes?utm_source=tagline',
    iat: now,
    exp: now + 3600,
    ...overrides,
  };
}

/** A signed token for `claims`. */
export function token(c: BeaconClaims = claims()): string {
  return testSigner.sign(c);
}
