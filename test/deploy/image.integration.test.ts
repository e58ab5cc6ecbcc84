/**
 * THE IMAGE, WITHOUT A DOCKER ENGINE. The Dockerfile is followed stage by stage in temporary
 * directories: its COPY lines copy what they name (from the build context as `.dockerignore`
 * filters it, or from an earlier stage), its RUN lines run. Two stand-ins, and only these:
 * the build stage's full `npm ci` becomes a link to this checkout's node_modules (same lockfile),
 * and the production `npm ci --omit=dev` runs offline from the npm cache (`--prefer-offline`;
 * if npm cannot install offline, the image tests skip, saying why), its result kept in the
 * temporary directory like a Docker layer while the package files are unchanged. Every function is then
 * started with the Dockerfile's own CMD, with the environment a dev cluster gives it (ConfigMap,
 * Secret and Service env from the rendered manifests; a SQLite STORE_URL in a temporary
 * directory instead of Redis), and must answer /healthz, stop on SIGTERM and write nothing
 * inside the image.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { functionCommand } from '../../local/command';
import { as, isKind, KnativeService } from '../../scripts/manifest-model';
import { REPO_ROOT, type KubeObject } from '../../scripts/render';
import { freePort } from '../kit/function-process';
import { copyPaths, dockerignore, execForm, parseDockerfile, type Stage } from '../kit/dockerfile';
import { needs } from '../kit/needs';
import { kubectlMissing, objectsOf } from '../kit/rendered';

const DOCKERFILE = parseDockerfile(readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8'));
const IGNORED = dockerignore(readFileSync(path.join(REPO_ROOT, '.dockerignore'), 'utf8'));
const RUNTIME = DOCKERFILE.stages.at(-1)!;
const STAGING_TIMEOUT_MS = 10 * 60_000;

interface StagedImage {
  /** The runtime stage's WORKDIR, as a directory. */
  workdir: string;
  env: Record<string, string>;
  cmd: string[];
  user: string | undefined;
}

class SkipImage extends Error {}

/** Run a shell command in a stage directory; resolves with its output or rejects with it. */
function sh(command: string, cwd: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`RUN ${command} exited with ${code}:\n${out.slice(-4000)}`))));
  });
}

/** Copy the build context (this checkout as `.dockerignore` filters it) below `rel`. */
function copyContext(rel: string, dest: string): void {
  const source = path.join(REPO_ROOT, rel);
  if (IGNORED(rel === '.' ? '' : rel) && rel !== '.') throw new Error(`COPY ${rel}: excluded by .dockerignore`);
  if (!statSync(source).isDirectory()) {
    cpSync(source, dest);
    return;
  }
  mkdirSync(dest, { recursive: true });
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    const relPath = rel === '.' ? entry.name : path.posix.join(rel, entry.name);
    if (IGNORED(relPath)) continue;
    if (entry.isDirectory()) copyContext(relPath, path.join(dest, entry.name));
    else if (entry.isFile()) cpSync(path.join(REPO_ROOT, relPath), path.join(dest, entry.name));
  }
}

/** Where a COPY destination lands: into a directory when it ends with `/` or `.`, or several sources. */
function destination(root: string, cwd: string, dest: string, source: string, many: boolean): string {
  const base = path.isAbsolute(dest) ? path.join(root, dest) : path.join(cwd, dest);
  return dest.endsWith('/') || dest === '.' || dest.endsWith('/.') || many ? path.join(base, source === '.' ? '' : path.basename(source)) : base;
}

