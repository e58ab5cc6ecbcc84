import test from 'ava';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors';
import type { Publisher } from '../../shared/model';
import { createPublisher, deletePublisher, getPublisher, listPublishers, replacePublisher } from './publishers';
import { ADMIN, advertiser, failedPaths, openTestDeps, request, type TestDeps } from '../../test/kit/campaigns-deps';

const demo: Publisher = { id: 'pub-demo', name: 'Demo News', domains: ['news.example'] };

async function setup(t: { teardown(fn: () => unknown): void }): Promise<TestDeps> {
  const deps = await openTestDeps();
  t.teardown(() => deps.store.close());
  return deps;
}

const create = (deps: TestDeps, body: unknown) => createPublisher(deps, ADMIN, request('POST', '/v1/publishers', { body }));
const all = async (deps: TestDeps) => (await deps.store.listDocs('publishers')).docs;

test('POST answers 201 with the stored publisher and a Location; GET reads it back', async (t) => {
  const deps = await setup(t);
  const res = await create(deps, demo);
  t.is(res.status, 201);
  t.is(res.headers?.location, 'publishers/pub-demo');
  t.deepEqual(res.body, demo);
  t.deepEqual((await getPublisher(deps, ADMIN, request('GET', '', { params: { id: 'pub-demo' } }))).body, demo);
  t.deepEqual((await listPublishers(deps, ADMIN)).body, { publishers: [demo], version: 1 });
  await new Promise((resolve) => setImmediate(resolve));
  t.deepEqual(deps.emitter.events.map((e) => e.data), [{ kind: 'publisher', id: 'pub-demo', action: 'created', version: 1 }]);
});

test('a duplicate id is 409 and keeps the first publisher', async (t) => {
  const deps = await setup(t);
  await create(deps, demo);
  await t.throwsAsync(create(deps, { ...demo, name: 'Impostor', domains: ['other.example'] }), { instanceOf: ConflictError });
  t.deepEqual(await all(deps), [demo]);
});

test('a domain already claimed by another publisher is 409', async (t) => {
  const deps = await setup(t);
  await create(deps, demo);
  await t.throwsAsync(create(deps, { id: 'pub-b', name: 'B', domains: ['b.example', 'news.example'] }), { instanceOf: ConflictError, message: /news\.example.*pub-demo/ });
  t.is((await all(deps)).length, 1);
});

for (const [what, body, field] of [
  ['an upper-case id', { ...demo, id: 'Pub Demo' }, 'id'],
  ['no domains', { ...demo, domains: [] }, 'domains'],
  ['a URL for a domain', { ...demo, domains: ['https://news.example/'] }, 'domains.0'],
  ['an unknown field', { ...demo, owner: 'me' }, 'body'],
  ['a numeric name', { ...demo, name: 42 }, 'name'],
] as const) {
  test(`POST with ${what} is a 400 naming ${field}`, async (t) => {
    const deps = await setup(t);
    const err = await t.throwsAsync(create(deps, body), { instanceOf: ValidationError });
    t.deepEqual(failedPaths(err), [field]);
    t.deepEqual(await all(deps), []);
  });
}

test('PUT replaces a publisher; its id comes from the path; an unknown one is 404', async (t) => {
  const deps = await setup(t);
  await create(deps, demo);
  const renamed = { name: 'Demo Daily', domains: ['news.example', 'localhost'] };
  const res = await replacePublisher(deps, ADMIN, request('PUT', '', { params: { id: 'pub-demo' }, body: renamed }));
  t.deepEqual(res.body, { id: 'pub-demo', ...renamed });
  t.deepEqual(await all(deps), [{ id: 'pub-demo', ...renamed }]);
  const err = await t.throwsAsync(replacePublisher(deps, ADMIN, request('PUT', '', { params: { id: 'pub-demo' }, body: { ...renamed, id: 'pub-x' } })), { instanceOf: ValidationError });
  t.deepEqual(failedPaths(err), ['id']);
  await t.throwsAsync(replacePublisher(deps, ADMIN, request('PUT', '', { params: { id: 'pub-x' }, body: renamed })), { instanceOf: NotFoundError });
});

test('DELETE removes a publisher (204), then it is 404', async (t) => {
  const deps = await setup(t);
  await create(deps, demo);
  const del = () => deletePublisher(deps, ADMIN, request('DELETE', '', { params: { id: 'pub-demo' } }));
  t.is((await del()).status, 204);
  t.deepEqual(await all(deps), []);
  await t.throwsAsync(del(), { instanceOf: NotFoundError });
  await new Promise((resolve) => setImmediate(resolve));
  t.deepEqual(deps.emitter.events.at(-1)?.data, { kind: 'publisher', id: 'pub-demo', action: 'deleted', version: 2 });
});

test('an advertiser key cannot read or change publishers (403)', async (t) => {
  const deps = await setup(t);
  await create(deps, demo);
  const who = advertiser('adv-a');
  const params = { id: 'pub-demo' };
  await t.throwsAsync(listPublishers(deps, who), { instanceOf: ForbiddenError });
  await t.throwsAsync(getPublisher(deps, who, request('GET', '', { params })), { instanceOf: ForbiddenError });
  await t.throwsAsync(createPublisher(deps, who, request('POST', '', { body: { ...demo, id: 'pub-a' } })), { instanceOf: ForbiddenError });
  await t.throwsAsync(replacePublisher(deps, who, request('PUT', '', { params, body: demo })), { instanceOf: ForbiddenError });
  await t.throwsAsync(deletePublisher(deps, who, request('DELETE', '', { params })), { instanceOf: ForbiddenError });
  t.deepEqual(await all(deps), [demo]);
});
