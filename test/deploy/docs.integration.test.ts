/**
 * docs/deploy.md, command by command. Blocks without `# needs a real cluster` are run here
 * (against a temporary copy of `knative/`); cluster blocks are checked as far as this machine
 * allows: the tasks exist and the prose quotes what they really run, the requests sent are valid
 * for the functions that receive them, the URLs are those of rendered Services.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { parse } from 'yaml';
import { parseAdRequest } from '../../functions/ad-decision/request';
import { CampaignInput, Publisher } from '../../shared/model';
import { parseLoadArgs } from '../../scripts/load';
import { as, isKind, KnativeService } from '../../scripts/manifest-model';
import { parseObjects, REPO_ROOT, SECRETS_FILE } from '../../scripts/render';
import { needs } from '../kit/needs';
import { copyKnative, objectsOf } from '../kit/rendered';

const DOC = readFileSync(path.join(REPO_ROOT, 'docs', 'deploy.md'), 'utf8');
const CLUSTER_MARK = '# needs a real cluster';
const CLUSTER_TOOLS = ['task', 'kind', 'kn', 'kubectl', 'docker', 'helm', 'curl', 'npm'];
const DOMAIN = 'tagline.127.0.0.1.sslip.io';

interface Block {
  cluster: boolean;
  commands: string[];
}

/** The doc's ```sh blocks, continuation lines joined, comments dropped. */
function blocks(markdown: string): Block[] {
  return [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => {
    const text = m[1]!;
    const commands = text
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
    return { cluster: text.startsWith(CLUSTER_MARK), commands };
  });
}

/** Split a command line into words, honouring single and double quotes (no expansions). */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

const TASKFILE = parse(readFileSync(path.join(REPO_ROOT, 'Taskfile.yml'), 'utf8')) as { vars: Record<string, unknown>; tasks: Record<string, { cmds?: unknown[] }> };
const normal = (s: string) => s.replace(/\s+/g, ' ');
const DOC_TEXT = normal(DOC.replace(/`\n/g, '` '));

const t = needs('kubectl');

test('deploy.md: every code block is either run here or marked as needing a real cluster', (tt) => {
  const all = blocks(DOC);
  tt.true(all.filter((b) => !b.cluster).length >= 2, 'some steps run here');
  tt.true(all.filter((b) => b.cluster).length >= 5, 'the cluster steps are marked');
  for (const block of all.filter((b) => !b.cluster)) {
    for (const command of block.commands) tt.regex(command, /^(npm run (render|kn) -- |kubectl kustomize )/, `runnable here: ${command}`);
  }
  for (const block of all.filter((b) => b.cluster)) {
    for (const command of block.commands) tt.true(CLUSTER_TOOLS.includes(words(command)[0]!) || /^[A-Z_]+=\$\(/.test(command), command);
  }
});

t('deploy.md: the commands that run here run, as written, on a copy of knative/', (tt) => {
  const dir = copyKnative();
  for (const command of blocks(DOC).filter((b) => !b.cluster).flatMap((b) => b.commands)) {
    const w = words(command);
    let res;
    if (w[0] === 'npm') res = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'scripts', `${w[2]}.js`), ...w.slice(4), '--knative', dir], { encoding: 'utf8' });
    else res = spawnSync('kubectl', ['kustomize', path.join(dir, path.relative('knative', w[2]!))], { encoding: 'utf8' });
    tt.is(res.status, 0, `${command}: ${res.stderr}`);
    if (w[2] === 'kn') tt.is(spawnSync('bash', ['-n'], { input: res.stdout }).status, 0, `${command} prints valid bash`);
    else tt.true(parseObjects(res.stdout).length > 10, `${command} prints the objects`);
  }
});

test('deploy.md: every task it runs exists, with the variables it sets, and the prose quotes what the task really runs', (tt) => {
  const vars = Object.keys(TASKFILE.vars);
  const tasks = blocks(DOC)
    .flatMap((b) => b.commands)
    .map(words)
    .filter((w) => w[0] === 'task');
  tt.true(tasks.length >= 8);
  const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const values: Record<string, string> = { VARIANT: 'dev', TAG: version };
  for (const [name, value] of Object.entries(TASKFILE.vars)) if (typeof value === 'string') values[name] ??= value;
  const expand = (s: string): string => s.replace(/\{\{\.(\w+)\}\}/g, (_, v: string) => (values[v] === undefined ? `{{.${v}}}` : expand(values[v])));
  for (const [name, ...assignments] of tasks.map((w) => w.slice(1))) {
    const task = TASKFILE.tasks[name!];
    tt.truthy(task, `task ${String(name)}`);
    for (const a of assignments) tt.true(vars.includes(a.split('=')[0]!), `${String(name)}: ${a}`);
    if (name === 'observability:install' || assignments.length > 0) continue;
    for (const cmd of task?.cmds ?? []) if (typeof cmd === 'string') tt.true(DOC_TEXT.includes(normal(expand(cmd))), `the doc says what ${String(name)} runs: ${expand(cmd)}`);
  }
});

function check(tt: ExecutionContext, url: URL, body: unknown): void {
  const service = url.hostname.slice(0, url.hostname.indexOf('.'));
  if (service === 'ad-decision' && url.pathname === '/v1/ads') tt.notThrows(() => parseAdRequest(body), 'a valid ad request');
  else if (service === 'campaigns' && url.pathname === '/v1/publishers') tt.true(Publisher.safeParse(body).success, 'a valid publisher');
  else if (service === 'campaigns' && url.pathname === '/v1/campaigns') tt.deepEqual(CampaignInput.safeParse(body).error?.issues ?? [], [], 'a valid campaign');
  else tt.fail(`no check for ${url.href}`);
}

