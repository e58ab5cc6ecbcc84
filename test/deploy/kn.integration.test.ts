/**
 * The `npm run kn -- <variant>` script, run by real bash against a model of kn and kubectl
 * (test/kit/kn-model.ts, written from knative/client's sources): on a fresh namespace and again on the
 * same one, without and then with the Prometheus Operator's CRDs, and on kn releases too old for
 * it. What it leaves must be the rendered manifests after Knative's defaulting, nothing more,
 * nothing less.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { knPlan, planFloor, toScript } from '../../scripts/kn';
import { REPO_ROOT, VARIANTS, type KubeObject, type Variant } from '../../scripts/render';
import { canonical, KNATIVE_CRDS, LAST_APPLIED, startCluster, type ModelCluster } from '../kit/kn-model';
import { needs } from '../kit/needs';
import { copyKnative, objectsOf } from '../kit/rendered';

const t = needs('kubectl');

const MONITORING_CRDS = ['podmonitors.monitoring.coreos.com', 'prometheusrules.monitoring.coreos.com', 'servicemonitors.monitoring.coreos.com'];

/** A model cluster with Knative's CRDs (and `crds`), closed when the test ends. */
async function cluster(tt: import('ava').ExecutionContext, knVersion: string, crds: readonly string[] = KNATIVE_CRDS): Promise<ModelCluster> {
  const c = await startCluster({ knVersion, crds: [...crds] });
  tt.teardown(() => c.close());
  return c;
}

/**
 * An object as the API server keeps it after Knative's defaulting (a Destination's ref gets the
 * object's namespace), without kubectl's and kn's last-applied bookkeeping annotation.
 */
function defaulted(obj: KubeObject): unknown {
  const namespace = obj.metadata.namespace ?? 'default';
  const walk = (value: unknown, key = ''): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (typeof value !== 'object' || value === null) return value;
    const out = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)])) as Record<string, unknown>;
    if (['subscriber', 'sink', 'deadLetterSink'].includes(key) && typeof out.ref === 'object' && out.ref !== null) out.ref = { namespace, ...(out.ref as object) };
    return out;
  };
  const copy = walk(obj) as KubeObject;
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata = { ...copy.metadata, namespace };
  if (Object.keys(annotations).length > 0) copy.metadata.annotations = annotations;
  else delete copy.metadata.annotations;
  return canonical(copy);
}

const id = (o: KubeObject) => `${o.apiVersion} ${o.kind} ${o.metadata.namespace ?? 'default'}/${o.metadata.name}`;

function assertSameObjects(tt: import('ava').ExecutionContext, actual: readonly KubeObject[], expected: readonly KubeObject[]): void {
  tt.deepEqual(actual.map(id).sort(), expected.map(id).sort(), 'the same objects');
  for (const want of expected) {
    const got = actual.find((o) => id(o) === id(want));
    tt.deepEqual(got === undefined ? undefined : defaulted(got), defaulted(want), id(want));
  }
}

const isMonitoring = (o: KubeObject) => o.apiVersion.startsWith('monitoring.coreos.com/');

for (const variant of Object.keys(VARIANTS) as Variant[]) {
  t(`${variant}: the kn script creates the rendered objects on a fresh namespace, then runs again on it without a new Revision`, async (tt) => {
    const rendered = objectsOf(variant);
    const script = toScript(knPlan(rendered), variant);
    const c = await cluster(tt, '1.11.0');
    const first = await c.run(script);
    tt.is(first.status, 0, first.stderr);
    const monitoring = rendered.filter(isMonitoring);
    assertSameObjects(tt, c.state.objects, rendered.filter((o) => !isMonitoring(o)));
    for (const o of monitoring) tt.true(first.stderr.includes(`${o.kind}/${o.metadata.name}`), `says it skipped ${o.kind}/${o.metadata.name}`);
    if (monitoring.length > 0) tt.regex(first.stderr, /the cluster has no podmonitors\.monitoring\.coreos\.com CRD \(install the Prometheus Operator, then run this again\)/);

    c.state.crds.push(...MONITORING_CRDS);
    const second = await c.run(script);
    tt.is(second.status, 0, second.stderr);
    assertSameObjects(tt, c.state.objects, rendered);
    const services = rendered.filter((o) => o.kind === 'Service' && o.apiVersion === 'serving.knative.dev/v1');
    tt.true(services.length > 0);
    for (const s of services) tt.is(c.state.revisions[`${s.metadata.namespace ?? 'default'}/${s.metadata.name}`], 1, `${s.metadata.name}: one Revision after two runs`);
  });
}

