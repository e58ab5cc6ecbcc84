/**
 * `npm run kn -- <variant>`: the `kn` commands that create what `kubectl apply -k` would, as a
 * bash script on stdout, generated from the rendered manifests so the two cannot disagree.
 * What kn cannot express is said in a comment and applied as YAML (`kubectl apply -f -`), or,
 * for a Service, patched onto the Service kn created (`kubectl patch ksvc --type=json`).
 *
 *   npm run --silent kn -- dev | bash
 */
import { stringify } from 'yaml';
import { runMain } from './cli';
import { as, Broker, isKind, KnativeService, PingSource, SinkBinding, Trigger, type Container, type Delivery, type Destination, type Probe } from './manifest-model';
import { parseObjects, parseRenderArgs, render, VARIANTS, type KubeObject } from './render';

/** One step of the deployment: a kn command, a patch after it, or YAML kubectl applies. */
export type Step =
  | { kind: 'kn'; argv: string[]; object: KubeObject }
  | { kind: 'patch'; argv: string[]; object: KubeObject; reasons: string[] }
  | { kind: 'yaml'; objects: KubeObject[]; reasons: string[] };

/** A JSON Patch operation (RFC 6902) as `kubectl patch --type=json` takes it. */
export interface PatchOp {
  op: 'add';
  path: string;
  value: unknown;
}

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
const STRICT: Readonly<Record<string, unknown>> = { runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };

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
  residual: PatchOp[];
  reasons: string[];
}

const C0 = '/spec/template/spec/containers/0';

function containerArgs(c: Container): ContainerArgs {
  const out: ContainerArgs = { argv: ['--image', c.image], residual: [], reasons: [] };
  const keep = (field: string, value: unknown, reason: string) => {
    out.residual.push({ op: 'add', path: `${C0}/${field}`, value });
    out.reasons.push(reason);
  };
  const ports = c.ports ?? [];
  if (ports.length === 1 && extraKeys(ports[0]!, ['name', 'containerPort']).length === 0) {
    out.argv.push('--port', ports[0]!.name === undefined ? String(ports[0]!.containerPort) : `${ports[0]!.name}:${ports[0]!.containerPort}`);
  } else if (ports.length > 0) keep('ports', ports, 'ports beyond one NAME:PORT');
  const env = c.env ?? [];
  if (env.every((e) => e.valueFrom === undefined && extraKeys(e, ['name', 'value']).length === 0)) {
    for (const e of env) out.argv.push('--env', `${e.name}=${e.value ?? ''}`);
  } else keep('env', env, 'env values from fields or resources');
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
  else keep('envFrom', envFrom, 'envFrom with prefixes or optional references');
  const resources = c.resources;
  if (resources !== undefined && extraKeys(resources, ['requests', 'limits']).length === 0) {
    if (resources.requests !== undefined) out.argv.push('--request', pairs(resources.requests).join(','));
    if (resources.limits !== undefined) out.argv.push('--limit', pairs(resources.limits).join(','));
  } else if (resources !== undefined) keep('resources', resources, 'resource claims');
  for (const [field, flag] of [['readinessProbe', '--probe-readiness'], ['livenessProbe', '--probe-liveness']] as const) {
    const probe = c[field];
    if (probe === undefined) continue;
    const args = probeArgs(flag, probe);
    if (args !== undefined) out.argv.push(...args);
    else keep(field, probe, `${field} options kn has no flag for`);
  }
  const sc = c.securityContext;
  const strict = sc !== undefined && Object.entries(STRICT).every(([k, v]) => sameValue(sc[k], v));
  out.argv.push('--security-context', strict ? 'strict' : 'none');
  if (sc !== undefined && !sameValue(sc, STRICT)) {
    const beyond = strict ? Object.keys(sc).filter((k) => !(k in STRICT)) : Object.keys(sc);
    keep('securityContext', sc, `securityContext ${beyond.join(', ')} (kn knows only "strict" or "none")`);
  }
  const extra = extraKeys(c, ['image', 'ports', 'env', 'envFrom', 'resources', 'readinessProbe', 'livenessProbe', 'securityContext']);
  for (const field of extra) keep(field, (c as Record<string, unknown>)[field], field === 'name' ? `container name "${String(c.name)}"` : `container ${field}`);
  return out;
}

