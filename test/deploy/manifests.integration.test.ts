/**
 * Every deployment variant (`knative/` base, `overlays/dev`, `overlays/production`), rendered
 * by `kubectl kustomize` from a temporary copy: each object valid against its published schema,
 * and Tagline's own rules — what a cluster would otherwise only reveal at deploy time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { Service as KnativeServiceModel } from '@kubernetes-models/knative/serving.knative.dev/v1/Service';
import { loadConfig } from '../../shared/config';
import { EVENT_TYPES } from '../../shared/emitter';
import { as, Broker, isKind, KnativeService, PingSource, SinkBinding, Trigger, type Destination } from '../../scripts/manifest-model';
import { parseObjects, REPO_ROOT, VARIANTS, VARIANTS_WITH_SECRETS, type KubeObject, type Variant } from '../../scripts/render';
import { objectsOf } from '../kit/rendered';
import { needs } from '../kit/needs';
import { groupKind, hasCrdSchema, validateObject } from '../kit/schemas';

const ALL = Object.keys(VARIANTS) as Variant[];
const NAMESPACE = 'tagline';
/** Ports and names Knative's queue-proxy and activator use inside every pod. */
const RESERVED_PORTS = [8012, 8013, 8022, 9090, 9091];
const RESERVED_ENV = ['PORT', 'K_SERVICE', 'K_CONFIGURATION', 'K_REVISION'];
const PORT_NAMES = ['http1', 'h2c'];
const CORE_KINDS = ['Namespace', 'ConfigMap', 'Secret', 'Service', 'StatefulSet'];
/** Kinds without a published schema in the reference set, checked by the tests below instead. */
const CHECKED_KINDS = ['monitoring.coreos.com/PrometheusRule'];

const t = needs('kubectl');

const services = (v: Variant) => objectsOf(v).filter((o) => isKind(o, 'serving.knative.dev', 'Service')).map((o) => as(KnativeService, o));
const triggers = (v: Variant) => objectsOf(v).filter((o) => isKind(o, 'eventing.knative.dev', 'Trigger')).map((o) => as(Trigger, o));
const brokers = (v: Variant) => objectsOf(v).filter((o) => isKind(o, 'eventing.knative.dev', 'Broker')).map((o) => as(Broker, o));
const envOf = (svc: KnativeService) => new Map((svc.spec.template.spec.containers[0]!.env ?? []).map((e) => [e.name, e.value]));
const annotationsOf = (svc: KnativeService) => svc.spec.template.metadata?.annotations ?? {};

