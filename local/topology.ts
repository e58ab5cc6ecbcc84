/**
 * What the manifests mean on one machine: each Service's environment, idle window and scale,
 * each Trigger's filter, subscriber and delivery policy, each PingSource's schedule and sink, and
 * the K_SINK a SinkBinding gives its subjects. Every reference is resolved here, so a Trigger
 * naming a missing Service fails at start with the file and field, never at the first event.
 */
import { parseCron, type CronSchedule } from './cron';
import { parseGoDuration, parseIsoDuration } from './durations';
import { FilterError, compileTriggerFilter, type Predicate } from './filters';
import {
  ManifestError,
  type DeliverySpec,
  type Destination,
  type Manifests,
  type Origin,
  type ServiceManifest,
} from './manifests';

/** Where a delivery goes: a Service's path (through the activator), a Broker, or any URL. */
export type Target =
  | { kind: 'service'; service: string; path: string }
  | { kind: 'broker'; broker: string }
  | { kind: 'url'; url: string };

export interface ServicePlan {
  name: string;
  namespace: string;
  /** `K_REVISION`: the first (and only) revision, `<name>-00001`. */
  revision: string;
  /** The container's environment from the manifests (ConfigMaps, then `env`), before local overrides. */
  env: Record<string, string>;
  /** Idle time after which the process is stopped (scale to zero). */
  idleMs: number;
  /** `autoscaling.knative.dev/min-scale`: 1 or more keeps a process running from boot. */
  minScale: number;
  /** `timeoutSeconds`: the longest a request may take. */
  timeoutMs: number;
  /** The revision template's annotations (the autoscaler reads its own from them). */
  annotations: Record<string, string>;
  /** `containerConcurrency`: requests one process takes at once (0: no limit). */
  containerConcurrency: number;
  /** The K_SINK a SinkBinding gives this Service, if any. */
  sink: Target | undefined;
  /** The name of that SinkBinding: the Service sends its events with that SinkBinding's identity. */
  sinkBinding?: string | undefined;
  origin: Origin;
}

export interface DeliveryPolicy {
  /** Retries after the first attempt. */
  retry: number;
  backoffPolicy: 'linear' | 'exponential';
  backoffDelayMs: number;
  /** Longest wait for one attempt's response. */
  timeoutMs: number;
  deadLetterSink: Target | undefined;
}

export interface TriggerPlan {
  name: string;
  namespace: string;
  /** `<namespace>/<name>` of its Broker. */
  broker: string;
  matches: Predicate;
  subscriber: Target;
  delivery: DeliveryPolicy;
  origin: Origin;
}

export interface BrokerPlan {
  /** `<namespace>/<name>`, also the tail of its ingress path `/_/broker/<namespace>/<name>`. */
  key: string;
  name: string;
  namespace: string;
  delivery: DeliveryPolicy;
  triggers: TriggerPlan[];
  origin: Origin;
}

export interface PingPlan {
  name: string;
  namespace: string;
  schedule: CronSchedule;
  contentType: string | undefined;
  data: Buffer;
  sink: Target;
  origin: Origin;
}

export interface Topology {
  services: Map<string, ServicePlan>;
  brokers: Map<string, BrokerPlan>;
  pings: PingPlan[];
  warnings: string[];
}

export interface TopologyOptions {
  /** Idle window of Services without a retention annotation. */
  defaultIdleMs: number;
}

const RETENTION = 'autoscaling.knative.dev/scale-to-zero-pod-retention-period';
const SCALE_DOWN_DELAY = 'autoscaling.knative.dev/scale-down-delay';
const MIN_SCALE = ['autoscaling.knative.dev/min-scale', 'autoscaling.knative.dev/minScale'];
const DEFAULT_DELIVERY: DeliveryPolicy = { retry: 0, backoffPolicy: 'exponential', backoffDelayMs: 200, timeoutMs: 60_000, deadLetterSink: undefined };
const DEFAULT_TIMEOUT_SECONDS = 300;