/** `kn service apply` for a Knative Service, plus a JSON patch for what kn cannot set. */
export function serviceSteps(obj: KubeObject): Step[] {
  const svc = as(KnativeService, obj);
  const { name } = svc.metadata;
  const namespace = svc.metadata.namespace ?? 'default';
  const template = svc.spec.template;
  const containers = template.spec.containers;
  const unexpressible = [
    ...extraKeys(svc, ['apiVersion', 'kind', 'metadata', 'spec']),
    ...extraKeys(svc.metadata, ['name', 'namespace', 'labels', 'annotations']).map((k) => `metadata.${k}`),
    ...extraKeys(svc.spec, ['template']).map((k) => `spec.${k}`),
    ...extraKeys(template, ['metadata', 'spec']).map((k) => `template.${k}`),
    ...(containers.length > 1 ? ['more than one container'] : []),
  ];
  if (unexpressible.length > 0) return [{ kind: 'yaml', objects: [obj], reasons: unexpressible }];

  const argv = ['kn', 'service', 'apply', name, '--namespace', namespace];
  const container = containerArgs(containers[0]!);
  argv.push(...container.argv);
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
  const residual = [...container.residual];
  const reasons = [...container.reasons];
  for (const key of extraKeys(template.metadata ?? {}, ['labels', 'annotations'])) {
    residual.push({ op: 'add', path: `/spec/template/metadata/${key}`, value: (template.metadata as Record<string, unknown>)[key] });
    reasons.push(`template.metadata.${key}`);
  }
  for (const key of extraKeys(template.spec, ['containers', 'containerConcurrency', 'timeoutSeconds'])) {
    residual.push({ op: 'add', path: `/spec/template/spec/${key}`, value: (template.spec as Record<string, unknown>)[key] });
    reasons.push(`template.spec.${key}`);
  }
  const steps: Step[] = [{ kind: 'kn', argv, object: obj }];
  if (residual.length > 0) {
    steps.push({ kind: 'patch', argv: ['kubectl', 'patch', 'ksvc', name, '--namespace', namespace, '--type=json', '-p', JSON.stringify(residual)], object: obj, reasons });
  }
  return steps;
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

/** `kn broker create`, or YAML when the Broker says more than kn can. */
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
  return reasons.length > 0 ? [{ kind: 'yaml', objects: [obj], reasons }] : [{ kind: 'kn', argv, object: obj }];
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
  return [{ kind: 'kn', argv, object: obj }];
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
  return [{ kind: 'kn', argv, object: obj }];
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
  return [{ kind: 'kn', argv, object: obj }];
}

const KN_KINDS: readonly [string, string, (obj: KubeObject) => Step[]][] = [
  ['eventing.knative.dev', 'Broker', brokerSteps],
  ['sources.knative.dev', 'SinkBinding', sinkBindingSteps],
  ['serving.knative.dev', 'Service', serviceSteps],
  ['eventing.knative.dev', 'Trigger', triggerSteps],
  ['sources.knative.dev', 'PingSource', pingSourceSteps],
];

/**
 * The deployment as steps, in apply order: plain Kubernetes objects (namespace, config, secrets,
 * Redis, monitoring) as YAML, then Broker, SinkBinding, Services, Triggers and PingSources with kn.
 */
export function knPlan(objects: readonly KubeObject[]): Step[] {
  const handled = (o: KubeObject) => KN_KINDS.some(([g, k]) => isKind(o, g, k));
  const plain = objects.filter((o) => !handled(o));
  const steps: Step[] = plain.length > 0 ? [{ kind: 'yaml', objects: plain, reasons: [] }] : [];
  for (const [group, kind, toSteps] of KN_KINDS) {
    for (const obj of objects.filter((o) => isKind(o, group, kind))) steps.push(...toSteps(obj));
  }
  return steps;
}

/** Quote one word for bash, leaving plain words readable. */
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
export function toScript(steps: readonly Step[], source: string): string {
  const out = [`#!/usr/bin/env bash`, `# Generated by scripts/kn.ts from ${source}; regenerate it rather than edit it.`, 'set -euo pipefail', ''];
  for (const step of steps) {
    if (step.kind === 'yaml') {
      const names = step.objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ');
      out.push(step.reasons.length === 0 ? `# Not Knative objects, so not kn's: ${names}` : `# kn cannot express ${names}: ${step.reasons.join('; ')}`);
      out.push(`kubectl apply -f - <<'YAML'`, step.objects.map((o) => stringify(o, { lineWidth: 0 }).trimEnd()).join('\n---\n'), 'YAML', '');
    } else if (step.kind === 'patch') {
      out.push(`# kn cannot set on ${step.object.metadata.name}: ${step.reasons.join('; ')}`, commandText(step.argv), '');
    } else {
      out.push(commandText(step.argv), '');
    }
  }
  return out.join('\n');
}

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
