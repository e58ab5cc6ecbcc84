/**
 * Sending one event to one destination and judging the answer as Knative does: 2xx is done
 * (maybe with a reply event), network errors and the statuses of `shared/retry.ts` are retried,
 * any other status is final. Services are reached through the supervisor, so a delivery cold-starts its
 * subscriber exactly like a request does.
 */
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { isRetryableStatus } from '../shared/retry';
import type { Instance, Supervisor } from './supervisor';
import type { DeliveryPolicy, Target } from './topology';

export type SendResult =
  | { ok: true; status: number; headers: IncomingHttpHeaders; body: Buffer }
  | { ok: false; retryable: boolean; status: number | undefined; body: Buffer; error: string };

export interface OutgoingMessage {
  headers: Record<string, string>;
  body: Buffer;
}

/** Response bodies are kept up to this size (replies; error data for dead letters). */
const MAX_RESPONSE_BYTES = 1024 * 1024;

/** Delay before retry number `n` (1 for the first retry): `delay × 2^n` or `delay × n`. */
export function backoffMs(policy: Pick<DeliveryPolicy, 'backoffPolicy' | 'backoffDelayMs'>, n: number): number {
  return policy.backoffPolicy === 'exponential' ? policy.backoffDelayMs * 2 ** n : policy.backoffDelayMs * n;
}

/** POSTs events to Services (through the supervisor) and URLs, over keep-alive connections. */
export class Sender {
  constructor(
    private readonly supervisor: Supervisor,
    private readonly agent: http.Agent,
  ) {}

  async send(target: Exclude<Target, { kind: 'broker' }>, message: OutgoingMessage, timeoutMs: number): Promise<SendResult> {
    if (target.kind === 'url') return post(new URL(target.url), message, timeoutMs, target.url.startsWith('https:') ? undefined : this.agent);
    const slot = this.supervisor.slot(target.service)!;
    let instance: Instance;
    try {
      instance = await this.supervisor.acquire(slot);
    } catch (err) {
      return { ok: false, retryable: true, status: undefined, body: Buffer.alloc(0), error: (err as Error).message };
    }
    try {
      return await post(new URL(`http://127.0.0.1:${instance.port}${target.path}`), message, timeoutMs, this.agent);
    } finally {
      slot.release(instance);
    }
  }
}

function post(url: URL, message: OutgoingMessage, timeoutMs: number, agent: http.Agent | undefined): Promise<SendResult> {
  return new Promise((resolve) => {
    const client = url.protocol === 'https:' ? https : http;
    const headers = { ...message.headers, 'content-length': String(message.body.length), prefer: 'reply' };
    const req = client.request(url, { method: 'POST', headers, agent, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size < MAX_RESPONSE_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      res.on('error', (err) => resolve({ ok: false, retryable: true, status: res.statusCode, body: Buffer.concat(chunks), error: err.message }));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        const body = Buffer.concat(chunks);
        if (status >= 200 && status < 300) resolve({ ok: true, status, headers: res.headers, body });
        else resolve({ ok: false, retryable: isRetryableStatus(status), status, body, error: `HTTP ${status}` });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no response within ${timeoutMs} ms`)));
    req.on('error', (err) => resolve({ ok: false, retryable: true, status: undefined, body: Buffer.alloc(0), error: err.message }));
    req.end(message.body);
  });
}
