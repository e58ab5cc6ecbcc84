/**
 * The PrometheusRule's alerts: accepted by `promtool check rules`, firing (and not firing) as
 * rules.test.yaml's unit tests expect under `promtool test rules`, every one with a severity and
 * an explanation, on catalogued metrics only.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import test from 'ava';
import { REPO_ROOT } from '../../scripts/render';
import { findProgram, needs } from '../kit/needs';
import { alertRules, catalogued, metricNames, readCatalogue, readRuleFile } from '../kit/catalogue';

const UNIT_TESTS = path.join(REPO_ROOT, 'test', 'observability', 'rules.test.yaml');
const promtool = findProgram('promtool');
const tPromtool = needs('promtool');

/** The rule file (from the PrometheusRule) in a fresh folder, as promtool reads it. */
function ruleFolder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tagline-rules-'));
  writeFileSync(path.join(dir, 'rules.yml'), JSON.stringify(readRuleFile(), null, 2));
  return dir;
}

function run(args: string[], cwd: string): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync(promtool!, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

tPromtool('promtool check rules accepts the PrometheusRule', (t) => {
  const dir = ruleFolder();
  try {
    const result = run(['check', 'rules', 'rules.yml'], dir);
    t.true(result.ok, result.output);
    t.regex(result.output, new RegExp(`SUCCESS: ${alertRules().length} rules found`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

tPromtool('promtool check rules refuses a broken expression (the check can fail)', (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tagline-rules-'));
  try {
    writeFileSync(path.join(dir, 'rules.yml'), JSON.stringify({ groups: [{ name: 'x', rules: [{ alert: 'Broken', expr: 'sum(rate(x[5m])' }] }] }));
    t.false(run(['check', 'rules', 'rules.yml'], dir).ok);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

tPromtool('promtool test rules: every alert fires and stays quiet as its unit tests expect', (t) => {
  const dir = ruleFolder();
  try {
    copyFileSync(UNIT_TESTS, path.join(dir, 'rules.test.yaml'));
    const result = run(['test', 'rules', 'rules.test.yaml'], dir);
    t.true(result.ok, result.output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the alerts that matter, each with a severity, a summary and a description', (t) => {
  const alerts = alertRules();
  t.deepEqual(alerts.map((a) => a.alert).sort(), ['TaglineAdDecisionSlow', 'TaglineBrokerBacklogGrowing', 'TaglineConsumerFailing', 'TaglineEventsDeadLettered', 'TaglineEventsLost', 'TaglineHighErrorRatio', 'TaglineTrackSpoolFilling']);
  for (const alert of alerts) {
    t.regex(alert.labels?.severity ?? '', /^(warning|critical)$/, `${alert.alert}: severity`);
    t.truthy(alert.annotations?.summary, `${alert.alert}: summary`);
    t.truthy(alert.annotations?.description, `${alert.alert}: description`);
  }
});

test('every metric an alert uses is in the catalogue (docs/telemetry.md)', (t) => {
  const catalogue = readCatalogue();
  for (const alert of alertRules()) {
    const names = metricNames(alert.expr);
    t.true(names.length > 0, `${alert.alert}: uses a metric`);
    for (const name of names) t.truthy(catalogued(catalogue, name), `${alert.alert}: ${name} is catalogued`);
  }
});
