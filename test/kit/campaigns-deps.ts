/**
 * Test set-up for the campaigns function: a real in-memory SQLite store, an emitter that records
 * what would go to the Broker, requests built without a server, and a valid campaign to vary.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { loadConfig } from '../../shared/config';
import type { TaglineEvent } from '../../shared/events';
import type { Method, Request } from '../../shared/http';
import { createLogger } from '../../shared/logger';
import { openStore } from '../../shared/store';
import type { Principal } from '../../shared/auth';
import type { Deps } from '../../functions/campaigns/deps';

export const ADMIN_KEY = 'admin-key-for-tests-0123456789';
export const ADMIN: Principal = { role: 'admin' };
/** The network limits the tests run under: the defaults of `loadConfig`. */
export const TEST_LIMITS = loadConfig({}).campaignLimits;

/** An advertiser principal, as `authenticate` returns for one of its keys. */
export function advertiser(name: string): Principal {
  return { role: 'advertiser', advertiser: name, keyId: '0000000000000000' };
}

export interface TestDeps extends Deps {
  emitter: { events: TaglineEvent[]; emit(event: TaglineEvent): void };
  /** Log lines written so far. */
  logs: string[];
}

/** Dependencies over a fresh in-memory store (`null`: no admin key configured); close `store` when the test ends. */
export async function openTestDeps(adminKey: string | null = ADMIN_KEY): Promise<TestDeps> {
  const events: TaglineEvent[] = [];
  const logs: string[] = [];
  return {
    store: await openStore('sqlite::memory:'),
    emitter: { events, emit: (event) => events.push(event) },
    config: { adminKey: adminKey ?? undefined, campaignLimits: TEST_LIMITS },
    logger: createLogger('campaigns', 'debug', (line) => logs.push(line)),
    logs,
  };
}

/** A request as the HTTP wrapper hands it to a handler; an object body is sent as JSON. */
export function request(
  method: Method,
  path: string,
  init: { body?: unknown; params?: Record<string, string>; query?: string; headers?: IncomingHttpHeaders } = {},
): Request {
  const { body } = init;
  const raw = body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  return {
    method,
    path,
    params: init.params ?? {},
    query: new URLSearchParams(init.query ?? ''),
    headers: { ...(raw.length > 0 ? { 'content-type': 'application/json' } : {}), ...init.headers },
    body: raw,
    ip: '127.0.0.1',
  };
}

/** The example campaign of ARCHITECTURE §3, as a client would POST it (a fresh copy each call). */
export function campaignBody(advertiserId = 'adv-sport'): Record<string, unknown> {
  return {
    name: 'Spring running shoes',
    advertiser: advertiserId,
    status: 'active',
    priority: 'standard',
    pricing: { model: 'cpm', amount: 2.5, currency: 'EUR' },
    budget: { total: 5000, daily: 250 },
    pacing: 'even',
    schedule: { start: '2026-03-01T00:00:00Z', end: '2026-05-31T23:59:59Z' },
    frequencyCap: { impressions: 3, windowSeconds: 86400 },
    targeting: {
      publishers: ['pub-demo'],
      countries: ['ES', 'FR'],
      devices: ['mobile'],
      formats: ['in-image'],
      categories: { include: ['483'], exclude: [] },
      keywords: ['running'],
      brandSafety: 'strict',
    },
    creatives: [
      { id: 'shoe-640', format: 'in-image', width: 640, height: 120, imageUrl: 'https://cdn.example/shoe.png', landingUrl: 'https://shop.example/shoes' },
    ],
  };
}

/** The field paths a 400 named, from its `details.errors`. */
export function failedPaths(err: unknown): string[] {
  const errors = (err as { details?: { errors?: { path: string }[] } }).details?.errors ?? [];
  return errors.map((e) => e.path);
}
