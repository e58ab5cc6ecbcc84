import test from 'ava';
import { TokenSigner, type BeaconClaims } from './tokens';

const signer = new TokenSigner([{ id: 'k1', secret: Buffer.from('a-secret-of-sixteen-or-more') }], 'k1');
const now = Math.floor(Date.now() / 1000);
const claims: BeaconClaims = { i: 'imp-1', c: 'c', cr: 'cr', a: 'a', p: 'p', s: 's', f: 'banner', m: 'cpm', pr: 1_000_000, cu: 'EUR', l: 'https://shop.example/', iat: now, exp: now + 60 };

test('a signed token verifies', (t) => {
  t.true(signer.verify(signer.sign(claims)).ok);
});

test('only the canonical base64url encoding verifies: padding, spaces, stray characters and newlines are malformed', (t) => {
  const token = signer.sign(claims);
  const [keyId, payload, mac] = token.split('.') as [string, string, string];
  for (const bad of [`${token}=`, `${token}==`, `${token} `, `${token}!`, `${token}\n`, `${keyId}.${payload}=.${mac}`, `${keyId}.${payload} .${mac}`, `${keyId}.${payload.slice(0, 4)}\n${payload.slice(4)}.${mac}`]) {
    t.deepEqual(signer.verify(bad), { ok: false, reason: 'malformed' }, JSON.stringify(bad));
  }
});
