/**
 * The local platform's cost, each against a baseline measured in the same run:
 * - requests through the platform's router (proxy to a warm process) vs straight to the same
 *   function process, with wrk: throughput ratio and p99 of both, for `campaigns /healthz` (the
 *   shared HTTP wrapper every function runs; goal ≥ 0.7×) and, for reference, the bare hello
 *   function (the cheapest function, so the proxy's worst case). The function process runs alone on cpu 0 and
 *   wrk on cpu 1 in both the direct and the proxied rounds; what differs is only the hop:
 *   - `own core` (the goal): the platform runs on cpu 1, the core the single-threaded function
 *     does not use, as Knative's queue-proxy and activator have CPU of their own rather than the
 *     user container's. It shares that core with wrk, which only handicaps the proxied side.
 *   - `shared core` (for reference): the platform runs on cpu 0 with the function, so every
 *     microsecond of the hop, and the context switches between the two processes, come out of
 *     the function's throughput.
 *   Each figure also gives the CPU the platform and the function spend per proxied request.
 * - cold start through the platform (first request to a scaled-to-zero Service until its
 *   response) vs the same function's bare spawn-to-first-200 (goal ≤ 1.3×), medians of runs, with
 *   the platform and both spawns on cpu 0.
 * - scale-out: a CPU-bound function (25 ms of CPU a request) allowed two instances by the
 *   Knative autoscaler vs the same function held to one (`burner` and `burner-single` of the
 *   fixture manifests), alternating rounds, wrk on cpu 1 and nothing pinned otherwise, so the two
 *   instances can use both cores (goal ≥ 1.5×).
 * `node dist/bench/platform.js [throughput|cold|scale]` runs one part.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ROOT, functionCommand } from '../local/command';
import { startPlatform, type Platform, type PlatformOptions } from '../local/platform';
import { freePort } from '../local/supervisor';
import { createLogger } from '../shared/logger';
import { TEST_TOKEN_KEYS } from '../test/kit/function-process';
import { FIXTURE_FUNCTIONS, FIXTURE_MANIFESTS, fixtureOptions, serviceStatus, tempDataDir, waitFor } from '../test/kit/platform';
import { hasWrk, median, report, round, run, wrk, type WrkResult } from './lib';

/** The bare functions-framework hello function every benchmark compares against. */
const HELLO_SOURCE = path.join(ROOT, 'dist', 'bench', 'fixtures', 'hello');
/** The function process's core in every layout (and the cold-start runs'). */
const FUNCTION_CPU = '0';
/** wrk's core in every layout. */
const LOAD_CPU = '1';
const COLD_RUNS = 7;
const LOAD = { seconds: 3, connections: 16, cpus: LOAD_CPU };
/** Pairs of rounds; each pair runs direct, proxied, proxied, direct so drift hits both sides alike. */
const PAIRS = 4;

interface Layout {
  name: string;
  /** The platform's core. */
  platformCpu: string;
  goal: boolean;
}

const LAYOUTS: Layout[] = [
  { name: 'own core', platformCpu: LOAD_CPU, goal: true },
  { name: 'shared core', platformCpu: FUNCTION_CPU, goal: false },
];

interface Target {
  /** What the figure is named after. */
  label: string;
  /** Path through the platform, e.g. `/campaigns/healthz`. */
  viaPlatform: string;
  /** The same request straight to the process. */
  service: string;
  path: string;
  goal: boolean;
}

/**
 * Rounds of direct and proxied load against the same warm process (its own port, then through
 * the platform) in each layout, so drift on a shared machine hits both sides of each ratio alike.
 */
async function throughput(platform: Platform, target: Target): Promise<void> {
  if (!hasWrk()) {
    for (const layout of LAYOUTS) report({ name: figureName(target, layout), value: 0, unit: 'req/s', skipped: 'wrk not installed' });
    return;
  }
  const viaPlatform = `${platform.url.replace('localhost', '127.0.0.1')}${target.viaPlatform}`;
  const first = await get(viaPlatform);
  if (first !== 200) throw new Error(`${viaPlatform} answered ${first}`);
  const { port, pid } = await serviceStatus(platform.url, target.service);
  const direct = `http://127.0.0.1:${port}${target.path}`;
  await pin(pid!, FUNCTION_CPU);
  for (const layout of LAYOUTS) {
    await pin(process.pid, layout.platformCpu);
    await wrk(direct, LOAD);
    await wrk(viaPlatform, LOAD);
    const rounds: Round[] = [];
    for (let i = 0; i < PAIRS; i++) {
      const directFirst = await wrk(direct, LOAD);
      const proxiedFirst = await cpuPerRequest(pid!, () => wrk(viaPlatform, LOAD));
      const proxiedSecond = await cpuPerRequest(pid!, () => wrk(viaPlatform, LOAD));
      const directSecond = await wrk(direct, LOAD);
      rounds.push({ direct: directFirst, ...proxiedFirst }, { direct: directSecond, ...proxiedSecond });
    }
    reportThroughput(target, layout, rounds);
  }
  await pin(process.pid, FUNCTION_CPU);
  if ((await serviceStatus(platform.url, target.service)).pid !== pid) throw new Error(`${target.service} restarted during the rounds`);
}