function functionFolders(): string[] {
  const dir = path.join(REPO_ROOT, 'functions');
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** Whether a Trigger with this spec receives an event with these attributes (Knative's semantics). */
function receives(spec: Trigger['spec'], attrs: Record<string, string>): boolean {
  if (spec.filters !== undefined && spec.filters.length > 0) return spec.filters.every((f) => matches(f, attrs));
  return Object.entries(spec.filter?.attributes ?? {}).every(([k, v]) => v === '' || attrs[k] === v);
}

function matches(expression: Record<string, unknown>, attrs: Record<string, string>): boolean {
  return Object.entries(expression).every(([dialect, arg]) => {
    const pairs = () => Object.entries(arg as Record<string, string>);
    const list = () => arg as Record<string, unknown>[];
    switch (dialect) {
      case 'exact':
        return pairs().every(([k, v]) => attrs[k] === v);
      case 'prefix':
        return pairs().every(([k, v]) => attrs[k]?.startsWith(v) === true);
      case 'suffix':
        return pairs().every(([k, v]) => attrs[k]?.endsWith(v) === true);
      case 'all':
        return list().every((e) => matches(e, attrs));
      case 'any':
        return list().some((e) => matches(e, attrs));
      case 'not':
        return !matches(arg as Record<string, unknown>, attrs);
      default:
        throw new Error(`filter dialect "${dialect}" is not understood by this test`);
    }
  });
}

/** The object a Destination's ref names, if the variant renders it. */
function resolve(objects: readonly KubeObject[], dest: Destination | undefined, namespace: string): KubeObject | undefined {
  const ref = dest?.ref;
  if (ref === undefined) return undefined;
  return objects.find((o) => o.kind === ref.kind && o.metadata.name === ref.name && (o.metadata.namespace ?? NAMESPACE) === (ref.namespace ?? namespace) && (ref.apiVersion === undefined || o.apiVersion === ref.apiVersion));
}

for (const variant of ALL) {
  t(`${variant}: every Knative and monitoring object is valid against its CRD schema, unknown fields included`, (tt) => {
    const checked = objectsOf(variant).filter(hasCrdSchema);
    tt.true(checked.length > 0);
    for (const obj of checked) tt.deepEqual(validateObject(obj), [], `${obj.kind}/${obj.metadata.name}`);
  });

  t(`${variant}: every Knative Service is valid for @kubernetes-models/knative`, (tt) => {
    const objs = objectsOf(variant).filter((o) => isKind(o, 'serving.knative.dev', 'Service'));
    tt.true(objs.length > 0);
    for (const obj of objs) tt.notThrows(() => new KnativeServiceModel(obj as never).validate(), obj.metadata.name);
  });

  t(`${variant}: only known kinds, all in the ${NAMESPACE} namespace`, (tt) => {
    for (const obj of objectsOf(variant)) {
      tt.true(hasCrdSchema(obj) || CORE_KINDS.includes(obj.kind) || CHECKED_KINDS.includes(groupKind(obj)), `${obj.apiVersion} ${obj.kind} has no schema check`);
      if (obj.kind === 'Namespace') tt.is(obj.metadata.name, NAMESPACE);
      else tt.is(obj.metadata.namespace, NAMESPACE, `${obj.kind}/${obj.metadata.name}`);
    }
  });

  t(`${variant}: one Service per function folder, each running its own function in production mode`, (tt) => {
    const svcs = services(variant);
    tt.deepEqual(svcs.map((s) => s.metadata.name).sort(), functionFolders());
    for (const svc of svcs) {
      const name = svc.metadata.name;
      const env = envOf(svc);
      tt.is(env.get('FUNCTION_TARGET'), name, `${name}: FUNCTION_TARGET`);
      tt.true(existsSync(path.join(REPO_ROOT, 'functions', name, 'index.ts')), `${name}: functions/${name}/index.ts exists`);
      tt.is(env.get('NODE_ENV'), 'production', `${name}: NODE_ENV`);
    }
  });

  t(`${variant}: one container, one port, nothing Knative reserves`, (tt) => {
    for (const svc of services(variant)) {
      const name = svc.metadata.name;
      const containers = svc.spec.template.spec.containers;
      tt.is(containers.length, 1, `${name}: containers`);
      const ports = containers[0]!.ports ?? [];
      tt.is(ports.length, 1, `${name}: exactly one container port`);
      const port = ports[0]!;
      tt.false(RESERVED_PORTS.includes(port.containerPort), `${name}: port ${port.containerPort} is reserved by Knative`);
      tt.true(port.name === undefined || PORT_NAMES.includes(port.name), `${name}: port name ${String(port.name)}`);
      for (const env of containers[0]!.env ?? []) tt.false(RESERVED_ENV.includes(env.name), `${name}: env ${env.name} is set by Knative`);
      tt.is(containers[0]!.readinessProbe?.httpGet?.path, '/healthz', `${name}: readiness on /healthz`);
    }
  });

  t(`${variant}: every container runs as non-root on a read-only root filesystem`, (tt) => {
    for (const svc of services(variant)) {
      const sc = svc.spec.template.spec.containers[0]!.securityContext ?? {};
      tt.is(sc.runAsNonRoot, true, `${svc.metadata.name}: runAsNonRoot`);
      tt.is(sc.readOnlyRootFilesystem, true, `${svc.metadata.name}: readOnlyRootFilesystem`);
      tt.is(sc.allowPrivilegeEscalation, false, `${svc.metadata.name}: allowPrivilegeEscalation`);
    }
  });

  t(`${variant}: every Trigger's broker, subscriber and dead-letter sink exist`, (tt) => {
    const objects = objectsOf(variant);
    const brokerNames = brokers(variant).map((b) => b.metadata.name);
    for (const trigger of triggers(variant)) {
      const name = trigger.metadata.name;
      tt.true(brokerNames.includes(trigger.spec.broker), `${name}: broker ${trigger.spec.broker}`);
      tt.truthy(resolve(objects, trigger.spec.subscriber, NAMESPACE), `${name}: subscriber`);
      const dls = trigger.spec.delivery?.deadLetterSink;
      if (dls !== undefined) tt.truthy(resolve(objects, dls, NAMESPACE), `${name}: deadLetterSink`);
    }
    for (const broker of brokers(variant)) {
      const dls = broker.spec?.delivery?.deadLetterSink;
      tt.truthy(resolve(objects, dls, NAMESPACE), `broker ${broker.metadata.name}: deadLetterSink`);
    }
  });

  t(`${variant}: each event type reaches exactly its consumers, billing events with a dead-letter sink`, (tt) => {
    const consumers: Record<string, string[]> = {
      [EVENT_TYPES.impression]: ['ledger', 'report'],
      [EVENT_TYPES.click]: ['ledger', 'report'],
      [EVENT_TYPES.viewable]: ['report'],
      [EVENT_TYPES.pageObserved]: ['classify'],
    };
    const all = triggers(variant);
    for (const [type, expected] of Object.entries(consumers)) {
      const attrs = { type, source: '/x', specversion: '1.0', id: 'x' };
      const receiving = all.filter((tr) => receives(tr.spec, attrs));
      tt.deepEqual(receiving.map((tr) => tr.spec.subscriber.ref?.name).sort(), expected, type);
      if (type === EVENT_TYPES.impression || type === EVENT_TYPES.click) {
        for (const tr of receiving) tt.truthy(tr.spec.delivery?.deadLetterSink, `${tr.metadata.name} receives ${type} without a dead-letter sink`);
      }
    }
  });

  t(`${variant}: each producer has a SinkBinding of its own (its sender identity), pointing at the Broker; the consumers have none`, (tt) => {
    const objects = objectsOf(variant);
    const bindings = objects.filter((o) => isKind(o, 'sources.knative.dev', 'SinkBinding')).map((o) => as(SinkBinding, o));
    const producers = ['ad-decision', 'track', 'ledger', 'campaigns', 'dead-letters'];
    for (const producer of producers) {
      const own = bindings.filter((b) => b.spec.subject.name === producer);
      tt.is(own.length, 1, `${producer} has one SinkBinding naming it`);
      tt.is(resolve(objects, own[0]!.spec.sink, NAMESPACE)?.kind, 'Broker');
    }
    tt.deepEqual(bindings.map((b) => b.spec.subject.name).sort(), [...producers].sort(), 'no SinkBinding selects by label, so no two producers share an identity');
  });

  t(`${variant}: the consumers are cluster-local, and their Triggers deliver with an OIDC audience the consumer checks`, (tt) => {
    const consumers = ['ledger', 'report', 'classify', 'dead-letters'];
    for (const svc of services(variant).filter((s) => consumers.includes(s.metadata.name))) {
      tt.is(svc.metadata.labels?.['networking.knative.dev/visibility'], 'cluster-local', svc.metadata.name);
      tt.is(envOf(svc).get('OIDC_AUDIENCE'), `serving.knative.dev/service/${NAMESPACE}/${svc.metadata.name}`, svc.metadata.name);
    }
    for (const trigger of triggers(variant)) {
      const subscriber = trigger.spec.subscriber as Destination & { audience?: string };
      tt.is(subscriber.audience, `serving.knative.dev/service/${NAMESPACE}/${subscriber.ref?.name ?? ''}`, trigger.metadata.name);
    }
    for (const svc of services(variant).filter((s) => !consumers.includes(s.metadata.name))) tt.not(svc.metadata.labels?.['networking.knative.dev/visibility'], 'cluster-local', `${svc.metadata.name} stays public`);
  });

  t(`${variant}: EventPolicies let only the producers' identities publish to the Broker, each its own event types`, (tt) => {
    const objects = objectsOf(variant);
    const policies = objects.filter((o) => isKind(o, 'eventing.knative.dev', 'EventPolicy')) as (KubeObject & { spec: { to: { ref: { kind: string; name: string } }[]; from: { ref?: { kind: string; name: string }; sub?: string }[]; filters?: Record<string, unknown>[] } })[];
    tt.true(policies.length > 0);
    for (const policy of policies) {
      tt.true(policy.spec.to.every((t) => t.ref.kind === 'Broker' && t.ref.name === 'default'), policy.metadata.name);
      tt.true(policy.spec.from.every((f) => f.sub === undefined && f.ref !== undefined), `${policy.metadata.name} names its senders by reference, never by a subject pattern`);
      tt.true((policy.spec.filters ?? []).length > 0, `${policy.metadata.name} limits the event types`);
    }
    const senders = policies.flatMap((p) => p.spec.from.map((f) => `${f.ref!.kind}/${f.ref!.name}`)).sort();
    tt.deepEqual(senders, ['SinkBinding/ad-decision', 'SinkBinding/campaigns', 'SinkBinding/dead-letters', 'SinkBinding/ledger', 'SinkBinding/track', 'Trigger/classify']);
  });

  t(`${variant}: the PingSource reaches an existing Service`, (tt) => {
    const objects = objectsOf(variant);
    for (const obj of objects.filter((o) => isKind(o, 'sources.knative.dev', 'PingSource'))) {
      tt.truthy(resolve(objects, as(PingSource, obj).spec.sink, NAMESPACE), obj.metadata.name);
    }
  });
}

interface PodMonitorSpec {
  selector: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
  namespaceSelector?: unknown;
  podMetricsEndpoints: { port?: string; portNumber?: number; targetPort?: unknown; path?: string; scheme?: string }[];
}

for (const variant of VARIANTS_WITH_SECRETS) {
  t(`${variant}: one PodMonitor per Service, selecting exactly that Service's pods and scraping /metrics on user-port`, (tt) => {
    const monitors = objectsOf(variant).filter((o) => isKind(o, 'monitoring.coreos.com', 'PodMonitor')) as (KubeObject & { spec: PodMonitorSpec })[];
    const names = services(variant).map((s) => s.metadata.name).sort();
    const selected = monitors.map((m) => m.spec.selector.matchLabels?.['serving.knative.dev/service'] ?? '').sort();
    tt.deepEqual(selected, names, 'each Service selected by exactly one PodMonitor');
    for (const monitor of monitors) {
      const name = monitor.metadata.name;
      // Knative labels a revision's pods with their Service's name; nothing else may narrow or widen that.
      tt.deepEqual(Object.keys(monitor.spec.selector.matchLabels ?? {}), ['serving.knative.dev/service'], `${name}: selector`);
      tt.is(monitor.spec.selector.matchExpressions, undefined, `${name}: no matchExpressions`);
      tt.is(monitor.spec.namespaceSelector, undefined, `${name}: its own namespace only`);
      tt.is(monitor.spec.podMetricsEndpoints.length, 1, `${name}: one endpoint`);
      const endpoint = monitor.spec.podMetricsEndpoints[0]!;
      // user-port is the function's own port in a Knative pod: not the queue-proxy, never the activator.
      tt.is(endpoint.port, 'user-port', `${name}: port`);
      tt.is(endpoint.portNumber, undefined, `${name}: no port number`);
      tt.is(endpoint.targetPort, undefined, `${name}: no targetPort`);
      tt.is(endpoint.path, '/metrics', `${name}: path`);
    }
  });

  t(`${variant}: the PrometheusRule is well formed: named groups, alerts with an expression, a severity and a summary`, (tt) => {
    const rules = objectsOf(variant).filter((o) => isKind(o, 'monitoring.coreos.com', 'PrometheusRule'));
    tt.is(rules.length, 1);
    const spec = rules[0]!.spec as { groups: { name: string; interval?: string; rules: Record<string, unknown>[] }[] };
    tt.true(spec.groups.length > 0);
    const alerts = new Set<string>();
    for (const group of spec.groups) {
      tt.regex(group.name, /\S/);
      tt.deepEqual(Object.keys(group).filter((k) => !['name', 'interval', 'rules'].includes(k)), [], `group ${group.name}: unknown fields`);
      for (const rule of group.rules) {
        tt.deepEqual(Object.keys(rule).filter((k) => !['alert', 'expr', 'for', 'labels', 'annotations'].includes(k)), [], `${String(rule.alert)}: unknown fields`);
        tt.is(typeof rule.alert, 'string');
        tt.false(alerts.has(rule.alert as string), `${String(rule.alert)} once`);
        alerts.add(rule.alert as string);
        tt.regex(String(rule.expr), /\S/);
        if (rule.for !== undefined) tt.regex(String(rule.for), /^\d+[smh]$/, `${String(rule.alert)}: for`);
        tt.regex((rule.labels as Record<string, string> | undefined)?.severity ?? '', /^(warning|critical)$/, `${String(rule.alert)}: severity`);
        tt.truthy((rule.annotations as Record<string, string> | undefined)?.summary, `${String(rule.alert)}: summary`);
      }
    }
  });


  t(`${variant}: the referenced ConfigMap and Secret are rendered and make a valid production configuration`, (tt) => {
    const objects = objectsOf(variant);
    const example = readFileSync(path.join(REPO_ROOT, 'knative', 'secrets', 'example.env'), 'utf8');
    const exampleKeys = example.split('\n').filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.slice(0, l.indexOf('=')));
    for (const svc of services(variant)) {
      const container = svc.spec.template.spec.containers[0]!;
      const env: Record<string, string> = {};
      for (const from of container.envFrom ?? []) {
        const ref = from.configMapRef ?? from.secretRef;
        const kind = from.configMapRef !== undefined ? 'ConfigMap' : 'Secret';
        const obj = objects.find((o) => o.kind === kind && o.metadata.name === ref?.name);
        tt.truthy(obj, `${svc.metadata.name}: ${kind} ${String(ref?.name)} is rendered`);
        if (kind === 'Secret') tt.deepEqual(Object.keys((obj?.data as Record<string, string> | undefined) ?? {}).sort(), [...exampleKeys].sort());
        const data = (obj?.data ?? {}) as Record<string, string>;
        for (const [k, v] of Object.entries(data)) env[k] = kind === 'Secret' ? Buffer.from(v, 'base64').toString('utf8') : v;
      }
      for (const [k, v] of envOf(svc)) if (v !== undefined) env[k] = v;
      tt.notThrows(() => loadConfig({ ...env, K_SERVICE: svc.metadata.name }), `${svc.metadata.name}: loadConfig`);
    }
  });

  t(`${variant}: Redis is a StatefulSet with storage, probes and a locked-down pod, behind the Service STORE_URL names`, (tt) => {
    const objects = objectsOf(variant);
    const config = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'tagline-config');
    const storeUrl = new URL((config?.data as Record<string, string>).STORE_URL ?? '');
    const [serviceName, namespace] = storeUrl.hostname.split('.');
    const service = objects.find((o) => isKind(o, '', 'Service') && o.metadata.name === serviceName);
    tt.truthy(service, `Service ${String(serviceName)}`);
    tt.is(namespace, NAMESPACE);
    const sts = objects.find((o) => isKind(o, 'apps', 'StatefulSet') && o.metadata.name === 'redis') as KubeObject & { spec: StatefulSetSpec };
    tt.truthy(sts);
    const spec = sts.spec;
    tt.is(spec.serviceName, serviceName ?? '');
    const svcSpec = service?.spec as { selector: Record<string, string>; ports: { port: number }[] };
    tt.true(svcSpec.ports.some((p) => String(p.port) === (storeUrl.port || '6379')));
    for (const [k, v] of Object.entries(svcSpec.selector)) tt.is(spec.template.metadata.labels[k], v, `selector ${k}`);
    for (const [k, v] of Object.entries(spec.selector.matchLabels)) tt.is(spec.template.metadata.labels[k], v, `matchLabels ${k}`);
    const claim = spec.volumeClaimTemplates[0]?.metadata.name;
    const container = spec.template.spec.containers[0]!;
    tt.true(container.volumeMounts.some((m) => m.name === claim), 'the data volume is mounted');
    tt.truthy(container.readinessProbe);
    tt.truthy(container.livenessProbe);
    tt.is(spec.template.spec.securityContext.runAsNonRoot, true);
    tt.is(container.securityContext.readOnlyRootFilesystem, true);
    tt.is(container.securityContext.allowPrivilegeEscalation, false);
  });
}

