import test from 'ava';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors';
import type { Campaign, Creative } from '../../shared/model';
import type { Json } from '../../shared/store/types';
import { archiveCampaign, createCampaign } from './campaigns';
import type { CampaignView } from './convert';
import { addCreative, deleteCreative, getCreative, listCreatives, replaceCreative } from './creatives';
import { ADMIN, advertiser, campaignBody, failedPaths, openTestDeps, request, type TestDeps } from '../../test/kit/campaigns-deps';

const banner = (id = 'banner-1'): Creative => ({ id, format: 'banner', width: 300, height: 250, html: '<a>Run</a>', landingUrl: 'https://shop.example/run' });

async function withCampaign(t: { teardown(fn: () => unknown): void }): Promise<{ deps: TestDeps; campaign: CampaignView }> {
  const deps = await openTestDeps();
  t.teardown(() => deps.store.close());
  const res = await createCampaign(deps, ADMIN, request('POST', '/v1/campaigns', { body: campaignBody('adv-a') }));
  return { deps, campaign: res.body as CampaignView };
}

const creativesOf = async (deps: TestDeps, id: string) => ((await deps.store.getDoc<Json>('campaigns', id)) as unknown as Campaign).creatives;
const path = (campaign: string) => `/v1/campaigns/${campaign}/creatives`;

test('POST adds a creative: 201, Location, stored in the campaign, campaign.changed updated', async (t) => {
  const { deps, campaign } = await withCampaign(t);
  const res = await addCreative(deps, ADMIN, request('POST', path(campaign.id), { params: { id: campaign.id }, body: banner() }));
  t.is(res.status, 201);
  t.is(res.headers?.location, 'creatives/banner-1');
  t.deepEqual(res.body, banner());
  t.deepEqual((await creativesOf(deps, campaign.id)).map((c) => c.id), ['shoe-640', 'banner-1']);
  await new Promise((resolve) => setImmediate(resolve));
  t.deepEqual(deps.emitter.events.at(-1)?.data, { kind: 'campaign', id: campaign.id, action: 'updated', version: 2 });
});

test('GET lists the creatives and reads one; an unknown creative is 404', async (t) => {
  const { deps, campaign } = await withCampaign(t);
  const params = { id: campaign.id, creativeId: 'shoe-640' };
  t.deepEqual((await listCreatives(deps, ADMIN, request('GET', path(campaign.id), { params }))).body, { creatives: campaignBody().creatives });
  t.is(((await getCreative(deps, ADMIN, request('GET', '', { params }))).body as Creative).imageUrl, 'https://cdn.example/shoe.png');
  await t.throwsAsync(getCreative(deps, ADMIN, request('GET', '', { params: { ...params, creativeId: 'nope' } })), { instanceOf: NotFoundError });
});

test('a creative id already in the campaign is 409', async (t) => {
  const { deps, campaign } = await withCampaign(t);
  await t.throwsAsync(addCreative(deps, ADMIN, request('POST', '', { params: { id: campaign.id }, body: { ...banner(), id: 'shoe-640' } })), { instanceOf: ConflictError });
  t.is((await creativesOf(deps, campaign.id)).length, 1);
});

for (const [what, body, field] of [
  ['both html and imageUrl', { ...banner(), imageUrl: 'https://cdn.example/b.png' }, 'imageUrl'],
  ['neither html nor imageUrl', { id: 'b', format: 'banner', width: 300, height: 250, landingUrl: 'https://shop.example' }, 'imageUrl'],
  ['a javascript: landing URL', { ...banner(), landingUrl: 'javascript:alert(document.cookie)' }, 'landingUrl'],
  ['a data: image URL', { ...banner(), html: undefined, imageUrl: 'data:image/png;base64,AAAA' }, 'imageUrl'],
  ['an unknown format', { ...banner(), format: 'popup' }, 'format'],
  ['an unknown field', { ...banner(), onclick: 'x()' }, 'body'],
] as const) {
  test(`a creative with ${what} is a 400 naming ${field}`, async (t) => {
    const { deps, campaign } = await withCampaign(t);
    const err = await t.throwsAsync(addCreative(deps, ADMIN, request('POST', '', { params: { id: campaign.id }, body })), { instanceOf: ValidationError });
    t.deepEqual(failedPaths(err), [field]);
    t.is((await creativesOf(deps, campaign.id)).length, 1);
  });
}

