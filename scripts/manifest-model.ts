/**
 * Typed views of the rendered Knative objects the deploy scripts read (kn commands, checks).
 * Objects stay loose: fields not named here are kept, so a caller can still see (and report)
 * everything a manifest says.
 */
import { z } from 'zod';
import type { KubeObject } from './render';

const StringMap = z.record(z.string(), z.string());

export const ObjectMeta = z.looseObject({
  name: z.string(),
  namespace: z.string().optional(),
  labels: StringMap.optional(),
  annotations: StringMap.optional(),
});

export const KReference = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.string(),
  name: z.string(),
  namespace: z.string().optional(),
});
export type KReference = z.infer<typeof KReference>;

export const Destination = z.looseObject({ ref: KReference.optional(), uri: z.string().optional() });
export type Destination = z.infer<typeof Destination>;

export const Delivery = z.looseObject({
  deadLetterSink: Destination.optional(),
  retry: z.number().int().optional(),
  backoffPolicy: z.string().optional(),
  backoffDelay: z.string().optional(),
  timeout: z.string().optional(),
  retryAfterMax: z.string().optional(),
});
export type Delivery = z.infer<typeof Delivery>;

export const EnvVar = z.looseObject({ name: z.string(), value: z.string().optional(), valueFrom: z.unknown().optional() });
export const EnvFrom = z.looseObject({
  configMapRef: z.looseObject({ name: z.string() }).optional(),
  secretRef: z.looseObject({ name: z.string() }).optional(),
  prefix: z.string().optional(),
});

export const Probe = z.looseObject({
  httpGet: z.looseObject({ path: z.string().optional(), port: z.union([z.number(), z.string()]).optional(), host: z.string().optional(), scheme: z.string().optional() }).optional(),
  tcpSocket: z.looseObject({ port: z.union([z.number(), z.string()]).optional(), host: z.string().optional() }).optional(),
  exec: z.looseObject({ command: z.array(z.string()) }).optional(),
  initialDelaySeconds: z.number().optional(),
  periodSeconds: z.number().optional(),
  timeoutSeconds: z.number().optional(),
  successThreshold: z.number().optional(),
  failureThreshold: z.number().optional(),
});
export type Probe = z.infer<typeof Probe>;

export const Container = z.looseObject({
  name: z.string().optional(),
  image: z.string(),
  ports: z.array(z.looseObject({ name: z.string().optional(), containerPort: z.number() })).optional(),
  env: z.array(EnvVar).optional(),
  envFrom: z.array(EnvFrom).optional(),
  resources: z.looseObject({ requests: StringMap.optional(), limits: StringMap.optional() }).optional(),
  readinessProbe: Probe.optional(),
  livenessProbe: Probe.optional(),
  securityContext: z.record(z.string(), z.unknown()).optional(),
});
export type Container = z.infer<typeof Container>;

/** The extension attributes a source adds to every event it sends. */
const CeOverrides = z.looseObject({ extensions: StringMap.optional() });

/** A Kubernetes object of one `apiVersion` and `kind`: its metadata and its `spec`. */
function kubeObject<A extends string, K extends string, S extends z.ZodType>(apiVersion: A, kind: K, spec: S) {
  return z.looseObject({ apiVersion: z.literal(apiVersion), kind: z.literal(kind), metadata: ObjectMeta, spec });
}

export const KnativeService = kubeObject('serving.knative.dev/v1', 'Service', z.looseObject({
  template: z.looseObject({
    metadata: z.looseObject({ labels: StringMap.optional(), annotations: StringMap.optional() }).optional(),
    spec: z.looseObject({
      containers: z.array(Container).min(1),
      containerConcurrency: z.number().optional(),
      timeoutSeconds: z.number().optional(),
    }),
  }),
}));
export type KnativeService = z.infer<typeof KnativeService>;

export const Broker = kubeObject('eventing.knative.dev/v1', 'Broker', z.looseObject({ config: KReference.optional(), delivery: Delivery.optional() }).optional());
export type Broker = z.infer<typeof Broker>;

export const Trigger = kubeObject('eventing.knative.dev/v1', 'Trigger', z.looseObject({
  broker: z.string(),
  filter: z.looseObject({ attributes: StringMap.optional() }).optional(),
  filters: z.array(z.record(z.string(), z.unknown())).optional(),
  subscriber: Destination,
  delivery: Delivery.optional(),
}));
export type Trigger = z.infer<typeof Trigger>;

export const SinkBinding = kubeObject('sources.knative.dev/v1', 'SinkBinding', z.looseObject({
  subject: z.looseObject({
    apiVersion: z.string(),
    kind: z.string(),
    name: z.string().optional(),
    selector: z.looseObject({ matchLabels: StringMap.optional() }).optional(),
  }),
  sink: Destination,
  ceOverrides: CeOverrides.optional(),
}));
export type SinkBinding = z.infer<typeof SinkBinding>;

export const PingSource = kubeObject('sources.knative.dev/v1', 'PingSource', z.looseObject({
  schedule: z.string().optional(),
  timezone: z.string().optional(),
  contentType: z.string().optional(),
  data: z.string().optional(),
  dataBase64: z.string().optional(),
  sink: Destination,
  ceOverrides: CeOverrides.optional(),
}));
export type PingSource = z.infer<typeof PingSource>;

/** Parse an object with a schema, naming the object and field when it does not fit. */
export function as<T>(schema: z.ZodType<T>, obj: KubeObject): T {
  const parsed = schema.safeParse(obj);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${obj.kind}/${obj.metadata.name}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
}

/** Whether an object is of this group and kind. */
export function isKind(obj: KubeObject, group: string, kind: string): boolean {
  const slash = obj.apiVersion.lastIndexOf('/');
  return obj.kind === kind && (slash < 0 ? '' : obj.apiVersion.slice(0, slash)) === group;
}