async function runStage(stage: Stage, roots: Map<string, string>, base: string): Promise<{ cwd: string; env: Record<string, string>; user?: string; cmd?: string[] }> {
  const root = path.join(base, stage.name);
  mkdirSync(root, { recursive: true });
  roots.set(stage.name, root);
  let cwd = root;
  let user: string | undefined;
  let cmd: string[] | undefined;
  const env: Record<string, string> = {};
  for (const ins of stage.instructions) {
    if (ins.op === 'WORKDIR') {
      cwd = path.join(root, ins.args.trim());
      mkdirSync(cwd, { recursive: true });
    } else if (ins.op === 'ENV') {
      for (const [, k, v] of ins.args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) env[k!] = v!.replace(/^"|"$/g, '');
    } else if (ins.op === 'COPY') {
      const { sources, dest } = copyPaths(ins);
      for (const source of sources) {
        const target = destination(root, cwd, dest, source, sources.length > 1);
        if (ins.flags.from !== undefined) {
          const from = roots.get(ins.flags.from);
          if (from === undefined) throw new Error(`COPY --from=${ins.flags.from}: no such earlier stage`);
          cpSync(path.join(from, source), target, { recursive: true, verbatimSymlinks: true });
        } else if (source === '.') copyContext('.', target);
        else {
          mkdirSync(path.dirname(target), { recursive: true });
          copyContext(source.replace(/^\.\/|\/$/g, ''), target);
        }
      }
    } else if (ins.op === 'RUN') {
      await run(ins.args, cwd, env);
    } else if (ins.op === 'USER') user = ins.args.trim();
    else if (ins.op === 'CMD') cmd = execForm(ins);
    else if (ins.op === 'ENTRYPOINT') throw new Error('ENTRYPOINT is not followed by this test; the image uses CMD');
  }
  return { cwd, env, ...(user === undefined ? {} : { user }), ...(cmd === undefined ? {} : { cmd }) };
}

async function run(command: string, cwd: string, env: Record<string, string>): Promise<void> {
  if (/^npm ci\b/.test(command) && !/--omit[= ]dev/.test(command)) {
    // Stand-in for the build stage's full install: the same lockfile is installed here already.
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(cwd, 'node_modules'), 'dir');
    return;
  }
  if (/^npm ci\b/.test(command)) {
    const cached = layerCache(command, cwd);
    if (existsSync(cached)) {
      cpSync(cached, path.join(cwd, 'node_modules'), { recursive: true, verbatimSymlinks: true });
      return;
    }
    try {
      // JOBS: node-gyp compiles better-sqlite3 on every core when no prebuilt binary is cached.
      await sh(`${command} --prefer-offline --ignore-scripts=false`, cwd, { ...env, JOBS: 'max' });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (/ENOTCACHED|EAI_AGAIN|ENOTFOUND|ETIMEDOUT|ECONNREFUSED|network/i.test(message)) throw new SkipImage(`npm cannot install offline here: ${message.split('\n').find((l) => /ERR|network/i.test(l)) ?? message.slice(0, 200)}`);
      throw err;
    }
    const partial = `${cached}.${process.pid}`;
    cpSync(path.join(cwd, 'node_modules'), partial, { recursive: true, verbatimSymlinks: true });
    renameSync(partial, cached);
    return;
  }
  await sh(command, cwd, env);
}

/**
 * Docker's layer cache, for the slow step: the production install is reused while the command,
 * the package files it installs from, Node.js and the platform are the same.
 */
function layerCache(command: string, cwd: string): string {
  const hash = createHash('sha256').update(`${command}\n${process.version}\n${process.platform}-${process.arch}\n`);
  for (const file of ['package.json', 'package-lock.json']) hash.update(readFileSync(path.join(cwd, file)));
  const dir = path.join(tmpdir(), 'tagline-image-layers');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, hash.digest('hex').slice(0, 24));
}

let staging: Promise<StagedImage | { skip: string }> | undefined;

/** Follow the whole Dockerfile once per test process. */
function stagedImage(): Promise<StagedImage | { skip: string }> {
  staging ??= (async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'tagline-image-'));
    process.once('exit', () => rmSync(base, { recursive: true, force: true }));
    const roots = new Map<string, string>();
    let last: Awaited<ReturnType<typeof runStage>> | undefined;
    try {
      for (const stage of DOCKERFILE.stages) last = await runStage(stage, roots, base);
    } catch (err) {
      if (err instanceof SkipImage) return { skip: err.message };
      throw err;
    }
    if (last?.cmd === undefined) throw new Error('the runtime stage has no CMD');
    return { workdir: last.cwd, env: last.env, cmd: last.cmd, user: last.user };
  })();
  return staging;
}

