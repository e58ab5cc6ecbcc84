import { capWindowStart, counterKeys, utcDay } from '../../shared/counters';
import { EVENT_TYPES, consumeEvent, newEvent, type TaglineEvent } from '../../shared/events';
import type { Request, Response, Route } from '../../shared/http';
import { counter, zeroed } from '../../shared/metrics';
import type { Effect, Store } from '../../shared/store';
import type { Outbox } from '../../shared/outbox';
import type { CampaignCache, LedgerCampaign } from './campaign-cache';

export interface LedgerDeps {
  store: Pick<Store, 'applyOnce' | 'getCounters' | 'setIfAbsent' | 'get' | 'set'>;
  campaigns: Pick<CampaignCache, 'refreshIfStale' | 'lookup'>;
  /** Where `campaign.exhausted` goes: the Broker, or the durable outbox while it is down. */
  outbox: Pick<Outbox, 'publish'>;
}

export const LEDGER_SOURCE = '/ledger';
const BILLED = [EVENT_TYPES.impression, EVENT_TYPES.click] as const;
type BilledEvent = TaglineEvent<(typeof BILLED)[number]>;

const DAY_SECONDS = 86_400;
/** Yesterday's spend stays readable for a while (pacing, late events). */
const DAY_COUNTER_TTL_SECONDS = 3 * DAY_SECONDS;
/** A total budget stays exhausted as long as a campaign can live. */
const TOTAL_FLAG_TTL_SECONDS = 400 * DAY_SECONDS;
const FLAG_MARGIN_SECONDS = 3600;
const FREQUENCY_MARGIN_SECONDS = 60;

const NO_CONTENT: Response = { status: 204 };

const processed = counter('tagline_ledger_events_total', 'Billable events received by the ledger, by type and outcome', ['type', 'outcome']);
const exhaustions = zeroed(counter('tagline_ledger_budgets_exhausted_total', 'Budgets the ledger found reached, by scope', ['scope']), [{ scope: 'total' }, { scope: 'daily' }]);

/** The ledger's one route: the Trigger's `POST /`. */
export function ledgerRoutes(deps: LedgerDeps): Route[] {
  return [{ method: 'POST', path: '/', accepts: ['*/*'], handler: (req) => recordSpend(deps, req) }];
}

/**
 * Record one billable event: its spend (total and per UTC day) and the user's frequency, with its
 * dedupe mark in one atomic `applyOnce`, so a redelivery changes nothing. Then, when a budget is
 * reached, flag the campaign (ad-decision stops serving it) and announce `campaign.exhausted`.
 * A store failure rejects with 503 and Knative redelivers. Written as a promise chain rather
 * than with awaits: the framework runs each request in a domain, which makes every promise cost.
 */
export function recordSpend(deps: LedgerDeps, req: Request): Promise<Response> {
  return consumeEvent(req, BILLED, (event) => {
    const refreshing = deps.campaigns.refreshIfStale();
    return refreshing === undefined ? applySpend(deps, event) : refreshing.then(() => applySpend(deps, event));
  });
}

function applySpend(deps: LedgerDeps, event: BilledEvent): Promise<Response> {
  const { data } = event;
  const campaign = deps.campaigns.lookup(data.campaign);
  const day = utcDay(Date.parse(data.occurredAt));
  return deps.store.applyOnce(`ledger:${event.source}`, event.id, spendEffects(event, campaign, day, Date.now())).then((result) => {
    processed.inc({ type: event.type, outcome: result.applied ? 'applied' : 'duplicate' });
    if (campaign === undefined) return NO_CONTENT;
    if (result.applied) return checkBudgets(deps, campaign, day, result.counters);
    // A redelivery re-reads the counters, so a flag or an announcement a failure cut short is finished.
    return deps.store.getCounters([counterKeys.spendTotal(data.campaign), counterKeys.spendDay(data.campaign, day)]).then((counters) => checkBudgets(deps, campaign, day, counters));
  });
}

/** Flag and announce the budgets `[total, daily]` spend has reached; no promise when none is. */
function checkBudgets(deps: LedgerDeps, campaign: LedgerCampaign, day: string, [total = 0, daily = 0]: readonly number[]): Response | Promise<Response> {
  if (total < campaign.budget.totalMicros && (campaign.budget.dailyMicros === undefined || daily < campaign.budget.dailyMicros)) return NO_CONTENT;
  return enforceBudgets(deps, campaign, day, total, daily).then(() => NO_CONTENT);
}

