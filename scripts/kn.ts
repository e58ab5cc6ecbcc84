/**
 * `npm run kn -- <variant>`: the `kn` commands that create what `kubectl apply -k` would, as a
 * bash script on stdout, generated from the rendered manifests so the two cannot disagree.
 * What kn's flags cannot express is said in a comment and applied as YAML: a Service through
 * `kn service apply -f`, anything else through `kubectl apply -f -`. The script checks the kn
 * version first, creates objects after what they refer to (kn resolves every sink before it
 * creates anything), updates what already exists, and runs again on the same namespace.
 *
 *   npm run --silent kn -- dev | bash
 */
import { stringify } from 'yaml';
import { runMain } from './cli';
import { as, Broker, isKind, KnativeService, PingSource, SinkBinding, Trigger, type Container, type Delivery, type Destination, type Probe } from './manifest-model';
import { parseObjects, parseRenderArgs, render, VARIANTS, type KubeObject } from './render';

/**
 * One step of the deployment: a kn command (with, for kinds kn only creates, the `describe` that
 * tells whether it exists and the `update` to run instead), or YAML kubectl applies (only when
 * the cluster has `crd`, for optional CRDs such as the Prometheus Operator's).
 */
export type Step =
  | { kind: 'kn'; argv: string[]; object: KubeObject; stdin?: string; reasons?: string[]; exists?: string[]; update?: string[] }
  | { kind: 'yaml'; objects: KubeObject[]; reasons: string[]; crd?: string };

/** Revision annotations kn sets with a dedicated flag; integer flags only take integers. */
export const SCALE_FLAGS: Readonly<Record<string, { flag: string; integer: boolean }>> = {
  'autoscaling.knative.dev/min-scale': { flag: '--scale-min', integer: true },
  'autoscaling.knative.dev/max-scale': { flag: '--scale-max', integer: true },
  'autoscaling.knative.dev/initial-scale': { flag: '--scale-init', integer: true },
  'autoscaling.knative.dev/target': { flag: '--scale-target', integer: true },
  'autoscaling.knative.dev/target-utilization-percentage': { flag: '--scale-utilization', integer: true },
  'autoscaling.knative.dev/activation-scale': { flag: '--scale-activation', integer: true },
  'autoscaling.knative.dev/metric': { flag: '--scale-metric', integer: false },
  'autoscaling.knative.dev/window': { flag: '--scale-window', integer: false },
};

/** What `--security-context strict` sets on the container (kn's documented meaning). */
/**
 * What `--security-context strict` sets on the container: kn's `DefaultStrictSecCon`
 * (knative/client pkg/flags/podspec_helper.go), RuntimeDefault seccomp included since kn 1.11.
 */
const STRICT: Readonly<Record<string, unknown>> = {
  allowPrivilegeEscalation: false,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

/**
 * The first kn release with each command and flag the script may use, read from knative/client's
 * release tags (`knative-v1.N.0`, pkg/); a flag not listed is as old as its command.
 */
export const KN_SINCE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'service apply': {
    '': '1.0.0',
    '--timeout': '1.4.0',
    '--scale-metric': '1.4.0',
    '--probe-readiness': '1.6.0',
    '--probe-readiness-opts': '1.6.0',
    '--probe-liveness': '1.6.0',
    '--probe-liveness-opts': '1.6.0',
    '--scale-activation': '1.8.0',
    '--security-context': '1.11.0',
  },
  'broker create': { '': '1.0.0', '--dl-sink': '1.5.0', '--retry': '1.5.0', '--backoff-policy': '1.5.0', '--backoff-delay': '1.5.0', '--timeout': '1.5.0', '--retry-after-max': '1.5.0', '--broker-config': '1.6.0' },
  'broker update': { '': '1.5.0' },
  'broker describe': { '': '1.0.0' },
  'trigger create': { '': '1.0.0' },
  'trigger update': { '': '1.0.0' },
  'trigger describe': { '': '1.0.0' },
  'source binding create': { '': '1.0.0' },
  'source binding update': { '': '1.0.0' },
  'source binding describe': { '': '1.0.0' },
  'source ping create': { '': '1.0.0' },
  'source ping update': { '': '1.0.0' },
  'source ping describe': { '': '1.0.0' },
};

const versionParts = (v: string) => v.split('.').map(Number);