interface Round {
  direct: WrkResult;
  result: WrkResult;
  platformUs: number;
  functionUs: number;
}

function figureName(target: Target, layout: Layout): string {
  return `platform proxy throughput vs direct, ${layout.name}: ${target.label}`;
}

function reportThroughput(target: Target, layout: Layout, rounds: readonly Round[]): void {
  const ratios = rounds.map((r) => r.result.rps / r.direct.rps);
  const ratio = median(ratios);
  const errors = rounds.reduce((n, r) => n + r.result.errors, 0);
  const directErrors = rounds.reduce((n, r) => n + r.direct.errors, 0);
  const goal = target.goal && layout.goal;
  report({
    name: figureName(target, layout),
    value: round(median(rounds.map((r) => r.result.rps)), 0),
    unit: 'req/s',
    baseline: round(median(rounds.map((r) => r.direct.rps)), 0),
    ratio: round(ratio),
    ...(goal ? { goal: '>= 0.7x', pass: ratio >= 0.7 && errors === 0 } : {}),
    note:
      `p99 ${round(median(rounds.map((r) => r.result.p99ms)))} ms vs ${round(median(rounds.map((r) => r.direct.p99ms)))} ms direct; ` +
      `CPU per proxied request: platform ${round(median(rounds.map((r) => r.platformUs)), 0)} µs, function ${round(median(rounds.map((r) => r.functionUs)), 0)} µs; ` +
      `median of ${rounds.length} paired rounds (ratios ${ratios.map((r) => round(r)).join(', ')}); errors (non-2xx, socket errors and wrk's 2 s timeouts) ${errors} proxied, ${directErrors} direct; ` +
      `function on cpu ${FUNCTION_CPU}, platform on cpu ${layout.platformCpu}, wrk on cpu ${LOAD_CPU}; load average ${os.loadavg()[0]!.toFixed(1)} at the end`,
  });
}

/** Pin every thread of a process to `cpu`. */
async function pin(pid: number, cpu: string): Promise<void> {
  await run('taskset', ['-a', '-cp', cpu, String(pid)]);
}

/** Run a wrk load and measure the CPU time the platform (this process) and the function spent per request. */
async function cpuPerRequest(functionPid: number, load: () => Promise<WrkResult>): Promise<{ result: WrkResult; platformUs: number; functionUs: number }> {
  const platform0 = process.cpuUsage();
  const function0 = await cpuTicks(functionPid);
  const result = await load();
  const platform = process.cpuUsage(platform0);
  const functionTicks = (await cpuTicks(functionPid)) - function0;
  const requests = result.rps * LOAD.seconds;
  return { result, platformUs: (platform.user + platform.system) / requests, functionUs: (functionTicks * 10_000) / requests };
}

/** User + system CPU time of a process in clock ticks (1/100 s on Linux). */
async function cpuTicks(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

async function coldStart(platform: Platform): Promise<void> {
  const viaPlatform: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    await waitFor(() => serviceStatus(platform.url, 'hello'), (s) => s.state === 'cold', 10_000, 'hello to scale to zero');
    const started = process.hrtime.bigint();
    const res = await get(`${platform.url.replace('localhost', '127.0.0.1')}/hello/`);
    if (res !== 200) throw new Error(`cold request answered ${res}`);
    viaPlatform.push(Number(process.hrtime.bigint() - started) / 1e6);
    const fn = await startBare();
    bare.push(fn.readyMs);
    // Gone before the next run, so its exit does not share the core with the next cold start.
    await fn.stop();
  }
  const value = median(viaPlatform);
  const baseline = median(bare);
  report({
    name: 'cold start through the platform vs bare spawn-to-first-200',
    value: round(value, 1),
    unit: 'ms',
    baseline: round(baseline, 1),
    ratio: round(value / baseline),
    goal: '<= 1.3x',
    pass: value / baseline <= 1.3,
    note: `median of ${COLD_RUNS} runs each; platform runs ${viaPlatform.map((ms) => Math.round(ms)).join(', ')} ms`,
  });
}