/** The counters an event moves, spend first (their values come back in this order). */
export function spendEffects(event: BilledEvent, campaign: LedgerCampaign | undefined, day: string, nowMs: number): Effect[] {
  const { data } = event;
  const effects: Effect[] = [
    { type: 'counter', key: counterKeys.spendTotal(data.campaign), by: data.priceMicros },
    { type: 'counter', key: counterKeys.spendDay(data.campaign, day), by: data.priceMicros, ttlSeconds: DAY_COUNTER_TTL_SECONDS },
  ];
  const cap = campaign?.frequencyCap;
  if (event.type === EVENT_TYPES.impression && data.user !== undefined && cap !== undefined) {
    const start = capWindowStart(Date.parse(data.occurredAt), cap.windowSeconds);
    const left = start + cap.windowSeconds - Math.floor(nowMs / 1000);
    // An impression from a window already over cannot cap anything any more.
    if (left > 0) effects.push({ type: 'counter', key: counterKeys.frequency(data.campaign, data.user, start), by: 1, ttlSeconds: left + FREQUENCY_MARGIN_SECONDS });
  }
  return effects;
}

interface Budget {
  scope: 'total' | 'daily';
  key: string;
  spendMicros: number;
  budgetMicros: number;
  ttlSeconds: number;
}

/** The flag ad-decision reads; `budgetMicros` tells a flag of a budget since raised. */
export interface ExhaustedFlag {
  scope: 'total' | 'daily';
  day: string;
  at: string;
  budgetMicros: number;
  spendMicros: number;
}

async function enforceBudgets(deps: LedgerDeps, campaign: LedgerCampaign, day: string, total: number, daily: number): Promise<void> {
  const budgets: Budget[] = [{ scope: 'total', key: counterKeys.exhausted(campaign.id), spendMicros: total, budgetMicros: campaign.budget.totalMicros, ttlSeconds: TOTAL_FLAG_TTL_SECONDS }];
  const dailyMicros = campaign.budget.dailyMicros;
  if (dailyMicros !== undefined) {
    budgets.push({ scope: 'daily', key: counterKeys.exhaustedDay(campaign.id, day), spendMicros: daily, budgetMicros: dailyMicros, ttlSeconds: secondsToEndOfDay(day) + FLAG_MARGIN_SECONDS });
  }
  for (const budget of budgets) {
    if (budget.spendMicros >= budget.budgetMicros && (await raiseFlag(deps, budget, day))) {
      exhaustions.inc({ scope: budget.scope });
      const id = `${campaign.id}:${budget.scope === 'total' ? 'total' : day}`;
      const data = { campaign: campaign.id, advertiser: campaign.advertiser, scope: budget.scope, day, spendMicros: budget.spendMicros, budgetMicros: budget.budgetMicros };
      await deps.outbox.publish(newEvent(EVENT_TYPES.campaignExhausted, LEDGER_SOURCE, data, id, campaign.id));
    }
  }
}

/**
 * Set the exhausted flag; true for the one caller that set it (which announces it). A flag left
 * from a lower budget (the budget was raised, then reached again) is replaced.
 */
async function raiseFlag(deps: LedgerDeps, budget: Budget, day: string): Promise<boolean> {
  const flag: ExhaustedFlag = { scope: budget.scope, day, at: new Date().toISOString(), budgetMicros: budget.budgetMicros, spendMicros: budget.spendMicros };
  if (await deps.store.setIfAbsent(budget.key, { ...flag }, budget.ttlSeconds)) return true;
  const existing = await deps.store.get<{ budgetMicros?: number }>(budget.key);
  if (existing === undefined || (existing.budgetMicros ?? 0) >= budget.budgetMicros) return false;
  await deps.store.set(budget.key, { ...flag }, budget.ttlSeconds);
  return true;
}

function secondsToEndOfDay(day: string): number {
  const end = Date.parse(`${day}T00:00:00Z`) + DAY_SECONDS * 1000;
  return Math.max(60, Math.ceil((end - Date.now()) / 1000));
}