t('the script refuses a kn older than its flags need before it changes anything, and runs on exactly that release', async (tt) => {
  const steps = knPlan(objectsOf('production'));
  const floor = planFloor(steps);
  tt.is(floor, '1.6.0', '--broker-config is the newest flag the production script uses');
  const script = toScript(steps, 'production');
  const old = await cluster(tt, '1.5.2');
  const refused = await old.run(script);
  tt.is(refused.status, 1);
  tt.regex(refused.stderr, /kn 1\.5\.2 is too old: this script needs kn 1\.6\.0 or later \(docs\/deploy\.md\)/);
  tt.deepEqual(old.state.objects, [], 'nothing applied');
  const exact = await cluster(tt, '1.6.0');
  tt.is((await exact.run(script)).status, 0);
});

t('docs/deploy.md and the Taskfile state the kn release the dev and production scripts check for', (tt) => {
  const floors = (['dev', 'production'] as const).map((v) => planFloor(knPlan(objectsOf(v))));
  const newest = floors.reduce((a, b) => (b.localeCompare(a, undefined, { numeric: true }) > 0 ? b : a));
  const minor = newest.split('.').slice(0, 2).join('.');
  const doc = readFileSync(path.join(REPO_ROOT, 'docs', 'deploy.md'), 'utf8');
  tt.true(doc.includes(`**kn ${minor} or later** for \`dev\` and \`production\``), `deploy.md names kn ${minor}`);
  tt.true(doc.includes(`with kn instead (kn ${minor} or later`), `deploy.md's deploy step names kn ${minor}`);
  tt.true(readFileSync(path.join(REPO_ROOT, 'Taskfile.yml'), 'utf8').includes(`with kn ${minor}+`), `Taskfile names kn ${minor}`);
});

t('without the version check an old kn stops the script with its own "unknown flag"; the model knows each flag from its release', async (tt) => {
  const script = toScript(knPlan(objectsOf('production')), 'production').replace(/^KN_MIN=.*$/m, 'KN_MIN=0.0.0');
  const res = await (await cluster(tt, '1.5.0')).run(script);
  tt.is(res.status, 1);
  tt.regex(res.stderr, /Error: unknown flag: --broker-config/);
});

const service = (name: string, container: Record<string, unknown>): KubeObject => ({
  apiVersion: 'serving.knative.dev/v1',
  kind: 'Service',
  metadata: { name, namespace: 'tagline' },
  spec: { template: { metadata: { annotations: { 'autoscaling.knative.dev/min-scale': '1', 'autoscaling.knative.dev/metric': 'rps' } }, spec: { containerConcurrency: 10, containers: [container] } } },
});

t('a Service the flags can say goes through flags; strict means RuntimeDefault seccomp too, from kn 1.11', async (tt) => {
  const strict = { allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } };
  const svc = service('report', { image: 'ghcr.io/tagline/tagline:1', ports: [{ name: 'http1', containerPort: 8080 }], env: [{ name: 'FUNCTION_TARGET', value: 'report' }], securityContext: strict });
  const steps = knPlan([svc]);
  tt.like(steps[0], { kind: 'kn', stdin: undefined });
  tt.true(steps[0]!.kind === 'kn' && steps[0]!.argv.join(' ').includes('--security-context strict'));
  tt.is(planFloor(steps), '1.11.0');
  const c = await cluster(tt, '1.11.0');
  const script = toScript(steps, 'test');
  tt.is((await c.run(script)).status, 0);
  tt.is((await c.run(script)).status, 0);
  assertSameObjects(tt, c.state.objects, [svc]);
  tt.is(c.state.revisions['tagline/report'], 1);
  tt.regex((await (await cluster(tt, '1.10.0')).run(script.replace(/^KN_MIN=.*$/m, 'KN_MIN=0.0.0'))).stderr, /unknown flag: --security-context/);

  const { seccompProfile: _, ...withoutSeccomp } = strict;
  const looser = service('report', { image: 'ghcr.io/tagline/tagline:1', securityContext: withoutSeccomp });
  const [step] = knPlan([looser]);
  tt.true(step!.kind === 'kn' && step!.argv.includes('--filename'), 'kn strict would add a seccompProfile the manifest does not have, so the YAML goes');
  tt.true(step!.kind === 'kn' && (step!.reasons ?? []).some((r) => r.includes('seccompProfile')));
});