/** Whether version a is older than b (both `MAJOR.MINOR.PATCH`). */
export function olderThan(a: string, b: string): boolean {
  const [pa, pb] = [versionParts(a), versionParts(b)];
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) < (pb[i] ?? 0);
  return false;
}

/** The oldest kn that knows a command line's command and every flag on it. */
export function knFloor(argv: readonly string[]): string {
  const words = argv.slice(1).filter((w, i, all) => !w.startsWith('-') && all.slice(0, i).every((p) => !p.startsWith('-')));
  const command = Object.keys(KN_SINCE).find((c) => words.slice(0, c.split(' ').length).join(' ') === c);
  if (command === undefined) throw new Error(`kn command not in KN_SINCE: ${argv.join(' ')}`);
  const since = KN_SINCE[command]!;
  return argv
    .filter((w) => w.startsWith('--'))
    .map((flag) => since[flag] ?? since['']!)
    .reduce((max, v) => (olderThan(max, v) ? v : max), since['']!);
}

const PROBE_OPTIONS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;

/** Whether a JSON value equals another (objects by keys, arrays in order). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

const pairs = (map: Record<string, string> | undefined) => Object.entries(map ?? {}).map(([k, v]) => `${k}=${v}`);
const extraKeys = (obj: object, known: readonly string[]) => Object.keys(obj).filter((k) => !known.includes(k));

/**
 * The kn `--sink`/`--dl-sink` form of a Destination, or undefined when kn cannot say it (a ref
 * with a path, an unknown kind).
 */
export function sinkArg(dest: Destination, namespace: string): string | undefined {
  const { ref, uri } = dest;
  if (ref === undefined) return uri !== undefined && /^https?:\/\//.test(uri) ? uri : undefined;
  if (uri !== undefined || Object.keys(ref).some((k) => !['apiVersion', 'kind', 'name', 'namespace'].includes(k))) return undefined;
  const prefix =
    ref.kind === 'Service' && ref.apiVersion === 'serving.knative.dev/v1'
      ? 'ksvc'
      : ref.kind === 'Broker' && (ref.apiVersion ?? 'eventing.knative.dev/v1') === 'eventing.knative.dev/v1'
        ? 'broker'
        : undefined;
  if (prefix === undefined) return undefined;
  if (ref.namespace !== undefined && ref.namespace !== namespace) return prefix === 'ksvc' ? `ksvc:${ref.name}:${ref.namespace}` : undefined;
  return `${prefix}:${ref.name}`;
}

/** `http:host:port:path` for kn's `--probe-*` flags, with its options, or undefined. */
function probeArgs(flag: '--probe-readiness' | '--probe-liveness', probe: Probe): string[] | undefined {
  const handlers = ['httpGet', 'tcpSocket', 'exec'].filter((h) => probe[h as 'httpGet'] !== undefined);
  if (handlers.length !== 1 || extraKeys(probe, ['httpGet', 'tcpSocket', 'exec', ...PROBE_OPTIONS]).length > 0) return undefined;
  let spec: string | undefined;
  if (probe.httpGet !== undefined) {
    const g = probe.httpGet;
    if (extraKeys(g, ['path', 'port', 'host', 'scheme']).length > 0 || (g.scheme !== undefined && !['HTTP', 'HTTPS'].includes(g.scheme))) return undefined;
    if ([g.host, g.path, String(g.port ?? '')].some((part) => part?.includes(':'))) return undefined;
    spec = `${g.scheme === 'HTTPS' ? 'https' : 'http'}:${g.host ?? ''}:${g.port ?? ''}:${g.path ?? ''}`;
  } else if (probe.tcpSocket !== undefined) {
    const s = probe.tcpSocket;
    if (extraKeys(s, ['port', 'host']).length > 0) return undefined;
    spec = `tcp:${s.host ?? ''}:${s.port ?? ''}`;
  } else if (probe.exec !== undefined && probe.exec.command.every((c) => !c.includes(',') && !c.includes(':'))) {
    spec = `exec:${probe.exec.command.join(',')}`;
  }
  if (spec === undefined) return undefined;
  const opts = PROBE_OPTIONS.filter((o) => probe[o] !== undefined).map((o) => `${o[0]!.toUpperCase()}${o.slice(1)}=${probe[o]}`);
  return [flag, spec, ...(opts.length > 0 ? [`${flag}-opts`, opts.join(',')] : [])];
}

interface ContainerArgs {
  argv: string[];
  /** What the flags cannot say about this container. */
  reasons: string[];
}

