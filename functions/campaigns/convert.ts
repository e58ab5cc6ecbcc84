import { fromMicros, toMicros, type Campaign, type CampaignInput } from '../../shared/model';

/** A campaign as the API shows it: decimal money, plus its id and timestamps. */
export type CampaignView = { id: string } & CampaignInput & { createdAt: string; updatedAt: string };

// Spreading the whole object first keeps its field order; money is then replaced in place.

/** API input (decimal currency units) to the stored form (integer micros). */
export function toStored(input: CampaignInput, id: string, createdAt: string, updatedAt: string): Campaign {
  const { pricing, budget } = input;
  const stored: Campaign = {
    id,
    ...input,
    pricing: { model: pricing.model, amountMicros: toMicros(pricing.amount), currency: pricing.currency },
    budget: { totalMicros: toMicros(budget.total) },
    createdAt,
    updatedAt,
  };
  if (budget.daily !== undefined) stored.budget.dailyMicros = toMicros(budget.daily);
  return stored;
}

/** The stored form back to what the API speaks. */
export function toView(campaign: Campaign): CampaignView {
  const { id, createdAt, updatedAt, ...rest } = campaign;
  const { pricing, budget } = campaign;
  const view: CampaignView = {
    id,
    ...rest,
    pricing: { model: pricing.model, amount: fromMicros(pricing.amountMicros), currency: pricing.currency },
    budget: { total: fromMicros(budget.totalMicros) },
    createdAt,
    updatedAt,
  };
  if (budget.dailyMicros !== undefined) view.budget.daily = fromMicros(budget.dailyMicros);
  return view;
}

/** The input a PUT would need to recreate `campaign`: its view without server-owned fields. */
export function toInput(campaign: Campaign): CampaignInput {
  const { id: _id, createdAt: _c, updatedAt: _u, ...input } = toView(campaign);
  return input;
}
