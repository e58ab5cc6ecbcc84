/**
 * The local platform's own Prometheus metrics, on a registry of its own (the functions' registry
 * lives in their processes), served at `/_/metrics`.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type DeliveryOutcome = 'delivered' | 'retried' | 'dead_lettered' | 'replied' | 'failed';

export interface PlatformMetrics {
  registry: Registry;
  coldStarts: Counter<'function'>;
  coldStartDuration: Histogram<'function'>;
  deliveries: Counter<'outcome'>;
  queueDepth: Gauge;
  instances: Gauge<'function'>;
  desiredInstances: Gauge<'function'>;
  eventsRefused: Counter<'route' | 'reason'>;
}

/** Cold starts of a Node process last from a few hundred milliseconds to seconds. */
const COLD_START_BUCKETS = [0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 30];

/** A fresh registry with the platform's metrics; `queueDepth` reads the Broker queue when scraped. */
export function createPlatformMetrics(readQueueDepth: () => Promise<number>): PlatformMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    coldStarts: new Counter({ name: 'tagline_platform_cold_starts_total', help: 'Function processes started by a request or an event (scale from zero)', labelNames: ['function'], registers }),
    coldStartDuration: new Histogram({
      name: 'tagline_platform_cold_start_duration_seconds',
      help: 'Time from a cold start until the function process answered /healthz',
      labelNames: ['function'],
      buckets: COLD_START_BUCKETS,
      registers,
    }),
    deliveries: new Counter({ name: 'tagline_platform_deliveries_total', help: 'Broker deliveries to Trigger subscribers and dead-letter sinks, by outcome', labelNames: ['outcome'], registers }),
    queueDepth: new Gauge({
      name: 'tagline_platform_broker_queue_depth',
      help: 'Deliveries waiting in the Broker queue (including leased ones)',
      registers,
      async collect() {
        this.set(await readQueueDepth());
      },
    }),
    instances: new Gauge({ name: 'tagline_platform_instances', help: 'Ready function processes (instances) of each Service', labelNames: ['function'], registers }),
    desiredInstances: new Gauge({ name: 'tagline_platform_desired_instances', help: "Instances the autoscaler wants for each Service (Knative's KPA decision, within min-scale and max-scale)", labelNames: ['function'], registers }),
    eventsRefused: new Counter({
      name: 'tagline_platform_events_refused_total',
      help: 'Events refused at the Broker ingress or on the way to a consumer for a missing, invalid or not allowed sender token, by route and reason',
      labelNames: ['route', 'reason'],
      registers,
    }),
  };
}
