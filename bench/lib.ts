import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FunctionProcess } from '../test/kit/function-process';

/** The baseline: a bare functions-framework function answering 204 (`bench/fixtures/hello`). */
export const HELLO_SOURCE = path.join(__dirname, 'fixtures', 'hello');
/** The core the server under test is pinned to; load (wrk, stand-ins) runs on `LOAD_CPU`. */
export const SERVER_CPU = '0';
export const LOAD_CPU = '1';
/**
 * Pin this process (every thread) to `cpus`: to the load core while it serves beside the load (a
 * Zipkin sink), so it takes no CPU from the server under test. Children inherit it.
 */
export function pinSelf(cpus: string): void {
  spawnSync('taskset', ['-a', '-p', '-c', cpus, String(process.pid)], { stdio: 'ignore' });
}

/** `getconf CLK_TCK` on Linux: the unit of /proc/<pid>/stat CPU times. */
const CLOCK_TICKS = 100;

/** One benchmark figure, printed as one JSON line and gathered by `bench/run.ts`. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  goal?: string;
  pass?: boolean;
  skipped?: string;
  note?: string;
}

export function report(result: BenchResult): void {
  process.stdout.write(JSON.stringify(result) + '\n');
}

export const WRK = '/usr/bin/wrk';
export const hasWrk = (): boolean => existsSync(WRK);

export interface WrkResult {
  rps: number;
  p50ms: number;
  p99ms: number;
  errors: number;
}

/**
 * Run wrk pinned to `cpus` against `url` (one thread), optionally POSTing `body` as JSON with
 * `headers`. Returns requests per second and latency percentiles.
 */
export async function wrk(
  url: string,
  options: { seconds: number; connections: number; cpus: string; body?: string; headers?: Record<string, string>; method?: string; script?: string },
): Promise<WrkResult> {
  const args = ['-c', options.cpus, WRK, '-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--latency'];
  let lua = options.script;
  if (lua === undefined && (options.body !== undefined || options.method !== undefined)) {
    const headers = Object.entries(options.headers ?? {}).map(([k, v]) => `wrk.headers[ ${luaString(k)} ] = ${luaString(v)}`).join('\n');
    lua = `wrk.method = ${luaString(options.method ?? 'POST')}\n${options.body === undefined ? '' : `wrk.body = ${luaString(options.body)}`}\n${headers}\n`;
  }
  const script = lua === undefined ? undefined : path.join(tmpdir(), `wrk-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.lua`);
  if (script !== undefined) {
    writeFileSync(script, lua!);
    args.push('-s', script);
  }
  args.push(url);
  const out = await run('taskset', args).finally(() => script !== undefined && rmSync(script, { force: true }));
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p50 = /50%\s+([\d.]+)(us|ms|s)/.exec(out);
  const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(out);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors = non2xx + (socket === null ? 0 : socket.slice(1).reduce((a, b) => a + Number(b), 0));
  if (!Number.isFinite(rps) || p50 === null || p99 === null) throw new Error(`wrk output not understood:\n${out}`);
  return { rps, p50ms: toMs(p50), p99ms: toMs(p99), errors };
}

function toMs(m: RegExpExecArray): number {
  const v = Number(m[1]);
  return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
}

/** A Lua long-bracket string literal. */
export function luaString(s: string): string {
  return `[==[${s}]==]`;
}

/**
 * A wrk Lua script POSTing one binary-mode CloudEvent again and again, each request with its own
 * `ce-id` (a consumer skips ids it has seen) and no `traceparent`.
 */
export function binaryEventScript(message: { headers: Record<string, string>; body: string }): string {
  const fixed = Object.entries(message.headers)
    .filter(([k]) => k !== 'ce-id' && k !== 'traceparent')
    .map(([k, v]) => `headers[ ${luaString(k)} ] = ${luaString(v)}`)
    .join('\n');
  return `local headers = {}\n${fixed}\nlocal body = ${luaString(message.body)}\nlocal prefix = ${luaString(randomUUID())}\nlocal n = 0\nrequest = function()\n  n = n + 1\n  headers["ce-id"] = prefix .. "-" .. n\n  return wrk.format("POST", "/", headers, body)\nend\n`;
}

export function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} exited ${code}:\n${out}`))));
  });
}

/**
 * A Zipkin-compatible sink that accepts span batches and counts them: the local exporter target.
 * It counts `"traceId"` keys instead of parsing, so it costs the load core little (a real Zipkin
 * runs elsewhere).
 */
export async function zipkinSink(): Promise<{ url: string; spans: () => number; close: () => Promise<void> }> {
  let spans = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (body += d));
    req.on('end', () => {
      for (let i = body.indexOf('"traceId"'); i >= 0; i = body.indexOf('"traceId"', i + 9)) spans++;
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/api/v2/spans`, spans: () => spans, close: () => new Promise((r) => server.close(() => r())) };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/** User + system CPU time of a process so far, in microseconds (Linux). */
export function cpuUs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS;
}

/** A server under load: its process (for CPU time) and one wrk run against it. */
export interface Target {
  fn: FunctionProcess;
  load: () => Promise<WrkResult>;
}

export interface Run extends WrkResult {
  /** CPU time the server process spent per request: steadier than req/s on a shared machine. */
  cpuUsPerRequest: number;
}

export interface Comparison {
  subject: Run[];
  baseline: Run[];
  /** The median of the per-round subject/baseline req/s ratios. */
  ratio: number;
}

/**
 * One warm-up load of each, then `rounds` alternating baseline and subject runs of `seconds`
 * each, so a noisy neighbour hits both alike.
 */
export async function compare(subject: Target, baseline: Target, rounds: number, seconds: number): Promise<Comparison> {
  await subject.load();
  await baseline.load();
  const s: Run[] = [];
  const b: Run[] = [];
  for (let i = 0; i < rounds; i++) {
    b.push(await measure(baseline, seconds));
    s.push(await measure(subject, seconds));
  }
  return { subject: s, baseline: b, ratio: median(s.map((r, i) => r.rps / b[i]!.rps)) };
}

/** Median req/s of some runs, whole. */
export function medianRps(runs: readonly Run[]): number {
  return round(median(runs.map((r) => r.rps)), 0);
}

/** Failed or non-2xx requests over some runs. */
export function errorCount(runs: readonly WrkResult[]): number {
  return runs.reduce((sum, r) => sum + r.errors, 0);
}

/** The figures behind a comparison's ratio: every round's ratio, p99, CPU per request, errors. */
export function comparisonNote(c: Comparison): string {
  const m = (runs: readonly Run[], pick: (r: Run) => number) => round(median(runs.map(pick)));
  return `rounds ${c.subject.map((r, i) => round(r.rps / c.baseline[i]!.rps)).join(', ')}; p99 ${m(c.subject, (r) => r.p99ms)} ms vs ${m(c.baseline, (r) => r.p99ms)} ms; CPU ${m(c.subject, (r) => r.cpuUsPerRequest)} us/request vs ${m(c.baseline, (r) => r.cpuUsPerRequest)} us; ${errorCount(c.subject)} errors`;
}

async function measure(target: Target, seconds: number): Promise<Run> {
  const before = cpuUs(target.fn.child.pid!);
  const result = await target.load();
  const spent = cpuUs(target.fn.child.pid!) - before;
  return { ...result, cpuUsPerRequest: spent / Math.max(1, result.rps * seconds) };
}

/** Resident memory of a process in bytes (Linux). */
export async function rssBytes(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

export const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;