function containerArgs(c: Container): ContainerArgs {
  const out: ContainerArgs = { argv: ['--image', c.image], reasons: [] };
  const ports = c.ports ?? [];
  if (ports.length === 1 && extraKeys(ports[0]!, ['name', 'containerPort']).length === 0) {
    out.argv.push('--port', ports[0]!.name === undefined ? String(ports[0]!.containerPort) : `${ports[0]!.name}:${ports[0]!.containerPort}`);
  } else if (ports.length > 0) out.reasons.push('ports beyond one NAME:PORT');
  const env = c.env ?? [];
  if (env.every((e) => e.valueFrom === undefined && extraKeys(e, ['name', 'value']).length === 0)) {
    for (const e of env) out.argv.push('--env', `${e.name}=${e.value ?? ''}`);
  } else out.reasons.push('env values from fields or resources');
  const envFrom = c.envFrom ?? [];
  const fromArg = (f: (typeof envFrom)[number]) =>
    f.prefix === undefined && extraKeys(f, ['configMapRef', 'secretRef']).length === 0
      ? f.configMapRef !== undefined && f.secretRef === undefined && extraKeys(f.configMapRef, ['name']).length === 0
        ? `config-map:${f.configMapRef.name}`
        : f.secretRef !== undefined && f.configMapRef === undefined && extraKeys(f.secretRef, ['name']).length === 0
          ? `secret:${f.secretRef.name}`
          : undefined
      : undefined;
  if (envFrom.every((f) => fromArg(f) !== undefined)) for (const f of envFrom) out.argv.push('--env-from', fromArg(f)!);
  else out.reasons.push('envFrom with prefixes or optional references');
  const resources = c.resources;
  if (resources !== undefined && extraKeys(resources, ['requests', 'limits']).length === 0) {
    if (resources.requests !== undefined) out.argv.push('--request', pairs(resources.requests).join(','));
    if (resources.limits !== undefined) out.argv.push('--limit', pairs(resources.limits).join(','));
  } else if (resources !== undefined) out.reasons.push('resource claims');
  for (const [field, flag] of [['readinessProbe', '--probe-readiness'], ['livenessProbe', '--probe-liveness']] as const) {
    const probe = c[field];
    if (probe === undefined) continue;
    const args = probeArgs(flag, probe);
    if (args !== undefined) out.argv.push(...args);
    else out.reasons.push(`${field} options kn has no flag for`);
  }
  const sc = c.securityContext;
  if (sc === undefined) out.argv.push('--security-context', 'none');
  else if (sameValue(sc, STRICT)) out.argv.push('--security-context', 'strict');
  else {
    const beyond = [...new Set([...Object.keys(sc), ...Object.keys(STRICT)])].filter((k) => !sameValue(sc[k], STRICT[k]));
    out.reasons.push(`securityContext ${beyond.join(', ')} (kn knows only "strict" or "none")`);
  }
  for (const field of extraKeys(c, ['image', 'ports', 'env', 'envFrom', 'resources', 'readinessProbe', 'livenessProbe', 'securityContext'])) {
    out.reasons.push(field === 'name' ? `container name "${String(c.name)}"` : `container ${field}`);
  }
  return out;
}

/**
 * `kn service apply` for a Knative Service: with flags when they say all of it, otherwise with
 * the Service's YAML (`-f`), so that the applied object is the whole manifest. A flag-made
 * Service patched afterwards would lose the patch at the next apply (kn's three-way merge
 * replaces `containers`), and gain a Revision each time.
 */
