import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTP, type CloudEventV1 } from 'cloudevents';

/** A subscriber of the stand-in: like a Trigger filtering on exact types. */
export interface Subscription {
  url: string;
  types: readonly string[];
}

interface Received {
  headers: Record<string, string>;
  body: string;
  event: CloudEventV1<unknown>;
}

/**
 * A small real HTTP Broker for tests: it accepts CloudEvents (binary or structured) with 202,
 * records them, and delivers each to the subscriptions whose types match, retrying network
 * errors, 429 and 5xx as Knative does. It can be stopped (connections refused) and started again
 * on the same port, to play a Broker outage.
 */
export class BrokerStandIn {
  readonly received: Received[] = [];
  /** Deliveries a subscriber refused with a non-retryable status. */
  readonly rejected: { url: string; status: number; id: string }[] = [];
  private server: http.Server | undefined;
  private readonly deliveries = new Set<Promise<void>>();

  private constructor(
    private readonly subscriptions: readonly Subscription[],
    private port: number,
  ) {}

  static async start(subscriptions: readonly Subscription[] = []): Promise<BrokerStandIn> {
    const broker = new BrokerStandIn(subscriptions, 0);
    await broker.start();
    return broker;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  /** Events received, optionally of one type. */
  events(type?: string): CloudEventV1<unknown>[] {
    return this.received.map((r) => r.event).filter((e) => type === undefined || e.type === type);
  }

  async start(): Promise<void> {
    const server = http.createServer((req, res) => this.accept(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Wait until every delivery started so far has finished. */
  async settled(): Promise<void> {
    while (this.deliveries.size > 0) await Promise.all([...this.deliveries]);
  }

  private accept(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      let event: CloudEventV1<unknown>;
      try {
        const parsed = HTTP.toEvent<unknown>({ headers, body });
        if (Array.isArray(parsed)) throw new Error('batch');
        event = parsed;
      } catch {
        res.writeHead(400).end();
        return;
      }
      this.received.push({ headers, body, event });
      for (const sub of this.subscriptions) {
        if (!sub.types.includes(event.type)) continue;
        const p = this.deliver(sub.url, headers, body, event.id).finally(() => this.deliveries.delete(p));
        this.deliveries.add(p);
      }
      res.writeHead(202).end();
    });
  }

  private async deliver(url: string, headers: Record<string, string>, body: string, id: string): Promise<void> {
    const forward: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers)) if (k.startsWith('ce-') || k === 'content-type' || k === 'traceparent') forward[k] = v;
    for (let attempt = 0; attempt < 40; attempt++) {
      try {
        const res = await fetch(url, { method: 'POST', headers: forward, body });
        await res.arrayBuffer();
        if (res.ok) return;
        if (res.status < 500 && res.status !== 429 && res.status !== 404 && res.status !== 408 && res.status !== 409) {
          this.rejected.push({ url, status: res.status, id });
          return;
        }
      } catch {
        // subscriber not reachable: retried
      }
      await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
    }
    this.rejected.push({ url, status: 0, id });
  }
}
