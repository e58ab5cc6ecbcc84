/**
 * The process supervisor: each Service runs as zero to N functions-framework processes
 * (instances), as Knative runs pods. The Knative Pod Autoscaler's decision (`./autoscaler`),
 * fed every second with each Service's concurrency and request rate, sets how many; a request
 * finding none starts one and waits until it answers `/healthz` (the activator's cold start);
 * a request finding every instance at `containerConcurrency` waits in the activator's queue.
 * Requests go to the ready instance with the fewest in flight. An instance to be removed takes
 * no new requests and is stopped once its requests are done; one that crashes is replaced by the
 * next decision, and requests that were not yet sent to it go elsewhere.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import { UnavailableError } from '../shared/errors';
import type { Logger } from '../shared/logger';
import { Autoscaler, ANNOTATION, scalingSpec, type ScaleDecision, type ScalingSpec } from './autoscaler';
import type { PlatformMetrics } from './metrics';
import type { ServicePlan } from './topology';

export type SlotState = 'cold' | 'starting' | 'warm' | 'stopping';
export type InstanceState = 'starting' | 'ready' | 'draining' | 'stopping';

export interface ExitRecord {
  code: number | null;
  signal: string | null;
  at: string;
}

export interface InstanceStatus {
  name: string;
  state: InstanceState;
  pid: number | undefined;
  port: number | undefined;
  inflight: number;
  requests: number;
}

export interface ServiceStatus {
  name: string;
  revision: string;
  state: SlotState;
  /** The first ready instance's process (all of them are in `instances`). */
  pid: number | undefined;
  port: number | undefined;
  address: string | undefined;
  minScale: number;
  maxScale: number;
  idleSeconds: number;
  requests: number;
  inflight: number;
  /** Requests waiting in the activator for an instance. */
  queued: number;
  /** Instances that exist (starting or ready), ready ones, and what the autoscaler wants. */
  scale: { current: number; ready: number; desired: number };
  autoscaler: {
    metric: ScalingSpec['metric'];
    target: number;
    containerConcurrency: number;
    stableWindowSeconds: number;
    panicWindowSeconds: number;
    observedStable: number;
    observedPanic: number;
    panicking: boolean;
  };
  instances: InstanceStatus[];
  coldStarts: { count: number; lastMs: number | undefined; recentMs: number[] };
  crashes: { count: number; last: ExitRecord | undefined };
}

export interface SupervisorOptions {
  command: { command: string; args: string[] };
  /** The full environment of instance `instance` of `plan` listening on `port`. */
  envFor(plan: ServicePlan, port: number, instance: string): Record<string, string>;
  metrics: PlatformMetrics;
  logger: Logger;
  /** Where each line a process prints goes (already prefixed with its instance name). */
  output(line: string, stream: 'stdout' | 'stderr'): void;
  /** Called whenever the set of live processes changes (for the orphan record). */
  onProcesses?(pids: number[]): void;
  /** Longest wait for a new process to answer `/healthz` (default 30 s). */
  startTimeoutMs?: number;
  /** Time between SIGTERM and SIGKILL when stopping (default 5 s). */
  stopGraceMs?: number;
  /** Interval between readiness probes of a starting process (default 10 ms). */
  readyPollMs?: number;
  /** The local default of `max-scale` where a manifest sets none (default: the number of cores). */
  cores?: number;
  /** Overrides of every Service's bounds (`TAGLINE_MIN_SCALE`, `TAGLINE_MAX_SCALE`), e.g. to test scale-out. */
  minScale?: number;
  maxScale?: number;
  /** How often the autoscaler observes and decides (default 1 s, Knative's tick). */
  tickMs?: number;
}

const RECENT_COLD_STARTS = 10;
const OUTPUT_TAIL_LINES = 20;

/** One process of a Service. */
export class Instance {
  state: InstanceState = 'starting';
  port: number | undefined;
  child: ChildProcess | undefined;
  inflight = 0;
  requests = 0;
  tail: string[] = [];
  stopped: Promise<void> = Promise.resolve();
  expectingExit = false;

  constructor(readonly name: string) {}
}

interface Waiter {
  resolve(instance: Instance): void;
  reject(err: Error): void;
}

