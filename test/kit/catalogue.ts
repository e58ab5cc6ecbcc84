/**
 * What the observability tests read: the metric catalogue (docs/telemetry.md), the dashboards,
 * the alert rules, and the metric names a PromQL expression uses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROMETHEUS_RULE_FILE, ruleFileFromPrometheusRule } from '../../local/prometheus';
import { REPO_ROOT } from '../../scripts/render';

export const GRAFANA_DIR = path.join(REPO_ROOT, 'grafana');
export const DASHBOARDS_DIR = path.join(GRAFANA_DIR, 'dashboards');

export interface CatalogueEntry {
  /** The name, or a family like `process_*`. */
  name: string;
  type: string;
  /** Function names, `every function` or `platform`. */
  emittedBy: string[];
}

/** Every row of docs/telemetry.md's metric tables (those headed `| metric |`, not the span table). */
export function readCatalogue(): CatalogueEntry[] {
  const text = readFileSync(path.join(REPO_ROOT, 'docs', 'telemetry.md'), 'utf8');
  const entries: CatalogueEntry[] = [];
  let metricTable = false;
  for (const line of text.split('\n')) {
    if (!line.startsWith('|')) metricTable = false;
    else if (/^\|\s*metric\s*\|/.test(line)) metricTable = true;
    if (!metricTable || !line.startsWith('| `')) continue;
    const cells = line.split('|').map((c) => c.trim());
    const names = [...(cells[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    const emittedBy = (cells[4] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    for (const name of names) entries.push({ name, type: cells[2] ?? '', emittedBy });
  }
  return entries;
}

/** The catalogue entry a series name belongs to (histogram suffixes and `*` families included). */
export function catalogued(catalogue: readonly CatalogueEntry[], series: string): CatalogueEntry | undefined {
  return catalogue.find((e) => {
    if (e.name.endsWith('*')) return series.startsWith(e.name.slice(0, -1));
    if (e.name === series) return true;
    return e.type === 'histogram' && ['_bucket', '_count', '_sum'].some((suffix) => series === e.name + suffix);
  });
}

/** Whether a series is a counter (its value only goes up): catalogued counters, histogram parts, `*_total`. */
export function isCounterSeries(catalogue: readonly CatalogueEntry[], series: string): boolean {
  if (series.endsWith('_total')) return true;
  const entry = catalogued(catalogue, series);
  return entry !== undefined && (entry.type === 'counter' || (entry.type === 'histogram' && series !== entry.name));
}

const PROMQL_WORDS = new Set([
  'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless', 'offset', 'bool', 'inf', 'nan',
  'sum', 'min', 'max', 'avg', 'count', 'stddev', 'stdvar', 'topk', 'bottomk', 'quantile', 'count_values', 'group',
]);

/** The metric names an expression selects (functions, keywords, labels and strings left out). */
export function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = new Set<string>();
  for (const m of bare.matchAll(/(?<![\w.])([a-zA-Z_:][\w:]*)(\s*\()?/g)) {
    const [, word, call] = m;
    if (call !== undefined || PROMQL_WORDS.has(word!.toLowerCase()) || /^\d/.test(word!)) continue;
    names.add(word!);
  }
  return [...names];
}

/** Counter series of `expr` used anywhere but directly inside `rate(`, `irate(` or `increase(`. */
export function countersOutsideRate(catalogue: readonly CatalogueEntry[], expr: string): string[] {
  const bad: string[] = [];
  for (const name of metricNames(expr).filter((n) => isCounterSeries(catalogue, n))) {
    for (const m of expr.matchAll(new RegExp(`(?<![\\w:])${name}(?![\\w:])`, 'g'))) {
      const before = expr.slice(0, m.index);
      const after = expr.slice(m.index + name.length);
      if (!/(?:^|[^\w])(?:rate|irate|increase)\(\s*$/.test(before) || !/^\s*(\{[^}]*\})?\s*\[/.test(after)) bad.push(name);
    }
  }
  return bad;
}

export interface Target {
  refId: string;
  expr: string;
  instant?: boolean;
  datasource?: { type?: string; uid?: string };
}

export interface Panel {
  id: number;
  type: string;
  title: string;
  description?: string;
  datasource?: { type?: string; uid?: string };
  targets?: Target[];
  fieldConfig?: { defaults?: { unit?: string; custom?: unknown }; overrides?: unknown[] };
  options?: unknown;
}

export interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: { name: string; type: string; datasource?: { uid?: string }; query?: unknown; allValue?: string }[] };
}

/** Every dashboard file of grafana/dashboards, by file name. */
export function readDashboards(): Map<string, Dashboard> {
  const files = readdirSync(DASHBOARDS_DIR).filter((f) => f.endsWith('.json')).sort();
  return new Map(files.map((f) => [f, JSON.parse(readFileSync(path.join(DASHBOARDS_DIR, f), 'utf8')) as Dashboard]));
}

/**
 * A panel query as Grafana would send it for "the last hour, every function": template variables
 * replaced, `$__rate_interval` as a window holding many 2 s scrapes.
 */
export function substitute(expr: string): string {
  return expr
    .replace(/\$__rate_interval/g, '30s')
    .replace(/\$__interval/g, '10s')
    .replace(/\$__range_s/g, '600')
    .replace(/\$__range/g, '10m')
    .replace(/\$function/g, '.+');
}

/** Every panel query of every dashboard: where it is and its expression (variables substituted). */
export function panelQueries(): { where: string; expr: string }[] {
  const out: { where: string; expr: string }[] = [];
  for (const [file, dashboard] of readDashboards()) {
    for (const panel of dashboard.panels) {
      for (const target of panel.targets ?? []) out.push({ where: `${file} "${panel.title}" ${target.refId}`, expr: substitute(target.expr) });
    }
  }
  return out;
}

export interface AlertRule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** The PrometheusRule's groups, as a Prometheus rule file. */
export function readRuleFile(): { groups: { name: string; rules: AlertRule[] }[] } {
  return ruleFileFromPrometheusRule(readFileSync(PROMETHEUS_RULE_FILE, 'utf8')) as { groups: { name: string; rules: AlertRule[] }[] };
}

/** Every alert of the PrometheusRule. */
export function alertRules(): AlertRule[] {
  return readRuleFile().groups.flatMap((g) => g.rules);
}
