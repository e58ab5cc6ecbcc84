/**
 * Taskfile.yml without the `task` binary: valid against Task's published schema, written to
 * Task's style guide, every command an npm script that exists or a cluster tool, and its image
 * names and paths the same as the manifests'.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { parse, parseDocument } from 'yaml';
import { isKind, KnativeService, as } from '../../scripts/manifest-model';
import { REPO_ROOT } from '../../scripts/render';
import { needs } from '../kit/needs';
import { objectsOf } from '../kit/rendered';
import { jsonSchemaValidator } from '../kit/schemas';

interface Task {
  desc?: string;
  cmds?: (string | { task: string })[];
  requires?: { vars?: (string | { name: string; enum?: string[] })[] };
  preconditions?: unknown[];
}

interface Taskfile {
  version: string;
  vars: Record<string, string | { sh: string }>;
  tasks: Record<string, Task>;
}

const TEXT = readFileSync(path.join(REPO_ROOT, 'Taskfile.yml'), 'utf8');
const TASKFILE = parse(TEXT) as Taskfile;
const SCRIPTS = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const CLUSTER_TOOLS = ['kind', 'kn', 'kubectl', 'docker', 'helm'];
const REQUIRED = ['default', 'install', 'build', 'test', 'start', 'bench', 'eval', 'render', 'cluster:up', 'cluster:down', 'image:build', 'image:push', 'deploy', 'deploy:kn', 'observability:install', 'load'];

const commands = () => Object.entries(TASKFILE.tasks).flatMap(([name, task]) => (task.cmds ?? []).map((cmd) => ({ name, cmd })));
const shellCommands = () => commands().flatMap(({ name, cmd }) => (typeof cmd === 'string' ? [{ name, cmd }] : []));

function substitute(text: string, vars: Record<string, string>): string {
  return text.replace(/\{\{\.(\w+)\}\}/g, (_, v: string) => {
    const value = vars[v];
    if (value === undefined) throw new Error(`{{.${v}}} is not defined`);
    return value;
  });
}

/** Task's templating for the plain `{{.VAR}}` form: the Taskfile's variables, then the caller's. */
function expand(text: string, given: Record<string, string> = {}): string {
  const vars: Record<string, string> = { CLI_ARGS: '' };
  for (const [name, value] of Object.entries(TASKFILE.vars)) {
    vars[name] = typeof value === 'string' ? substitute(value, vars) : execSync(value.sh, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  }
  return substitute(text, { ...vars, ...given });
}

test('Taskfile.yml is valid against the Taskfile schema', (t) => {
  t.deepEqual(jsonSchemaValidator('taskfile/schema.json')(TASKFILE), []);
});

test('Taskfile.yml has every task of docs/deploy.md, each with a description and a kebab-case ns:name', (t) => {
  for (const name of REQUIRED) t.truthy(TASKFILE.tasks[name], `task ${name}`);
  for (const [name, task] of Object.entries(TASKFILE.tasks)) {
    t.regex(name, /^[a-z][a-z0-9-]*(:[a-z][a-z0-9-]*)*$/, name);
    t.true(typeof task.desc === 'string' && task.desc.length > 10, `${name} has a desc`);
  }
});

test("Taskfile.yml follows Task's style guide: section order, upper-case variables, templates without spaces, one-line commands", (t) => {
  const order = ['version', 'includes', 'output', 'silent', 'method', 'run', 'vars', 'env', 'dotenv', 'tasks'];
  const keys = Object.keys(TASKFILE);
  t.deepEqual(keys, [...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  t.is(TASKFILE.version, '3');
  for (const name of Object.keys(TASKFILE.vars)) t.regex(name, /^[A-Z][A-Z0-9_]*$/);
  t.notRegex(TEXT, /\{\{ +\.|\{\{\.\w+ +\}\}/, 'templates are written {{.VAR}}');
  t.notRegex(TEXT, /\t/, 'indented with spaces');
  t.is(parseDocument(TEXT).errors.length, 0);
  for (const { name, cmd } of commands()) {
    if (typeof cmd === 'string') t.false(cmd.includes('\n'), `${name}: one-line command`);
    else t.truthy(TASKFILE.tasks[cmd.task], `${name} calls existing task ${cmd.task}`);
  }
});

test('every task runs an npm script or a cluster tool (kind, kn, kubectl, docker, helm)', (t) => {
  for (const { name, cmd } of shellCommands()) {
    const segments = cmd.split('|').map((s) => s.trim().split(/\s+/)[0]);
    t.true(['npm', ...CLUSTER_TOOLS].includes(segments[0]!), `${name}: ${cmd}`);
    for (const next of segments.slice(1)) t.true([...CLUSTER_TOOLS, 'bash'].includes(next!), `${name}: pipes into ${String(next)}`);
  }
});

test('every npm script a task calls exists in package.json', (t) => {
  const called = shellCommands().flatMap(({ name, cmd }) => {
    const words = cmd.split(/\s+/);
    if (words[0] !== 'npm') return [];
    if (words[1] === 'run') return [{ name, script: words.slice(2).find((w) => !w.startsWith('-'))! }];
    if (words[1] === 'test' || words[1] === 'start') return [{ name, script: words[1] }];
    return [];
  });
  t.true(called.length >= 8);
  const missing = called.filter(({ script }) => SCRIPTS[script] === undefined).map(({ name, script }) => `${name} → npm run ${script}`);
  t.deepEqual(missing, [], 'npm scripts the Taskfile needs in package.json');
});

const tRendered = needs('kubectl');

tRendered('the images the tasks build, push and load are the ones the overlays run; deploy applies overlays that exist', (t) => {
  const imageOf = (variant: 'dev' | 'production') =>
    objectsOf(variant)
      .filter((o) => isKind(o, 'serving.knative.dev', 'Service'))
      .map((o) => as(KnativeService, o).spec.template.spec.containers[0]!.image)[0] ?? '';
  t.is(expand('{{.IMAGE}}'), imageOf('production'), 'image:push pushes what production runs');
  t.is(expand('{{.DEV_IMAGE}}'), imageOf('dev'), 'image:load loads what dev runs');
  const deploy = TASKFILE.tasks.deploy!;
  const variants = deploy.requires?.vars?.flatMap((v) => (typeof v === 'string' ? [] : (v.enum ?? []))) ?? [];
  t.deepEqual(variants, ['dev', 'production']);
  for (const variant of variants) {
    for (const cmd of deploy.cmds ?? []) {
      const text = expand(typeof cmd === 'string' ? cmd : '', { VARIANT: variant });
      const dir = /apply -k (\S+)/.exec(text)?.[1];
      if (dir !== undefined) t.true(existsSync(path.join(REPO_ROOT, dir, 'kustomization.yaml')), dir);
    }
  }
});
