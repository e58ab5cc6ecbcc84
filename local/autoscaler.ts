/**
 * The Knative Pod Autoscaler's decision, for the local platform: a pure model of observed load
 * and time, ported from knative/serving:
 * - the decider's inputs from the revision's annotations and the config-autoscaler defaults
 *   (pkg/reconciler/autoscaling/kpa/resources/decider.go, resources/target.go, metric.go,
 *   pkg/autoscaler/config/config.go);
 * - per-second buckets averaged over the stable and panic windows
 *   (pkg/autoscaler/aggregation TimedFloat64Buckets);
 * - the scaling decision: stable and panic desired counts, rate limits, panic mode that never
 *   scales down, the scale-down-delay window (pkg/autoscaler/scaling/autoscaler.go Scale);
 * - the bounds (kpa/scaler.go applyBounds) and scale to zero only after a whole stable window
 *   without traffic.
 * The clock is passed in, so tests drive it.
 */

/** The annotations Knative reads on a revision template. */
export const ANNOTATION = {
  metric: 'autoscaling.knative.dev/metric',
  target: 'autoscaling.knative.dev/target',
  utilization: 'autoscaling.knative.dev/target-utilization-percentage',
  minScale: 'autoscaling.knative.dev/min-scale',
  maxScale: 'autoscaling.knative.dev/max-scale',
  initialScale: 'autoscaling.knative.dev/initial-scale',
  activationScale: 'autoscaling.knative.dev/activation-scale',
  window: 'autoscaling.knative.dev/window',
  scaleDownDelay: 'autoscaling.knative.dev/scale-down-delay',
  panicWindow: 'autoscaling.knative.dev/panic-window-percentage',
  panicThreshold: 'autoscaling.knative.dev/panic-threshold-percentage',
} as const;

/** config-autoscaler's defaults (pkg/autoscaler/config/config.go). */
export const KNATIVE_DEFAULTS = {
  containerConcurrencyTargetDefault: 100,
  targetUtilization: 0.7,
  rpsTargetDefault: 200,
  maxScaleUpRate: 1000,
  maxScaleDownRate: 2,
  panicWindowPercentage: 10,
  panicThresholdPercentage: 200,
  stableWindowMs: 60_000,
  initialScale: 1,
} as const;

/** `autoscaling.TargetMin`: the smallest target value. */
const TARGET_MIN = 0.01;
/** `config.BucketSize`: the width of one bucket, and the shortest panic window. */
export const BUCKET_MS = 1000;

export interface ScalingSpec {
  metric: 'concurrency' | 'rps';
  /** The per-instance value the autoscaler aims at (target × utilization). */
  targetValue: number;
  /** The per-instance capacity the target derives from. */
  totalValue: number;
  /** Panic when desired/ready reaches this (panic-threshold-percentage / 100). */
  panicThreshold: number;
  stableWindowMs: number;
  panicWindowMs: number;
  scaleDownDelayMs: number;
  minScale: number;
  /** Upper bound; the local default is the number of cores. */
  maxScale: number;
  initialScale: number;
  activationScale: number;
  /** Hard limit of requests in flight per instance (0: no limit). */
  containerConcurrency: number;
  maxScaleUpRate: number;
  maxScaleDownRate: number;
}

/** A Knative duration annotation (`60s`, `1m30s`, `500ms`) in milliseconds, or undefined. */
export function parseKnativeDuration(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
  return parts.reduce((ms, p) => ms + Number(p[1]) * unit[p[2] as keyof typeof unit], 0);
}

const numberOf = (text: string | undefined) => (text === undefined || text.trim() === '' || !Number.isFinite(Number(text)) ? undefined : Number(text));

/**
 * The decider's inputs for one revision, as MakeDecider and MakeMetric derive them. Knative's
 * own default for a missing max-scale is "no bound"; one machine's is its number of cores.
 */
