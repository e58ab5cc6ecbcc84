import { EVENT_TYPES, consumeEvent, type TaglineEvent } from '../../shared/events';
import type { Request, Response } from '../../shared/http';
import { counter } from '../../shared/metrics';
import type { RollupValues, Store } from '../../shared/store';

const AD_EVENTS = [EVENT_TYPES.impression, EVENT_TYPES.viewable, EVENT_TYPES.click] as const;
type AdEvent = TaglineEvent<(typeof AD_EVENTS)[number]>;

const NO_CONTENT: Response = { status: 204 };

const processed = counter('tagline_report_events_total', 'Ad events received by report, by type and outcome', ['type', 'outcome']);

/**
 * Add one ad event to the hourly rollup of its campaign and publisher, with its dedupe mark in
 * one atomic `applyOnce`: a redelivered event changes nothing. Invalid → 400, store down → 503.
 */
export function recordEvent(store: Pick<Store, 'applyOnce'>, req: Request): Promise<Response> {
  return consumeEvent(req, AD_EVENTS, (event) => rollUp(store, event));
}

function rollUp(store: Pick<Store, 'applyOnce'>, event: AdEvent): Promise<Response> {
  const { data } = event;
  const row = { period: hourOf(data.occurredAt), campaign: data.campaign, publisher: data.publisher };
  return store.applyOnce(`report:${event.source}`, event.id, [{ type: 'rollup', row, add: rollupAdd(event) }]).then((result) => {
    processed.inc({ type: event.type, outcome: result.applied ? 'applied' : 'duplicate' });
    return NO_CONTENT;
  });
}

/** What one event adds to its row: one of its kind, and what it billed. */
export function rollupAdd(event: AdEvent): Partial<RollupValues> {
  switch (event.type) {
    case EVENT_TYPES.impression:
      return { impressions: 1, spend: event.data.priceMicros };
    case EVENT_TYPES.viewable:
      return { viewable: 1 };
    case EVENT_TYPES.click:
      return { clicks: 1, spend: event.data.priceMicros };
  }
}

/** The UTC hour a timestamp falls in, e.g. `2026-03-01T13:00:00Z`. */
export function hourOf(iso: string): string {
  return `${new Date(Date.parse(iso)).toISOString().slice(0, 13)}:00:00Z`;
}
