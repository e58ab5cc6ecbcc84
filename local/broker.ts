/**
 * A Knative Broker on one machine. Ingress puts one item per matching Trigger in a durable queue
 * in the store before answering 202; the dispatcher leases items from that queue (so a crash
 * loses nothing: an unacknowledged item comes back when its lease ends), delivers them with the
 * Trigger's retry and backoff, sends failures to the dead-letter sink with the `knativeerror*`
 * extensions, and puts reply events back on the Broker.
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Logger } from '../shared/logger';
import type { Json, QueueItem, Store } from '../shared/store';
import { eventFromHttp, isCloudEventMessage, toBinaryMessage, withExtensions, type StoredEvent } from './cloudevent';
import { backoffMs, type SendResult, type Sender } from './delivery';
import type { DeliveryOutcome, PlatformMetrics } from './metrics';
import type { BrokerPlan, Target, TriggerPlan } from './topology';

/** Trace context carried from ingress to every delivery of the event. */
export interface TraceHeaders {
  traceparent?: string;
  tracestate?: string;
}

interface QueuedDelivery {
  kind: 'event' | 'dead-letter';
  trigger: string;
  event: StoredEvent;
  trace: TraceHeaders;
}

export interface BrokerStats {
  name: string;
  namespace: string;
  queued: number;
  inflight: number;
  delivered: number;
  retried: number;
  deadLettered: number;
  replied: number;
  failed: number;
  triggers: { name: string; subscriber: string }[];
}

export interface BrokerDeps {
  store: Store;
  sender: Sender;
  metrics: PlatformMetrics;
  logger: Logger;
  /** The URL a destination is reached at (for `knativeerrordest` and the status page). */
  urlOf(target: Target): string;
  /** Put an event on another Broker (a Trigger or sink naming a Broker). */
  publishTo(broker: string, event: StoredEvent, trace: TraceHeaders): Promise<number>;
  /** Lease of a claimed item; renewed while its delivery runs (default 10 s). */
  leaseMs?: number;
  /** Deliveries in flight at once (default 32). */
  concurrency?: number;
  /** Safety sweep for items whose lease ended (default 1 s); new events never wait for it. */
  sweepMs?: number;
  /** The `Authorization` header a Trigger's delivery to `target` carries (its OIDC identity), if any. */
  credentials?(trigger: TriggerPlan, target: Target): string | undefined;
}

/** `knativeerrordata` keeps at most this much of the failed response. */
const ERROR_DATA_BYTES = 1024;
const STOP_GRACE_MS = 2000;

export class Broker {
  readonly queue: string;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly counts: Record<DeliveryOutcome, number> = { delivered: 0, retried: 0, dead_lettered: 0, replied: 0, failed: 0 };
  private inflight = 0;
  private pumping = false;
  private again = false;
  private stopped = true;
  private wakeTimer: NodeJS.Timeout | undefined;
  private wakeAt = Infinity;
  private wakeTimes: number[] = [];
  private sweep: NodeJS.Timeout | undefined;
  private readonly running = new Set<Promise<void>>();

  constructor(
    readonly plan: BrokerPlan,
    private readonly deps: BrokerDeps,
  ) {
    this.queue = `broker:${plan.key}`;
    this.leaseMs = deps.leaseMs ?? 10_000;
    this.concurrency = deps.concurrency ?? 32;
  }

  /**
   * Ingress: validate an HTTP CloudEvent, let `authorize` refuse it (by throwing), and queue it;
   * throws `BadRequestError` for an invalid one.
   */
  async ingest(headers: IncomingHttpHeaders, body: Buffer, authorize?: (attrs: Readonly<Record<string, string>>) => void): Promise<number> {
    const event = eventFromHttp(headers, body);
    authorize?.(event.attrs);
    event.attrs.knativearrivaltime ??= new Date().toISOString();
    return this.publish(event, traceOf(headers, event));
  }

  /** Queue `event` for every matching Trigger; resolves once it is durable. Returns the match count. */
  async publish(event: StoredEvent, trace: TraceHeaders): Promise<number> {
    const matching = this.plan.triggers.filter((t) => t.matches(event.attrs));
    if (matching.length === 0) return 0;
    // One atomic enqueue for every matching Trigger: a crash never leaves the event queued for some of them only.
    await this.deps.store.enqueueAll(this.queue, matching.map((trigger) => this.item({ kind: 'event', trigger: trigger.name, event, trace })));
    this.pump();
    return matching.length;
  }

