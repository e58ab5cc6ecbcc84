import { z } from 'zod';
import { EVENT_DATA, EVENT_TYPES, type Emitter, type EventType, type TaglineEvent } from './events';
import type { Logger } from './logger';
import { counter } from './metrics';
import type { Json, QueueItem, Store } from './store';
import { activeTraceparent } from './telemetry';

/** The store queue holding the events `fn` could not hand to the Broker yet: one queue per function. */
export function outboxQueue(fn: string): string {
  return `outbox:${fn}`;
}

/** How an event left `publish`: on the Broker, in the outbox for later, in the local spool for later, or nowhere. */
export type PublishOutcome = 'sent' | 'kept' | 'spooled' | 'lost';

export interface OutboxOptions {
  /** The function whose events these are; names its queue (`outboxQueue`). */
  function: string;
  emitter: Pick<Emitter, 'send'>;
  store: () => Promise<Store>;
  logger: Logger;
  /** After a failed send, go straight to the outbox for this long (a down Broker costs nothing). */
  cooldownMs?: number;
  /** Items republished per claim. */
  batch?: number;
  /** The last resort when the Broker and the store both fail: resolves whether it kept the event. */
  spool?: { append(event: TaglineEvent): Promise<boolean> };
}

// Each process's series carry its `function` label (shared/metrics default labels).
const outboxEvents = counter('tagline_outbox_events_total', 'Events kept in the outbox while the Broker was unreachable, and republished from it', ['outcome']);
const lostEvents = counter('tagline_outbox_events_lost_total', 'Events lost because neither the Broker nor the store could take them');

const LEASE_MS = 30_000;
const MAX_BACKOFF_MS = 10_000;
const OPPORTUNISTIC_EVERY_MS = 1_000;

const StoredEvent = z.object({
  id: z.string().min(1),
  type: z.enum(Object.values(EVENT_TYPES) as [EventType, ...EventType[]]),
  source: z.string().min(1),
  subject: z.string().optional(),
  time: z.string().optional(),
  traceparent: z.string().optional(),
  data: z.unknown(),
});

/**
 * Publishes events to the Broker so that a Broker outage loses nothing: an event the Broker does
 * not take is kept in a durable store queue and republished later — on a timer while the queue
 * holds events, after a send succeeds again, and on `flush` (track's `track-outbox` PingSource).
 * Delivery is at least once; consumers are idempotent on the deterministic event ids.
 */
export class Outbox {
  private brokerDownUntil = 0;
  /** Unknown at start (another instance may have left events), so the first success checks. */
  private mayHaveBacklog = true;
  private flushing: Promise<{ published: number; remaining: number }> | undefined;
  private lastOpportunisticFlush = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelayMs: number;
  private readonly cooldownMs: number;
  private readonly batch: number;
  private readonly queue: string;

  constructor(private readonly options: OutboxOptions) {
    this.queue = outboxQueue(options.function);
    this.cooldownMs = options.cooldownMs ?? 1000;
    this.retryDelayMs = this.cooldownMs;
    this.batch = options.batch ?? 100;
  }

  /** Send `event`, or keep it for later (in the spool too, unless `spool` is false); never rejects. */
  publish(event: TaglineEvent, spool = true): Promise<PublishOutcome> {
    if (Date.now() < this.brokerDownUntil) return this.keep(event, spool);
    return this.options.emitter.send(event).then(
      () => {
        this.flushInBackground();
        return 'sent';
      },
      () => {
        this.brokerDownUntil = Date.now() + this.cooldownMs;
        return this.keep(event, spool);
      },
    );
  }