interface StatefulSetSpec {
  serviceName: string;
  selector: { matchLabels: Record<string, string> };
  volumeClaimTemplates: { metadata: { name: string } }[];
  template: {
    metadata: { labels: Record<string, string> };
    spec: {
      securityContext: { runAsNonRoot?: boolean };
      containers: { volumeMounts: { name: string }[]; readinessProbe?: unknown; livenessProbe?: unknown; securityContext: Record<string, unknown> }[];
    };
  };
}

t('production: ad-decision never scales to zero and shrinks slowly; every Service has requests, limits and a replica bound', (tt) => {
  const svcs = services('production');
  const adDecision = svcs.find((s) => s.metadata.name === 'ad-decision')!;
  tt.is(annotationsOf(adDecision)['autoscaling.knative.dev/min-scale'], '1');
  tt.regex(annotationsOf(adDecision)['autoscaling.knative.dev/scale-down-delay'] ?? '', /^\d+(s|m|h)$/);
  for (const svc of svcs) {
    const resources = svc.spec.template.spec.containers[0]!.resources;
    for (const r of ['cpu', 'memory']) {
      tt.truthy(resources?.requests?.[r], `${svc.metadata.name}: requests.${r}`);
      tt.truthy(resources?.limits?.[r], `${svc.metadata.name}: limits.${r}`);
    }
    const max = Number(annotationsOf(svc)['autoscaling.knative.dev/max-scale']);
    tt.true(Number.isInteger(max) && max >= 1, `${svc.metadata.name}: max-scale`);
  }
});