export function serviceSteps(obj: KubeObject): Step[] {
  const svc = as(KnativeService, obj);
  const { name } = svc.metadata;
  const namespace = svc.metadata.namespace ?? 'default';
  const template = svc.spec.template;
  const containers = template.spec.containers;
  const container = containerArgs(containers[0]!);
  const reasons = [
    ...extraKeys(svc, ['apiVersion', 'kind', 'metadata', 'spec']),
    ...extraKeys(svc.metadata, ['name', 'namespace', 'labels', 'annotations']).map((k) => `metadata.${k}`),
    ...extraKeys(svc.spec, ['template']).map((k) => `spec.${k}`),
    ...extraKeys(template, ['metadata', 'spec']).map((k) => `template.${k}`),
    ...extraKeys(template.metadata ?? {}, ['labels', 'annotations']).map((k) => `template.metadata.${k}`),
    ...extraKeys(template.spec, ['containers', 'containerConcurrency', 'timeoutSeconds']).map((k) => `template.spec.${k}`),
    ...(containers.length > 1 ? ['more than one container'] : container.reasons),
  ];
  const base = ['kn', 'service', 'apply', name, '--namespace', namespace];
  if (reasons.length > 0) return [{ kind: 'kn', argv: [...base, '--filename', '/dev/stdin'], stdin: stringify(obj, { lineWidth: 0 }), object: obj, reasons }];
  const argv = [...base, ...container.argv];
  for (const l of pairs(svc.metadata.labels)) argv.push('--label-service', l);
  for (const a of pairs(svc.metadata.annotations)) argv.push('--annotation-service', a);
  for (const l of pairs(template.metadata?.labels)) argv.push('--label-revision', l);
  for (const [key, value] of Object.entries(template.metadata?.annotations ?? {})) {
    const scale = SCALE_FLAGS[key];
    if (scale !== undefined && (!scale.integer || /^\d+$/.test(value))) argv.push(scale.flag, value);
    else argv.push('--annotation-revision', `${key}=${value}`);
  }
  if (template.spec.containerConcurrency !== undefined) argv.push('--concurrency-limit', String(template.spec.containerConcurrency));
  if (template.spec.timeoutSeconds !== undefined) argv.push('--timeout', String(template.spec.timeoutSeconds));
  return [{ kind: 'kn', argv, object: obj }];
}

/**
 * A kn step for a kind kn only creates: run `update` with the same flags (less those kn cannot
 * change) when `describe` finds the object, `create` otherwise.
 */
function createOrUpdate(obj: KubeObject, command: string[], argv: string[], immutable: readonly string[]): Step {
  const [name, , namespace] = argv.slice(command.length);
  const head = [...command, name!, '--namespace', namespace!];
  const rest = argv.slice(head.length);
  const kept: string[] = [];
  for (let i = 0; i < rest.length; i += 2) if (!immutable.includes(rest[i]!)) kept.push(rest[i]!, rest[i + 1]!);
  const verb = (v: string) => [...command.slice(0, -1), v, name!, '--namespace', namespace!];
  return { kind: 'kn', argv, object: obj, exists: verb('describe'), update: kept.length > 0 ? [...verb('update'), ...kept] : [] };
}
/** Delivery options as `kn broker create` flags, or the reasons kn cannot say them. */
function deliveryArgs(delivery: Delivery | undefined, namespace: string): { argv: string[]; reasons: string[] } {
  const argv: string[] = [];
  const reasons: string[] = [];
  if (delivery === undefined) return { argv, reasons };
  const extra = extraKeys(delivery, ['deadLetterSink', 'retry', 'backoffPolicy', 'backoffDelay', 'timeout', 'retryAfterMax']);
  if (extra.length > 0) reasons.push(`delivery.${extra.join(', delivery.')}`);
  if (delivery.deadLetterSink !== undefined) {
    const sink = sinkArg(delivery.deadLetterSink, namespace);
    if (sink === undefined) reasons.push('a dead-letter sink with a path or an unknown kind');
    else argv.push('--dl-sink', sink);
  }
  if (delivery.retry !== undefined) argv.push('--retry', String(delivery.retry));
  if (delivery.backoffPolicy !== undefined) argv.push('--backoff-policy', delivery.backoffPolicy);
  if (delivery.backoffDelay !== undefined) argv.push('--backoff-delay', delivery.backoffDelay);
  if (delivery.timeout !== undefined) argv.push('--timeout', delivery.timeout);
  if (delivery.retryAfterMax !== undefined) argv.push('--retry-after-max', delivery.retryAfterMax);
  return { argv, reasons };
}

const BROKER_CLASS = 'eventing.knative.dev/broker.class';

