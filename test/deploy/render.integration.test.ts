/**
 * `npm run render -- <variant>` as a user runs it (the compiled script, a temporary copy of
 * `knative/`): secrets appear once, are random, private and ignored by git; the YAML goes to
 * stdout and the notice to stderr.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { parseObjects, REPO_ROOT, SECRETS_FILE } from '../../scripts/render';
import { needs } from '../kit/needs';
import { copyKnative } from '../kit/rendered';

const RENDER = path.join(REPO_ROOT, 'dist', 'scripts', 'render.js');
const t = needs('kubectl');

function run(...args: string[]) {
  const res = spawnSync(process.execPath, [RENDER, ...args], { encoding: 'utf8' });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

const secretsOf = (yaml: string) => parseObjects(yaml).find((o) => o.kind === 'Secret')?.data as Record<string, string> | undefined;
const decode = (v: string | undefined) => Buffer.from(v ?? '', 'base64').toString('utf8');

t('render creates random, private secrets once, says so on stderr, and reuses them afterwards', (tt) => {
  const dir = copyKnative();
  const first = run('dev', '--knative', dir);
  tt.is(first.status, 0, first.stderr);
  tt.regex(first.stderr, /created .*tagline\.env with random secrets/);
  const file = path.join(dir, SECRETS_FILE);
  tt.is(statSync(file).mode & 0o777, 0o600);
  const secrets = secretsOf(first.stdout)!;
  tt.regex(decode(secrets.TOKEN_KEYS), /^k\d{8}:[A-Za-z0-9_-]{43}$/);
  tt.true(decode(secrets.TAGLINE_ADMIN_KEY).length >= 24);

  const second = run('production', '--knative', dir);
  tt.is(second.status, 0, second.stderr);
  tt.is(second.stderr, '', 'nothing created the second time');
  tt.deepEqual(secretsOf(second.stdout), secrets, 'the same secrets in every variant and run');

  const other = copyKnative();
  run('dev', '--secrets-only', '--knative', other);
  tt.not(readFileSync(path.join(other, SECRETS_FILE), 'utf8'), readFileSync(file, 'utf8'), 'each new file has its own random values');
});

t('render never overwrites an existing secrets file', (tt) => {
  const dir = copyKnative();
  const mine = 'TOKEN_KEYS=mine:0123456789abcdef0123\nTOKEN_SIGNING_KEY=mine\nTAGLINE_ADMIN_KEY=my-own-admin-key-of-enough-length\n';
  writeFileSync(path.join(dir, SECRETS_FILE), mine);
  const res = run('dev', '--knative', dir);
  tt.is(res.status, 0, res.stderr);
  tt.is(readFileSync(path.join(dir, SECRETS_FILE), 'utf8'), mine);
  tt.is(decode(secretsOf(res.stdout)?.TOKEN_SIGNING_KEY), 'mine');
});

t('the base variant needs no secrets file and gets none', (tt) => {
  const dir = copyKnative();
  const res = run('base', '--knative', dir);
  tt.is(res.status, 0, res.stderr);
  tt.is(res.stderr, '');
  tt.throws(() => statSync(path.join(dir, SECRETS_FILE)));
});

test('render rejects an unknown variant with its usage and exit code 2', (tt) => {
  const res = run('staging');
  tt.is(res.status, 2);
  tt.regex(res.stderr, /usage: npm run render -- <base\|dev\|production>/);
  tt.is(res.stdout, '');
});

test('git ignores the generated secrets file but not the example', (tt) => {
  const ignored = (file: string) => spawnSync('git', ['check-ignore', '-q', file], { cwd: REPO_ROOT }).status === 0;
  tt.true(ignored(path.join('knative', SECRETS_FILE)));
  tt.false(ignored(path.join('knative', 'secrets', 'example.env')));
  tt.false(ignored(path.join('knative', 'secrets', 'kustomization.yaml')));
});