t('production: the Broker is Kafka-backed, with its config rendered', (tt) => {
  const objects = objectsOf('production');
  const broker = brokers('production')[0]!;
  tt.is(broker.metadata.annotations?.['eventing.knative.dev/broker.class'], 'Kafka');
  const ref = broker.spec?.config;
  tt.is(ref?.kind, 'ConfigMap');
  const config = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === ref?.name && o.metadata.namespace === ref?.namespace);
  tt.truthy(config, 'the Kafka broker ConfigMap is rendered');
  tt.truthy((config?.data as Record<string, string>)['bootstrap.servers']);
});

t('images: production runs the released tag of package.json, dev the image loaded into kind, the base the bare name', (tt) => {
  const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const images = (v: Variant) => [...new Set(services(v).map((s) => s.spec.template.spec.containers[0]!.image))];
  tt.deepEqual(images('production'), [`ghcr.io/tagline/tagline:${version}`]);
  tt.deepEqual(images('dev'), ['dev.local/tagline:dev']);
  tt.deepEqual(images('base'), ['tagline']);
});

t('base: a plain reading of knative/base (what the local platform does) sees exactly what kustomize renders', (tt) => {
  const names = (objs: readonly { kind: string; metadata: { name: string } }[]) => objs.map((o) => `${o.kind}/${o.metadata.name}`).sort();
  const baseDir = path.join(REPO_ROOT, 'knative', 'base');
  const kustomization = parse(readFileSync(path.join(baseDir, 'kustomization.yaml'), 'utf8')) as { resources: string[] };
  const plain = kustomization.resources.flatMap((file) => parseObjects(readFileSync(path.join(baseDir, file), 'utf8')));
  tt.deepEqual(names(plain), names(objectsOf('base')));
  tt.deepEqual(Object.keys(kustomization).sort(), ['apiVersion', 'kind', 'namespace', 'resources'], 'no generators or patches a plain reader would miss');
  tt.false(objectsOf('base').some((o) => o.kind === 'Secret'), 'the base carries no secret');
});
