/**
 * PingSources: at every wall-clock minute whose cron schedule matches, send the source's
 * `dev.knative.sources.ping` CloudEvent to its sink, as Knative's ping adapter does.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../shared/logger';
import type { StoredEvent } from './cloudevent';
import type { PingPlan } from './topology';

export const PING_EVENT_TYPE = 'dev.knative.sources.ping';

/** Delivers one PingSource event to its sink; resolves with the sink's status, or rejects. */
export type PingSend = (ping: PingPlan, event: StoredEvent) => Promise<void>;

/** The CloudEvent a PingSource sends when it fires at `time`. */
export function pingEvent(ping: PingPlan, time: Date): StoredEvent {
  const attrs: Record<string, string> = {
    specversion: '1.0',
    id: randomUUID(),
    source: `/apis/v1/namespaces/${ping.namespace}/pingsources/${ping.name}`,
    type: PING_EVENT_TYPE,
    time: time.toISOString(),
  };
  if (ping.contentType !== undefined) attrs.datacontenttype = ping.contentType;
  return { attrs, data: ping.data.toString('base64') };
}

/** Runs every PingSource on its schedule until stopped. */
export class PingScheduler {
  private timer: NodeJS.Timeout | undefined;
  private readonly lastFired = new Map<string, number>();

  constructor(
    private readonly pings: readonly PingPlan[],
    private readonly send: PingSend,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    if (this.pings.length > 0) this.armNextMinute();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Fire every PingSource whose schedule matches the minute of `at` (once per source and minute). */
  tick(at: Date): void {
    const minute = Math.floor(at.getTime() / 60_000);
    for (const ping of this.pings) {
      const key = `${ping.namespace}/${ping.name}`;
      if (!ping.schedule.matches(at) || this.lastFired.get(key) === minute) continue;
      this.lastFired.set(key, minute);
      this.send(ping, pingEvent(ping, at)).catch((err: unknown) =>
        this.logger.warn('PingSource event not delivered', { pingsource: ping.name, err: (err as Error).message }),
      );
    }
  }

  private armNextMinute(): void {
    const now = this.now();
    const next = (Math.floor(now / 60_000) + 1) * 60_000;
    this.timer = setTimeout(() => {
      this.tick(new Date(next));
      this.armNextMinute();
    }, next - now);
    this.timer.unref();
  }
}
