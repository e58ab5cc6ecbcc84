/**
 * A model of a cluster as the `kn` and `kubectl` clients see it, for running the generated kn
 * script in tests. It is written from knative/client's sources and docs (pkg/commands/*,
 * docs/cmd/kn_*.md), independently of scripts/kn.ts, and refuses what the real clients refuse:
 * - a flag or command older kn releases do not have ("unknown flag", "unknown command");
 * - a `--sink`/`--dl-sink` object that does not exist (kn resolves sinks before creating);
 * - `create` of an object that exists, `update`/`describe` of one that does not;
 * - `kn trigger update --broker` (the broker is immutable), `kn broker update` without flags;
 * - `kubectl apply` of a kind whose CRD the cluster lacks (the other objects still apply).
 * `kn service apply` creates with kubectl's last-applied annotation and then merges three ways
 * (original, modified, current) as JSON merge patches do: objects key by key, arrays whole.
 *
 * The cluster lives in the test process (`startCluster`); the `kn` and `kubectl` on the script's
 * PATH are small bash + curl stand-ins that send each command line (and its stdin, when it reads
 * one) to it, so a command costs no Node.js start.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseObjects, type KubeObject } from '../../scripts/render';

type Json = Record<string, unknown>;

export interface ClusterState {
  /** The kn release the client reports, e.g. `1.11.0`. */
  knVersion: string;
  /** Installed CustomResourceDefinitions, e.g. `podmonitors.monitoring.coreos.com`. */
  crds: string[];
  objects: KubeObject[];
  /** How many times each Service's spec changed (each change is a new Revision). */
  revisions: Record<string, number>;
}

/** Knative's own CRDs, present on any cluster with Serving and Eventing. */
export const KNATIVE_CRDS = [
  'services.serving.knative.dev',
  'brokers.eventing.knative.dev',
  'triggers.eventing.knative.dev',
  'eventpolicies.eventing.knative.dev',
  'sinkbindings.sources.knative.dev',
  'pingsources.sources.knative.dev',
];

/** The first release of each kn command and flag (knative/client tags, `knative-v1.N.0`). */
const SINCE: Record<string, Record<string, string>> = {
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
  'broker create': { '': '1.0.0', '--dl-sink': '1.5.0', '--retry': '1.5.0', '--timeout': '1.5.0', '--backoff-policy': '1.5.0', '--backoff-delay': '1.5.0', '--retry-after-max': '1.5.0', '--broker-config': '1.6.0' },
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

/** The flags each command has at all (at its newest release), beyond `--namespace`. */
const FLAGS: Record<string, string[]> = {
  'service apply': [
    '--image', '--port', '--env', '--env-from', '--request', '--limit', '--probe-readiness', '--probe-readiness-opts', '--probe-liveness', '--probe-liveness-opts',
    '--security-context', '--label-service', '--annotation-service', '--label-revision', '--annotation-revision', '--scale-min', '--scale-max', '--scale-init',
    '--scale-target', '--scale-utilization', '--scale-activation', '--scale-metric', '--scale-window', '--concurrency-limit', '--timeout', '--filename',
  ],
  'broker create': ['--class', '--broker-config', '--dl-sink', '--retry', '--timeout', '--backoff-policy', '--backoff-delay', '--retry-after-max'],
  'broker update': ['--dl-sink', '--retry', '--timeout', '--backoff-policy', '--backoff-delay', '--retry-after-max'],
  'trigger create': ['--broker', '--filter', '--sink'],
  'trigger update': ['--broker', '--filter', '--sink'],
  'source binding create': ['--subject', '--sink', '--ce-override'],
  'source binding update': ['--subject', '--sink', '--ce-override'],
  'source ping create': ['--schedule', '--data', '--sink', '--ce-override'],
  'source ping update': ['--schedule', '--data', '--sink', '--ce-override'],
};

const older = (a: string, b: string) => {
  const [pa, pb] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i]! < pb[i]!;
  return false;
};