/** Resolve the manifests into what the platform runs; throws `ManifestError` on any dangling reference. */
export function buildTopology(manifests: Manifests, options: TopologyOptions): Topology {
  const warnings = [...manifests.warnings];
  const services = new Map<string, ServicePlan>();
  for (const svc of manifests.services) {
    const existing = services.get(svc.metadata.name);
    if (existing !== undefined) {
      throw new ManifestError(svc.origin.file, `Service "${svc.metadata.name}" metadata.name`, `also defined in ${existing.origin.file}; the local platform routes /<service>/ so names must be unique`);
    }
    services.set(svc.metadata.name, servicePlan(svc, manifests, options));
  }
  const resolver = new Resolver(services, new Set(manifests.brokers.map((b) => `${b.origin.namespace}/${b.metadata.name}`)));
  const brokers = new Map<string, BrokerPlan>();
  for (const broker of manifests.brokers) {
    const key = `${broker.origin.namespace}/${broker.metadata.name}`;
    if (brokers.has(key)) throw new ManifestError(broker.origin.file, `Broker "${broker.metadata.name}" metadata.name`, 'defined twice');
    const delivery = deliveryPolicy(broker.spec?.delivery, DEFAULT_DELIVERY, broker.origin, 'spec.delivery', resolver);
    brokers.set(key, { key, name: broker.metadata.name, namespace: broker.origin.namespace, delivery, triggers: [], origin: broker.origin });
  }
  for (const trigger of manifests.triggers) {
    const broker = brokers.get(`${trigger.origin.namespace}/${trigger.spec.broker}`);
    if (broker === undefined) throw new ManifestError(trigger.origin.file, `Trigger "${trigger.metadata.name}" spec.broker`, `no Broker "${trigger.spec.broker}" in namespace "${trigger.origin.namespace}"`);
    if (broker.triggers.some((t) => t.name === trigger.metadata.name)) throw new ManifestError(trigger.origin.file, `Trigger "${trigger.metadata.name}" metadata.name`, 'defined twice');
    broker.triggers.push({
      name: trigger.metadata.name,
      namespace: trigger.origin.namespace,
      broker: broker.key,
      matches: triggerFilter(trigger.spec, trigger.origin),
      subscriber: resolver.resolve(trigger.spec.subscriber, trigger.origin, 'spec.subscriber'),
      delivery: trigger.spec.delivery === undefined ? broker.delivery : deliveryPolicy(trigger.spec.delivery, DEFAULT_DELIVERY, trigger.origin, 'spec.delivery', resolver),
      origin: trigger.origin,
    });
  }
  applySinkBindings(manifests, services, resolver);
  const pings = manifests.pingSources.map((ping): PingPlan => {
    let schedule: CronSchedule;
    try {
      schedule = parseCron(ping.spec.schedule, ping.spec.timezone ?? 'UTC');
    } catch (err) {
      throw new ManifestError(ping.origin.file, `PingSource "${ping.metadata.name}" spec.schedule`, (err as Error).message);
    }
    return {
      name: ping.metadata.name,
      namespace: ping.origin.namespace,
      schedule,
      contentType: ping.spec.contentType,
      data: ping.spec.dataBase64 !== undefined ? Buffer.from(ping.spec.dataBase64, 'base64') : Buffer.from(ping.spec.data ?? '', 'utf8'),
      sink: resolver.resolve(ping.spec.sink, ping.origin, 'spec.sink'),
      origin: ping.origin,
    };
  });
  return { services, brokers, pings, warnings };
}

