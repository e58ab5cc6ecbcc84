/**
 * The dashboards as files: valid against Grafana's published schemas (dashboard, Prometheus
 * query, timeseries and stat options), every panel explained and with a unit, counters only
 * through rate/increase, pinned uids on one pinned datasource, shipped by the kustomization and
 * the provisioning files, and only catalogued metrics.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { SCHEMAS_DIR } from '../kit/schemas';
import { catalogued, countersOutsideRate, GRAFANA_DIR, metricNames, readCatalogue, readDashboards, type Panel } from '../kit/catalogue';

const DATASOURCE_UID = 'tagline-prometheus';
const EXPECTED = { 'ad-delivery.json': 'tagline-ad-delivery', 'eventing.json': 'tagline-eventing', 'functions.json': 'tagline-functions' };


const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);

/** A validator for one definition of a Grafana schema file (`undefined`: the file's root). */
function grafanaValidator(file: string, definition?: string): ValidateFunction {
  const schema = JSON.parse(readFileSync(path.join(SCHEMAS_DIR, 'grafana', file), 'utf8')) as { definitions: Record<string, unknown> };
  return ajv.compile(definition === undefined ? schema : { $ref: `#/definitions/${definition}`, definitions: schema.definitions });
}

function errors(validate: ValidateFunction, value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: unknown }).additionalProperty)})` : ''}`);
}

const dashboards = readDashboards();
const allPanels = (): [string, Panel][] => [...dashboards].flatMap(([file, d]) => d.panels.map((p): [string, Panel] => [`${file} "${p.title}"`, p]));

test('the three dashboards, each with its pinned uid, and no uid twice', (t) => {
  t.deepEqual(Object.fromEntries([...dashboards].map(([file, d]) => [file, d.uid])), EXPECTED);
  t.is(new Set([...dashboards.values()].map((d) => d.uid)).size, dashboards.size);
});

test('every dashboard is valid against the Grafana dashboard schema, unknown fields included', (t) => {
  const validate = grafanaValidator('dashboard.jsonschema.json');
  for (const [file, dashboard] of dashboards) t.deepEqual(errors(validate, dashboard), [], file);
});

test('every query is a valid Prometheus query; every panel\'s options and field config valid for its plugin', (t) => {
  const query = grafanaValidator('prometheus.jsonschema.json');
  const plugins: Record<string, { options: ValidateFunction; custom?: ValidateFunction }> = {
    timeseries: { options: grafanaValidator('timeseries.jsonschema.json', 'Options'), custom: grafanaValidator('timeseries.jsonschema.json', 'FieldConfig') },
    stat: { options: grafanaValidator('stat.jsonschema.json', 'Options') },
  };
  for (const [where, panel] of allPanels()) {
    const plugin = plugins[panel.type];
    t.truthy(plugin, `${where}: panel type ${panel.type} has a schema here`);
    if (plugin === undefined) continue;
    t.deepEqual(errors(plugin.options, panel.options), [], `${where}: options`);
    if (plugin.custom !== undefined && panel.fieldConfig?.defaults?.custom !== undefined) t.deepEqual(errors(plugin.custom, panel.fieldConfig.defaults.custom), [], `${where}: fieldConfig.defaults.custom`);
    t.true((panel.targets ?? []).length > 0, `${where}: has queries`);
    for (const target of panel.targets ?? []) t.deepEqual(errors(query, target), [], `${where} ${target.refId}`);
  }
});

test('every panel has a description and a unit, and queries the pinned datasource', (t) => {
  for (const [where, panel] of allPanels()) {
    t.true((panel.description ?? '').length >= 20, `${where}: description`);
    t.regex(panel.fieldConfig?.defaults?.unit ?? '', /\S/, `${where}: fieldConfig.defaults.unit`);
    t.is(panel.datasource?.uid, DATASOURCE_UID, `${where}: panel datasource`);
    for (const target of panel.targets ?? []) t.is(target.datasource?.uid, DATASOURCE_UID, `${where} ${target.refId}: datasource`);
  }
  for (const [file, dashboard] of dashboards) {
    for (const variable of dashboard.templating.list.filter((v) => v.type === 'query')) t.is(variable.datasource?.uid, DATASOURCE_UID, `${file} $${variable.name}`);
  }
});