/** kn's `--security-context strict`: DefaultStrictSecCon in pkg/flags/podspec_helper.go (1.11+). */
const STRICT = { allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } };

const SCALE_ANNOTATIONS: Record<string, string> = {
  '--scale-min': 'autoscaling.knative.dev/min-scale',
  '--scale-max': 'autoscaling.knative.dev/max-scale',
  '--scale-init': 'autoscaling.knative.dev/initial-scale',
  '--scale-target': 'autoscaling.knative.dev/target',
  '--scale-utilization': 'autoscaling.knative.dev/target-utilization-percentage',
  '--scale-activation': 'autoscaling.knative.dev/activation-scale',
  '--scale-metric': 'autoscaling.knative.dev/metric',
  '--scale-window': 'autoscaling.knative.dev/window',
};

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** A refusal, printed as kn or kubectl print it, with exit status 1. */
class Refused extends Error {}

const KINDS: Record<string, { apiVersion: string; kind: string; resource: string }> = {
  service: { apiVersion: 'serving.knative.dev/v1', kind: 'Service', resource: 'services.serving.knative.dev' },
  broker: { apiVersion: 'eventing.knative.dev/v1', kind: 'Broker', resource: 'brokers.eventing.knative.dev' },
  trigger: { apiVersion: 'eventing.knative.dev/v1', kind: 'Trigger', resource: 'triggers.eventing.knative.dev' },
  binding: { apiVersion: 'sources.knative.dev/v1', kind: 'SinkBinding', resource: 'sinkbindings.sources.knative.dev' },
  ping: { apiVersion: 'sources.knative.dev/v1', kind: 'PingSource', resource: 'pingsources.sources.knative.dev' },
};

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '');
const sameId = (o: KubeObject, apiVersion: string, kind: string, namespace: string, name: string) =>
  groupOf(o.apiVersion) === groupOf(apiVersion) && o.kind === kind && (o.metadata.namespace ?? 'default') === namespace && o.metadata.name === name;
const clone = <T>(v: T): T => structuredClone(v);
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const equal = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** JSON with sorted keys, so equal objects print equal. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, canonical(value[k])]),
  );
}

/**
 * The object a three-way JSON merge patch leaves (jsonmergepatch.CreateThreeWayJSONMergePatch,
 * then applied to current): keys removed from original to modified are deleted, keys whose value
 * differs between current and modified take modified's, objects merge key by key, arrays whole.
 */
export function threeWayMerge(original: unknown, modified: unknown, current: unknown): unknown {
  if (!isObject(modified) || !isObject(current)) return clone(modified);
  const out: Json = clone(current);
  const orig = isObject(original) ? original : {};
  for (const key of Object.keys(orig)) if (!(key in modified)) delete out[key];
  for (const [key, value] of Object.entries(modified)) {
    if (isObject(value) && isObject(current[key])) out[key] = threeWayMerge(orig[key], value, current[key]);
    else if (!equal(current[key], value)) out[key] = clone(value);
  }
  return out;
}

const keyValue = (s: string): [string, string] => [s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1)];
const keyValues = (s: string) => Object.fromEntries(s.split(',').map(keyValue));
const nonEmpty = (o: Json) => Object.keys(o).length > 0;

class Cluster {
  constructor(readonly state: ClusterState) {}

  find(apiVersion: string, kind: string, namespace: string, name: string): KubeObject | undefined {
    return this.state.objects.find((o) => sameId(o, apiVersion, kind, namespace, name));
  }

  put(obj: KubeObject): void {
    const namespace = obj.metadata.namespace ?? 'default';
    const stored = { ...obj, metadata: { ...obj.metadata, namespace } };
    const i = this.state.objects.findIndex((o) => sameId(o, obj.apiVersion, obj.kind, namespace, obj.metadata.name));
    if (obj.kind === 'Service' && groupOf(obj.apiVersion) === 'serving.knative.dev') {
      const before = i < 0 ? undefined : this.state.objects[i]!;
      const key = `${namespace}/${obj.metadata.name}`;
      if (before === undefined || !equal(before.spec, obj.spec)) this.state.revisions[key] = (this.state.revisions[key] ?? 0) + 1;
    }
    if (i < 0) this.state.objects.push(stored);
    else this.state.objects[i] = stored;
  }