/** One Service: its instances, its autoscaler, its activator queue and its counters. */
export class Slot {
  readonly instances: Instance[] = [];
  readonly spec: ScalingSpec;
  readonly autoscaler: Autoscaler;
  decision: ScaleDecision = { desired: 0, panicking: false, observedStable: 0, observedPanic: 0 };
  requests = 0;
  coldStarts = 0;
  recentColdStartsMs: number[] = [];
  crashes = 0;
  lastCrash: ExitRecord | undefined;
  readonly waiters: Waiter[] = [];
  private inflightNow = 0;
  private area = 0;
  private areaSince = Date.now();
  private arrivals = 0;

  constructor(
    readonly plan: ServicePlan,
    spec: ScalingSpec,
  ) {
    this.spec = spec;
    this.autoscaler = new Autoscaler(spec);
  }

  /** Requests in flight on every instance. */
  get inflight(): number {
    return this.inflightNow;
  }

  get state(): SlotState {
    if (this.instances.some((i) => i.state === 'ready')) return 'warm';
    if (this.instances.some((i) => i.state === 'starting')) return 'starting';
    return this.instances.length > 0 ? 'stopping' : 'cold';
  }

  ready(): Instance[] {
    return this.instances.filter((i) => i.state === 'ready');
  }

  /** Instances that are or will be serving (not being removed). */
  live(): Instance[] {
    return this.instances.filter((i) => i.state === 'ready' || i.state === 'starting');
  }

  /** The lowest ordinal no current instance has, as the instance's name (`<revision>-001`, …). */
  nextName(): string {
    const taken = new Set(this.instances.map((i) => i.name));
    for (let n = 1; ; n++) {
      const name = `${this.plan.revision}-${String(n).padStart(3, '0')}`;
      if (!taken.has(name)) return name;
    }
  }

  /**
   * The ready instance with the fewest requests in flight and room under containerConcurrency,
   * with this request counted on it; undefined when there is none.
   */
  pick(): Instance | undefined {
    let best: Instance | undefined;
    const limit = this.spec.containerConcurrency;
    for (const i of this.instances) {
      if (i.state !== 'ready' || (limit > 0 && i.inflight >= limit)) continue;
      if (best === undefined || i.inflight < best.inflight) best = i;
    }
    if (best !== undefined) this.begin(best);
    return best;
  }

  /** The request on `instance` is done: its place goes to the oldest waiting request, if any. */
  release(instance: Instance): void {
    this.account(-1);
    instance.inflight--;
    this.handOff();
  }

  /** Give waiting requests the instances that have room. */
  handOff(): void {
    while (this.waiters.length > 0) {
      const instance = this.pick();
      if (instance === undefined) return;
      this.waiters.shift()!.resolve(instance);
    }
  }

  /** One tick's observation: mean requests in flight and arrivals since the last one. */
  sample(nowMs: number): { concurrency: number; requests: number } {
    this.account(0, nowMs);
    const elapsed = Math.max(1, nowMs - this.areaSince);
    const out = { concurrency: this.area / elapsed, requests: (this.arrivals * 1000) / elapsed };
    this.area = 0;
    this.areaSince = nowMs;
    this.arrivals = 0;
    return out;
  }

  private begin(instance: Instance): void {
    this.requests++;
    this.arrivals++;
    instance.requests++;
    instance.inflight++;
    this.account(1);
  }

  /** Integrate requests in flight over time (the queue-proxy's average concurrency). */
  private account(delta: number, nowMs = Date.now()): void {
    this.area += this.inflightNow * (nowMs - this.lastChange);
    this.lastChange = nowMs;
    this.inflightNow += delta;
  }

  private lastChange = Date.now();
}

export class Supervisor {
  private readonly slots = new Map<string, Slot>();
  private readonly startTimeoutMs: number;
  private readonly stopGraceMs: number;
  private readonly readyPollMs: number;
  private readonly probeAgent = new http.Agent({ keepAlive: false });
  private readonly ticker: NodeJS.Timeout;
  private closing = false;