/** `kn broker create` (or `update`), or YAML when the Broker says more than kn can. */
export function brokerSteps(obj: KubeObject): Step[] {
  const broker = as(Broker, obj);
  const namespace = broker.metadata.namespace ?? 'default';
  const reasons: string[] = [];
  const argv = ['kn', 'broker', 'create', broker.metadata.name, '--namespace', namespace];
  const annotations = { ...broker.metadata.annotations };
  const brokerClass = annotations[BROKER_CLASS];
  delete annotations[BROKER_CLASS];
  if (brokerClass !== undefined) argv.push('--class', brokerClass);
  if (Object.keys(annotations).length > 0 || broker.metadata.labels !== undefined) reasons.push('labels or annotations other than the broker class');
  const config = broker.spec?.config;
  if (config !== undefined) {
    const prefix = config.kind === 'ConfigMap' ? 'cm' : config.kind === 'Secret' ? 'sc' : undefined;
    if (prefix === undefined || (config.apiVersion ?? 'v1') !== 'v1') reasons.push(`a ${config.kind} broker config`);
    else argv.push('--broker-config', `${prefix}:${config.name}${config.namespace === undefined ? '' : `:${config.namespace}`}`);
  }
  const delivery = deliveryArgs(broker.spec?.delivery, namespace);
  argv.push(...delivery.argv);
  reasons.push(...delivery.reasons, ...extraKeys(broker.spec ?? {}, ['config', 'delivery']).map((k) => `spec.${k}`));
  return reasons.length > 0 ? [{ kind: 'yaml', objects: [obj], reasons }] : [createOrUpdate(obj, ['kn', 'broker', 'create'], argv, ['--class', '--broker-config'])];
}

/** `kn trigger create` for exact attribute filters without delivery options; YAML otherwise. */
export function triggerSteps(obj: KubeObject): Step[] {
  const trigger = as(Trigger, obj);
  const namespace = trigger.metadata.namespace ?? 'default';
  const { spec } = trigger;
  const reasons: string[] = [];
  if (spec.filters !== undefined && spec.filters.length > 0) {
    const dialects = [...new Set(spec.filters.flatMap((f) => Object.keys(f)))];
    reasons.push(`filters (${dialects.join(', ')}): kn --filter is exact attribute matching only`);
  }
  const attributes = Object.entries(spec.filter?.attributes ?? {});
  if (attributes.some(([, v]) => v === '')) reasons.push('an attribute filter matching any value');
  if (spec.delivery !== undefined) reasons.push(`delivery (${Object.keys(spec.delivery).join(', ')}): kn trigger create has no delivery flags`);
  const sink = sinkArg(spec.subscriber, namespace);
  if (sink === undefined) reasons.push('a subscriber with a path or an unknown kind');
  if (trigger.metadata.labels !== undefined || trigger.metadata.annotations !== undefined) reasons.push('labels or annotations');
  reasons.push(...extraKeys(spec, ['broker', 'filter', 'filters', 'subscriber', 'delivery']).map((k) => `spec.${k}`));
  if (reasons.length > 0) return [{ kind: 'yaml', objects: [obj], reasons }];
  const argv = ['kn', 'trigger', 'create', trigger.metadata.name, '--namespace', namespace, '--broker', spec.broker];
  for (const [k, v] of attributes) argv.push('--filter', `${k}=${v}`);
  argv.push('--sink', sink!);
  return [createOrUpdate(obj, ['kn', 'trigger', 'create'], argv, ['--broker'])];
}

/** `kn source binding create` for a label-selected or named subject. */
export function sinkBindingSteps(obj: KubeObject): Step[] {
  const binding = as(SinkBinding, obj);
  const namespace = binding.metadata.namespace ?? 'default';
  const { subject, sink, ceOverrides } = binding.spec;
  const reasons: string[] = [];
  const labels = subject.selector?.matchLabels;
  const extraSelector = subject.selector === undefined ? [] : extraKeys(subject.selector, ['matchLabels']);
  if (extraSelector.length > 0 || (labels === undefined) === (subject.name === undefined)) reasons.push('a subject selected by expressions');
  const sinkText = sinkArg(sink, namespace);
  if (sinkText === undefined) reasons.push('a sink with a path or an unknown kind');
  if (ceOverrides !== undefined && extraKeys(ceOverrides, ['extensions']).length > 0) reasons.push('ceOverrides beyond extensions');
  reasons.push(...extraKeys(binding.spec, ['subject', 'sink', 'ceOverrides']).map((k) => `spec.${k}`));
  if (reasons.length > 0) return [{ kind: 'yaml', objects: [obj], reasons }];
  const target = labels !== undefined ? pairs(labels).join(',') : subject.name!;
  const argv = ['kn', 'source', 'binding', 'create', binding.metadata.name, '--namespace', namespace, '--subject', `${subject.kind}:${subject.apiVersion}:${target}`, '--sink', sinkText!];
  for (const o of pairs(ceOverrides?.extensions)) argv.push('--ce-override', o);
  return [createOrUpdate(obj, ['kn', 'source', 'binding', 'create'], argv, [])];
}