export function scalingSpec(annotations: Readonly<Record<string, string>>, containerConcurrency: number, local: { cores: number; stableWindowMs?: number }): ScalingSpec {
  const metric = annotations[ANNOTATION.metric] === 'rps' ? 'rps' : 'concurrency';
  let total = metric === 'rps' ? KNATIVE_DEFAULTS.rpsTargetDefault : containerConcurrency > 0 ? containerConcurrency : KNATIVE_DEFAULTS.containerConcurrencyTargetDefault;
  const annotated = numberOf(annotations[ANNOTATION.target]);
  if (annotated !== undefined) total = metric === 'concurrency' && containerConcurrency > 0 ? Math.min(annotated, containerConcurrency) : annotated;
  const utilization = numberOf(annotations[ANNOTATION.utilization]);
  const tu = utilization === undefined ? KNATIVE_DEFAULTS.targetUtilization : utilization / 100;
  const stableWindowMs = parseKnativeDuration(annotations[ANNOTATION.window]) ?? local.stableWindowMs ?? KNATIVE_DEFAULTS.stableWindowMs;
  const panicPct = numberOf(annotations[ANNOTATION.panicWindow]) ?? KNATIVE_DEFAULTS.panicWindowPercentage;
  const panicWindowMs = Math.max(BUCKET_MS, Math.round((stableWindowMs * panicPct) / 100 / 1000) * 1000);
  const maxScale = numberOf(annotations[ANNOTATION.maxScale]) ?? 0;
  return {
    metric,
    targetValue: Math.max(TARGET_MIN, total * tu),
    totalValue: total,
    panicThreshold: (numberOf(annotations[ANNOTATION.panicThreshold]) ?? KNATIVE_DEFAULTS.panicThresholdPercentage) / 100,
    stableWindowMs,
    panicWindowMs,
    scaleDownDelayMs: parseKnativeDuration(annotations[ANNOTATION.scaleDownDelay]) ?? 0,
    minScale: numberOf(annotations[ANNOTATION.minScale]) ?? 0,
    maxScale: maxScale > 0 ? maxScale : Math.max(1, local.cores),
    initialScale: numberOf(annotations[ANNOTATION.initialScale]) ?? KNATIVE_DEFAULTS.initialScale,
    activationScale: numberOf(annotations[ANNOTATION.activationScale]) ?? 0,
    containerConcurrency,
    maxScaleUpRate: KNATIVE_DEFAULTS.maxScaleUpRate,
    maxScaleDownRate: KNATIVE_DEFAULTS.maxScaleDownRate,
  };
}

/**
 * Per-second buckets over a window, averaged as TimedFloat64Buckets.WindowAverage does: the sum
 * of the buckets still in the window over the number of buckets since the first write (at most
 * the window's), or 0 after a whole window without a write.
 */
export class WindowBuckets {
  private readonly values = new Map<number, number>();
  private firstWrite: number | undefined;
  private lastWrite = 0;

  constructor(private readonly windowMs: number) {}

  record(nowMs: number, value: number): void {
    const bucket = Math.floor(nowMs / BUCKET_MS);
    this.firstWrite ??= bucket;
    this.lastWrite = Math.max(this.lastWrite, bucket);
    this.values.set(bucket, (this.values.get(bucket) ?? 0) + value);
    const oldest = bucket - this.windowMs / BUCKET_MS;
    for (const key of this.values.keys()) if (key <= oldest) this.values.delete(key);
  }

  average(nowMs: number): number {
    if (this.firstWrite === undefined) return 0;
    const now = Math.floor(nowMs / BUCKET_MS);
    const size = Math.max(1, Math.round(this.windowMs / BUCKET_MS));
    if (now - this.lastWrite >= size) return 0;
    let total = 0;
    for (const [bucket, value] of this.values) if (bucket > now - size && bucket <= now) total += value;
    const written = Math.min(this.lastWrite - this.firstWrite + 1, size - Math.max(0, now - this.lastWrite));
    return total / Math.max(1, written);
  }
}