/** The hello function spawned as the platform spawns it, polled every 5 ms until its first 200. */
async function startBare(): Promise<{ url: string; readyMs: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const { command, args } = functionCommand(HELLO_SOURCE);
  const started = process.hrtime.bigint();
  const child = spawn(command, args, { env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', TOKEN_KEYS: TEST_TOKEN_KEYS, FUNCTION_TARGET: 'hello', K_SERVICE: 'hello', PORT: String(port) }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`hello exited with ${child.exitCode}`);
    if ((await get(url).catch(() => 0)) === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    readyMs: Number(process.hrtime.bigint() - started) / 1e6,
    stop: () => {
      child.kill('SIGKILL');
      return exited;
    },
  };
}

const agent = new http.Agent({ keepAlive: false });

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

const SCALE_LOAD = { seconds: 8, connections: 8, cpus: LOAD_CPU };

/** Throughput of a CPU-bound Service with two instances against one, in alternating rounds. */
async function scaleOut(platform: Platform): Promise<void> {
  const name = 'platform scale-out: CPU-bound function, max-scale 2 vs max-scale 1';
  if (!hasWrk()) return report({ name, value: 0, unit: 'req/s', skipped: 'wrk not installed' });
  const base = platform.url.replace('localhost', '127.0.0.1');
  const single = `${base}/burner-single/burn?ms=25`;
  const double = `${base}/burner/burn?ms=25`;
  await wrk(single, SCALE_LOAD);
  await wrk(double, SCALE_LOAD);
  const scaled = await serviceStatus(platform.url, 'burner');
  const rounds: { one: WrkResult; two: WrkResult; instances: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const one = await wrk(single, SCALE_LOAD);
    const two = await wrk(double, SCALE_LOAD);
    const instances = (await serviceStatus(platform.url, 'burner')).scale.ready;
    rounds.push({ one, two, instances }, { one: await wrk(single, SCALE_LOAD), two: await wrk(double, SCALE_LOAD), instances });
  }
  const ratios = rounds.map((r) => r.two.rps / r.one.rps);
  const ratio = median(ratios);
  const errors = rounds.reduce((n, r) => n + r.one.errors + r.two.errors, 0);
  report({
    name,
    value: round(median(rounds.map((r) => r.two.rps)), 0),
    unit: 'req/s',
    baseline: round(median(rounds.map((r) => r.one.rps)), 0),
    ratio: round(ratio),
    goal: '>= 1.5x',
    pass: ratio >= 1.5 && errors === 0,
    note:
      `ready instances of the max-scale 2 Service during the rounds: ${rounds.map((r) => r.instances).join(', ')} (desired after warm-up ${scaled.scale.desired}); ` +
      `p99 ${round(median(rounds.map((r) => r.two.p99ms)))} ms vs ${round(median(rounds.map((r) => r.one.p99ms)))} ms; ratios ${ratios.map((r) => round(r)).join(', ')}; errors ${errors}; ` +
      `${SCALE_LOAD.connections} connections for ${SCALE_LOAD.seconds} s a round, wrk on cpu ${LOAD_CPU}; load average ${os.loadavg()[0]!.toFixed(1)} at the end`,
  });
}

async function main(only = process.argv[2]): Promise<void> {
  if (only === 'scale') {
    await withPlatform({ manifestsDir: FIXTURE_MANIFESTS, functionsSource: FIXTURE_FUNCTIONS }, scaleOut);
    return;
  }
  // This process is the platform: pinned, with every process it spawns, to the function core;
  // the throughput rounds move it and pin the function explicitly.
  await pin(process.pid, FUNCTION_CPU);
  await withPlatform({ manifestsDir: FIXTURE_MANIFESTS, functionsSource: HELLO_SOURCE }, async (platform) => {
    // `pinned` (min-scale 1) runs hello and stays up while the direct rounds bypass the platform.
    if (only === undefined || only === 'throughput') await throughput(platform, { label: 'bare hello function', viaPlatform: '/pinned/', service: 'pinned', path: '/', goal: false });
    if (only === undefined || only === 'cold') await coldStart(platform);
  });
  if (only === 'cold') return;
  // Instances inherit the platform's affinity: every core, so two instances can run side by side.
  await pin(process.pid, `0-${os.availableParallelism() - 1}`);
  await withPlatform({ manifestsDir: FIXTURE_MANIFESTS, functionsSource: FIXTURE_FUNCTIONS }, scaleOut);
  await withPlatform({ manifestsDir: path.join(ROOT, 'knative'), functionsSource: path.join(ROOT, 'dist', 'functions') }, async (platform) => {
    await throughput(platform, { label: 'campaigns /healthz (the shared HTTP wrapper every function runs)', viaPlatform: '/campaigns/healthz', service: 'campaigns', path: '/healthz', goal: true });
  });
}

async function withPlatform(options: Partial<PlatformOptions>, body: (platform: Platform) => Promise<void>): Promise<void> {
  const dataDir = tempDataDir();
  const platform = await startPlatform({ ...fixtureOptions(dataDir, []), ...options, logger: createLogger('platform', 'error') });
  try {
    await body(platform);
  } finally {
    await platform.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
