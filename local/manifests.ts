/**
 * Reading the `knative/` manifests the way kustomize lists them: `kustomization.yaml`'s
 * `resources` (files and folders, recursively) and its `namespace`. Only the kinds the local
 * platform runs are kept; every other object (Namespace, Secret…) is skipped.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';

/** A manifest the platform cannot run, named by file, object and field. */
export class ManifestError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    message: string,
  ) {
    super(`${file}: ${field}: ${message}`);
    this.name = 'ManifestError';
  }
}

const Name = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a DNS-1123 label');
const StringMap = z.record(z.string(), z.string());

const Metadata = z.looseObject({
  name: Name,
  namespace: Name.optional(),
  labels: StringMap.optional(),
  annotations: StringMap.optional(),
});

export const ObjectRef = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.string(),
  name: Name,
  namespace: Name.optional(),
});
export type ObjectRef = z.infer<typeof ObjectRef>;

export const Destination = z
  .looseObject({ ref: ObjectRef.optional(), uri: z.string().min(1).optional() })
  .refine((d) => d.ref !== undefined || d.uri !== undefined, 'needs a ref or a uri');
export type Destination = z.infer<typeof Destination>;

export const DeliverySpec = z.looseObject({
  retry: z.number().int().min(0).max(100).optional(),
  backoffPolicy: z.enum(['linear', 'exponential']).optional(),
  backoffDelay: z.string().optional(),
  timeout: z.string().optional(),
  deadLetterSink: Destination.optional(),
});
export type DeliverySpec = z.infer<typeof DeliverySpec>;

const EnvVar = z.looseObject({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'must be an environment variable name'),
  value: z.string().optional(),
  valueFrom: z
    .looseObject({ configMapKeyRef: z.looseObject({ name: Name, key: z.string(), optional: z.boolean().optional() }).optional() })
    .optional(),
});

const EnvFromSource = z.looseObject({
  prefix: z.string().optional(),
  configMapRef: z.looseObject({ name: Name, optional: z.boolean().optional() }).optional(),
  secretRef: z.looseObject({ name: Name, optional: z.boolean().optional() }).optional(),
});

const KnativeService = z.looseObject({
  metadata: Metadata,
  spec: z.looseObject({
    template: z.looseObject({
      metadata: z.looseObject({ annotations: StringMap.optional(), labels: StringMap.optional() }).optional(),
      spec: z.looseObject({
        timeoutSeconds: z.number().int().min(1).max(3600).optional(),
        containerConcurrency: z.number().int().min(0).max(1000).optional(),
        containers: z
          .array(z.looseObject({ env: z.array(EnvVar).optional(), envFrom: z.array(EnvFromSource).optional() }))
          .length(1, 'the local platform runs Services with exactly one container'),
      }),
    }),
  }),
});

const Broker = z.looseObject({
  metadata: Metadata,
  spec: z.looseObject({ delivery: DeliverySpec.optional() }).optional(),
});

const Trigger = z.looseObject({
  metadata: Metadata,
  spec: z.looseObject({
    broker: Name,
    filter: z.looseObject({ attributes: StringMap.optional() }).optional(),
    filters: z.array(z.unknown()).optional(),
    subscriber: Destination,
    delivery: DeliverySpec.optional(),
  }),
});

const SinkBinding = z.looseObject({
  metadata: Metadata,
  spec: z.looseObject({
    subject: z
      .looseObject({
        apiVersion: z.string().optional(),
        kind: z.string(),
        name: Name.optional(),
        selector: z.looseObject({ matchLabels: StringMap.optional() }).optional(),
      })
      .refine((s) => s.name !== undefined || s.selector !== undefined, 'needs a name or a selector'),
    sink: Destination,
  }),
});

const PingSource = z.looseObject({
  metadata: Metadata,
  spec: z.looseObject({
    schedule: z.string(),
    timezone: z.string().optional(),
    contentType: z.string().optional(),
    data: z.string().optional(),
    dataBase64: z.string().optional(),
    sink: Destination,
  }),
});

const EventPolicy = z.looseObject({
  metadata: Metadata,
  spec: z.looseObject({
    to: z.array(z.looseObject({ ref: z.looseObject({ apiVersion: z.string().optional(), kind: z.string(), name: Name }).optional(), selector: z.unknown().optional() })).optional(),
    from: z
      .array(z.looseObject({ ref: ObjectRef.optional(), sub: z.string().min(1).optional() }).refine((f) => (f.ref === undefined) !== (f.sub === undefined), 'needs a ref or a sub'))
      .optional(),
    filters: z.array(z.unknown()).optional(),
  }),
});

const ConfigMap = z.looseObject({ metadata: Metadata, data: StringMap.optional() });

/** Where an object came from, for error messages. */
export interface Origin {
  file: string;
  kind: string;
  name: string;
  namespace: string;
}

export type ServiceManifest = z.infer<typeof KnativeService> & { origin: Origin };
export type BrokerManifest = z.infer<typeof Broker> & { origin: Origin };
export type TriggerManifest = z.infer<typeof Trigger> & { origin: Origin };
export type SinkBindingManifest = z.infer<typeof SinkBinding> & { origin: Origin };
export type PingSourceManifest = z.infer<typeof PingSource> & { origin: Origin };
export type ConfigMapManifest = z.infer<typeof ConfigMap> & { origin: Origin };
export type EventPolicyManifest = z.infer<typeof EventPolicy> & { origin: Origin };

