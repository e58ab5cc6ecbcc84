/** Creatives inside a campaign: each change re-validates and stores the whole campaign. */
import { ConflictError, invalidField, NotFoundError } from '../../shared/errors';
import type { Request, Response } from '../../shared/http';
import { CampaignInput, Creative, type Campaign } from '../../shared/model';
import { validate } from '../../shared/validate';
import type { Principal } from '../../shared/auth';
import { loadCampaign, loadWritable, saveCampaign } from './campaigns';
import { toInput } from './convert';
import { jsonObject, locationOf, type Deps } from './deps';

/** `GET /v1/campaigns/:id/creatives`. */
export async function listCreatives(deps: Deps, principal: Principal, req: Request): Promise<Response> {
  const campaign = await loadCampaign(deps, principal, req.params.id ?? '');
  return { status: 200, body: { creatives: campaign.creatives } };
}

/** `GET /v1/campaigns/:id/creatives/:creativeId`. */
export async function getCreative(deps: Deps, principal: Principal, req: Request): Promise<Response> {
  const campaign = await loadCampaign(deps, principal, req.params.id ?? '');
  return { status: 200, body: campaign.creatives[indexOf(campaign, req.params.creativeId ?? '')] };
}

/** `POST /v1/campaigns/:id/creatives`: 201 with the creative; an id already in the campaign is 409. */
export async function addCreative(deps: Deps, principal: Principal, req: Request): Promise<Response> {
  const campaign = await loadWritable(deps, principal, req.params.id ?? '');
  const creative = validate(Creative, jsonObject(req.body));
  if (campaign.creatives.some((c) => c.id === creative.id)) {
    throw new ConflictError(`Campaign ${campaign.id} already has a creative ${creative.id}`);
  }
  await saveCreatives(deps, principal, campaign, [...campaign.creatives, creative]);
  return { status: 201, headers: { location: locationOf(req.path, creative.id) }, body: creative };
}

/** `PUT /v1/campaigns/:id/creatives/:creativeId`: replace an existing creative. */
export async function replaceCreative(deps: Deps, principal: Principal, req: Request): Promise<Response> {
  const campaign = await loadWritable(deps, principal, req.params.id ?? '');
  const id = req.params.creativeId ?? '';
  const index = indexOf(campaign, id);
  const body = jsonObject(req.body);
  if (body.id !== undefined && body.id !== id) throw invalidField('id', `cannot be changed (this is ${id})`);
  const creative = validate(Creative, { id, ...body });
  await saveCreatives(deps, principal, campaign, campaign.creatives.map((c, i) => (i === index ? creative : c)));
  return { status: 200, body: creative };
}

/** `DELETE /v1/campaigns/:id/creatives/:creativeId`: 204; a campaign's last creative cannot go (409). */
export async function deleteCreative(deps: Deps, principal: Principal, req: Request): Promise<Response> {
  const campaign = await loadWritable(deps, principal, req.params.id ?? '');
  const index = indexOf(campaign, req.params.creativeId ?? '');
  if (campaign.creatives.length === 1) {
    throw new ConflictError(`A campaign needs at least one creative; archive campaign ${campaign.id} instead`);
  }
  await saveCreatives(deps, principal, campaign, campaign.creatives.filter((_, i) => i !== index));
  return { status: 204 };
}

function indexOf(campaign: Campaign, creativeId: string): number {
  const index = campaign.creatives.findIndex((c) => c.id === creativeId);
  if (index < 0) throw new NotFoundError(`No creative ${creativeId} in campaign ${campaign.id}`);
  return index;
}

async function saveCreatives(deps: Deps, principal: Principal, campaign: Campaign, creatives: Creative[]): Promise<void> {
  await saveCampaign(deps, principal, campaign, validate(CampaignInput, { ...toInput(campaign), creatives }));
}