  constructor(
    plans: Iterable<ServicePlan>,
    private readonly options: SupervisorOptions,
  ) {
    const cores = options.cores ?? os.availableParallelism();
    for (const plan of plans) {
      const spec = scalingSpec(plan.annotations, plan.containerConcurrency, { cores, stableWindowMs: plan.idleMs });
      if (options.minScale !== undefined) spec.minScale = options.minScale;
      if (options.maxScale !== undefined) spec.maxScale = options.maxScale;
      spec.maxScale = Math.max(spec.maxScale, spec.minScale, 1);
      this.slots.set(plan.name, new Slot(plan, spec));
    }
    this.startTimeoutMs = options.startTimeoutMs ?? 30_000;
    this.stopGraceMs = options.stopGraceMs ?? 5_000;
    this.readyPollMs = options.readyPollMs ?? 10;
    this.ticker = setInterval(() => this.tick(Date.now()), options.tickMs ?? 1000);
    this.ticker.unref();
  }

  /** The slot of a Service, or undefined when no Service has that name. */
  slot(name: string): Slot | undefined {
    return this.slots.get(name);
  }

  /**
   * An instance for one request, counted on it until `slot.release(instance)`: at once when one
   * has room, else after a cold start (none live) or once one has room (the activator's queue).
   */
  acquire(slot: Slot): Promise<Instance> {
    const instance = slot.pick();
    if (instance !== undefined) return Promise.resolve(instance);
    if (this.closing) return Promise.reject(new UnavailableError('The platform is shutting down'));
    const waiting = new Promise<Instance>((resolve, reject) => slot.waiters.push({ resolve, reject }));
    // A failed start reaches the waiters (they are rejected with its error), not an unhandled rejection.
    if (slot.live().length === 0) for (const start of this.scaleTo(slot, Math.max(1, slot.spec.activationScale), 'activation')) start.catch(() => undefined);
    return waiting;
  }

  /** Start the instances each Service's min-scale (or an annotated initial-scale) asks for from boot. */
  async startPinned(): Promise<void> {
    await Promise.all(
      [...this.slots.values()].map(async (slot) => {
        const initial = slot.plan.annotations[ANNOTATION.initialScale] === undefined ? 0 : slot.spec.initialScale;
        const count = Math.min(slot.spec.maxScale, Math.max(slot.spec.minScale, initial));
        if (count === 0) return;
        slot.decision = { ...slot.decision, desired: count };
        await Promise.all(this.scaleTo(slot, count, 'min-scale')).catch((err: unknown) =>
          this.options.logger.error('min-scale Service failed to start', { function: slot.plan.name, err: (err as Error).message }),
        );
      }),
    );
  }

  /**
   * From now on start nothing and treat every exit as expected (on Ctrl-C the terminal signals
   * the processes too, before the platform gets to stop them).
   */
  beginShutdown(): void {
    this.closing = true;
    clearInterval(this.ticker);
  }

  /** Stop every process (SIGTERM, then SIGKILL after the grace period). */
  async stopAll(): Promise<void> {
    this.beginShutdown();
    await Promise.all(
      [...this.slots.values()].map(async (slot) => {
        for (const w of slot.waiters.splice(0)) w.reject(new UnavailableError('The platform is shutting down'));
        await Promise.all(slot.instances.map((i) => this.stop(slot, i, 'shutdown')));
      }),
    );
  }

  /** One autoscaler tick for every Service: observe, decide, start or remove instances. */
  tick(nowMs: number): void {
    if (this.closing) return;
    for (const slot of this.slots.values()) {
      slot.autoscaler.record(nowMs, slot.sample(nowMs));
      const decision = slot.autoscaler.scale(nowMs, slot.ready().length);
      // Requests in flight or waiting keep at least one instance, as the activator's do on a cluster.
      const floor = slot.inflight > 0 || slot.waiters.length > 0 ? 1 : 0;
      slot.decision = { ...decision, desired: Math.max(decision.desired, floor) };
      this.options.metrics.desiredInstances.set({ function: slot.plan.name }, slot.decision.desired);
      const live = slot.live();
      if (slot.decision.desired > live.length) for (const start of this.scaleTo(slot, slot.decision.desired, 'autoscaler')) start.catch(() => undefined);
      else if (slot.decision.desired < live.length) this.scaleDown(slot, live.length - slot.decision.desired);
    }
  }