  /** kn's sink flag: `ksvc:NAME[:NS]`, `broker:NAME`, or a URL; a referenced object must exist. */
  resolveSink(arg: string, namespace: string): Json {
    if (/^https?:\/\//.test(arg)) return { uri: arg };
    const [prefix, name, ns = namespace] = arg.split(':');
    const target = prefix === 'ksvc' ? KINDS.service! : prefix === 'broker' ? KINDS.broker! : undefined;
    if (target === undefined || name === undefined) throw new Refused(`Error: sink is invalid: unknown sink prefix in "${arg}"`);
    if (this.find(target.apiVersion, target.kind, ns, name) === undefined) throw new Refused(`Error: sink is invalid: ${target.resource} "${name}" not found`);
    return { ref: { apiVersion: target.apiVersion, kind: target.kind, name, namespace: ns } };
  }
}

/** Flags after the command words, in order; every flag here takes a value. */
function parseFlags(words: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < words.length; i++) {
    let flag = words[i]!;
    if (flag === '-n') flag = '--namespace';
    if (flag === '-f') flag = '--filename';
    if (!flag.startsWith('--')) throw new Refused(`Error: unexpected argument "${flag}"`);
    const value = words[++i];
    if (value === undefined) throw new Refused(`Error: flag needs an argument: ${flag}`);
    out.push([flag, value]);
  }
  return out;
}

function probe(spec: string, opts: string | undefined): Json {
  const [type, ...parts] = spec.split(':');
  const out: Json = {};
  const port = (p: string) => (/^\d+$/.test(p) ? Number(p) : p);
  if (type === 'http' || type === 'https') {
    const [host, p, pathPart] = parts;
    out.httpGet = { ...(type === 'https' ? { scheme: 'HTTPS' } : {}), ...(host ? { host } : {}), ...(p ? { port: port(p) } : {}), ...(pathPart ? { path: pathPart } : {}) };
  } else if (type === 'tcp') {
    const [host, p] = parts;
    out.tcpSocket = { ...(host ? { host } : {}), ...(p ? { port: port(p) } : {}) };
  } else out.exec = { command: parts.join(':').split(',') };
  for (const [k, v] of Object.entries(opts === undefined ? {} : keyValues(opts))) out[`${k[0]!.toLowerCase()}${k.slice(1)}`] = Number(v);
  return out;
}