function servicePlan(svc: ServiceManifest, manifests: Manifests, options: TopologyOptions): ServicePlan {
  const name = svc.metadata.name;
  const annotations = { ...svc.metadata.annotations, ...svc.spec.template.metadata?.annotations };
  const at = (field: string) => `Service "${name}" ${field}`;
  const idle = annotations[RETENTION] ?? annotations[SCALE_DOWN_DELAY];
  const idleField = annotations[RETENTION] !== undefined ? RETENTION : SCALE_DOWN_DELAY;
  let idleMs = options.defaultIdleMs;
  if (idle !== undefined) {
    const parsed = parseGoDuration(idle);
    if (parsed === undefined) throw new ManifestError(svc.origin.file, at(`spec.template.metadata.annotations["${idleField}"]`), `"${idle}" is not a duration like 30s, 1m or 1m30s`);
    if (parsed > 0) idleMs = parsed;
  }
  const minScaleKey = MIN_SCALE.find((k) => annotations[k] !== undefined);
  const minScale = minScaleKey === undefined ? 0 : Number(annotations[minScaleKey]);
  if (!Number.isInteger(minScale) || minScale < 0) {
    throw new ManifestError(svc.origin.file, at(`spec.template.metadata.annotations["${minScaleKey}"]`), `"${annotations[minScaleKey!]}" is not a non-negative integer`);
  }
  return {
    name,
    namespace: svc.origin.namespace,
    revision: `${name}-00001`,
    env: containerEnv(svc, manifests),
    idleMs,
    minScale,
    timeoutMs: (svc.spec.template.spec.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    annotations,
    containerConcurrency: svc.spec.template.spec.containerConcurrency ?? 0,
    sink: undefined,
    origin: svc.origin,
  };
}

function containerEnv(svc: ServiceManifest, manifests: Manifests): Record<string, string> {
  const container = svc.spec.template.spec.containers[0]!;
  const base = 'spec.template.spec.containers[0]';
  const at = (field: string) => `Service "${svc.metadata.name}" ${base}.${field}`;
  const configMap = (name: string) => manifests.configMaps.find((c) => c.metadata.name === name && c.origin.namespace === svc.origin.namespace);
  const env: Record<string, string> = {};
  (container.envFrom ?? []).forEach((source, i) => {
    if (source.configMapRef === undefined) return;
    const map = configMap(source.configMapRef.name);
    if (map === undefined) {
      if (source.configMapRef.optional === true) return;
      throw new ManifestError(svc.origin.file, at(`envFrom[${i}].configMapRef.name`), `no ConfigMap "${source.configMapRef.name}" in namespace "${svc.origin.namespace}"`);
    }
    for (const [key, value] of Object.entries(map.data ?? {})) env[`${source.prefix ?? ''}${key}`] = value;
  });
  (container.env ?? []).forEach((variable, i) => {
    if (variable.value !== undefined) return void (env[variable.name] = variable.value);
    const ref = variable.valueFrom?.configMapKeyRef;
    if (ref === undefined) throw new ManifestError(svc.origin.file, at(`env[${i}].valueFrom`), 'only value and valueFrom.configMapKeyRef are supported locally');
    const value = configMap(ref.name)?.data?.[ref.key];
    if (value !== undefined) return void (env[variable.name] = value);
    if (ref.optional !== true) throw new ManifestError(svc.origin.file, at(`env[${i}].valueFrom.configMapKeyRef`), `no key "${ref.key}" in ConfigMap "${ref.name}"`);
  });
  env.FUNCTION_TARGET ??= svc.metadata.name;
  return env;
}

function applySinkBindings(manifests: Manifests, services: Map<string, ServicePlan>, resolver: Resolver): void {
  for (const binding of manifests.sinkBindings) {
    const { subject } = binding.spec;
    const at = `SinkBinding "${binding.metadata.name}" spec.subject`;
    if (subject.kind !== 'Service' || (subject.apiVersion !== undefined && !subject.apiVersion.startsWith('serving.knative.dev/'))) {
      throw new ManifestError(binding.origin.file, `${at}.kind`, `the local platform binds Knative Services only, not ${subject.apiVersion ?? ''} ${subject.kind}`);
    }
    const sink = resolver.resolve(binding.spec.sink, binding.origin, 'spec.sink');
    const wanted = Object.entries(subject.selector?.matchLabels ?? {});
    const selected = [...services.values()].filter((svc) => {
      if (svc.namespace !== binding.origin.namespace) return false;
      if (subject.name !== undefined) return svc.name === subject.name;
      const labels = manifests.services.find((s) => s.metadata.name === svc.name)?.metadata.labels ?? {};
      return wanted.every(([k, v]) => labels[k] === v);
    });
    if (subject.name !== undefined && selected.length === 0) {
      throw new ManifestError(binding.origin.file, `${at}.name`, `no Service "${subject.name}" in namespace "${binding.origin.namespace}"`);
    }
    for (const svc of selected) {
      svc.sink = sink;
      svc.sinkBinding = binding.metadata.name;
    }
  }
}

function triggerFilter(spec: Parameters<typeof compileTriggerFilter>[0], origin: Origin): Predicate {
  try {
    return compileTriggerFilter(spec);
  } catch (err) {
    if (err instanceof FilterError) throw new ManifestError(origin.file, `Trigger "${origin.name}" ${err.field}`, err.message);
    throw err;
  }
}

function deliveryPolicy(spec: DeliverySpec | undefined, fallback: DeliveryPolicy, origin: Origin, field: string, resolver: Resolver): DeliveryPolicy {
  if (spec === undefined) return fallback;
  const at = (f: string) => `${origin.kind} "${origin.name}" ${field}.${f}`;
  const isoMs = (value: string | undefined, f: string, otherwise: number): number => {
    if (value === undefined) return otherwise;
    const ms = parseIsoDuration(value);
    if (ms === undefined) throw new ManifestError(origin.file, at(f), `"${value}" is not an ISO 8601 duration like PT0.2S`);
    return ms;
  };
  return {
    retry: spec.retry ?? fallback.retry,
    backoffPolicy: spec.backoffPolicy ?? fallback.backoffPolicy,
    backoffDelayMs: isoMs(spec.backoffDelay, 'backoffDelay', fallback.backoffDelayMs),
    timeoutMs: isoMs(spec.timeout, 'timeout', fallback.timeoutMs),
    deadLetterSink: spec.deadLetterSink === undefined ? undefined : resolver.resolve(spec.deadLetterSink, origin, `${field}.deadLetterSink`),
  };
}

/** Resolves `ref` + `uri` destinations against the Services and Brokers of the manifests. */
class Resolver {
  constructor(
    private readonly services: Map<string, ServicePlan>,
    private readonly brokers: Set<string>,
  ) {}

  resolve(dest: Destination, origin: Origin, field: string): Target {
    const at = (f: string) => `${origin.kind} "${origin.name}" ${field}.${f}`;
    if (dest.ref === undefined) {
      const uri = dest.uri!;
      if (!/^https?:\/\//.test(uri)) throw new ManifestError(origin.file, at('uri'), `"${uri}" must be an absolute http(s) URL when there is no ref`);
      return { kind: 'url', url: uri };
    }
    const ref = dest.ref;
    const namespace = ref.namespace ?? origin.namespace;
    if (ref.kind === 'Broker' && (ref.apiVersion ?? 'eventing.knative.dev/v1').startsWith('eventing.knative.dev/')) {
      const key = `${namespace}/${ref.name}`;
      if (!this.brokers.has(key)) throw new ManifestError(origin.file, at('ref.name'), `no Broker "${ref.name}" in namespace "${namespace}"`);
      return { kind: 'broker', broker: key };
    }
    if (ref.kind !== 'Service' || (ref.apiVersion !== undefined && !ref.apiVersion.startsWith('serving.knative.dev/'))) {
      throw new ManifestError(origin.file, at('ref.kind'), `the local platform delivers to Knative Services and Brokers, not ${ref.apiVersion ?? ''} ${ref.kind}`);
    }
    const svc = this.services.get(ref.name);
    if (svc === undefined || svc.namespace !== namespace) throw new ManifestError(origin.file, at('ref.name'), `no Service "${ref.name}" in namespace "${namespace}"`);
    return { kind: 'service', service: svc.name, path: relativePath(dest.uri, origin, at('uri')) };
  }
}

function relativePath(uri: string | undefined, origin: Origin, field: string): string {
  if (uri === undefined || uri === '') return '/';
  try {
    const url = new URL(uri, 'http://service.local/');
    if (url.host !== 'service.local') throw new Error('absolute');
    return url.pathname + url.search;
  } catch {
    throw new ManifestError(origin.file, field, `"${uri}" must be a path relative to the ref, e.g. /v1/outbox/flush`);
  }
}
