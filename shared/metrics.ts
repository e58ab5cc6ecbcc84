import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The one Prometheus registry of a function process. Every metric name used anywhere is listed
 * in docs/telemetry.md; a test holds code, dashboards and that catalogue together.
 */
export const registry = new Registry();

let configured = false;

/**
 * Label every series with the function and revision (Knative's `K_SERVICE` / `K_REVISION`) and
 * start the process metrics (memory, CPU, event-loop lag). Idempotent.
 */
export function configureMetrics(service: string, revision: string): void {
  if (configured) return;
  configured = true;
  registry.setDefaultLabels({ function: service, revision });
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  subscribe(RESPONSE_FINISHED, noteFirstResponse);
}

/** Latency buckets in seconds, fine below 10 ms where ad decisions live. */
export const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export function counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
  return new Counter({ name, help, labelNames, registers: [registry] });
}

/**
 * Start each label set of `c` at zero, so the first event of a label set during a process's life
 * shows in `increase()`, which cannot see a series that appears already at 1. (An event that
 * started the process is counted before the first scrape either way: the alert rules catch those
 * with `… or (x unless x offset …)`.)
 */
export function zeroed<L extends string>(c: Counter<L>, labelSets: readonly Partial<Record<L, string>>[]): Counter<L> {
  for (const labels of labelSets) c.inc(labels, 0);
  return c;
}

export function gauge<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
  return new Gauge({ name, help, labelNames, registers: [registry] });
}

export function histogram<L extends string>(
  name: string,
  help: string,
  labelNames: readonly L[] = [],
  buckets: number[] = LATENCY_BUCKETS,
): Histogram<L> {
  return new Histogram({ name, help, labelNames, buckets, registers: [registry] });
}

/** RED metrics of every HTTP request, recorded by the wrapper only (route is the pattern, never the URL). */
export const httpRequestDuration = histogram(
  'http_server_request_duration_seconds',
  'Duration of HTTP requests served by the function, by route pattern and status code',
  ['method', 'route', 'status'],
);

/**
 * The process's share of a cold start: seconds from process start until its first HTTP answer
 * (the readiness probe on a cluster, the platform's `/healthz` poll locally). Set once per
 * process, so it works wherever the process runs, unlike the local platform's own metrics.
 */
export const startupDuration = gauge('tagline_startup_duration_seconds', 'Seconds from process start until the function answered its first HTTP request, set once');

const RESPONSE_FINISHED = 'http.server.response.finish';

function noteFirstResponse(): void {
  unsubscribe(RESPONSE_FINISHED, noteFirstResponse);
  startupDuration.set(process.uptime());
}