/** The Service `kn service apply` would send, from its flags or its file. */
function serviceFromFlags(name: string, namespace: string, flags: [string, string][], stdin: string): KubeObject {
  const file = flags.find(([f]) => f === '--filename')?.[1];
  if (file !== undefined) {
    if (file !== '/dev/stdin') throw new Refused(`Error: this model reads a service file only from /dev/stdin, not ${file}`);
    if (flags.some(([f]) => !['--filename', '--namespace'].includes(f))) throw new Refused('Error: this model applies a file without further flags');
    const [svc] = parseObjects(stdin);
    if (svc === undefined) throw new Refused(`Error: no service in ${file}`);
    if (svc.metadata.name !== name) throw new Refused(`Error: provided service name '${name}' doesn't match name from file '${svc.metadata.name}'`);
    return { ...svc, metadata: { ...svc.metadata, namespace } };
  }
  const meta = { labels: {} as Json, annotations: {} as Json };
  const rev = { labels: {} as Json, annotations: {} as Json };
  const container: Json = {};
  const spec: Json = {};
  const opt = (f: string) => flags.find(([k]) => k === f)?.[1];
  for (const [flag, value] of flags) {
    if (flag === '--image') container.image = value;
    else if (flag === '--port') container.ports = [value.includes(':') ? { name: value.split(':')[0], containerPort: Number(value.split(':')[1]) } : { containerPort: Number(value) }];
    else if (flag === '--env') ((container.env ??= []) as Json[]).push({ name: keyValue(value)[0], value: keyValue(value)[1] });
    else if (flag === '--env-from') {
      const [kind, ref] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
      ((container.envFrom ??= []) as Json[]).push(kind === 'secret' ? { secretRef: { name: ref } } : { configMapRef: { name: ref } });
    } else if (flag === '--request') ((container.resources ??= {}) as Json).requests = keyValues(value);
    else if (flag === '--limit') ((container.resources ??= {}) as Json).limits = keyValues(value);
    else if (flag === '--probe-readiness') container.readinessProbe = probe(value, opt('--probe-readiness-opts'));
    else if (flag === '--probe-liveness') container.livenessProbe = probe(value, opt('--probe-liveness-opts'));
    else if (flag === '--security-context') {
      if (value === 'strict') container.securityContext = clone(STRICT);
      else if (value !== 'none') throw new Refused(`Error: invalid --security-context ${value}. Valid arguments: strict | none`);
    } else if (flag === '--label-service') meta.labels[keyValue(value)[0]] = keyValue(value)[1];
    else if (flag === '--annotation-service') meta.annotations[keyValue(value)[0]] = keyValue(value)[1];
    else if (flag === '--label-revision') rev.labels[keyValue(value)[0]] = keyValue(value)[1];
    else if (flag === '--annotation-revision') rev.annotations[keyValue(value)[0]] = keyValue(value)[1];
    else if (SCALE_ANNOTATIONS[flag] !== undefined) rev.annotations[SCALE_ANNOTATIONS[flag]] = value;
    else if (flag === '--concurrency-limit') spec.containerConcurrency = Number(value);
    else if (flag === '--timeout') spec.timeoutSeconds = Number(value);
  }
  if (container.image === undefined) throw new Refused("Error: 'service apply' requires the image name to run provided with the --image option");
  const templateMeta = { ...(nonEmpty(rev.labels) ? { labels: rev.labels } : {}), ...(nonEmpty(rev.annotations) ? { annotations: rev.annotations } : {}) };
  return {
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name, namespace, ...(nonEmpty(meta.labels) ? { labels: meta.labels } : {}), ...(nonEmpty(meta.annotations) ? { annotations: meta.annotations } : {}) } as KubeObject['metadata'],
    spec: { template: { ...(nonEmpty(templateMeta) ? { metadata: templateMeta } : {}), spec: { ...spec, containers: [container] } } },
  };
}

function serviceApply(cluster: Cluster, name: string, namespace: string, flags: [string, string][], stdin: string): string {
  const modified = serviceFromFlags(name, namespace, flags, stdin);
  const current = cluster.find('serving.knative.dev/v1', 'Service', namespace, name);
  const withLastApplied = (obj: KubeObject, applied: KubeObject): KubeObject => ({
    ...obj,
    metadata: { ...obj.metadata, annotations: { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: JSON.stringify(applied) } },
  });
  if (current === undefined) {
    cluster.put(withLastApplied(modified, modified));
    return `Service '${name}' created in namespace '${namespace}'.`;
  }
  const original = JSON.parse((current.metadata.annotations ?? {})[LAST_APPLIED] ?? '{}') as unknown;
  const { [LAST_APPLIED]: _dropped, ...currentAnnotations } = current.metadata.annotations ?? {};
  const merged = threeWayMerge(original, modified, { ...current, metadata: { ...current.metadata, annotations: currentAnnotations } }) as KubeObject;
  if (merged.metadata.annotations !== undefined && Object.keys(merged.metadata.annotations).length === 0) delete merged.metadata.annotations;
  cluster.put(withLastApplied(merged, modified));
  return `Service '${name}' updated in namespace '${namespace}'.`;
}