async function withImage(t: ExecutionContext): Promise<StagedImage | undefined> {
  t.timeout(STAGING_TIMEOUT_MS, 'following the Dockerfile (npm ci may compile better-sqlite3)');
  const image = await stagedImage();
  if ('skip' in image) {
    t.log(`SKIPPED: ${image.skip}`);
    t.pass();
    return undefined;
  }
  return image;
}

/** Every file under a directory with its size and mtime, to notice any write. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const s = statSync(p);
        out.set(path.relative(dir, p), `${s.size}:${s.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return out;
}

/** The environment a dev cluster gives one Service's pod, from the rendered manifests. */
function podEnv(svc: KubeObject, objects: readonly KubeObject[], image: StagedImage, port: number, storeDir: string): Record<string, string> {
  const service = as(KnativeService, svc);
  const container = service.spec.template.spec.containers[0]!;
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', ...image.env };
  for (const from of container.envFrom ?? []) {
    const kind = from.configMapRef !== undefined ? 'ConfigMap' : 'Secret';
    const name = from.configMapRef?.name ?? from.secretRef?.name;
    const data = (objects.find((o) => o.kind === kind && o.metadata.name === name)?.data ?? {}) as Record<string, string>;
    for (const [k, v] of Object.entries(data)) env[k] = kind === 'Secret' ? Buffer.from(v, 'base64').toString('utf8') : v;
  }
  for (const e of container.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  const name = service.metadata.name;
  Object.assign(env, { PORT: String(port), K_SERVICE: name, K_CONFIGURATION: name, K_REVISION: `${name}-00001`, STORE_URL: `sqlite:${path.join(storeDir, 'tagline.db')}`, LOG_LEVEL: 'warn' });
  // No Zipkin runs here; an unreachable exporter would only add noise.
  delete env.OTEL_EXPORTER_ZIPKIN_ENDPOINT;
  return env;
}

interface Pod {
  url: string;
  child: ChildProcess;
  output: () => string;
}

async function startPod(image: StagedImage, env: Record<string, string>, port: number): Promise<Pod> {
  const [command, ...args] = image.cmd;
  const child = spawn(command === 'node' ? process.execPath : command!, args, { cwd: image.workdir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}:\n${out}`);
    try {
      const res = await fetch(`${url}/healthz`);
      await res.arrayBuffer();
      return { url, child, output: () => out };
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`did not listen within 20 s:\n${out}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function stopPod(pod: Pod, timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const timer = setTimeout(() => pod.child.kill('SIGKILL'), timeoutMs);
    pod.child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: Date.now() - started });
    });
    pod.child.kill('SIGTERM');
  });
}

