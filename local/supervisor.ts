/**
 * The process supervisor: at most one functions-framework process per Service, started on demand
 * (a cold start, awaited until it answers `/healthz` as Knative's activator waits for readiness),
 * stopped after its idle window (scale to zero), restarted after a crash, and kept running from
 * boot when its `min-scale` is 1 or more.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { UnavailableError } from '../shared/errors';
import type { Logger } from '../shared/logger';
import type { PlatformMetrics } from './metrics';
import type { ServicePlan } from './topology';

export type SlotState = 'cold' | 'starting' | 'warm' | 'stopping';

export interface ExitRecord {
  code: number | null;
  signal: string | null;
  at: string;
}

export interface ServiceStatus {
  name: string;
  revision: string;
  state: SlotState;
  pid: number | undefined;
  port: number | undefined;
  /** `127.0.0.1:<port>`: processes listen on loopback only. */
  address: string | undefined;
  minScale: number;
  idleSeconds: number;
  requests: number;
  inflight: number;
  coldStarts: { count: number; lastMs: number | undefined; recentMs: number[] };
  crashes: { count: number; last: ExitRecord | undefined };
}

export interface SupervisorOptions {
  command: { command: string; args: string[] };
  /** The full environment of a process of `plan` listening on `port`. */
  envFor(plan: ServicePlan, port: number): Record<string, string>;
  metrics: PlatformMetrics;
  logger: Logger;
  /** Where each line a process prints goes (already prefixed with its Service name). */
  output(line: string, stream: 'stdout' | 'stderr'): void;
  /** Called whenever the set of live processes changes (for the orphan record). */
  onProcesses?(pids: number[]): void;
  /** Longest wait for a new process to answer `/healthz` (default 30 s). */
  startTimeoutMs?: number;
  /** Time between SIGTERM and SIGKILL when stopping (default 5 s). */
  stopGraceMs?: number;
  /** Interval between readiness probes of a starting process (default 10 ms). */
  readyPollMs?: number;
}

const RECENT_COLD_STARTS = 10;
const OUTPUT_TAIL_LINES = 20;

/** One Service's process slot: its state, its process and its counters. */
export class Slot {
  state: SlotState = 'cold';
  port: number | undefined;
  child: ChildProcess | undefined;
  requests = 0;
  inflight = 0;
  coldStarts = 0;
  recentColdStartsMs: number[] = [];
  crashes = 0;
  lastCrash: ExitRecord | undefined;
  starting: Promise<void> | undefined;
  stopped: Promise<void> | undefined;
  expectingExit = false;
  lastActive = 0;
  idleTimer: NodeJS.Timeout | undefined;
  tail: string[] = [];

  constructor(
    readonly plan: ServicePlan,
    private readonly onIdle: (slot: Slot) => void,
  ) {}

  /** A request or delivery starts using the process. */
  begin(): void {
    this.requests++;
    this.inflight++;
  }

  /** It is done; the idle countdown starts when nothing else is in flight. */
  end(): void {
    this.inflight--;
    this.lastActive = Date.now();
    if (this.inflight === 0 && this.idleTimer === undefined && this.plan.minScale === 0 && this.state === 'warm') this.armIdle(this.plan.idleMs);
  }

  armIdle(ms: number): void {
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (this.inflight > 0 || this.state !== 'warm') return;
      const left = this.plan.idleMs - (Date.now() - this.lastActive);
      if (left > 0) this.armIdle(left);
      else this.onIdle(this);
    }, ms);
    this.idleTimer.unref();
  }
}

export class Supervisor {
  private readonly slots = new Map<string, Slot>();
  private readonly startTimeoutMs: number;
  private readonly stopGraceMs: number;
  private readonly readyPollMs: number;
  private readonly probeAgent = new http.Agent({ keepAlive: false });
  private closing = false;

  constructor(
    plans: Iterable<ServicePlan>,
    private readonly options: SupervisorOptions,
  ) {
    for (const plan of plans) this.slots.set(plan.name, new Slot(plan, (slot) => void this.stop(slot, 'idle')));
    this.startTimeoutMs = options.startTimeoutMs ?? 30_000;
    this.stopGraceMs = options.stopGraceMs ?? 5_000;
    this.readyPollMs = options.readyPollMs ?? 10;
  }