/** Every object of the manifests the local platform runs, in the order kustomize lists them. */
export interface Manifests {
  services: ServiceManifest[];
  brokers: BrokerManifest[];
  triggers: TriggerManifest[];
  sinkBindings: SinkBindingManifest[];
  pingSources: PingSourceManifest[];
  configMaps: ConfigMapManifest[];
  eventPolicies: EventPolicyManifest[];
  /** Kustomize features the platform does not apply (patches, generators…), as readable notes. */
  warnings: string[];
}

const KINDS = {
  'serving.knative.dev/Service': ['services', KnativeService],
  'eventing.knative.dev/Broker': ['brokers', Broker],
  'eventing.knative.dev/Trigger': ['triggers', Trigger],
  'sources.knative.dev/SinkBinding': ['sinkBindings', SinkBinding],
  'sources.knative.dev/PingSource': ['pingSources', PingSource],
  '/ConfigMap': ['configMaps', ConfigMap],
  'eventing.knative.dev/EventPolicy': ['eventPolicies', EventPolicy],
} as const satisfies Record<string, readonly [Exclude<keyof Manifests, 'warnings'>, z.ZodType]>;

const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const APPLIED_FIELDS = new Set(['apiVersion', 'kind', 'resources', 'namespace']);

/**
 * Read the kustomization in `dir` (e.g. `knative/`) and every resource it lists. Throws
 * `ManifestError` naming the file and field of the first object that cannot be run.
 */
export function loadManifests(dir: string): Manifests {
  const manifests: Manifests = { services: [], brokers: [], triggers: [], sinkBindings: [], pingSources: [], configMaps: [], eventPolicies: [], warnings: [] };
  readKustomization(dir, undefined, manifests, new Set());
  return manifests;
}

function readKustomization(dir: string, outerNamespace: string | undefined, into: Manifests, seen: Set<string>): void {
  const file = KUSTOMIZATION_FILES.map((f) => path.join(dir, f)).find(isFile);
  if (file === undefined) throw new ManifestError(display(dir), 'kustomization.yaml', 'no kustomization file in this folder');
  if (seen.has(file)) throw new ManifestError(display(file), 'resources', 'includes itself (a cycle)');
  seen.add(file);
  const doc = parseYaml(file)[0];
  const parsed = z
    .looseObject({ resources: z.array(z.string()).optional(), namespace: Name.optional() })
    .safeParse(doc ?? {});
  if (!parsed.success) throw fromZod(file, '', parsed.error);
  for (const key of Object.keys(parsed.data)) {
    if (!APPLIED_FIELDS.has(key)) into.warnings.push(`${display(file)}: "${key}" is not applied by the local platform`);
  }
  const namespace = outerNamespace ?? parsed.data.namespace;
  (parsed.data.resources ?? []).forEach((resource, i) => {
    const target = path.resolve(dir, resource);
    let stat;
    try {
      stat = statSync(target);
    } catch {
      throw new ManifestError(display(file), `resources[${i}]`, `"${resource}" does not exist`);
    }
    if (stat.isDirectory()) readKustomization(target, namespace, into, seen);
    else readResourceFile(target, namespace, into);
  });
}

function readResourceFile(file: string, namespace: string | undefined, into: Manifests): void {
  parseYaml(file).forEach((doc, i) => {
    if (doc === null || doc === undefined) return;
    const head = z.looseObject({ apiVersion: z.string(), kind: z.string() }).safeParse(doc);
    if (!head.success) throw fromZod(file, `document ${i + 1}`, head.error);
    const group = head.data.apiVersion.includes('/') ? head.data.apiVersion.split('/')[0] : '';
    const entry = (KINDS as Record<string, readonly [Exclude<keyof Manifests, 'warnings'>, z.ZodType]>)[`${group}/${head.data.kind}`];
    if (entry === undefined) return;
    const [list, schema] = entry;
    const name = readName(doc);
    const result = schema.safeParse(doc);
    if (!result.success) throw fromZod(file, `${head.data.kind} "${name}"`, result.error);
    const object = result.data as { metadata: { name: string; namespace?: string | undefined } };
    const ns = namespace ?? object.metadata.namespace ?? 'default';
    object.metadata.namespace = ns;
    const origin: Origin = { file: display(file), kind: head.data.kind, name: object.metadata.name, namespace: ns };
    (into[list] as unknown[]).push({ ...object, origin });
  });
}

function parseYaml(file: string): unknown[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ManifestError(display(file), 'file', `cannot be read: ${(err as Error).message}`);
  }
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) return [];
  return docs.map((doc, i) => {
    const error = doc.errors[0];
    if (error !== undefined) {
      const line = error.linePos?.[0].line;
      throw new ManifestError(display(file), `document ${i + 1}${line === undefined ? '' : ` line ${line}`}`, `invalid YAML: ${error.message.split('\n')[0]}`);
    }
    return doc.toJS() as unknown;
  });
}

function readName(doc: unknown): string {
  const metadata = (doc as { metadata?: { name?: unknown } }).metadata;
  return typeof metadata?.name === 'string' ? metadata.name : '?';
}

function fromZod(file: string, what: string, error: z.ZodError): ManifestError {
  const issue = error.issues[0]!;
  const field = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return new ManifestError(display(file), [what, field].filter(Boolean).join(' '), issue.message);
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A path as the developer typed it: relative to the working directory when inside it. */
export function display(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
