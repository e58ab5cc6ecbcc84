import test from 'ava';
import { TokenError } from '../shared/event-auth';
import { brokerAudience, identityOf, LocalIssuer } from './oidc';

const AUDIENCE = brokerAudience('tagline', 'default');
const TRACK = identityOf('sources.knative.dev', 'SinkBinding', 'tagline', 'track');

const reasonOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (err) {
    return err instanceof TokenError ? err.reason : `not a TokenError: ${String(err)}`;
  }
};

test('identities and audiences are named as Knative names them', (t) => {
  t.is(AUDIENCE, 'eventing.knative.dev/broker/tagline/default');
  t.is(TRACK, 'system:serviceaccount:tagline:track-oidc-sources.knative.dev-sinkbinding');
  t.is(identityOf('eventing.knative.dev', 'Trigger', 'tagline', 'ledger'), 'system:serviceaccount:tagline:ledger-oidc-eventing.knative.dev-trigger');
});

test("the issuer's own token verifies; expired, early, other-audience, other-issuer and tampered tokens do not", (t) => {
  const issuer = new LocalIssuer('http://127.0.0.1:1/_/oidc');
  const now = Math.floor(Date.now() / 1000);
  t.is(issuer.verify(`Bearer ${issuer.tokenFor(TRACK, AUDIENCE)}`, AUDIENCE).sub, TRACK);
  t.is(reasonOf(() => issuer.verify(undefined, AUDIENCE)), 'missing');
  t.is(reasonOf(() => issuer.verify('Basic abc', AUDIENCE)), 'malformed');
  t.is(reasonOf(() => issuer.verify(`Bearer ${issuer.issue(TRACK, AUDIENCE, 60, now - 3600)}`, AUDIENCE)), 'expired');
  t.is(reasonOf(() => issuer.verify(`Bearer ${issuer.issue(TRACK, AUDIENCE, 3600, now + 600)}`, AUDIENCE)), 'not-yet-valid');
  t.is(reasonOf(() => issuer.verify(`Bearer ${issuer.issue(TRACK, 'serving.knative.dev/service/tagline/ledger')}`, AUDIENCE)), 'audience');
  const other = new LocalIssuer('http://127.0.0.1:1/_/oidc');
  t.is(reasonOf(() => issuer.verify(`Bearer ${other.issue(TRACK, AUDIENCE)}`, AUDIENCE)), 'unknown-key', 'same issuer name, another key');
  const [header, payload, signature] = issuer.issue(TRACK, AUDIENCE).split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
  const tampered = Buffer.from(JSON.stringify({ ...claims, sub: 'system:serviceaccount:tagline:attacker' })).toString('base64url');
  t.is(reasonOf(() => issuer.verify(`Bearer ${header}.${tampered}.${signature}`, AUDIENCE)), 'signature');
  const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  t.is(reasonOf(() => issuer.verify(`Bearer ${none}.${payload}.${signature}`, AUDIENCE)), 'malformed', 'alg none is refused');
});