  start(): void {
    this.stopped = false;
    this.sweep = setInterval(() => this.pump(), this.deps.sweepMs ?? 1000);
    this.sweep.unref();
    this.pump();
  }

  /** Stop taking work; deliveries in flight get a short grace, then their leases return them to the queue. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.sweep);
    clearTimeout(this.wakeTimer);
    const grace = new Promise((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref());
    await Promise.race([Promise.allSettled([...this.running]), grace]);
  }

  async stats(): Promise<BrokerStats> {
    return {
      name: this.plan.name,
      namespace: this.plan.namespace,
      queued: await this.deps.store.depth(this.queue),
      inflight: this.inflight,
      delivered: this.counts.delivered,
      retried: this.counts.retried,
      deadLettered: this.counts.dead_lettered,
      replied: this.counts.replied,
      failed: this.counts.failed,
      triggers: this.plan.triggers.map((t) => ({ name: t.name, subscriber: this.deps.urlOf(t.subscriber) })),
    };
  }

  private async enqueue(item: QueuedDelivery, availableAtMs?: number): Promise<void> {
    const { id, payload } = this.item(item);
    await this.deps.store.enqueue(this.queue, id, payload, availableAtMs);
  }

  /** The queue item of a delivery: one per (kind, Trigger, event source and id), so a re-published event is not queued twice. */
  private item(item: QueuedDelivery): { id: string; payload: Json } {
    const key = createHash('sha256').update(item.event.attrs.source ?? '').update('\0').update(item.event.attrs.id ?? '').digest('base64url').slice(0, 24);
    return { id: `${item.kind}:${item.trigger}:${key}`, payload: item as unknown as Json };
  }

  /** Claim and start deliveries until the concurrency limit or the queue runs out. */
  private pump(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    void this.fill()
      .catch((err: unknown) => this.deps.logger.error('broker queue unavailable; retrying', { broker: this.plan.key, err: (err as Error).message }))
      .finally(() => {
        this.pumping = false;
      });
  }

  private async fill(): Promise<void> {
    do {
      this.again = false;
      while (!this.stopped && this.inflight < this.concurrency) {
        const items = await this.deps.store.claim(this.queue, this.concurrency - this.inflight, this.leaseMs);
        if (items.length === 0) break;
        for (const item of items) this.run(item);
      }
    } while (this.again && !this.stopped);
  }

  private run(item: QueueItem): void {
    this.inflight++;
    const task = this.deliver(item)
      .catch((err: unknown) => this.deps.logger.error('delivery failed; the item returns when its lease ends', { broker: this.plan.key, item: item.id, err: (err as Error).message }))
      .finally(() => {
        this.inflight--;
        this.running.delete(task);
        this.pump();
      });
    this.running.add(task);
  }

  private async deliver(item: QueueItem): Promise<void> {
    const queued = item.payload as unknown as QueuedDelivery;
    const trigger = this.plan.triggers.find((t) => t.name === queued.trigger);
    const target = queued.kind === 'event' ? trigger?.subscriber : trigger?.delivery.deadLetterSink;
    if (trigger === undefined || target === undefined) {
      this.deps.logger.warn('dropping a queued delivery whose Trigger or sink is no longer in the manifests', { broker: this.plan.key, item: item.id });
      await this.deps.store.ack(this.queue, item.id);
      return;
    }
    const result = await this.withLease(item.id, () => this.send(target, queued, trigger));
    if (result.ok) await this.succeeded(item, queued, result);
    else if (result.retryable && item.attempts < trigger.delivery.retry) {
      const at = Date.now() + backoffMs(trigger.delivery, item.attempts + 1);
      await this.deps.store.reschedule(this.queue, item.id, at);
      this.wakeUpAt(at);
      this.count('retried');
    } else await this.failed(item, queued, trigger, target, result);
  }

  private async send(target: Target, queued: QueuedDelivery, trigger: TriggerPlan): Promise<SendResult> {
    if (target.kind === 'broker') {
      await this.deps.publishTo(target.broker, queued.event, queued.trace);
      return { ok: true, status: 202, headers: {}, body: Buffer.alloc(0) };
    }
    const message = toBinaryMessage(queued.event);
    Object.assign(message.headers, queued.trace);
    const authorization = this.deps.credentials?.(trigger, target);
    if (authorization !== undefined) message.headers.authorization = authorization;
    return this.deps.sender.send(target, message, trigger.delivery.timeoutMs);
  }