function brokerWrite(cluster: Cluster, verb: string, name: string, namespace: string, flags: [string, string][]): string {
  const existing = cluster.find(KINDS.broker!.apiVersion, 'Broker', namespace, name);
  if (verb === 'update' && flags.length === 0) throw new Refused('Error: flag(s) not set\nUsage: update NAME');
  const broker: KubeObject = existing !== undefined ? clone(existing) : { apiVersion: KINDS.broker!.apiVersion, kind: 'Broker', metadata: { name, namespace } };
  const spec = ((broker as Json).spec ??= {}) as Json;
  const delivery = (spec.delivery ?? {}) as Json;
  for (const [flag, value] of flags) {
    if (flag === '--class') broker.metadata.annotations = { ...(broker.metadata.annotations ?? {}), 'eventing.knative.dev/broker.class': value };
    else if (flag === '--broker-config') {
      const [kind, configName, ns] = value.split(':');
      spec.config = { apiVersion: 'v1', kind: kind === 'cm' ? 'ConfigMap' : 'Secret', name: configName, ...(ns === undefined ? {} : { namespace: ns }) };
    } else if (flag === '--dl-sink') delivery.deadLetterSink = cluster.resolveSink(value, namespace);
    else if (flag === '--retry') delivery.retry = Number(value);
    else if (flag === '--backoff-policy') delivery.backoffPolicy = value;
    else if (flag === '--backoff-delay') delivery.backoffDelay = value;
    else if (flag === '--timeout') delivery.timeout = value;
    else if (flag === '--retry-after-max') delivery.retryAfterMax = value;
  }
  if (nonEmpty(delivery)) spec.delivery = delivery;
  if (!nonEmpty(spec)) delete (broker as Json).spec;
  cluster.put(broker);
  return `Broker '${name}' ${verb === 'create' ? 'successfully created' : 'updated'} in namespace '${namespace}'.`;
}

function triggerWrite(cluster: Cluster, verb: string, name: string, namespace: string, flags: [string, string][]): string {
  const existing = cluster.find(KINDS.trigger!.apiVersion, 'Trigger', namespace, name);
  const trigger: KubeObject = existing !== undefined ? clone(existing) : { apiVersion: KINDS.trigger!.apiVersion, kind: 'Trigger', metadata: { name, namespace }, spec: { broker: 'default' } };
  const spec = trigger.spec as Json;
  const attributes = { ...(((spec.filter as Json | undefined)?.attributes as Json | undefined) ?? {}) };
  for (const [flag, value] of flags) {
    if (flag === '--broker') {
      if (verb === 'update') throw new Refused(`Error: cannot update trigger '${name}' because broker is immutable`);
      spec.broker = value;
    } else if (flag === '--filter') attributes[keyValue(value)[0]] = keyValue(value)[1];
    else if (flag === '--sink') spec.subscriber = cluster.resolveSink(value, namespace);
  }
  if (verb === 'create' && spec.subscriber === undefined) throw new Refused('Error: required flag(s) "sink" not set');
  if (nonEmpty(attributes)) spec.filter = { attributes };
  cluster.put(trigger);
  return `Trigger '${name}' ${verb === 'create' ? 'successfully created' : 'updated'} in namespace '${namespace}'.`;
}

function sourceWrite(cluster: Cluster, kind: 'binding' | 'ping', verb: string, name: string, namespace: string, flags: [string, string][]): string {
  const target = KINDS[kind]!;
  const existing = cluster.find(target.apiVersion, target.kind, namespace, name);
  const source: KubeObject = existing !== undefined ? clone(existing) : { apiVersion: target.apiVersion, kind: target.kind, metadata: { name, namespace }, spec: {} };
  const spec = source.spec as Json;
  for (const [flag, value] of flags) {
    if (flag === '--sink') spec.sink = cluster.resolveSink(value, namespace);
    else if (flag === '--schedule') spec.schedule = value;
    else if (flag === '--data') spec.data = value;
    else if (flag === '--subject') {
      const [subjectKind, apiVersion, ...rest] = value.split(':');
      const selected = rest.join(':');
      spec.subject = { apiVersion, kind: subjectKind, ...(selected.includes('=') ? { selector: { matchLabels: keyValues(selected) } } : { name: selected }) };
    } else if (flag === '--ce-override') {
      const extensions = { ...(((spec.ceOverrides as Json | undefined)?.extensions as Json | undefined) ?? {}), [keyValue(value)[0]]: keyValue(value)[1] };
      spec.ceOverrides = { extensions };
    }
  }
  if (verb === 'create' && spec.sink === undefined) throw new Refused('Error: required flag(s) "sink" not set');
  cluster.put(source);
  return `${target.kind} '${name}' ${verb === 'create' ? 'created' : 'updated'} in namespace '${namespace}'.`;
}