t('deploy.md: its requests go to rendered Services on the dev domain and are valid for the functions that receive them', (tt) => {
  const services = objectsOf('dev')
    .filter((o) => isKind(o, 'serving.knative.dev', 'Service'))
    .map((o) => as(KnativeService, o).metadata.name);
  const config = objectsOf('dev').find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'tagline-config')?.data as Record<string, string>;
  const commands = blocks(DOC)
    .filter((b) => b.cluster)
    .flatMap((b) => b.commands);
  const hostOk = (url: URL) => url.hostname.endsWith(`.${DOMAIN}`) && services.includes(url.hostname.slice(0, -DOMAIN.length - 1));
  let curls = 0;
  for (const w of commands.map(words)) {
    if (w[0] === 'curl') {
      curls++;
      const url = new URL(w.find((x) => x.startsWith('http'))!);
      tt.true(hostOk(url), url.href);
      check(tt, url, JSON.parse(w[w.indexOf('-d') + 1]!));
    } else if (w[0] === 'npm' && w[2] === 'load') {
      const options = parseLoadArgs(w.slice(4));
      if (typeof options === 'string') return tt.fail(options);
      for (const origin of options.allowedOrigins) tt.true(hostOk(new URL(origin)), origin);
      tt.true(options.allowedOrigins.includes(config.TRACK_URL!), 'beacons go to the TRACK_URL the dev overlay sets');
    }
  }
  tt.is(curls, 3);
});

t('deploy.md: the admin key it reads is where render put it', (tt) => {
  const dir = copyKnative();
  spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'scripts', 'render.js'), 'dev', '--secrets-only', '--knative', dir]);
  const line = blocks(DOC)
    .flatMap((b) => b.commands)
    .find((c) => c.startsWith('ADMIN_KEY=$('))!;
  const inner = /^ADMIN_KEY=\$\((.*)\)$/.exec(line)?.[1] ?? '';
  const res = spawnSync('sh', ['-c', inner.replace('knative/secrets/tagline.env', path.join(dir, SECRETS_FILE))], { encoding: 'utf8' });
  tt.true(res.stdout.trim().length >= 24, 'a production-length admin key');
});

t('capacity.md: the autoscaling targets, replica bounds and Kafka topic it reasons from are those of the production overlay', (tt) => {
  const doc = normal(readFileSync(path.join(REPO_ROOT, 'docs', 'capacity.md'), 'utf8'));
  const objects = objectsOf('production');
  const svcs = objects.filter((o) => isKind(o, 'serving.knative.dev', 'Service')).map((o) => as(KnativeService, o));
  const annotations = (name: string) => svcs.find((s) => s.metadata.name === name)?.spec.template.metadata?.annotations ?? {};
  const bounds: string[] = [];
  for (const name of ['ad-decision', 'track', 'ledger', 'report']) {
    const a = annotations(name);
    tt.is(a['autoscaling.knative.dev/metric'], 'rps', name);
    const target = a['autoscaling.knative.dev/target'] ?? '?';
    tt.true(doc.includes(`\`target: "${target}"\``), `the doc reasons from ${name}'s target ${target}`);
    // The rate the autoscaler aims a pod at (70 % of the target) is what the doc sizes pods with.
    tt.true(doc.includes(`${(Number(target) * 0.7).toLocaleString('en-US')}/s`), `${name}: P = ${target} × 0.70`);
    bounds.push(`${name} ${a['autoscaling.knative.dev/max-scale'] ?? '?'}`);
  }
  tt.true(doc.includes(`(${bounds.join(', ')})`), `the doc lists the bounds ${bounds.join(', ')}`);
  tt.true(doc.includes(`\`scale-down-delay: ${annotations('ad-decision')['autoscaling.knative.dev/scale-down-delay'] ?? '?'}\``));
  const kafka = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'tagline-kafka-broker')?.data as Record<string, string>;
  tt.true(doc.includes(`with ${kafka['default.topic.partitions']} partitions and replication factor ${kafka['default.topic.replication.factor']}`));
});

test('capacity.md: each pod count is its rate over its P, rounded up, and the totals add up', (tt) => {
  const doc = readFileSync(path.join(REPO_ROOT, 'docs', 'capacity.md'), 'utf8');
  const num = (s: string) => Number(s.replace(/,/g, ''));
  const rows = [...doc.matchAll(/^\| (ad-decision|track|ledger|report) \| [^|]* \| ([\d,]+) \|(.*)\|$/gm)];
  tt.is(rows.length, 4, 'a pods row for ad-decision, track, ledger and report');
  const totals = [0, 0, 0];
  for (const [, name, p, cells] of rows) {
    const tiers = [...cells!.matchAll(/⌈([\d,]+) \/ ([\d,]+)⌉ = \*\*([\d,]+)\*\*/g)];
    tt.is(tiers.length, 3, `${name}: three tiers`);
    tiers.forEach(([, rate, over, pods], i) => {
      tt.is(num(over!), num(p!), `${name}: divided by its own P`);
      tt.is(num(pods!), Math.ceil(num(rate!) / num(p!)), `${name}: ⌈${rate} / ${p}⌉`);
      totals[i]! += num(pods!);
    });
  }
  const total = /^\| \*\*total \(≈ vCPU\)\*\* \| \| \| \*\*([\d,]+)\*\* \| \*\*([\d,]+)\*\* \| \*\*([\d,]+)\*\* \|$/m.exec(doc);
  tt.deepEqual(total?.slice(1).map(num), totals);
});