/** `kn source ping create` when the source sends JSON data to a plain sink. */
export function pingSourceSteps(obj: KubeObject): Step[] {
  const ping = as(PingSource, obj);
  const namespace = ping.metadata.namespace ?? 'default';
  const { spec } = ping;
  const reasons: string[] = [];
  const sink = sinkArg(spec.sink, namespace);
  if (sink === undefined) reasons.push(spec.sink.uri !== undefined && spec.sink.ref !== undefined ? `a sink path (${spec.sink.uri}) on its ref: kn --sink takes no path` : 'a sink of an unknown kind');
  if (spec.contentType !== undefined) reasons.push(`contentType ${spec.contentType}: kn has no flag for it`);
  reasons.push(...extraKeys(spec, ['schedule', 'data', 'sink', 'contentType', 'ceOverrides']).map((k) => `spec.${k}`));
  if (reasons.length > 0) return [{ kind: 'yaml', objects: [obj], reasons }];
  const argv = ['kn', 'source', 'ping', 'create', ping.metadata.name, '--namespace', namespace];
  if (spec.schedule !== undefined) argv.push('--schedule', spec.schedule);
  if (spec.data !== undefined) argv.push('--data', spec.data);
  argv.push('--sink', sink!);
  for (const o of pairs(spec.ceOverrides?.extensions)) argv.push('--ce-override', o);
  return [createOrUpdate(obj, ['kn', 'source', 'ping', 'create'], argv, [])];
}


/**
 * Kinds kn creates, in the order the script creates them: kn resolves every `--sink`/`--dl-sink`
 * before it creates anything (pkg/flags/sink/sink.go), so the Services come before the Broker
 * that dead-letters into one of them, and the Broker before what sends to it.
 */
const KN_KINDS: readonly [string, string, (obj: KubeObject) => Step[]][] = [
  ['serving.knative.dev', 'Service', serviceSteps],
  ['eventing.knative.dev', 'Broker', brokerSteps],
  ['sources.knative.dev', 'SinkBinding', sinkBindingSteps],
  ['eventing.knative.dev', 'Trigger', triggerSteps],
  ['sources.knative.dev', 'PingSource', pingSourceSteps],
];

/** API groups whose CRDs a cluster may lack (the Prometheus Operator's): applied only when present. */
export const OPTIONAL_GROUPS: Readonly<Record<string, string>> = { 'monitoring.coreos.com': 'the Prometheus Operator' };

const groupOf = (o: KubeObject) => (o.apiVersion.includes('/') ? o.apiVersion.slice(0, o.apiVersion.lastIndexOf('/')) : '');

/** The CustomResourceDefinition name of a kind: lower-case plural `.` group. */
export const crdName = (o: KubeObject) => `${o.kind.toLowerCase()}s.${groupOf(o)}`;

/**
 * The deployment as steps, in apply order: plain Kubernetes objects (namespace, config, secrets,
 * Redis) as YAML, those of optional CRDs each behind a check, then the Knative objects with kn.
 */
export function knPlan(objects: readonly KubeObject[]): Step[] {
  const handled = (o: KubeObject) => KN_KINDS.some(([g, k]) => isKind(o, g, k));
  const plain = objects.filter((o) => !handled(o) && OPTIONAL_GROUPS[groupOf(o)] === undefined);
  const steps: Step[] = plain.length > 0 ? [{ kind: 'yaml', objects: plain, reasons: [] }] : [];
  const optional = objects.filter((o) => OPTIONAL_GROUPS[groupOf(o)] !== undefined);
  for (const crd of [...new Set(optional.map(crdName))]) steps.push({ kind: 'yaml', objects: optional.filter((o) => crdName(o) === crd), reasons: [], crd });
  for (const [group, kind, toSteps] of KN_KINDS) {
    for (const obj of objects.filter((o) => isKind(o, group, kind))) steps.push(...toSteps(obj));
  }
  return steps;
}

/** The oldest kn the steps run on. */
export function planFloor(steps: readonly Step[]): string {
  return steps
    .flatMap((s) => (s.kind === 'kn' ? [s.argv, ...(s.exists === undefined ? [] : [s.exists]), ...(s.update === undefined || s.update.length === 0 ? [] : [s.update])] : []))
    .map(knFloor)
    .reduce((max, v) => (olderThan(max, v) ? v : max), '1.0.0');
}

export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

