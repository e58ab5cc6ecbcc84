/**
 * Which campaign fields each role may write, and within what limits: the one statement of that
 * rule, which every campaign write (POST, PUT, PATCH, creatives) checks, and which
 * docs/functions.md describes.
 *
 * The admin may write every field. An advertiser key writes only its own advertiser's campaigns,
 * and in them only what cannot buy delivery it has not paid for: the `standard` tier, a price at
 * or above the network floor, and a budget up to the network ceiling. A value a write leaves as it
 * was is never refused, and lowering a budget always passes, so an exception the admin granted (a
 * sponsorship, a house campaign, a budget above the ceiling) survives the advertiser's own edits.
 */
import type { CampaignLimits } from '../../shared/config';
import { ForbiddenError } from '../../shared/errors';
import { fromMicros, type Campaign, type CampaignInput } from '../../shared/model';
import type { Principal } from '../../shared/auth';

/** What an advertiser key writes, given the campaign before the write (undefined on create); a refusal names its field. */
type AdvertiserRule = (next: Campaign, before: Campaign | undefined, limits: CampaignLimits, advertiser: string) => { path: string; message: string } | undefined;

const ANY: AdvertiserRule = () => undefined;

/** One row per campaign field: the admin writes it freely; an advertiser key within its rule. */
export const FIELD_RULES: Record<keyof CampaignInput, { admin: 'any'; advertiser: AdvertiserRule }> = {
  name: { admin: 'any', advertiser: ANY },
  advertiser: { admin: 'any', advertiser: ownAdvertiser },
  status: { admin: 'any', advertiser: ANY },
  priority: { admin: 'any', advertiser: standardTierOnly },
  pricing: { admin: 'any', advertiser: notBelowFloor },
  budget: { admin: 'any', advertiser: (next, before, limits) => withinCeiling('total', next, before, limits) ?? withinCeiling('daily', next, before, limits) },
  pacing: { admin: 'any', advertiser: ANY },
  schedule: { admin: 'any', advertiser: ANY },
  frequencyCap: { admin: 'any', advertiser: ANY },
  targeting: { admin: 'any', advertiser: ANY },
  creatives: { admin: 'any', advertiser: ANY },
  adomain: { admin: 'any', advertiser: ANY },
  iabCategories: { admin: 'any', advertiser: ANY },
};

/**
 * Throw 403 problem+json naming the first field `principal` may not write as `next` (the stored
 * form of a validated campaign), `before` being the campaign as it was (undefined on create).
 */
export function checkWritable(principal: Principal, next: Campaign, before: Campaign | undefined, limits: CampaignLimits): void {
  const refused = refusal(principal, next, before, limits);
  if (refused !== undefined) throw new ForbiddenError(`${refused.path}: ${refused.message}`, { details: { errors: [refused] } });
}

/** The first field `principal` may not write as `next`, with why; undefined when it may write all of them. */
export function refusal(principal: Principal, next: Campaign, before: Campaign | undefined, limits: CampaignLimits): { path: string; message: string } | undefined {
  if (principal.role === 'admin') return undefined;
  for (const rules of Object.values(FIELD_RULES)) {
    const refused = rules.advertiser(next, before, limits, principal.advertiser);
    if (refused !== undefined) return refused;
  }
  return undefined;
}

function ownAdvertiser(next: Campaign, _before: Campaign | undefined, _limits: CampaignLimits, advertiser: string) {
  if (next.advertiser === advertiser) return undefined;
  return { path: 'advertiser', message: `this key may only write campaigns of its own advertiser, ${advertiser}` };
}

function standardTierOnly(next: Campaign, before: Campaign | undefined) {
  if (next.priority === 'standard' || next.priority === before?.priority) return undefined;
  return { path: 'priority', message: `advertiser keys may set only "standard"; "${next.priority}" is set by the admin` };
}

function notBelowFloor(next: Campaign, before: Campaign | undefined, limits: CampaignLimits) {
  const { model, amountMicros } = next.pricing;
  if (before !== undefined && before.pricing.model === model && before.pricing.amountMicros === amountMicros) return undefined;
  const floor = model === 'cpm' ? limits.minCpmMicros : limits.minCpcMicros;
  if (amountMicros >= floor) return undefined;
  return { path: 'pricing.amount', message: `below the network floor of ${fromMicros(floor)} per ${model === 'cpm' ? 'thousand impressions' : 'click'}; lower prices are set by the admin` };
}

function withinCeiling(part: 'total' | 'daily', next: Campaign, before: Campaign | undefined, limits: CampaignLimits) {
  const key = part === 'total' ? 'totalMicros' : 'dailyMicros';
  const value = next.budget[key];
  const previous = before?.budget[key];
  if (value === undefined || value <= limits.maxBudgetMicros || (previous !== undefined && value <= previous)) return undefined;
  return { path: `budget.${part}`, message: `above the ${fromMicros(limits.maxBudgetMicros)} an advertiser key may set; a larger budget is set by the admin` };
}