t('kn resolves sinks before creating: a Trigger or Broker pointing at a missing Service is refused, and create refuses what exists', async (tt) => {
  const trigger: KubeObject = {
    apiVersion: 'eventing.knative.dev/v1',
    kind: 'Trigger',
    metadata: { name: 'audit', namespace: 'tagline' },
    spec: { broker: 'default', filter: { attributes: { type: 'dev.tagline.campaign.exhausted' } }, subscriber: { ref: { apiVersion: 'serving.knative.dev/v1', kind: 'Service', name: 'report' } } },
  };
  const c = await cluster(tt, '1.11.0');
  const missing = await c.run(toScript(knPlan([trigger]), 'test'));
  tt.is(missing.status, 1);
  tt.regex(missing.stderr, /sink is invalid: services\.serving\.knative\.dev "report" not found/);
  const createTwice = ['kn broker create default --namespace tagline', 'kn broker create default --namespace tagline'].join('\n');
  const twice = await c.run(createTwice);
  tt.is(twice.status, 1);
  tt.regex(twice.stderr, /brokers\.eventing\.knative\.dev "default" already exists/);
  tt.regex((await c.run('kn trigger update audit --namespace tagline --broker other')).stderr, /not found/);
});

t('a Trigger with exact attribute filters and no delivery options becomes kn trigger create --filter, then kn trigger update', async (tt) => {
  const report = service('report', { image: 'ghcr.io/tagline/tagline:1' });
  const trigger: KubeObject = {
    apiVersion: 'eventing.knative.dev/v1',
    kind: 'Trigger',
    metadata: { name: 'audit', namespace: 'tagline' },
    spec: { broker: 'default', filter: { attributes: { type: 'dev.tagline.campaign.exhausted', source: '/ledger' } }, subscriber: { ref: { apiVersion: 'serving.knative.dev/v1', kind: 'Service', name: 'report' } } },
  };
  const steps = knPlan([report, trigger]);
  const step = steps.find((s) => s.kind === 'kn' && s.object === trigger);
  tt.true(step !== undefined && step.kind === 'kn');
  if (step?.kind !== 'kn') return;
  tt.deepEqual(step.argv, ['kn', 'trigger', 'create', 'audit', '--namespace', 'tagline', '--broker', 'default', '--filter', 'type=dev.tagline.campaign.exhausted', '--filter', 'source=/ledger', '--sink', 'ksvc:report']);
  tt.deepEqual(step.update, ['kn', 'trigger', 'update', 'audit', '--namespace', 'tagline', '--filter', 'type=dev.tagline.campaign.exhausted', '--filter', 'source=/ledger', '--sink', 'ksvc:report']);
  const c = await cluster(tt, '1.11.0');
  const script = toScript(steps, 'test');
  tt.is((await c.run(script)).status, 0);
  tt.is((await c.run(script)).status, 0);
  assertSameObjects(tt, c.state.objects, [report, trigger]);
});

t('values with spaces and quotes survive the shell; a PingSource to a plain sink becomes kn source ping create', async (tt) => {
  const report = service('report', { image: 'ghcr.io/tagline/tagline:1' });
  const ping: KubeObject = {
    apiVersion: 'sources.knative.dev/v1',
    kind: 'PingSource',
    metadata: { name: 'nightly', namespace: 'tagline' },
    spec: { schedule: '0 3 * * *', data: `{"note":"it's nightly"}`, sink: { ref: { apiVersion: 'serving.knative.dev/v1', kind: 'Service', name: 'report' } } },
  };
  const c = await cluster(tt, '1.11.0');
  const script = toScript(knPlan([report, ping]), 'test');
  tt.regex(script, /kn source ping create nightly/);
  tt.is((await c.run(script)).status, 0);
  tt.is((await c.run(script)).status, 0);
  assertSameObjects(tt, c.state.objects, [report, ping]);
});

t('production: Services first, then the Kafka Broker dead-lettering into one of them; what kn cannot say goes as YAML with the reason', async (tt) => {
  const script = toScript(knPlan(objectsOf('production')), 'production');
  tt.regex(script, /^ {2}kn broker create default --namespace tagline \\\n {4}--class Kafka \\\n {4}--broker-config cm:tagline-kafka-broker:tagline/m);
  tt.true(script.indexOf('kn service apply dead-letters') < script.indexOf('kn broker create default'), 'dead-letters exists before the Broker names it');
  tt.true(script.indexOf('kn broker create default') < script.indexOf('kn source binding create'), 'the Broker exists before the SinkBinding names it');
  tt.regex(script, /# kn cannot express Trigger\/ledger: filters \(any\)/);
  tt.regex(script, /# kn cannot express Trigger\/report: filters \(prefix\)/);
  tt.regex(script, /# kn cannot express Trigger\/\w+: .*delivery \(/);
  tt.regex(script, /# kn cannot express PingSource\/track-outbox: a sink path \(\/v1\/outbox\/flush\)/);
  tt.regex(script, /# kn's flags cannot say, for ad-decision: securityContext readOnlyRootFilesystem/);
  tt.regex(script, /kn service apply ad-decision --namespace tagline \\\n {2}--filename \/dev\/stdin <<'YAML'/);
  tt.notRegex(script, /kubectl patch/);
});

t('npm run kn prints the script for a variant and rejects an unknown one', async (tt) => {
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
