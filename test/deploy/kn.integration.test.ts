/**
 * The `npm run kn -- <variant>` script, run by real bash against recording stand-ins for `kn`
 * and `kubectl`: every command and YAML document it issues is read back into the object kn
 * would create (following kn's documented flag meanings, written out independently here) and
 * compared field by field with the rendered manifests. Together they must be the manifests,
 * nothing more, nothing less.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import test from 'ava';
import { knPlan, toScript } from '../../scripts/kn';
import { parseObjects, REPO_ROOT, VARIANTS, type KubeObject, type Variant } from '../../scripts/render';
import { copyKnative, kubectlMissing, objectsOf } from '../kit/rendered';

const t = kubectlMissing() === undefined ? test : test.skip;

type Json = Record<string, unknown>;

/** kn's flags that become revision annotations (kn service create/apply reference). */
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

interface Call {
  argv: string[];
  stdin: string;
}

/** Run a generated script with recording `kn` and `kubectl` first on PATH. */
function runScript(script: string): Call[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'tagline-kn-'));
  const log = path.join(dir, 'calls.jsonl');
  const recorder = [
    `#!${process.execPath}`,
    "const fs = require('node:fs');",
    "const argv = [require('node:path').basename(process.argv[1]), ...process.argv.slice(2)];",
    "const stdin = argv.includes('-f') && argv[argv.indexOf('-f') + 1] === '-' ? fs.readFileSync(0, 'utf8') : '';",
    `fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ argv, stdin }) + '\\n');`,
  ].join('\n');
  for (const bin of ['kn', 'kubectl']) {
    writeFileSync(path.join(dir, bin), recorder);
    chmodSync(path.join(dir, bin), 0o755);
  }
  const res = spawnSync('bash', ['-s'], { input: script, encoding: 'utf8', env: { PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}` } });
  if (res.status !== 0) throw new Error(`script failed (${res.status}): ${res.stderr}`);
  return readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Call);
}

/** Flags of a kn command after its fixed words, in order; every flag used here takes a value. */
function flags(argv: readonly string[], fixed: number): [string, string][] {
  const out: [string, string][] = [];
  for (let i = fixed; i < argv.length; i += 2) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (!flag.startsWith('--') || value === undefined) throw new Error(`unexpected word "${flag}" in ${argv.join(' ')}`);
    out.push([flag, value]);
  }
  return out;
}

const keyValue = (s: string): [string, string] => [s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1)];
const keyValues = (s: string) => Object.fromEntries(s.split(',').map(keyValue));

function sink(arg: string): Json {
  const [kind, name, namespace] = arg.split(':');
  if (kind === 'ksvc') return { ref: { apiVersion: 'serving.knative.dev/v1', kind: 'Service', name, ...(namespace === undefined ? {} : { namespace }) } };
  if (kind === 'broker') return { ref: { apiVersion: 'eventing.knative.dev/v1', kind: 'Broker', name } };
  if (/^https?$/.test(kind ?? '')) return { uri: arg };
  throw new Error(`unknown sink ${arg}`);
}

function probe(spec: string, opts: string | undefined): Json {
  const [type, ...parts] = spec.split(':');
  const out: Json = {};
  if (type === 'http' || type === 'https') {
    const [host, port, p] = parts;
    out.httpGet = {
      ...(type === 'https' ? { scheme: 'HTTPS' } : {}),
      ...(host ? { host } : {}),
      ...(port ? { port: /^\d+$/.test(port) ? Number(port) : port } : {}),
      ...(p ? { path: p } : {}),
    };
  } else if (type === 'tcp') {
    const [host, port] = parts;
    out.tcpSocket = { ...(host ? { host } : {}), ...(port ? { port: /^\d+$/.test(port) ? Number(port) : port } : {}) };
  } else out.exec = { command: parts.join(':').split(',') };
  for (const [k, v] of Object.entries(opts === undefined ? {} : keyValues(opts))) out[`${k[0]!.toLowerCase()}${k.slice(1)}`] = Number(v);
  return out;
}

const nonEmpty = (o: Json) => (Object.keys(o).length > 0 ? o : undefined);

/** The Service `kn service apply` creates from these flags. */
function knService(argv: readonly string[]): KubeObject {
  const name = argv[3]!;
  const meta = { labels: {} as Json, annotations: {} as Json };
  const rev = { labels: {} as Json, annotations: {} as Json };
  const container: Json = {};
  const spec: Json = {};
  let namespace = 'default';
  const all = flags(argv, 4);
  const opt = (f: string) => all.find(([k]) => k === f)?.[1];
  for (const [flag, value] of all) {
    if (flag === '--namespace') namespace = value;
    else if (flag === '--image') container.image = value;
    else if (flag === '--port') container.ports = [value.includes(':') ? { name: value.split(':')[0], containerPort: Number(value.split(':')[1]) } : { containerPort: Number(value) }];
    else if (flag === '--env') ((container.env ??= []) as Json[]).push({ name: keyValue(value)[0], value: keyValue(value)[1] });
    else if (flag === '--env-from') {
      const [kind, ref] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
      ((container.envFrom ??= []) as Json[]).push(kind === 'secret' ? { secretRef: { name: ref } } : { configMapRef: { name: ref } });
    } else if (flag === '--request') ((container.resources ??= {}) as Json).requests = keyValues(value);
    else if (flag === '--limit') ((container.resources ??= {}) as Json).limits = keyValues(value);
    else if (flag === '--probe-readiness') container.readinessProbe = probe(value, opt('--probe-readiness-opts'));
    else if (flag === '--probe-liveness') container.livenessProbe = probe(value, opt('--probe-liveness-opts'));
    else if (flag === '--security-context' && value === 'strict') container.securityContext = { runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };
    else if (flag === '--label-service') meta.labels[keyValue(value)[0]] = keyValue(value)[1];
    else if (flag === '--annotation-service') meta.annotations[keyValue(value)[0]] = keyValue(value)[1];
    else if (flag === '--label-revision') rev.labels[keyValue(value)[0]] = keyValue(value)[1];
    else if (flag === '--annotation-revision') rev.annotations[keyValue(value)[0]] = keyValue(value)[1];
    else if (SCALE_ANNOTATIONS[flag] !== undefined) rev.annotations[SCALE_ANNOTATIONS[flag]] = value;
    else if (flag === '--concurrency-limit') spec.containerConcurrency = Number(value);
    else if (flag === '--timeout') spec.timeoutSeconds = Number(value);
    else if (!['--security-context', '--probe-readiness-opts', '--probe-liveness-opts'].includes(flag)) throw new Error(`kn service flag ${flag} is not modelled`);
  }
  const templateMeta = { ...(nonEmpty(rev.labels) ? { labels: rev.labels } : {}), ...(nonEmpty(rev.annotations) ? { annotations: rev.annotations } : {}) };
  return {
    apiVersion: 'serving.knative.dev/v1',
    kind: 'Service',
    metadata: { name, namespace, ...(nonEmpty(meta.labels) ? { labels: meta.labels } : {}), ...(nonEmpty(meta.annotations) ? { annotations: meta.annotations } : {}) } as KubeObject['metadata'],
    spec: { template: { ...(nonEmpty(templateMeta) ? { metadata: templateMeta } : {}), spec: { ...spec, containers: [container] } } },
  };
}

/** Apply `kubectl patch --type=json` add operations. */
function patch(obj: KubeObject, ops: { op: string; path: string; value: unknown }[]): void {
  for (const op of ops) {
    if (op.op !== 'add') throw new Error(`patch op ${op.op} is not modelled`);
    const keys = op.path.split('/').slice(1).map((k) => k.replaceAll('~1', '/').replaceAll('~0', '~'));
    let node = obj as unknown as Json;
    for (const k of keys.slice(0, -1)) node = node[k] as Json;
    node[keys.at(-1)!] = op.value;
  }
}

function knBroker(argv: readonly string[]): KubeObject {
  const meta: KubeObject['metadata'] = { name: argv[3]!, namespace: 'default' };
  const spec: Json = {};
  const delivery: Json = {};
  for (const [flag, value] of flags(argv, 4)) {
    if (flag === '--namespace') meta.namespace = value;
    else if (flag === '--class') meta.annotations = { 'eventing.knative.dev/broker.class': value };
    else if (flag === '--broker-config') {
      const [kind, name, namespace] = value.split(':');
      spec.config = { apiVersion: 'v1', kind: kind === 'cm' ? 'ConfigMap' : 'Secret', name, ...(namespace === undefined ? {} : { namespace }) };
    } else if (flag === '--dl-sink') delivery.deadLetterSink = sink(value);
    else if (flag === '--retry') delivery.retry = Number(value);
    else if (flag === '--backoff-policy') delivery.backoffPolicy = value;
    else if (flag === '--backoff-delay') delivery.backoffDelay = value;
    else if (flag === '--timeout') delivery.timeout = value;
    else throw new Error(`kn broker flag ${flag} is not modelled`);
  }
  if (nonEmpty(delivery)) spec.delivery = delivery;
  return { apiVersion: 'eventing.knative.dev/v1', kind: 'Broker', metadata: meta, ...(nonEmpty(spec) ? { spec } : {}) };
}

function knTrigger(argv: readonly string[]): KubeObject {
  const meta: KubeObject['metadata'] = { name: argv[3]!, namespace: 'default' };
  const spec: Json = { broker: 'default' };
  const attributes: Record<string, string> = {};
  for (const [flag, value] of flags(argv, 4)) {
    if (flag === '--namespace') meta.namespace = value;
    else if (flag === '--broker') spec.broker = value;
    else if (flag === '--filter') attributes[keyValue(value)[0]] = keyValue(value)[1];
    else if (flag === '--sink') spec.subscriber = sink(value);
    else throw new Error(`kn trigger flag ${flag} is not modelled`);
  }
  if (nonEmpty(attributes)) spec.filter = { attributes };
  return { apiVersion: 'eventing.knative.dev/v1', kind: 'Trigger', metadata: meta, spec };
}

function knBinding(argv: readonly string[]): KubeObject {
  const meta: KubeObject['metadata'] = { name: argv[4]!, namespace: 'default' };
  const spec: Json = {};
  for (const [flag, value] of flags(argv, 5)) {
    if (flag === '--namespace') meta.namespace = value;
    else if (flag === '--sink') spec.sink = sink(value);
    else if (flag === '--subject') {
      const [kind, apiVersion, ...rest] = value.split(':');
      const target = rest.join(':');
      spec.subject = { apiVersion, kind, ...(target.includes('=') ? { selector: { matchLabels: keyValues(target) } } : { name: target }) };
    } else if (flag === '--ce-override') spec.ceOverrides = { extensions: { ...(((spec.ceOverrides as Json | undefined)?.extensions as Json | undefined) ?? {}), [keyValue(value)[0]]: keyValue(value)[1] } };
    else throw new Error(`kn binding flag ${flag} is not modelled`);
  }
  return { apiVersion: 'sources.knative.dev/v1', kind: 'SinkBinding', metadata: meta, spec };
}

function knPing(argv: readonly string[]): KubeObject {
  const meta: KubeObject['metadata'] = { name: argv[4]!, namespace: 'default' };
  const spec: Json = {};
  for (const [flag, value] of flags(argv, 5)) {
    if (flag === '--namespace') meta.namespace = value;
    else if (flag === '--schedule') spec.schedule = value;
    else if (flag === '--data') spec.data = value;
    else if (flag === '--sink') spec.sink = sink(value);
    else throw new Error(`kn ping flag ${flag} is not modelled`);
  }
  return { apiVersion: 'sources.knative.dev/v1', kind: 'PingSource', metadata: meta, spec };
}

/** Every object the recorded calls would leave on the cluster, in call order. */
function replay(calls: readonly Call[]): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const { argv, stdin } of calls) {
    const words = argv.slice(0, 4).join(' ');
    if (words.startsWith('kubectl apply -f -')) objects.push(...parseObjects(stdin));
    else if (words.startsWith('kubectl patch ksvc')) {
      const target = objects.find((o) => o.kind === 'Service' && o.apiVersion === 'serving.knative.dev/v1' && o.metadata.name === argv[3]);
      if (target === undefined) throw new Error(`patch before create: ${argv[3]}`);
      patch(target, JSON.parse(argv[argv.indexOf('-p') + 1]!) as { op: string; path: string; value: unknown }[]);
    } else if (words.startsWith('kn service apply')) objects.push(knService(argv));
    else if (words.startsWith('kn broker create')) objects.push(knBroker(argv));
    else if (words.startsWith('kn trigger create')) objects.push(knTrigger(argv));
    else if (words.startsWith('kn source binding create')) objects.push(knBinding(argv));
    else if (words.startsWith('kn source ping create')) objects.push(knPing(argv));
    else throw new Error(`unexpected command: ${argv.join(' ')}`);
  }
  return objects;
}

/** JSON with sorted keys, so equal objects print equal. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, canonical((value as Json)[k])]),
  );
}

const id = (o: KubeObject) => `${o.apiVersion} ${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`;

function assertSameObjects(tt: import('ava').ExecutionContext, actual: readonly KubeObject[], expected: readonly KubeObject[]): void {
  tt.deepEqual(actual.map(id).sort(), expected.map(id).sort(), 'the same objects');
  for (const want of expected) {
    const got = actual.find((o) => id(o) === id(want));
    tt.deepEqual(canonical(got), canonical(want), id(want));
  }
}

for (const variant of Object.keys(VARIANTS) as Variant[]) {
  t(`${variant}: the kn script, run by bash, creates exactly the rendered objects, field by field`, (tt) => {
    const rendered = objectsOf(variant);
    const calls = runScript(toScript(knPlan(rendered), variant));
    tt.true(calls.some((c) => c.argv[0] === 'kn' && c.argv[1] === 'service'), 'Services go through kn');
    assertSameObjects(tt, replay(calls), rendered);
  });
}

t('production: kn creates the Kafka Broker and the Services; Triggers with prefix/any filters or delivery, and the PingSource path, go as YAML with the reason', (tt) => {
  const script = toScript(knPlan(objectsOf('production')), 'production');
  tt.regex(script, /^kn broker create default --namespace tagline \\\n {2}--class Kafka \\\n {2}--broker-config cm:tagline-kafka-broker:tagline/m);
  tt.regex(script, /# kn cannot express Trigger\/ledger: filters \(any\)/);
  tt.regex(script, /# kn cannot express Trigger\/report: filters \(prefix\)/);
  tt.regex(script, /# kn cannot express Trigger\/\w+: .*delivery \(/);
  tt.regex(script, /# kn cannot express PingSource\/track-outbox: a sink path \(\/v1\/outbox\/flush\)/);
  tt.regex(script, /# kn cannot set on ad-decision: securityContext readOnlyRootFilesystem/);
  tt.regex(script, /kn service apply ad-decision[^]*?--scale-min 1 \\/);
});

t('a Trigger with exact attribute filters and no delivery options becomes kn trigger create --filter', (tt) => {
  const trigger: KubeObject = {
    apiVersion: 'eventing.knative.dev/v1',
    kind: 'Trigger',
    metadata: { name: 'audit', namespace: 'tagline' },
    spec: { broker: 'default', filter: { attributes: { type: 'dev.tagline.campaign.exhausted', source: '/ledger' } }, subscriber: { ref: { apiVersion: 'serving.knative.dev/v1', kind: 'Service', name: 'report' } } },
  };
  const steps = knPlan([trigger]);
  tt.deepEqual(steps.map((s) => s.kind), ['kn']);
  const calls = runScript(toScript(steps, 'test'));
  tt.deepEqual(calls[0]!.argv, ['kn', 'trigger', 'create', 'audit', '--namespace', 'tagline', '--broker', 'default', '--filter', 'type=dev.tagline.campaign.exhausted', '--filter', 'source=/ledger', '--sink', 'ksvc:report']);
  assertSameObjects(tt, replay(calls), [trigger]);
});

t('values with spaces and quotes survive the shell; a PingSource to a plain sink becomes kn source ping create', (tt) => {
  const ping: KubeObject = {
    apiVersion: 'sources.knative.dev/v1',
    kind: 'PingSource',
    metadata: { name: 'nightly', namespace: 'tagline' },
    spec: { schedule: '0 3 * * *', data: `{"note":"it's nightly"}`, sink: { ref: { apiVersion: 'serving.knative.dev/v1', kind: 'Service', name: 'report' } } },
  };
  const calls = runScript(toScript(knPlan([ping]), 'test'));
  tt.is(calls[0]!.argv.slice(0, 4).join(' '), 'kn source ping create');
  assertSameObjects(tt, replay(calls), [ping]);
});

t('npm run kn prints the script for a variant and rejects an unknown one', (tt) => {
  const dir = copyKnative();
  const kn = path.join(REPO_ROOT, 'dist', 'scripts', 'kn.js');
  const bad = spawnSync(process.execPath, [kn, 'staging'], { encoding: 'utf8' });
  tt.is(bad.status, 2);
  tt.regex(bad.stderr, /usage: npm run kn -- <base\|dev\|production>/);
  const res = spawnSync(process.execPath, [kn, 'dev', '--knative', dir], { encoding: 'utf8' });
  tt.is(res.status, 0, res.stderr);
  tt.regex(res.stdout, /^#!\/usr\/bin\/env bash\n# Generated by scripts\/kn\.ts from kubectl kustomize knative\/overlays\/dev/);
  tt.is(spawnSync('bash', ['-n'], { input: res.stdout }).status, 0, 'valid bash');
});
