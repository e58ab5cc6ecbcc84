/**
 * Campaign handlers. DELETE archives rather than removes: an archived campaign no longer serves
 * (ad-decision serves only `active` ones) and is read-only, but its id, name and advertiser stay,
 * so reports and ledger entries that name it remain attributable and advertiser-scoped.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ConflictError, ForbiddenError, invalidField, NotFoundError } from '../../shared/errors';
import type { Request, Response } from '../../shared/http';
import { CampaignInput, STATUSES, Slug, type Campaign } from '../../shared/model';
import { validate } from '../../shared/validate';
import { canActFor, type Principal } from '../../shared/auth';
import { toInput, toStored, toView } from './convert';
import { announce, docs, jsonObject, locationOf, withoutServerFields, type Deps } from './deps';
import { checkWritable } from './field-rules';
import { mergePatch } from './merge-patch';

/** Query of `GET /v1/campaigns`. Without `status`, archived campaigns are left out. */
export const CampaignListQuery = z.strictObject({
  advertiser: Slug.optional(),
  status: z.enum(STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,400}$/, 'must be a nextCursor from a previous page').optional(),
});

const ID_ATTEMPTS = 3;

const campaigns = (deps: Deps) => docs<Campaign>(deps.store, 'campaigns');

/** `GET /v1/campaigns`: filtered by advertiser and status, in id order, a page at a time. */
export async function listCampaigns(deps: Deps, principal: Principal, req: Request): Promise<Response> {
  const query = validate(CampaignListQuery, Object.fromEntries(req.query), 'query');
  const advertiser = scopedAdvertiser(principal, query.advertiser);
  const after = query.cursor === undefined ? undefined : Buffer.from(query.cursor, 'base64url').toString('utf8');
  const { version, docs: all } = await campaigns(deps).list();
  const matching = all.filter(
    (c) =>
      (advertiser === undefined || c.advertiser === advertiser) &&
      (query.status === undefined ? c.status !== 'archived' : c.status === query.status) &&
      (after === undefined || c.id > after),
  );
  const page = matching.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = matching.length > page.length && last !== undefined ? Buffer.from(last.id, 'utf8').toString('base64url') : null;
  return { status: 200, body: { campaigns: page.map(toView), nextCursor, version } };
}

/** `GET /v1/campaigns/:id`. */
export async function getCampaign(deps: Deps, principal: Principal, req: Request): Promise<Response> {
  return { status: 200, body: toView(await loadCampaign(deps, principal, req.params.id ?? '')) };
}

/** `POST /v1/campaigns`: 201 with the stored campaign, its generated id and a `Location`. */
export async function createCampaign(deps: Deps, principal: Principal, req: Request): Promise<Response> {
  const input = validate(CampaignInput, jsonObject(req.body));
  if (!canActFor(principal, input.advertiser)) {
    throw new ForbiddenError(`This key may only create campaigns for its own advertiser, not ${input.advertiser}`);
  }
  const now = new Date().toISOString();
  checkWritable(principal, toStored(input, '', now, now), undefined, deps.config.campaignLimits);
  for (let attempt = 1; ; attempt++) {
    const stored = toStored(input, newCampaignId(), now, now);
    if (await campaigns(deps).insert(stored.id, stored)) {
      announce(deps, 'campaign', stored.id, 'created');
      return { status: 201, headers: { location: locationOf(req.path, stored.id) }, body: toView(stored) };
    }
    if (attempt === ID_ATTEMPTS) throw new ConflictError('Could not allocate a campaign id; retry');
  }
}

/** `PUT /v1/campaigns/:id`: replace every field (the advertiser cannot change). */
export async function replaceCampaign(deps: Deps, principal: Principal, req: Request): Promise<Response> {
  const existing = await loadWritable(deps, principal, req.params.id ?? '');
  const input = validate(CampaignInput, withoutServerFields(jsonObject(req.body), existing.id));
  return { status: 200, body: toView(await saveCampaign(deps, principal, existing, input)) };
}

/** `PATCH /v1/campaigns/:id`: a JSON Merge Patch; the merged campaign is validated as a whole. */
export async function patchCampaign(deps: Deps, principal: Principal, req: Request): Promise<Response> {
  const existing = await loadWritable(deps, principal, req.params.id ?? '');
  const patch = withoutServerFields(jsonObject(req.body), existing.id);
  const input = validate(CampaignInput, mergePatch(toInput(existing), patch));
  return { status: 200, body: toView(await saveCampaign(deps, principal, existing, input)) };
}

/** `DELETE /v1/campaigns/:id`: archive (see the module comment); 204, and again 204 if already archived. */
export async function archiveCampaign(deps: Deps, principal: Principal, req: Request): Promise<Response> {
  const existing = await loadCampaign(deps, principal, req.params.id ?? '');
  if (existing.status === 'archived') return { status: 204 };
  const archived: Campaign = { ...existing, status: 'archived', updatedAt: new Date().toISOString() };
  const version = await campaigns(deps).put(archived.id, archived);
  announce(deps, 'campaign', archived.id, 'deleted', version);
  return { status: 204 };
}

/** The campaign `id` if the caller may see it; another advertiser's campaign is a 404 too, so ids don't leak. */
export async function loadCampaign(deps: Deps, principal: Principal, id: string): Promise<Campaign> {
  const campaign = await campaigns(deps).get(id);
  if (campaign === undefined || !canActFor(principal, campaign.advertiser)) throw new NotFoundError(`No campaign ${id}`);
  return campaign;
}

/** Like `loadCampaign`, but 409 for an archived (read-only) campaign. */
export async function loadWritable(deps: Deps, principal: Principal, id: string): Promise<Campaign> {
  const campaign = await loadCampaign(deps, principal, id);
  if (campaign.status === 'archived') throw new ConflictError(`Campaign ${id} is archived; archived campaigns are read-only`);
  return campaign;
}

/** Store a validated new state of `existing` that `principal` may write, announce it, and return what was stored. */
export async function saveCampaign(deps: Deps, principal: Principal, existing: Campaign, input: CampaignInput): Promise<Campaign> {
  if (input.advertiser !== existing.advertiser) throw invalidField('advertiser', `cannot be changed (this campaign belongs to ${existing.advertiser})`);
  const stored = toStored(input, existing.id, existing.createdAt, new Date().toISOString());
  checkWritable(principal, stored, existing, deps.config.campaignLimits);
  const version = await campaigns(deps).put(stored.id, stored);
  announce(deps, 'campaign', stored.id, 'updated', version);
  return stored;
}

function scopedAdvertiser(principal: Principal, asked: string | undefined): string | undefined {
  if (principal.role === 'admin') return asked;
  if (asked !== undefined && asked !== principal.advertiser) throw new ForbiddenError(`This key may only list campaigns of its own advertiser, not ${asked}`);
  return principal.advertiser;
}

function newCampaignId(): string {
  return `cmp-${randomBytes(10).toString('hex')}`;
}