  /** Republish what the outbox holds until it is empty or the Broker fails again. */
  flush(): Promise<{ published: number; remaining: number }> {
    this.flushing ??= this.drain().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async keep(event: TaglineEvent, spool: boolean): Promise<PublishOutcome> {
    try {
      const store = await this.options.store();
      // Kept with its trace, so that when it goes out later it is sent within the same trace.
      const traceparent = event.traceparent ?? activeTraceparent();
      await store.enqueue(this.queue, event.id, (traceparent === undefined ? event : { ...event, traceparent }) as unknown as Json);
      this.mayHaveBacklog = true;
      this.scheduleRetry();
      outboxEvents.inc({ outcome: 'kept' });
      return 'kept';
    } catch (err) {
      // A replay from the spool (`spool` false) leaves the event where it is.
      if (!spool) return 'lost';
      if (this.options.spool !== undefined && (await this.options.spool.append(event))) return 'spooled';
      lostEvents.inc();
      this.options.logger.error('event lost: Broker and store both unavailable', { type: event.type, id: event.id, err });
      return 'lost';
    }
  }

  private flushInBackground(): void {
    const now = Date.now();
    if (!this.mayHaveBacklog || this.flushing !== undefined || now - this.lastOpportunisticFlush < OPPORTUNISTIC_EVERY_MS) return;
    this.lastOpportunisticFlush = now;
    this.flush().catch((err: unknown) => this.options.logger.warn('outbox flush failed', { err }));
  }

  /**
   * While the outbox holds events, try again on a timer (backing off to `MAX_BACKOFF_MS`), so
   * they go out soon after the Broker is back even when no beacon arrives to trigger it.
   */
  private scheduleRetry(): void {
    if (this.retryTimer !== undefined) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.flush().then(
        ({ remaining }) => {
          this.retryDelayMs = remaining > 0 ? Math.min(MAX_BACKOFF_MS, this.retryDelayMs * 2) : this.cooldownMs;
          if (remaining > 0) this.scheduleRetry();
        },
        (err: unknown) => {
          this.options.logger.warn('outbox flush failed', { err });
          this.retryDelayMs = Math.min(MAX_BACKOFF_MS, this.retryDelayMs * 2);
          this.scheduleRetry();
        },
      );
    }, this.retryDelayMs);
    this.retryTimer.unref();
  }

  private async drain(): Promise<{ published: number; remaining: number }> {
    const store = await this.options.store();
    let published = 0;
    for (;;) {
      const items = await store.claim(this.queue, this.batch, LEASE_MS);
      if (items.length === 0) break;
      const sent = await Promise.all(items.map((item) => this.republish(store, item)));
      published += sent.filter(Boolean).length;
      if (sent.includes(false)) {
        this.brokerDownUntil = Date.now() + this.cooldownMs;
        break;
      }
    }
    const remaining = await store.depth(this.queue);
    this.mayHaveBacklog = remaining > 0;
    return { published, remaining };
  }

  private async republish(store: Store, item: QueueItem): Promise<boolean> {
    const event = parseStored(item.payload);
    if (event === undefined) {
      this.options.logger.error('outbox item is not an event; dropped', { id: item.id });
      await store.ack(this.queue, item.id);
      return true;
    }
    try {
      await this.options.emitter.send(event);
    } catch {
      // Back in line at once: the pace of retries is set by the cooldown and the retry timer.
      await store.reschedule(this.queue, item.id, Date.now());
      return false;
    }
    await store.ack(this.queue, item.id);
    outboxEvents.inc({ outcome: 'republished' });
    return true;
  }
}

/** An outbox payload back into an event, its data checked against its type's schema. */
export function parseStored(payload: Json): TaglineEvent | undefined {
  const stored = StoredEvent.safeParse(payload);
  if (!stored.success) return undefined;
  const data = EVENT_DATA[stored.data.type].safeParse(stored.data.data);
  if (!data.success) return undefined;
  const { id, type, source, subject, time, traceparent } = stored.data;
  return {
    id,
    type,
    source,
    data: data.data,
    ...(subject === undefined ? {} : { subject }),
    ...(time === undefined ? {} : { time }),
    ...(traceparent === undefined ? {} : { traceparent }),
  } as TaglineEvent;
}