test('Dockerfile: a build stage, a production-dependencies stage and a slim runtime stage, started in exec form exactly as functionCommand() starts a function', (t) => {
  t.true(DOCKERFILE.stages.length >= 2, 'multi-stage');
  t.regex(RUNTIME.from, /^node:20[\w.-]*-slim$/);
  const cmd = RUNTIME.instructions.find((i) => i.op === 'CMD');
  t.truthy(cmd);
  const argv = execForm(cmd!);
  const fn = functionCommand(path.join(REPO_ROOT, 'dist', 'functions'));
  const relative = (a: string) => (path.isAbsolute(a) ? path.relative(REPO_ROOT, a) : a.replace(/^\.\//, ''));
  const normal = (a: string) => (a.startsWith('--source=') ? `--source=${relative(a.slice('--source='.length))}` : relative(a));
  t.deepEqual(argv.slice(1).map(normal), fn.args.map(normal));
  t.is(argv[0], 'node');
  const user = RUNTIME.instructions.filter((i) => i.op === 'USER').at(-1)?.args.trim() ?? '';
  t.regex(user, /^[1-9]\d*(:\d+)?$/, 'a numeric non-root user, so Kubernetes can verify runAsNonRoot');
  t.true(RUNTIME.instructions.some((i) => i.op === 'COPY' && i.flags.from !== undefined && i.args.includes('node_modules')), 'node_modules comes from another stage');
  t.false(RUNTIME.instructions.some((i) => i.op === 'RUN'), 'the runtime stage runs nothing at build time, so it carries no build tools');
});

test('.dockerignore keeps dependencies, build output, git, local data, secrets and docs out of the context, but not the sources tsc compiles', (t) => {
  for (const p of ['node_modules', 'node_modules/zod/package.json', 'dist/functions/index.js', '.git/HEAD', '.tagline/tagline.db', 'knative/secrets/tagline.env', 'docs/deploy.md', 'grafana/x.json', 'npm-debug.log']) t.true(IGNORED(p), p);
  const tsconfig = JSON.parse(readFileSync(path.join(REPO_ROOT, 'tsconfig.json'), 'utf8')) as { include: string[] };
  for (const glob of tsconfig.include) t.false(IGNORED(glob.split('/')[0]!), `${glob} is compiled by npm run build`);
  for (const p of ['package.json', 'package-lock.json', 'tsconfig.json', 'widget', 'scripts/render.ts']) t.false(IGNORED(p), p);
});

const tImage = needs('kubectl').serial;

tImage('image [staged]: the runtime holds production dependencies and compiled functions only', async (t) => {
  const image = await withImage(t);
  if (image === undefined) return;
  const nm = path.join(image.workdir, 'node_modules');
  for (const dev of ['typescript', 'ava', 'esbuild', 'playwright-core']) t.false(existsSync(path.join(nm, dev)), `no dev dependency ${dev}`);
  t.true(existsSync(path.join(nm, '@google-cloud', 'functions-framework')));
  t.true(existsSync(path.join(nm, 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')), "better-sqlite3's native addon is built");
  t.true(existsSync(path.join(image.workdir, 'dist', 'functions', 'index.js')));
  const files = [...snapshot(path.join(image.workdir, 'dist')).keys()];
  t.deepEqual(files.filter((f) => f.endsWith('.test.js') || f.endsWith('.ts') || /^(test|bench|local|scripts)\//.test(f)), [], 'no tests, sources, benchmarks or local platform');
  t.true(existsSync(path.join(image.workdir, 'dist', 'widget', 'tagline.js')), 'npm run build bundles the widget into dist/widget/tagline.js (GET /tagline.js serves it)');
});

const services = kubectlMissing() === undefined ? objectsOf('dev').filter((o) => isKind(o, 'serving.knative.dev', 'Service')) : [];

for (const svc of services) {
  const name = svc.metadata.name;
  tImage(`image [staged]: ${name} starts with the Dockerfile's CMD and its dev-cluster environment, answers /healthz and /metrics, stops on SIGTERM, writes nothing`, async (t) => {
    const image = await withImage(t);
    if (image === undefined) return;
    const before = snapshot(image.workdir);
    const storeDir = mkdtempSync(path.join(tmpdir(), 'tagline-image-store-'));
    const port = await freePort();
    const pod = await startPod(image, podEnv(svc, objectsOf('dev'), image, port, storeDir), port);
    try {
      const health = await fetch(`${pod.url}/healthz`);
      t.is(health.status, 200, pod.output());
      await health.arrayBuffer();
      const metrics = await fetch(`${pod.url}/metrics`);
      t.is(metrics.status, 200);
      t.regex(await metrics.text(), /http_request|tagline_/);
      if (name === 'ad-decision') {
        const tag = await fetch(`${pod.url}/tagline.js`);
        await tag.arrayBuffer();
        t.is(tag.status, 200, 'the widget bundle is in the image');
      }
    } finally {
      const stopped = await stopPod(pod, 5_000);
      t.true(stopped.ms < 5_000, `stopped ${stopped.ms} ms after SIGTERM`);
      t.not(stopped.signal, 'SIGKILL', `exited on SIGTERM:\n${pod.output()}`);
      rmSync(storeDir, { recursive: true, force: true });
    }
    const after = snapshot(image.workdir);
    const changed = [...after.keys()].filter((f) => before.get(f) !== after.get(f));
    t.deepEqual(changed, [], 'nothing written inside the image (read-only root filesystem)');
  });
}