/** The maximum of the values recorded over a window (the scale-down-delay's max.TimeWindow). */
class MaxWindow {
  private readonly values: { bucket: number; value: number }[] = [];
  constructor(private readonly windowMs: number) {}
  record(nowMs: number, value: number): number {
    const bucket = Math.floor(nowMs / BUCKET_MS);
    const size = Math.max(1, Math.round(this.windowMs / BUCKET_MS));
    while (this.values.length > 0 && this.values[0]!.bucket <= bucket - size) this.values.shift();
    this.values.push({ bucket, value });
    return Math.max(...this.values.map((v) => v.value));
  }
}

export interface ScaleDecision {
  /** Instances wanted, within the bounds. */
  desired: number;
  panicking: boolean;
  observedStable: number;
  observedPanic: number;
}

/** One revision's autoscaler: record load every second, ask for a decision at any time. */
export class Autoscaler {
  private readonly stable: WindowBuckets;
  private readonly panic: WindowBuckets;
  private readonly delay: MaxWindow | undefined;
  private panicSince: number | undefined;
  private maxPanicPods = 0;

  constructor(readonly spec: ScalingSpec) {
    this.stable = new WindowBuckets(spec.stableWindowMs);
    this.panic = new WindowBuckets(spec.panicWindowMs);
    this.delay = spec.scaleDownDelayMs > 0 ? new MaxWindow(spec.scaleDownDelayMs) : undefined;
  }

  /**
   * One second's observation across all instances: the average number of requests in flight
   * (concurrency) and the requests that arrived (rps), as the queue-proxies report them.
   */
  record(nowMs: number, sample: { concurrency: number; requests: number }): void {
    const value = this.spec.metric === 'rps' ? sample.requests : sample.concurrency;
    this.stable.record(nowMs, value);
    this.panic.record(nowMs, value);
  }

  /** The decision at `nowMs` with `ready` instances serving (Scale, then applyBounds). */
  scale(nowMs: number, ready: number): ScaleDecision {
    const { spec } = this;
    const readyCount = Math.max(1, ready);
    const observedStable = this.stable.average(nowMs);
    const observedPanic = this.panic.average(nowMs);
    const maxScaleUp = Math.ceil(spec.maxScaleUpRate * readyCount);
    const maxScaleDown = Math.floor(readyCount / spec.maxScaleDownRate);
    const dspc = Math.ceil(observedStable / spec.targetValue);
    const dppc = Math.ceil(observedPanic / spec.targetValue);
    let desiredStable = Math.min(Math.max(dspc, maxScaleDown), maxScaleUp);
    let desiredPanic = Math.min(Math.max(dppc, maxScaleDown), maxScaleUp);
    if (spec.activationScale > 1) {
      if (dspc > 0 && spec.activationScale > desiredStable) desiredStable = spec.activationScale;
      if (dppc > 0 && spec.activationScale > desiredPanic) desiredPanic = spec.activationScale;
    }
    const overThreshold = dppc / readyCount >= spec.panicThreshold;
    if (overThreshold) this.panicSince = nowMs;
    else if (this.panicSince !== undefined && this.panicSince + spec.stableWindowMs < nowMs) {
      this.panicSince = undefined;
      this.maxPanicPods = 0;
    }
    let desired = desiredStable;
    if (this.panicSince !== undefined) {
      desired = Math.max(desired, desiredPanic);
      // In panic the autoscaler never scales down: it holds the highest count it asked for.
      this.maxPanicPods = Math.max(this.maxPanicPods, desired);
      desired = this.maxPanicPods;
    }
    if (this.delay !== undefined) desired = this.delay.record(nowMs, desired);
    // Without traffic the stable average falls to 0 only after a whole stable window.
    const bounded = Math.max(spec.minScale, Math.min(spec.maxScale, desired));
    return { desired: bounded, panicking: this.panicSince !== undefined, observedStable, observedPanic };
  }
}
