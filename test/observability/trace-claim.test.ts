import test from 'ava';
import { trace } from '@opentelemetry/api';
import { contextFromClaim } from '../../shared/telemetry';
import { TokenSigner, traceClaimOf, type BeaconClaims } from '../../shared/tokens';

const signer = new TokenSigner([{ id: 'k1', secret: Buffer.from('0123456789abcdef0123456789abcdef') }], 'k1');
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';

function claims(extra: Partial<BeaconClaims> = {}): BeaconClaims {
  return { i: 'imp1', c: 'c1', cr: 'cr1', a: 'adv', p: 'pub', s: 'top', f: 'banner', m: 'cpm', pr: 2_500_000, cu: 'EUR', l: 'https://shop.example/', iat: 1_800_000_000, exp: 1_800_003_600, ...extra };
}

test('a token carries the ad’s trace (trace id + span id) under its signature', (t) => {
  const token = signer.sign(claims({ t: TRACE + SPAN }));
  const verified = signer.verify(token, 1_800_000_001);
  t.true(verified.ok);
  t.is(verified.ok && verified.claims.t, TRACE + SPAN);
  t.is(traceClaimOf(token), TRACE + SPAN);
  const [keyId, payload, mac] = token.split('.');
  const forged = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as BeaconClaims;
  forged.t = `${'f'.repeat(32)}${SPAN}`;
  t.deepEqual(signer.verify(`${keyId}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${mac}`, 1_800_000_001), { ok: false, reason: 'bad-signature' });
});

test('a token without a trace, or with a malformed one, parents nothing', (t) => {
  t.is(traceClaimOf(signer.sign(claims())), undefined);
  t.is(traceClaimOf('garbage'), undefined);
  t.is(traceClaimOf('k1.!!!.x'), undefined);
  t.is(contextFromClaim(undefined), undefined);
  t.is(contextFromClaim(`${TRACE}${SPAN}`.toUpperCase()), undefined);
  t.is(contextFromClaim('0'.repeat(48)), undefined);
  t.is(contextFromClaim(TRACE), undefined);
  t.deepEqual(signer.verify(signer.sign({ ...claims(), t: 5 } as unknown as BeaconClaims), 1_800_000_001), { ok: false, reason: 'malformed' });
});

test('a trace claim becomes a sampled remote parent', (t) => {
  const parent = trace.getSpanContext(contextFromClaim(TRACE + SPAN)!);
  t.like(parent, { traceId: TRACE, spanId: SPAN, traceFlags: 1, isRemote: true });
});
