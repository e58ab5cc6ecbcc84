import type { AdRequest } from '../functions/ad-decision/contract';
import type { PageInfo } from './page';
import type { ConsentState, Placement } from './types';
import { randomHex } from './util';

/** The ad request's body limit is 16 KiB; stay clear of it whatever the page's script. */
const MAX_BODY_BYTES = 15 * 1024;

/** Assemble the request; the article text is shortened until the body fits the limit. */
export function buildRequest(publisher: string, page: PageInfo, placements: Placement[], consent: ConsentState, userId: string | undefined): string {
  const body: AdRequest = {
    publisher,
    page: { ...page },
    slots: placements.map((p) => ({ id: p.id, format: p.format, width: p.width, height: p.height })),
    device: { type: deviceType() },
  };
  if (userId !== undefined) body.user = { id: userId };
  if (consent.consent !== undefined) body.consent = consent.consent;
  let json = JSON.stringify(body);
  while (byteLength(json) > MAX_BODY_BYTES && body.page.text !== undefined && body.page.text.length > 0) {
    body.page.text = body.page.text.slice(0, Math.floor(body.page.text.length / 2));
    json = JSON.stringify(body);
  }
  return json;
}

/** A W3C `traceparent` starting a new sampled trace: the ad's trace begins in the browser. */
export function newTraceparent(): string {
  return `00-${randomHex(16)}-${randomHex(8)}-01`;
}

/**
 * POST the request and return the parsed JSON answer, or undefined on any failure: a network
 * error, a non-200 status, a body that is not JSON, or no answer within `timeoutMs`.
 */
export async function fetchAds(endpoint: string, body: string, timeoutMs: number): Promise<unknown> {
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  const timer = setTimeout(() => controller?.abort(), timeoutMs);
  try {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: newTraceparent() },
      body,
      keepalive: false,
      credentials: 'omit',
      signal: controller?.signal,
    });
    if (res.status !== 200) return undefined;
    return (await res.json()) as unknown;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

function deviceType(): 'desktop' | 'mobile' | 'tablet' {
  const ua = navigator.userAgent;
  if (/iPad|Tablet/i.test(ua) || (/Android/i.test(ua) && !/Mobile/i.test(ua))) return 'tablet';
  if (/Mobi|iPhone|iPod/i.test(ua)) return 'mobile';
  return 'desktop';
}

function byteLength(s: string): number {
  return typeof TextEncoder === 'function' ? new TextEncoder().encode(s).length : s.length * 3;
}