test('panel ids are unique within each dashboard and every template variable a query uses is defined', (t) => {
  for (const [file, dashboard] of dashboards) {
    const ids = dashboard.panels.map((p) => p.id);
    t.is(new Set(ids).size, ids.length, file);
    const defined = new Set(dashboard.templating.list.map((v) => v.name));
    for (const panel of dashboard.panels) {
      for (const target of panel.targets ?? []) {
        for (const m of target.expr.matchAll(/\$(\w+)/g)) t.true(m[1]!.startsWith('__') || defined.has(m[1]!), `${file} "${panel.title}": $${m[1]} is defined`);
      }
    }
  }
  t.truthy(dashboards.get('functions.json')?.templating.list.find((v) => v.name === 'function'), 'the Functions dashboard has $function');
});

test('counters are only read through rate() or increase()', (t) => {
  const catalogue = readCatalogue();
  for (const [where, panel] of allPanels()) {
    for (const target of panel.targets ?? []) t.deepEqual(countersOutsideRate(catalogue, target.expr), [], `${where} ${target.refId}: ${target.expr}`);
  }
  t.deepEqual(countersOutsideRate(catalogue, 'sum(tagline_ad_requests_total)'), ['tagline_ad_requests_total'], 'the check itself sees a bare counter');
  t.deepEqual(countersOutsideRate(catalogue, 'sum(rate(x_bucket[5m])) / sum(http_server_request_duration_seconds_count)'), ['http_server_request_duration_seconds_count']);
});

test('every metric a dashboard queries is in the catalogue (docs/telemetry.md)', (t) => {
  const catalogue = readCatalogue();
  const used = new Set<string>();
  for (const [where, panel] of allPanels()) {
    for (const target of panel.targets ?? []) {
      const names = metricNames(target.expr);
      t.true(names.length > 0, `${where}: queries a metric`);
      for (const name of names) {
        used.add(name);
        t.truthy(catalogued(catalogue, name), `${where}: ${name} is catalogued`);
      }
    }
  }
  t.deepEqual(metricNames('histogram_quantile(0.99, sum by (le) (rate(a_bucket{x=~"y|z"}[5m]))) / on (f) group_left count(b offset 5m)'), ['a_bucket', 'b']);
  t.log(`${used.size} metrics used by ${dashboards.size} dashboards`);
});

test('the provisioning files name the pinned datasource and load the dashboards folder; the kustomization ships every dashboard labelled for Grafana', (t) => {
  const datasources = parse(readFileSync(path.join(GRAFANA_DIR, 'provisioning', 'datasources', 'tagline.yaml'), 'utf8')) as { datasources: { uid: string; type: string }[] };
  t.deepEqual(datasources.datasources.map((d) => [d.uid, d.type]), [[DATASOURCE_UID, 'prometheus']]);
  const cluster = parse(readFileSync(path.join(GRAFANA_DIR, 'cluster', 'datasource.yaml'), 'utf8')) as { datasources: { uid: string; type: string }[] };
  t.deepEqual(cluster.datasources.map((d) => [d.uid, d.type]), [[DATASOURCE_UID, 'prometheus']]);
  const providers = parse(readFileSync(path.join(GRAFANA_DIR, 'provisioning', 'dashboards', 'tagline.yaml'), 'utf8')) as { providers: { type: string; options: { path: string } }[] };
  t.is(providers.providers[0]?.type, 'file');
  t.truthy(providers.providers[0]?.options.path);

  const kustomization = parse(readFileSync(path.join(GRAFANA_DIR, 'kustomization.yaml'), 'utf8')) as { configMapGenerator: { name: string; files: string[]; options?: { labels?: Record<string, string> } }[] };
  const shipping = kustomization.configMapGenerator.find((g) => g.options?.labels?.grafana_dashboard === '1');
  t.truthy(shipping, 'a ConfigMap labelled grafana_dashboard: "1"');
  t.deepEqual([...(shipping?.files ?? [])].map((f) => path.basename(f)).sort(), [...dashboards.keys()]);
  for (const file of shipping?.files ?? []) t.true(existsSync(path.join(GRAFANA_DIR, file)), file);
  const datasource = kustomization.configMapGenerator.find((g) => g.options?.labels?.grafana_datasource === '1');
  t.truthy(datasource, 'the datasource ships labelled grafana_datasource: "1"');
});