  private async succeeded(item: QueueItem, queued: QueuedDelivery, result: Extract<SendResult, { ok: true }>): Promise<void> {
    if (queued.kind === 'event' && isCloudEventMessage(result.headers)) await this.reply(queued, result);
    await this.deps.store.ack(this.queue, item.id);
    this.count(queued.kind === 'event' ? 'delivered' : 'dead_lettered');
  }

  private async reply(queued: QueuedDelivery, result: Extract<SendResult, { ok: true }>): Promise<void> {
    let reply: StoredEvent;
    try {
      reply = eventFromHttp(result.headers, result.body);
    } catch (err) {
      this.deps.logger.warn('ignoring an invalid reply event', { broker: this.plan.key, trigger: queued.trigger, err: (err as Error).message });
      return;
    }
    // A reply that names no trace of its own continues the trace of the event it answers.
    const trace = traceOf(result.headers, reply);
    await this.publish(reply, trace.traceparent === undefined ? queued.trace : trace);
    this.count('replied');
  }

  private async failed(item: QueueItem, queued: QueuedDelivery, trigger: TriggerPlan, target: Target, result: Extract<SendResult, { ok: false }>): Promise<void> {
    const deadLetterSink = trigger.delivery.deadLetterSink;
    if (queued.kind === 'event' && deadLetterSink !== undefined) {
      const data = result.status === undefined ? Buffer.from(result.error) : result.body.subarray(0, ERROR_DATA_BYTES);
      const extensions: Record<string, string> = { knativeerrordest: this.deps.urlOf(target), knativeerrordata: data.toString('base64') };
      if (result.status !== undefined) extensions.knativeerrorcode = String(result.status);
      await this.enqueue({ kind: 'dead-letter', trigger: trigger.name, event: withExtensions(queued.event, extensions), trace: queued.trace });
      this.pump();
    } else {
      this.count('failed');
      this.deps.logger.error(queued.kind === 'event' ? 'event dropped: delivery failed and the Trigger has no dead-letter sink' : 'dead-letter sink failed; event dropped', {
        broker: this.plan.key,
        trigger: trigger.name,
        type: queued.event.attrs.type,
        id: queued.event.attrs.id,
        status: result.status,
        error: result.error,
      });
    }
    await this.deps.store.ack(this.queue, item.id);
  }

  /** Keep the item leased while `work` runs, so a slow subscriber is not delivered to twice. */
  private async withLease<T>(id: string, work: () => Promise<T>): Promise<T> {
    let renewing: Promise<void> = Promise.resolve();
    const timer = setInterval(() => {
      renewing = this.deps.store.reschedule(this.queue, id, Date.now() + this.leaseMs).catch(() => undefined);
    }, Math.max(50, Math.floor(this.leaseMs / 3)));
    try {
      return await work();
    } finally {
      clearInterval(timer);
      await renewing;
    }
  }

  /** Retries due later wake the dispatcher at their time (the earliest one is armed at a time). */
  private wakeUpAt(at: number): void {
    if (this.stopped) return;
    this.wakeTimes.push(at);
    this.wakeTimes.sort((a, b) => a - b);
    this.armWake();
  }

  private armWake(): void {
    const next = this.wakeTimes[0];
    if (next === undefined || next === this.wakeAt) return;
    clearTimeout(this.wakeTimer);
    this.wakeAt = next;
    this.wakeTimer = setTimeout(() => {
      const now = Date.now();
      while (this.wakeTimes[0] !== undefined && this.wakeTimes[0] <= now) this.wakeTimes.shift();
      this.wakeAt = Infinity;
      this.pump();
      this.armWake();
    }, Math.max(0, next - Date.now()));
    this.wakeTimer.unref();
  }

  private count(outcome: DeliveryOutcome): void {
    this.counts[outcome]++;
    this.deps.metrics.deliveries.inc({ outcome });
  }
}

/**
 * The trace context an event travels with: the HTTP `traceparent`/`tracestate` it came with, else
 * its CloudEvents `traceparent` extension (a structured-mode event carries only that). Every
 * delivery, retry, dead letter and Broker-to-Broker hop of the event sends it on.
 */
function traceOf(headers: IncomingHttpHeaders, event: StoredEvent): TraceHeaders {
  const trace: TraceHeaders = {};
  const traceparent = typeof headers.traceparent === 'string' ? headers.traceparent : event.attrs.traceparent;
  if (traceparent === undefined) return trace;
  trace.traceparent = traceparent;
  const tracestate = typeof headers.traceparent === 'string' ? headers.tracestate : event.attrs.tracestate;
  if (typeof tracestate === 'string') trace.tracestate = tracestate;
  return trace;
}