/** One kn command line against the cluster: what it prints, or a Refused. */
function kn(cluster: Cluster, argv: readonly string[], stdin: string): string {
  if (argv[0] === 'version') return `Version:      v${cluster.state.knVersion}\nBuild Date:   2026-01-01 00:00:00\nGit Revision: model\n`;
  const words = argv.slice(0, argv[0] === 'source' ? 3 : 2);
  const command = words.join(' ');
  const since = SINCE[command];
  if (since === undefined || older(cluster.state.knVersion, since['']!)) {
    throw new Refused(`Error: unknown command "${words.at(-1)}" for "kn ${words.slice(0, -1).join(' ')}"`);
  }
  const name = argv[words.length];
  if (name === undefined || name.startsWith('-')) throw new Refused(`Error: '${command}' requires the name as single argument`);
  const flags = parseFlags(argv.slice(words.length + 1));
  for (const [flag] of flags) {
    const known = flag === '--namespace' || (FLAGS[command] ?? []).includes(flag);
    if (!known || older(cluster.state.knVersion, since[flag] ?? since['']!)) throw new Refused(`Error: unknown flag: ${flag}`);
  }
  const namespace = flags.find(([f]) => f === '--namespace')?.[1] ?? 'default';
  const rest = flags.filter(([f]) => f !== '--namespace');
  const verb = words.at(-1)!;
  const kindKey = command === 'service apply' ? 'service' : command.startsWith('broker') ? 'broker' : command.startsWith('trigger') ? 'trigger' : command.startsWith('source binding') ? 'binding' : 'ping';
  const target = KINDS[kindKey]!;
  if (verb === 'apply') return serviceApply(cluster, name, namespace, rest, stdin);
  const existing = cluster.find(target.apiVersion, target.kind, namespace, name);
  if (verb !== 'create' && existing === undefined) throw new Refused(`Error: ${target.resource} "${name}" not found`);
  if (verb === 'create' && existing !== undefined) throw new Refused(`Error: ${target.resource} "${name}" already exists`);
  if (verb === 'describe') return `Name: ${name}\nNamespace: ${namespace}\n`;
  if (kindKey === 'broker') return brokerWrite(cluster, verb, name, namespace, rest);
  if (kindKey === 'trigger') return triggerWrite(cluster, verb, name, namespace, rest);
  return sourceWrite(cluster, kindKey as 'binding' | 'ping', verb, name, namespace, rest);
}

const BUILT_IN_GROUPS = ['', 'apps', 'batch', 'policy', 'rbac.authorization.k8s.io', 'networking.k8s.io', 'autoscaling'];