test('a 51st creative is a 400 naming creatives', async (t) => {
  const { deps, campaign } = await withCampaign(t);
  for (let i = 1; i < 50; i++) await addCreative(deps, ADMIN, request('POST', '', { params: { id: campaign.id }, body: banner(`b-${i}`) }));
  const err = await t.throwsAsync(addCreative(deps, ADMIN, request('POST', '', { params: { id: campaign.id }, body: banner('b-50') })), { instanceOf: ValidationError });
  t.deepEqual(failedPaths(err), ['creatives']);
  t.is((await creativesOf(deps, campaign.id)).length, 50);
});

test('PUT replaces a creative in place; its id comes from the path and cannot change', async (t) => {
  const { deps, campaign } = await withCampaign(t);
  const params = { id: campaign.id, creativeId: 'shoe-640' };
  const { id: _id, ...withoutId } = banner();
  const res = await replaceCreative(deps, ADMIN, request('PUT', '', { params, body: withoutId }));
  t.deepEqual(res.body, { ...banner(), id: 'shoe-640' });
  t.deepEqual(await creativesOf(deps, campaign.id), [{ ...banner(), id: 'shoe-640' }]);
  const err = await t.throwsAsync(replaceCreative(deps, ADMIN, request('PUT', '', { params, body: banner('other') })), { instanceOf: ValidationError });
  t.deepEqual(failedPaths(err), ['id']);
  await t.throwsAsync(replaceCreative(deps, ADMIN, request('PUT', '', { params: { ...params, creativeId: 'nope' }, body: withoutId })), { instanceOf: NotFoundError });
});

test('DELETE removes a creative, but never the last one (409)', async (t) => {
  const { deps, campaign } = await withCampaign(t);
  await addCreative(deps, ADMIN, request('POST', '', { params: { id: campaign.id }, body: banner() }));
  t.is((await deleteCreative(deps, ADMIN, request('DELETE', '', { params: { id: campaign.id, creativeId: 'shoe-640' } }))).status, 204);
  t.deepEqual((await creativesOf(deps, campaign.id)).map((c) => c.id), ['banner-1']);
  await t.throwsAsync(deleteCreative(deps, ADMIN, request('DELETE', '', { params: { id: campaign.id, creativeId: 'banner-1' } })), { instanceOf: ConflictError });
  t.is((await creativesOf(deps, campaign.id)).length, 1);
});

test('another advertiser cannot see or change the creatives (404); an archived campaign\'s are read-only (409)', async (t) => {
  const { deps, campaign } = await withCampaign(t);
  const params = { id: campaign.id, creativeId: 'shoe-640' };
  const other = advertiser('adv-b');
  await t.throwsAsync(listCreatives(deps, other, request('GET', '', { params })), { instanceOf: NotFoundError });
  await t.throwsAsync(addCreative(deps, other, request('POST', '', { params, body: banner() })), { instanceOf: NotFoundError });
  await t.throwsAsync(deleteCreative(deps, other, request('DELETE', '', { params })), { instanceOf: NotFoundError });
  t.is((await listCreatives(deps, advertiser('adv-a'), request('GET', '', { params }))).status, 200);
  await archiveCampaign(deps, ADMIN, request('DELETE', '', { params }));
  await t.throwsAsync(addCreative(deps, ADMIN, request('POST', '', { params, body: banner() })), { instanceOf: ConflictError });
  t.is((await creativesOf(deps, campaign.id)).length, 1);
});
