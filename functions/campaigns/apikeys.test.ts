import { createHash } from 'node:crypto';
import test from 'ava';
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors';
import type { ApiKeyRecord } from '../../shared/model';
import { createApiKey, deleteApiKey, getApiKey, listApiKeys } from './apikeys';
import { authenticate, BearerUnauthorizedError } from '../../shared/auth';
import { ADMIN, advertiser, failedPaths, openTestDeps, request, type TestDeps } from '../../test/kit/campaigns-deps';

interface Created {
  id: string;
  advertiser: string;
  name: string;
  createdAt: string;
  key: string;
}

async function setup(t: { teardown(fn: () => unknown): void }): Promise<TestDeps> {
  const deps = await openTestDeps();
  t.teardown(() => deps.store.close());
  return deps;
}

async function issue(deps: TestDeps, advertiserId = 'adv-a'): Promise<Created> {
  return (await createApiKey(deps, ADMIN, request('POST', '/v1/apikeys', { body: { advertiser: advertiserId, name: 'ci' } }))).body as Created;
}

test('POST issues a key: 201, no-store, the secret once; the key authenticates as its advertiser', async (t) => {
  const deps = await setup(t);
  const res = await createApiKey(deps, ADMIN, request('POST', '/v1/apikeys', { body: { advertiser: 'adv-a', name: 'reporting' } }));
  t.is(res.status, 201);
  t.is(res.headers?.['cache-control'], 'no-store');
  const created = res.body as Created;
  t.is(res.headers?.location, `apikeys/${created.id}`);
  t.regex(created.key, /^tgl_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
  t.like(created, { advertiser: 'adv-a', name: 'reporting' });
  t.false('secretHash' in created);
  t.deepEqual(await authenticate(deps.store, deps.config, { authorization: `Bearer ${created.key}` }), { role: 'advertiser', advertiser: 'adv-a', keyId: created.id });
});

test('only a SHA-256 of the secret is stored, and the secret is never shown again', async (t) => {
  const deps = await setup(t);
  const created = await issue(deps);
  const secret = created.key.split('_').slice(2).join('_');
  const record = (await deps.store.getDoc('apikeys', created.id)) as unknown as ApiKeyRecord;
  t.is(record.secretHash, createHash('sha256').update(secret).digest('hex'));
  t.false(JSON.stringify(record).includes(secret));
  const listed = JSON.stringify((await listApiKeys(deps, ADMIN, request('GET', '/v1/apikeys'))).body);
  const read = JSON.stringify((await getApiKey(deps, ADMIN, request('GET', '', { params: { id: created.id } }))).body);
  for (const shown of [listed, read]) {
    t.false(shown.includes(secret));
    t.false(shown.includes(record.secretHash));
    t.true(shown.includes(created.id));
  }
});

test('GET /v1/apikeys filters by advertiser', async (t) => {
  const deps = await setup(t);
  const a = await issue(deps, 'adv-a');
  await issue(deps, 'adv-b');
  const body = (await listApiKeys(deps, ADMIN, request('GET', '/v1/apikeys', { query: 'advertiser=adv-a' }))).body as { apikeys: { id: string }[] };
  t.deepEqual(body.apikeys.map((k) => k.id), [a.id]);
});

test('DELETE revokes a key at once', async (t) => {
  const deps = await setup(t);
  const created = await issue(deps);
  t.is((await deleteApiKey(deps, ADMIN, request('DELETE', '', { params: { id: created.id } }))).status, 204);
  await t.throwsAsync(authenticate(deps.store, deps.config, { authorization: `Bearer ${created.key}` }), { instanceOf: BearerUnauthorizedError });
  await t.throwsAsync(deleteApiKey(deps, ADMIN, request('DELETE', '', { params: { id: created.id } })), { instanceOf: NotFoundError });
  await new Promise((resolve) => setImmediate(resolve));
  t.deepEqual(deps.emitter.events.map((e) => e.data), [
    { kind: 'apikey', id: created.id, action: 'created', version: 1 },
    { kind: 'apikey', id: created.id, action: 'deleted', version: 2 },
  ]);
});

for (const [what, body, field] of [
  ['no advertiser', { name: 'x' }, 'advertiser'],
  ['an empty name', { advertiser: 'adv-a', name: '' }, 'name'],
  ['a chosen secret', { advertiser: 'adv-a', name: 'x', key: 'tgl_mine' }, 'body'],
] as const) {
  test(`POST with ${what} is a 400 naming ${field}`, async (t) => {
    const deps = await setup(t);
    const err = await t.throwsAsync(createApiKey(deps, ADMIN, request('POST', '/v1/apikeys', { body })), { instanceOf: ValidationError });
    t.deepEqual(failedPaths(err), [field]);
    t.deepEqual((await deps.store.listDocs('apikeys')).docs, []);
  });
}

test('an advertiser key cannot manage API keys (403), not even its own advertiser\'s', async (t) => {
  const deps = await setup(t);
  const created = await issue(deps, 'adv-a');
  const who = advertiser('adv-a');
  await t.throwsAsync(listApiKeys(deps, who, request('GET', '/v1/apikeys')), { instanceOf: ForbiddenError });
  await t.throwsAsync(getApiKey(deps, who, request('GET', '', { params: { id: created.id } })), { instanceOf: ForbiddenError });
  await t.throwsAsync(createApiKey(deps, who, request('POST', '/v1/apikeys', { body: { advertiser: 'adv-a', name: 'more' } })), { instanceOf: ForbiddenError });
  await t.throwsAsync(deleteApiKey(deps, who, request('DELETE', '', { params: { id: created.id } })), { instanceOf: ForbiddenError });
  t.is((await deps.store.listDocs('apikeys')).docs.length, 1);
});
