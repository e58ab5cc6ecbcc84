/**
 * Who may publish to the Broker and deliver to the consumers, tried from outside through the
 * local platform running the real manifests (ARCHITECTURE §3 "Who may call what"): an event
 * without a valid sender token is refused everywhere, and is never billed; the producers' own
 * tokens keep the event path working.
 */
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import test from 'ava';
import { knativeOptions, senderAuth, startTempPlatform, waitFor, type Harness } from '../kit/platform';

const BROKER = '/_/broker/tagline/default';
let h: Harness;
let admin: Record<string, string>;

test.before(async () => {
  h = await startTempPlatform(knativeOptions({ seed: false, env: { LOG_LEVEL: 'warn' } }), 'tagline-identity-', 'warn');
  admin = { authorization: `Bearer ${h.platform.adminKey}`, 'content-type': 'application/json' };
});
test.after.always(() => h?.close());

function click(campaign: string, id = randomUUID()): { headers: Record<string, string>; body: string } {
  const now = new Date().toISOString();
  const data = { impressionId: id, campaign, creative: 'c1', publisher: 'pub-x', advertiser: 'adv-victim', slot: 'top', format: 'banner', priceMicros: 120_000_000, currency: 'EUR', model: 'cpc', servedAt: now, occurredAt: now };
  return {
    headers: { 'content-type': 'application/json', 'ce-specversion': '1.0', 'ce-id': `click:${id}`, 'ce-source': '/track', 'ce-type': 'dev.tagline.ad.click', 'ce-time': now },
    body: JSON.stringify(data),
  };
}

async function post(path: string, event: { headers: Record<string, string>; body: string }, extra: Record<string, string> = {}): Promise<Response> {
  return fetch(`${h.platform.url}${path}`, { method: 'POST', headers: { ...event.headers, ...extra }, body: event.body });
}

/** A token shaped like the platform's, for the right audience, signed with a key the platform never saw. */
function forgedToken(audience: string): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const input = `${b64({ alg: 'ES256', typ: 'JWT' })}.${b64({ iss: `http://127.0.0.1:${h.platform.port}/_/oidc`, sub: 'system:serviceaccount:tagline:attacker', aud: [audience], iat: now, exp: now + 600 })}`;
  return `${input}.${sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}

async function spendOf(campaign: string): Promise<number> {
  const res = await fetch(`${h.platform.url}/report/v1/reports?granularity=day&campaign=${campaign}`, { headers: admin });
  const { rows } = (await res.json()) as { rows: { spend: number; clicks: number }[] };
  return rows.reduce((sum, r) => sum + r.spend, 0);
}

test.serial('an event without a valid sender token is refused at the Broker, at /ledger/ and /report/, and is never billed', async (t) => {
  const campaign = 'victim-campaign';
  const refusals: { path: string; auth: Record<string, string>; what: string }[] = [
    { path: BROKER, auth: {}, what: 'no token' },
    { path: BROKER, auth: { authorization: 'Bearer not.a.jwt' }, what: 'garbage token' },
    { path: BROKER, auth: { authorization: `Bearer ${forgedToken('eventing.knative.dev/broker/tagline/default')}` }, what: 'forged token' },
    { path: '/ledger/', auth: {}, what: 'no token' },
    { path: '/report/', auth: {}, what: 'no token' },
    { path: '/ledger/', auth: senderAuth(h.dataDir, 'track'), what: "track's token (for the Broker's audience, not the ledger's)" },
    { path: '/report/', auth: { authorization: `Bearer ${forgedToken('serving.knative.dev/service/tagline/report')}` }, what: 'forged token for the report' },
    { path: '/dead-letters/', auth: {}, what: 'no token' },
    { path: '/classify/', auth: {}, what: 'no token' },
  ];
  for (const r of refusals) {
    const res = await post(r.path, click(campaign), r.auth);
    t.is(res.status, 401, `${r.path} with ${r.what}`);
    t.is(res.headers.get('content-type'), 'application/problem+json', `${r.path} with ${r.what}`);
    await res.arrayBuffer();
  }
  const metrics = await (await fetch(`${h.platform.url}/_/metrics`)).text();
  t.regex(metrics, /tagline_platform_events_refused_total\{route="broker",reason="missing"\} [1-9]/);
  t.regex(metrics, /tagline_platform_events_refused_total\{route="service",reason="audience"\} [1-9]/);
  t.true(h.log.some((line) => line.includes('event refused')), 'refusals are logged');

  // Around the platform, straight to the ledger process on loopback: the ledger checks the token itself.
  t.is((await fetch(`${h.platform.url}/ledger/healthz`)).status, 200);
  const status = (await (await fetch(`${h.platform.url}/_/status`, { headers: { accept: 'application/json' } })).json()) as { services: { name: string; address?: string }[] };
  const ledger = status.services.find((s) => s.name === 'ledger')!;
  t.regex(ledger.address ?? '', /^127\.0\.0\.1:\d+$/, 'the ledger listens on loopback only');
  const direct = click(campaign);
  for (const auth of [{}, senderAuth(h.dataDir, 'track'), { authorization: `Bearer ${forgedToken('serving.knative.dev/service/tagline/ledger')}` }]) {
    const res = await fetch(`http://${ledger.address}/`, { method: 'POST', headers: { ...direct.headers, ...auth }, body: direct.body });
    t.is(res.status, 401, 'the ledger itself refuses a delivery that is not the Broker\'s');
    await res.arrayBuffer();
  }
  t.is(await spendOf(campaign), 0, 'nothing was billed');
});

test.serial("a producer's own token publishes, and the Broker's delivery is billed end to end", async (t) => {
  const campaign = 'legit-campaign';
  const res = await post(BROKER, click(campaign), senderAuth(h.dataDir, 'track'));
  t.is(res.status, 202);
  const spend = await waitFor(() => spendOf(campaign), (s) => s > 0, 20_000, 'the report to count the click');
  t.is(spend, 120);
});

test.serial('under the EventPolicies each producer publishes only its own event types: ad-decision cannot bill a click', async (t) => {
  const refused = await post(BROKER, click('policy-campaign'), senderAuth(h.dataDir, 'ad-decision'));
  t.is(refused.status, 403);
  t.is(refused.headers.get('content-type'), 'application/problem+json');
  const page = { headers: { 'content-type': 'application/json', 'ce-specversion': '1.0', 'ce-id': randomUUID(), 'ce-source': '/ad-decision', 'ce-type': 'dev.tagline.page.observed' }, body: JSON.stringify({ pageHash: 'p1', url: 'https://news.example/a' }) };
  t.is((await post(BROKER, page, senderAuth(h.dataDir, 'track'))).status, 403, 'track does not publish pages');
  t.is((await post(BROKER, page, senderAuth(h.dataDir, 'ad-decision'))).status, 202);
  const metrics = await (await fetch(`${h.platform.url}/_/metrics`)).text();
  t.regex(metrics, /tagline_platform_events_refused_total\{route="broker",reason="policy"\} [2-9]/);
  t.is(await spendOf('policy-campaign'), 0);
});

test('the platform publishes its JWKS and OpenID discovery document', async (t) => {
  const discovery = (await (await fetch(`${h.platform.url}/_/oidc/.well-known/openid-configuration`)).json()) as { issuer: string; jwks_uri: string };
  t.is(discovery.issuer, `http://127.0.0.1:${h.platform.port}/_/oidc`);
  const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: { kty: string; alg: string; kid: string }[] };
  t.is(jwks.keys.length, 1);
  t.like(jwks.keys[0], { kty: 'EC', alg: 'ES256' });
});