  /** The slot of a Service, or undefined when no Service has that name. */
  slot(name: string): Slot | undefined {
    return this.slots.get(name);
  }

  /** Resolve once the Service has a ready process, starting one if needed (one for concurrent callers). */
  async activate(slot: Slot): Promise<void> {
    while (slot.state !== 'warm') {
      if (this.closing) throw new UnavailableError('The platform is shutting down');
      if (slot.state === 'starting') await slot.starting;
      else if (slot.state === 'stopping') await slot.stopped;
      else {
        slot.starting = this.start(slot);
        await slot.starting;
      }
    }
  }

  /** Start every Service whose min-scale asks for a process from boot. */
  async startPinned(): Promise<void> {
    const pinned = [...this.slots.values()].filter((s) => s.plan.minScale > 0);
    await Promise.all(
      pinned.map((slot) => this.activate(slot).catch((err: unknown) => this.options.logger.error('min-scale Service failed to start', { function: slot.plan.name, err: (err as Error).message }))),
    );
  }

  /**
   * From now on start nothing and treat every exit as expected (on Ctrl-C the terminal signals
   * the processes too, before the platform gets to stop them).
   */
  beginShutdown(): void {
    this.closing = true;
  }

  /** Stop every process (SIGTERM, then SIGKILL after the grace period). */
  async stopAll(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.slots.values()].map(async (slot) => {
      if (slot.state === 'starting') await slot.starting?.catch(() => undefined);
      if (slot.state === 'warm') await this.stop(slot, 'shutdown');
      else if (slot.state === 'stopping') await slot.stopped;
    }));
  }

  status(): ServiceStatus[] {
    return [...this.slots.values()].map((s) => ({
      name: s.plan.name,
      revision: s.plan.revision,
      state: s.state,
      pid: s.child?.pid,
      port: s.port,
      address: s.port === undefined ? undefined : `127.0.0.1:${s.port}`,
      minScale: s.plan.minScale,
      idleSeconds: s.plan.idleMs / 1000,
      requests: s.requests,
      inflight: s.inflight,
      coldStarts: { count: s.coldStarts, lastMs: s.recentColdStartsMs.at(-1), recentMs: [...s.recentColdStartsMs] },
      crashes: { count: s.crashes, last: s.lastCrash },
    }));
  }

  /** The live (ready) processes: Prometheus service discovery targets. */
  live(): { name: string; revision: string; port: number; pid: number | undefined }[] {
    return [...this.slots.values()]
      .filter((s) => s.state === 'warm' && s.port !== undefined)
      .map((s) => ({ name: s.plan.name, revision: s.plan.revision, port: s.port!, pid: s.child?.pid }));
  }

  private async start(slot: Slot): Promise<void> {
    const { plan } = slot;
    slot.state = 'starting';
    const started = process.hrtime.bigint();
    try {
      const port = await freePort();
      const child = this.spawn(slot, port);
      await this.waitReady(slot, child, port);
      slot.port = port;
      slot.state = 'warm';
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      slot.coldStarts++;
      slot.recentColdStartsMs.push(Math.round(seconds * 1000));
      if (slot.recentColdStartsMs.length > RECENT_COLD_STARTS) slot.recentColdStartsMs.shift();
      this.options.metrics.coldStarts.inc({ function: plan.name });
      this.options.metrics.coldStartDuration.observe({ function: plan.name }, seconds);
      this.options.metrics.instances.set({ function: plan.name }, 1);
      slot.lastActive = Date.now();
      if (plan.minScale === 0) slot.armIdle(plan.idleMs);
    } catch (err) {
      if (slot.child !== undefined) {
        slot.expectingExit = true;
        slot.child.kill('SIGKILL');
      }
      if (slot.state === 'starting') slot.state = 'cold';
      throw err;
    } finally {
      slot.starting = undefined;
    }
  }

  private spawn(slot: Slot, port: number): ChildProcess {
    const { command, args } = this.options.command;
    const child = spawn(command, args, { env: this.options.envFor(slot.plan, port), stdio: ['ignore', 'pipe', 'pipe'] });
    slot.child = child;
    slot.expectingExit = false;
    slot.tail = [];
    let resolveStopped: () => void = () => undefined;
    slot.stopped = new Promise((resolve) => (resolveStopped = resolve));
    this.pipeLines(slot, child.stdout!, 'stdout');
    this.pipeLines(slot, child.stderr!, 'stderr');
    child.on('error', (err) => this.options.logger.error('function process failed to spawn', { function: slot.plan.name, err: err.message }));
    child.on('exit', (code, signal) => {
      this.onExit(slot, child, code, signal);
      resolveStopped();
    });
    this.reportProcesses();
    return child;
  }

  private onExit(slot: Slot, child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (slot.child !== child) return;
    const { name } = slot.plan;
    const expected = slot.expectingExit || this.closing;
    slot.child = undefined;
    slot.port = undefined;
    if (slot.state !== 'starting') slot.state = 'cold';
    clearTimeout(slot.idleTimer);
    slot.idleTimer = undefined;
    this.options.metrics.instances.set({ function: name }, 0);
    this.reportProcesses();
    if (expected) return;
    slot.crashes++;
    slot.lastCrash = { code, signal, at: new Date().toISOString() };
    this.options.logger.warn('function process exited unexpectedly; it restarts on the next request', { function: name, pid: child.pid, code, signal, lastOutput: slot.tail.slice(-5) });
    if (slot.plan.minScale > 0 && !this.closing) {
      const retry = setTimeout(() => void this.activate(slot).catch(() => undefined), 1000);
      retry.unref();
    }
  }

  private async stop(slot: Slot, reason: 'idle' | 'shutdown'): Promise<void> {
    const child = slot.child;
    if (child === undefined || slot.state === 'stopping') return slot.stopped;
    slot.state = 'stopping';
    slot.expectingExit = true;
    clearTimeout(slot.idleTimer);
    slot.idleTimer = undefined;
    if (reason === 'idle') this.options.logger.info('scaled to zero after idle window', { function: slot.plan.name, idleSeconds: slot.plan.idleMs / 1000 });
    child.kill('SIGTERM');
    const kill = setTimeout(() => child.kill('SIGKILL'), this.stopGraceMs);
    kill.unref();
    await slot.stopped;
    clearTimeout(kill);
  }

  private async waitReady(slot: Slot, child: ChildProcess, port: number): Promise<void> {
    const deadline = Date.now() + this.startTimeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new UnavailableError(`${slot.plan.name} exited while starting (${child.exitCode ?? child.signalCode}): ${slot.tail.slice(-3).join(' / ')}`);
      }
      if (await this.probe(port)) return;
      if (Date.now() > deadline) throw new UnavailableError(`${slot.plan.name} did not answer /healthz within ${this.startTimeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, this.readyPollMs));
    }
  }

  private probe(port: number): Promise<boolean> {
    return new Promise((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: this.probeAgent, timeout: 2000 }, (res) => {
        res.resume();
        resolve(res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 400);
      });
      req.on('error', () => resolve(false));
      req.on('timeout', () => req.destroy());
    });
  }

  private pipeLines(slot: Slot, stream: NodeJS.ReadableStream, name: 'stdout' | 'stderr'): void {
    let partial = '';
    const prefix = `${slot.plan.name} | `;
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) this.emitLine(slot, prefix, line, name);
    });
    stream.on('end', () => {
      if (partial !== '') this.emitLine(slot, prefix, partial, name);
    });
  }

  private emitLine(slot: Slot, prefix: string, line: string, stream: 'stdout' | 'stderr'): void {
    slot.tail.push(line);
    if (slot.tail.length > OUTPUT_TAIL_LINES) slot.tail.shift();
    this.options.output(prefix + line, stream);
  }

  private reportProcesses(): void {
    const pids = [...this.slots.values()].map((s) => s.child?.pid).filter((p): p is number => p !== undefined);
    this.options.onProcesses?.(pids);
  }
}

/** A free TCP port on loopback, where the platform's function processes listen (`LISTEN_ADDRESS`). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
