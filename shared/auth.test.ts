import test from 'ava';
import { authenticate, BearerUnauthorizedError, issueKey, withAuth, type AuthDeps, type Principal } from './auth';
import { UnavailableError } from './errors';
import type { Request } from './http';
import { openStore, type Store } from './store';

const ADMIN_KEY = 'admin-key-for-tests-0123456789';

type TestDeps = AuthDeps & { store: Store };

/** A fresh in-memory store and the admin key (`null`: none configured). */
async function setup(t: { teardown(fn: () => unknown): void }, adminKey: string | null = ADMIN_KEY): Promise<TestDeps> {
  const deps = { store: await openStore('sqlite::memory:'), config: { adminKey: adminKey ?? undefined } };
  t.teardown(() => deps.store.close());
  return deps;
}

/** A bodiless request as the HTTP wrapper hands it to a handler. */
function request(method: 'GET', path: string, init: { headers?: Record<string, string> } = {}): Request {
  return { method, path, params: {}, query: new URLSearchParams(), headers: { ...init.headers }, body: Buffer.alloc(0), ip: '127.0.0.1' };
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

async function storeKey(deps: TestDeps, advertiser: string): Promise<string> {
  const issued = issueKey();
  await deps.store.putDoc('apikeys', issued.id, { id: issued.id, advertiser, name: 'test', secretHash: issued.secretHash, createdAt: new Date().toISOString() });
  return issued.token;
}

test('the admin key authenticates as admin, whatever the case of "Bearer"', async (t) => {
  const deps = await setup(t);
  t.deepEqual(await authenticate(deps.store, deps.config, bearer(ADMIN_KEY)), { role: 'admin' });
  t.deepEqual(await authenticate(deps.store, deps.config, { authorization: `bearer  ${ADMIN_KEY}` }), { role: 'admin' });
});

test('an advertiser key authenticates as its advertiser', async (t) => {
  const deps = await setup(t);
  const token = await storeKey(deps, 'adv-a');
  t.like(await authenticate(deps.store, deps.config, bearer(token)), { role: 'advertiser', advertiser: 'adv-a' });
});

for (const [what, headers, invalid] of [
  ['no Authorization header', {}, false],
  ['an empty Authorization header', { authorization: '' }, false],
  ['another scheme', { authorization: `Basic ${Buffer.from(`admin:${ADMIN_KEY}`).toString('base64')}` }, true],
  ['a wrong key', bearer('not-the-admin-key-0123456789'), true],
  ['the admin key with a suffix', bearer(`${ADMIN_KEY}x`), true],
  ['an unknown advertiser key', bearer(issueKey().token), true],
] as const) {
  test(`${what} is a 401 with a Bearer challenge`, async (t) => {
    const deps = await setup(t);
    const err = await t.throwsAsync(authenticate(deps.store, deps.config, headers), { instanceOf: BearerUnauthorizedError });
    t.is(err?.status, 401);
    t.is(err?.challenge, invalid ? 'Bearer realm="tagline", error="invalid_token"' : 'Bearer realm="tagline"');
  });
}

test('a known key id with a different secret is a 401', async (t) => {
  const deps = await setup(t);
  const token = await storeKey(deps, 'adv-a');
  const forged = token.slice(0, 21) + issueKey().token.slice(21);
  t.not(forged, token);
  await t.throwsAsync(authenticate(deps.store, deps.config, bearer(forged)), { instanceOf: BearerUnauthorizedError });
});

test('with no admin key configured, nothing is the admin: empty and guessed keys are 401', async (t) => {
  const deps = await setup(t, null);
  for (const key of ['', 'undefined', ADMIN_KEY]) {
    await t.throwsAsync(authenticate(deps.store, deps.config, bearer(key)), { instanceOf: BearerUnauthorizedError });
  }
  const token = await storeKey(deps, 'adv-a');
  t.like(await authenticate(deps.store, deps.config, bearer(token)), { role: 'advertiser' });
});

test('a store failure while checking a key is a 503, not a 401', async (t) => {
  const deps = await setup(t);
  const token = await storeKey(deps, 'adv-a');
  await deps.store.close();
  await t.throwsAsync(authenticate(deps.store, deps.config, bearer(token)), { instanceOf: UnavailableError });
});

test('withAuth answers 401 problem+json with WWW-Authenticate, and runs the handler for a good key', async (t) => {
  const deps = await setup(t);
  const seen: Principal[] = [];
  const handler = withAuth(deps, (_req, principal) => {
    seen.push(principal);
    return { status: 204 };
  });
  const denied = await handler(request('GET', '/v1/campaigns'));
  t.is(denied.status, 401);
  t.is(denied.headers?.['www-authenticate'], 'Bearer realm="tagline"');
  t.is(denied.headers?.['content-type'], 'application/problem+json');
  t.like(denied.body, { status: 401, title: 'Unauthorized', type: 'https://tagline.dev/problems/unauthorized' });
  t.deepEqual(seen, []);
  t.is((await handler(request('GET', '/v1/campaigns', { headers: bearer(ADMIN_KEY) }))).status, 204);
  t.deepEqual(seen, [{ role: 'admin' }]);
});