  status(): ServiceStatus[] {
    return [...this.slots.values()].map((s) => {
      const first = s.ready()[0];
      return {
        name: s.plan.name,
        revision: s.plan.revision,
        state: s.state,
        pid: first?.child?.pid,
        port: first?.port,
        address: first?.port === undefined ? undefined : `127.0.0.1:${first.port}`,
        minScale: s.spec.minScale,
        maxScale: s.spec.maxScale,
        idleSeconds: s.plan.idleMs / 1000,
        requests: s.requests,
        inflight: s.inflight,
        queued: s.waiters.length,
        scale: { current: s.live().length, ready: s.ready().length, desired: s.decision.desired },
        autoscaler: {
          metric: s.spec.metric,
          target: s.spec.targetValue,
          containerConcurrency: s.spec.containerConcurrency,
          stableWindowSeconds: s.spec.stableWindowMs / 1000,
          panicWindowSeconds: s.spec.panicWindowMs / 1000,
          observedStable: s.decision.observedStable,
          observedPanic: s.decision.observedPanic,
          panicking: s.decision.panicking,
        },
        instances: s.instances.map((i) => ({ name: i.name, state: i.state, pid: i.child?.pid, port: i.port, inflight: i.inflight, requests: i.requests })),
        coldStarts: { count: s.coldStarts, lastMs: s.recentColdStartsMs.at(-1), recentMs: [...s.recentColdStartsMs] },
        crashes: { count: s.crashes, last: s.lastCrash },
      };
    });
  }

  /** The ready instances: Prometheus service discovery targets, one per instance as PodMonitors see pods. */
  live(): { name: string; revision: string; instance: string; port: number; pid: number | undefined }[] {
    return [...this.slots.values()].flatMap((s) =>
      s.ready().map((i) => ({ name: s.plan.name, revision: s.plan.revision, instance: i.name, port: i.port!, pid: i.child?.pid })),
    );
  }

  /** Start instances until `count` are live; the promises settle when each is ready or failed. */
  private scaleTo(slot: Slot, count: number, reason: 'activation' | 'autoscaler' | 'min-scale'): Promise<void>[] {
    const starts: Promise<void>[] = [];
    for (let n = slot.live().length; n < Math.min(count, slot.spec.maxScale); n++) starts.push(this.start(slot, reason));
    return starts;
  }

  /** Remove `count` instances: those not yet ready first, then the least busy; each drains before it stops. */
  private scaleDown(slot: Slot, count: number): void {
    const order = slot.live().sort((a, b) => (a.state === b.state ? a.inflight - b.inflight : a.state === 'starting' ? -1 : 1));
    for (const instance of order.slice(0, count)) {
      if (instance.state === 'starting') continue;
      instance.state = 'draining';
      if (slot.live().length === 0 && slot.ready().length === 0) this.options.logger.info('scaled to zero', { function: slot.plan.name, stableWindowSeconds: slot.spec.stableWindowMs / 1000 });
      void this.drainThenStop(slot, instance);
    }
    this.options.metrics.instances.set({ function: slot.plan.name }, slot.ready().length);
  }

  private async drainThenStop(slot: Slot, instance: Instance): Promise<void> {
    while (instance.inflight > 0 && instance.state === 'draining') await new Promise((resolve) => setTimeout(resolve, 20));
    if (instance.state === 'draining') await this.stop(slot, instance, 'idle');
  }

  private async start(slot: Slot, reason: string): Promise<void> {
    const { plan } = slot;
    const instance = new Instance(slot.nextName());
    slot.instances.push(instance);
    const started = process.hrtime.bigint();
    try {
      const port = await freePort();
      const child = this.spawn(slot, instance, port);
      await this.waitReady(slot, instance, child, port);
      if (instance.state !== 'starting') return;
      instance.port = port;
      instance.state = 'ready';
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      slot.coldStarts++;
      slot.recentColdStartsMs.push(Math.round(seconds * 1000));
      if (slot.recentColdStartsMs.length > RECENT_COLD_STARTS) slot.recentColdStartsMs.shift();
      this.options.metrics.coldStarts.inc({ function: plan.name });
      this.options.metrics.coldStartDuration.observe({ function: plan.name }, seconds);
      this.options.metrics.instances.set({ function: plan.name }, slot.ready().length);
      this.options.logger.debug('instance ready', { function: plan.name, instance: instance.name, reason, ms: Math.round(seconds * 1000) });
      slot.handOff();
    } catch (err) {
      if (instance.child !== undefined) {
        instance.expectingExit = true;
        instance.child.kill('SIGKILL');
      }
      this.remove(slot, instance);
      if (slot.live().length === 0) for (const w of slot.waiters.splice(0)) w.reject(err as Error);
      throw err;
    }
  }

