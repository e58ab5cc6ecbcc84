import { randomUUID } from 'node:crypto';
import { EVENT_TYPES, newEvent, toBinary, type TaglineEvent } from '../../shared/events';
import type { AdEventData } from '../../shared/events';

export type AdType = typeof EVENT_TYPES.impression | typeof EVENT_TYPES.viewable | typeof EVENT_TYPES.click;

/** The data of an ad event: a CPM impression of 2.50 EUR (2500 micros) of `camp-1`'s `creative-1` on pub-demo, served and occurring now, unless overridden. */
export function adEventData(overrides: Partial<AdEventData> = {}): AdEventData {
  const now = new Date().toISOString();
  return {
    impressionId: randomUUID(),
    campaign: 'camp-1',
    creative: 'creative-1',
    publisher: 'pub-demo',
    advertiser: 'adv-1',
    slot: 'hero',
    format: 'in-image',
    priceMicros: 2500,
    currency: 'EUR',
    model: 'cpm',
    servedAt: now,
    occurredAt: now,
    ...overrides,
  };
}

/** An ad event as track emits it: a CPM impression of 2.50 EUR (2500 micros) unless overridden. */
export function adEvent<T extends AdType = typeof EVENT_TYPES.impression>(type: T = EVENT_TYPES.impression as T, data: Partial<AdEventData> = {}, id?: string): TaglineEvent<T> {
  const full = adEventData({ ...(type === EVENT_TYPES.viewable ? { priceMicros: 0 } : {}), ...data });
  const prefix = type === EVENT_TYPES.impression ? 'imp' : type === EVENT_TYPES.viewable ? 'view' : 'click';
  return newEvent<T>(type, '/track', full as TaglineEvent<T>['data'], id ?? `${prefix}:${full.impressionId}`);
}

/** POST `event` to a consumer in binary mode, as a Trigger delivers it; resolves to the response. */
export async function deliver(url: string, event: TaglineEvent): Promise<{ status: number; body: string; contentType: string | null }> {
  const { headers, body } = toBinary(event);
  return post(url, headers, body);
}

/** POST raw headers and body (for malformed deliveries). */
export async function post(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string; contentType: string | null }> {
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, body: await res.text(), contentType: res.headers.get('content-type') };
}

/** Deliver until the consumer acknowledges (2xx), as Knative's retries would; returns the statuses seen. */
export async function deliverUntilAcked(url: string, event: TaglineEvent, timeoutMs = 15_000): Promise<number[]> {
  const statuses: number[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { status } = await deliver(url, event).catch(() => ({ status: 0 }));
    statuses.push(status);
    if (status >= 200 && status < 300) return statuses;
    if ((status >= 400 && status < 500 && status !== 429) || Date.now() > deadline) throw new Error(`not acknowledged: ${statuses.join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A counter's value in a Prometheus text exposition, summed over series matching `labels`. */
export async function metricValue(baseUrl: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}