/** `kubectl apply -f -` and `kubectl get crd NAME`, the two kubectl commands the script uses. */
function kubectl(cluster: Cluster, argv: readonly string[], stdin: string): string {
  if (argv[0] === 'get' && argv[1] === 'crd' && argv[2] !== undefined) {
    if (!cluster.state.crds.includes(argv[2])) throw new Refused(`Error from server (NotFound): customresourcedefinitions.apiextensions.k8s.io "${argv[2]}" not found`);
    return `${argv[2]}\n`;
  }
  if (argv[0] === 'apply' && argv[1] === '-f' && argv[2] === '-') {
    const errors: string[] = [];
    const lines: string[] = [];
    for (const obj of parseObjects(stdin)) {
      const group = groupOf(obj.apiVersion);
      const kind = obj.kind.toLowerCase();
      const crd = `${kind.endsWith('y') ? `${kind.slice(0, -1)}ies` : `${kind}s`}.${group}`;
      if (!BUILT_IN_GROUPS.includes(group) && !cluster.state.crds.includes(crd)) {
        errors.push(`error: resource mapping not found for name: "${obj.metadata.name}" namespace: "${obj.metadata.namespace ?? ''}" from "STDIN": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`);
        continue;
      }
      cluster.put(obj);
      lines.push(`${obj.kind.toLowerCase()}/${obj.metadata.name} configured`);
    }
    if (errors.length > 0) throw new Refused([...lines, ...errors].join('\n'));
    return `${lines.join('\n')}\n`;
  }
  throw new Refused(`error: the model has no "kubectl ${argv.join(' ')}"`);
}

/** One command line against the cluster, as the client would end: status, stdout, stderr. */
function runCommand(cluster: Cluster, tool: string, argv: readonly string[], stdin: string): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = tool === 'kn' ? kn(cluster, argv, stdin) : tool === 'kubectl' ? kubectl(cluster, argv, stdin) : '';
    return { status: 0, stdout, stderr: '' };
  } catch (err) {
    if (!(err instanceof Refused)) return { status: 2, stdout: '', stderr: `model failure: ${String(err)}\n` };
    return { status: 1, stdout: '', stderr: `${err.message}\n` };
  }
}

/**
 * A stand-in client: sends its NUL-separated argv (base64, one line) and, when an argument names
 * stdin (`-f -`, `/dev/stdin`), its stdin to the model; the answer is the exit status, stderr
 * (base64) and stdout, one after the other.
 */
const standIn = (tool: string, url: string) => `#!/usr/bin/env bash
reads=
for a in "$@"; do if [ "$a" = - ] || [ "$a" = /dev/stdin ]; then reads=1; fi; done
{ printf '%s\\0' "$@" | base64 -w0; echo; if [ -n "$reads" ]; then cat; fi; } |
  curl -sS --data-binary @- ${url}/${tool} | {
    IFS= read -r status || { echo "${tool} model unreachable" >&2; exit 99; }
    IFS= read -r stderr
    cat
    if [ -n "$stderr" ]; then printf '%s' "$stderr" | base64 -d >&2; fi
    exit "$status"
  }
`;

export interface ModelCluster {
  /** Run a bash script with the stand-ins first on PATH. */
  run(script: string): Promise<{ status: number | null; stderr: string }>;
  state: ClusterState;
  close(): Promise<void>;
}

/** A cluster model served to `kn` and `kubectl` stand-ins in a temporary directory. */
export async function startCluster(initial: Pick<ClusterState, 'knVersion' | 'crds'>): Promise<ModelCluster> {
  const state: ClusterState = { ...initial, crds: [...initial.crds], objects: [], revisions: {} };
  const cluster = new Cluster(state);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const newline = body.indexOf('\n');
      const argv = Buffer.from(body.slice(0, newline < 0 ? body.length : newline), 'base64').toString('utf8').split('\0').slice(0, -1);
      const result = runCommand(cluster, (req.url ?? '/').slice(1), argv, newline < 0 ? '' : body.slice(newline + 1));
      res.end(`${result.status}\n${Buffer.from(result.stderr).toString('base64')}\n${result.stdout}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const bin = mkdtempSync(path.join(tmpdir(), 'tagline-kn-model-'));
  for (const tool of ['kn', 'kubectl']) {
    writeFileSync(path.join(bin, tool), standIn(tool, url));
    chmodSync(path.join(bin, tool), 0o755);
  }
  return {
    state,
    run: (script) =>
      new Promise((resolve, reject) => {
        const child = spawn('bash', ['-s'], { env: { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` }, stdio: ['pipe', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        child.on('error', reject);
        child.on('close', (status) => resolve({ status, stderr }));
        child.stdin.end(script);
      }),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(bin, { recursive: true, force: true });
    },
  };
}