  private remove(slot: Slot, instance: Instance): void {
    const i = slot.instances.indexOf(instance);
    if (i >= 0) slot.instances.splice(i, 1);
    this.options.metrics.instances.set({ function: slot.plan.name }, slot.ready().length);
    this.reportProcesses();
  }

  private spawn(slot: Slot, instance: Instance, port: number): ChildProcess {
    const { command, args } = this.options.command;
    const child = spawn(command, args, { env: this.options.envFor(slot.plan, port, instance.name), stdio: ['ignore', 'pipe', 'pipe'] });
    instance.child = child;
    let resolveStopped: () => void = () => undefined;
    instance.stopped = new Promise((resolve) => (resolveStopped = resolve));
    this.pipeLines(slot, instance, child.stdout!, 'stdout');
    this.pipeLines(slot, instance, child.stderr!, 'stderr');
    child.on('error', (err) => this.options.logger.error('function process failed to spawn', { function: slot.plan.name, err: err.message }));
    child.on('exit', (code, signal) => {
      this.onExit(slot, instance, code, signal);
      resolveStopped();
    });
    this.reportProcesses();
    return child;
  }

  private onExit(slot: Slot, instance: Instance, code: number | null, signal: NodeJS.Signals | null): void {
    const expected = instance.expectingExit || this.closing;
    const wasStarting = instance.state === 'starting';
    const pid = instance.child?.pid;
    instance.state = 'stopping';
    instance.child = undefined;
    if (!wasStarting) this.remove(slot, instance);
    if (expected) return;
    slot.crashes++;
    slot.lastCrash = { code, signal, at: new Date().toISOString() };
    this.options.logger.warn('function process exited unexpectedly; the autoscaler replaces it when it is needed', {
      function: slot.plan.name,
      instance: instance.name,
      pid,
      code,
      signal,
      lastOutput: instance.tail.slice(-5),
    });
    if (!wasStarting && slot.waiters.length > 0 && slot.live().length === 0 && !this.closing) for (const start of this.scaleTo(slot, 1, 'activation')) start.catch(() => undefined);
  }

  private async stop(slot: Slot, instance: Instance, reason: 'idle' | 'shutdown'): Promise<void> {
    const child = instance.child;
    if (child === undefined || instance.state === 'stopping') return instance.stopped;
    instance.state = 'stopping';
    instance.expectingExit = true;
    if (reason === 'idle') this.options.logger.info('instance stopped by the autoscaler', { function: slot.plan.name, instance: instance.name, desired: slot.decision.desired });
    child.kill('SIGTERM');
    const kill = setTimeout(() => child.kill('SIGKILL'), this.stopGraceMs);
    kill.unref();
    await instance.stopped;
    clearTimeout(kill);
  }

  private async waitReady(slot: Slot, instance: Instance, child: ChildProcess, port: number): Promise<void> {
    const deadline = Date.now() + this.startTimeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new UnavailableError(`${slot.plan.name} exited while starting (${child.exitCode ?? child.signalCode}): ${instance.tail.slice(-3).join(' / ')}`);
      }
      if (this.closing) throw new UnavailableError('The platform is shutting down');
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

  private pipeLines(slot: Slot, instance: Instance, stream: NodeJS.ReadableStream, name: 'stdout' | 'stderr'): void {
    let partial = '';
    const serial = Number(instance.name.slice(instance.name.lastIndexOf('-') + 1));
    const prefix = serial === 1 ? `${slot.plan.name} | ` : `${slot.plan.name}/${serial} | `;
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) this.emitLine(instance, prefix, line, name);
    });
    stream.on('end', () => {
      if (partial !== '') this.emitLine(instance, prefix, partial, name);
    });
  }

  private emitLine(instance: Instance, prefix: string, line: string, stream: 'stdout' | 'stderr'): void {
    instance.tail.push(line);
    if (instance.tail.length > OUTPUT_TAIL_LINES) instance.tail.shift();
    this.options.output(prefix + line, stream);
  }

  private reportProcesses(): void {
    const pids = [...this.slots.values()].flatMap((s) => s.instances.map((i) => i.child?.pid)).filter((p): p is number => p !== undefined);
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