function commandText(argv: readonly string[]): string {
  const lines: string[] = [];
  let line = argv.slice(0, 4).map(shellQuote).join(' ');
  for (let i = 4; i < argv.length; i++) {
    const word = shellQuote(argv[i]!);
    if (argv[i]!.startsWith('-') && i > 4) {
      lines.push(line);
      line = `  ${word}`;
    } else line += ` ${word}`;
  }
  lines.push(line);
  return lines.join(' \\\n');
}

/** The steps as a bash script, with a comment on everything kn cannot express. */

const yamlText = (objects: readonly KubeObject[]) => objects.map((o) => stringify(o, { lineWidth: 0 }).trimEnd()).join('\n---\n');

/**
 * Refuse a kn older than `floor` before anything changes. `kn version` prints
 * `Version:      v1.11.0` for a release; a build without a release version only gets a warning.
 */
function versionCheck(floor: string): string[] {
  return [
    `KN_MIN=${floor}`,
    `kn_version=$(kn version | sed -n 's/^Version: *v\\{0,1\\}\\([0-9][0-9]*\\.[0-9][0-9]*\\.[0-9][0-9]*\\).*/\\1/p')`,
    'if [ -z "$kn_version" ]; then',
    '  echo "warning: cannot read a release version from \'kn version\'; this script needs kn $KN_MIN or later" >&2',
    `elif [ "$(printf '%s\\n' "$KN_MIN" "$kn_version" | sort -V | head -n 1)" != "$KN_MIN" ]; then`,
    '  echo "kn $kn_version is too old: this script needs kn $KN_MIN or later (docs/deploy.md)" >&2',
    '  exit 1',
    'fi',
    '',
  ];
}

/** The steps as a bash script, with a comment on everything kn cannot express. */
export function toScript(steps: readonly Step[], source: string): string {
  const out = [`#!/usr/bin/env bash`, `# Generated by scripts/kn.ts from ${source}; regenerate it rather than edit it.`, 'set -euo pipefail', '', ...versionCheck(planFloor(steps))];
  for (const step of steps) {
    if (step.kind === 'yaml') {
      const names = step.objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ');
      out.push(step.reasons.length === 0 ? `# Not Knative objects, so not kn's: ${names}` : `# kn cannot express ${names}: ${step.reasons.join('; ')}`);
      const apply = [`kubectl apply -f - <<'YAML'`, yamlText(step.objects), 'YAML'];
      if (step.crd === undefined) out.push(...apply, '');
      else {
        const owner = OPTIONAL_GROUPS[step.crd.slice(step.crd.indexOf('.') + 1)] ?? 'an optional component';
        out.push(`if kubectl get crd ${step.crd} >/dev/null 2>&1; then`, ...apply, 'else', `  echo "skipped ${names}: the cluster has no ${step.crd} CRD (install ${owner}, then run this again)" >&2`, 'fi', '');
      }
      continue;
    }
    if (step.reasons !== undefined) out.push(`# kn's flags cannot say, for ${step.object.metadata.name}: ${step.reasons.join('; ')}; so kn applies its YAML`);
    const create = step.stdin === undefined ? [commandText(step.argv)] : [`${commandText(step.argv)} <<'YAML'`, step.stdin.trimEnd(), 'YAML'];
    if (step.exists === undefined) out.push(...create, '');
    else {
      const update = step.update === undefined || step.update.length === 0 ? [':'] : [commandText(step.update)];
      if (step.stdin !== undefined) throw new Error(`${step.argv.join(' ')}: a create with stdin cannot sit in an if`);
      out.push(`if ${step.exists.map(shellQuote).join(' ')} >/dev/null 2>&1; then`, ...indent(update), 'else', ...indent(create), 'fi', '');
    }
  }
  return out.join('\n');
}

const indent = (lines: readonly string[]) => lines.flatMap((l) => l.split('\n')).map((l) => `  ${l}`);

function main(argv: string[]): number {
  const args = parseRenderArgs(argv);
  if (typeof args === 'string' || args.secretsOnly) {
    process.stderr.write(`usage: npm run kn -- <${Object.keys(VARIANTS).join('|')}> [--knative <dir>]\n`);
    return 2;
  }
  const yaml = render(args.knativeDir, args.variant, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(toScript(knPlan(parseObjects(yaml)), `kubectl kustomize knative/${VARIANTS[args.variant]}`));
  return 0;
}

if (require.main === module) runMain(main);
