import test from 'ava';
import { ANNOTATION, Autoscaler, parseKnativeDuration, scalingSpec, WindowBuckets, type ScalingSpec } from './autoscaler';

const LOCAL = { cores: 2 };

/** Drive an autoscaler second by second with a load function; returns the decisions. */
function run(scaler: Autoscaler, fromS: number, toS: number, load: (s: number) => number, ready: (s: number, lastDesired: number) => number = (_, d) => Math.max(1, d)) {
  const out: { s: number; desired: number; panicking: boolean }[] = [];
  let desired = 1;
  for (let s = fromS; s < toS; s++) {
    const now = s * 1000;
    scaler.record(now, { concurrency: load(s), requests: load(s) });
    const d = scaler.scale(now, ready(s, desired));
    desired = d.desired;
    out.push({ s, desired: d.desired, panicking: d.panicking });
  }
  return out;
}

const spec = (annotations: Record<string, string>, containerConcurrency = 0): ScalingSpec => scalingSpec(annotations, containerConcurrency, { cores: 8 });

test('the decider reads Knative annotations and config-autoscaler defaults', (t) => {
  const d = scalingSpec({}, 0, LOCAL);
  t.like(d, { metric: 'concurrency', totalValue: 100, targetValue: 70, panicThreshold: 2, stableWindowMs: 60_000, panicWindowMs: 6000, minScale: 0, maxScale: 2, initialScale: 1 });
  t.like(scalingSpec({ [ANNOTATION.metric]: 'rps', [ANNOTATION.target]: '3000', [ANNOTATION.maxScale]: '10' }, 0, LOCAL), { metric: 'rps', totalValue: 3000, targetValue: 2100, maxScale: 10 });
  t.like(scalingSpec({ [ANNOTATION.target]: '50' }, 10, LOCAL), { totalValue: 10, targetValue: 7 }, 'a concurrency target never exceeds containerConcurrency');
  t.like(scalingSpec({}, 4, LOCAL), { totalValue: 4 }, 'containerConcurrency is the default concurrency target');
  t.like(
    scalingSpec({ [ANNOTATION.utilization]: '100', [ANNOTATION.window]: '20s', [ANNOTATION.panicWindow]: '25', [ANNOTATION.panicThreshold]: '300', [ANNOTATION.scaleDownDelay]: '1m30s', [ANNOTATION.minScale]: '1', [ANNOTATION.initialScale]: '0' }, 0, LOCAL),
    { targetValue: 100, stableWindowMs: 20_000, panicWindowMs: 5000, panicThreshold: 3, scaleDownDelayMs: 90_000, minScale: 1, initialScale: 0 },
  );
  t.like(scalingSpec({ [ANNOTATION.window]: '6s', [ANNOTATION.panicWindow]: '1' }, 0, LOCAL), { panicWindowMs: 1000 }, 'the panic window is at least one bucket');
  t.like(scalingSpec({}, 0, { cores: 2, stableWindowMs: 5000 }), { stableWindowMs: 5000 }, 'the local idle window is the default stable window');
});

test('Knative durations', (t) => {
  t.is(parseKnativeDuration('60s'), 60_000);
  t.is(parseKnativeDuration('1m30s'), 90_000);
  t.is(parseKnativeDuration('500ms'), 500);
  t.is(parseKnativeDuration('1.5s'), 1500);
  t.is(parseKnativeDuration('soon'), undefined);
  t.is(parseKnativeDuration('10'), undefined);
});

test('window buckets average over the seconds written, and read 0 after a whole window without a write', (t) => {
  const w = new WindowBuckets(10_000);
  w.record(0, 4);
  w.record(1000, 8);
  t.is(w.average(1000), 6);
  t.is(w.average(5000), 6, 'no writes since: the written seconds still count');
  for (let s = 2; s < 12; s++) w.record(s * 1000, 2);
  t.is(w.average(11_000), 2, 'the first seconds left the window');
  t.is(w.average(21_000), 0);
});

test('stable scale-up: the desired count is the stable average over the target, rounded up, within max-scale', (t) => {
  const scaler = new Autoscaler(spec({ [ANNOTATION.target]: '10', [ANNOTATION.utilization]: '100', [ANNOTATION.panicThreshold]: '1000' }));
  const out = run(scaler, 0, 60, () => 25);
  t.is(out.at(-1)!.desired, 3);
  t.false(out.at(-1)!.panicking);
  const capped = new Autoscaler(spec({ [ANNOTATION.target]: '10', [ANNOTATION.utilization]: '100', [ANNOTATION.maxScale]: '2' }));
  t.is(run(capped, 0, 60, () => 25).at(-1)!.desired, 2);
});

test('panic: a burst over twice the ready capacity scales at once on the panic window, and panic never scales down until a stable window has passed', (t) => {
  const scaler = new Autoscaler(spec({ [ANNOTATION.target]: '10', [ANNOTATION.utilization]: '100' }));
  run(scaler, 0, 60, () => 1);
  const burst = run(scaler, 60, 66, () => 40, () => 1);
  const first = burst.find((d) => d.panicking);
  t.truthy(first, 'panics');
  t.true(first!.desired >= 2, `scales up in panic (${first!.desired}) although the stable average is low`);
  const peak = Math.max(...burst.map((d) => d.desired));
  t.is(peak, 4, 'the panic window average over the target');
  const after = run(scaler, 66, 180, () => 0);
  const held = after.filter((d) => d.s < 66 + 59);
  t.true(held.every((d) => d.desired === peak && d.panicking), 'holds the panic count for a stable window after the last burst second');
  t.false(after.at(-1)!.panicking, 'leaves panic');
  t.is(after.at(-1)!.desired, 0, 'and, after a whole stable window without traffic, scales to zero');
});

test('stable scale-down halves at most per decision, and reaches zero only after a whole stable window without traffic', (t) => {
  const scaler = new Autoscaler(spec({ [ANNOTATION.target]: '10', [ANNOTATION.utilization]: '100', [ANNOTATION.panicThreshold]: '1000' }));
  run(scaler, 0, 60, () => 80);
  const after = run(scaler, 60, 121, () => 0);
  t.true(after.slice(0, 59).every((d) => d.desired > 0), 'not zero inside the stable window');
  t.is(after.at(-1)!.desired, 0);
  const withFloor = new Autoscaler(spec({ [ANNOTATION.target]: '10', [ANNOTATION.utilization]: '100', [ANNOTATION.minScale]: '1' }));
  run(withFloor, 0, 30, () => 30);
  t.is(run(withFloor, 30, 200, () => 0).at(-1)!.desired, 1, 'min-scale holds');
});

test('scale-down-delay keeps the highest recent decision for the delay', (t) => {
  const delayed = new Autoscaler(spec({ [ANNOTATION.target]: '10', [ANNOTATION.utilization]: '100', [ANNOTATION.window]: '6s', [ANNOTATION.scaleDownDelay]: '30s', [ANNOTATION.panicThreshold]: '1000' }));
  run(delayed, 0, 10, () => 30);
  const after = run(delayed, 10, 100, () => 0);
  t.true(after.filter((d) => d.s < 10 + 29).every((d) => d.desired === 3), 'held at 3 for 30 s');
  t.true(after.find((d) => d.s === 50)!.desired < 3, 'then down, at most halving from the ready count');
  t.is(after.at(-1)!.desired, 0);
  const prompt = new Autoscaler(spec({ [ANNOTATION.target]: '10', [ANNOTATION.utilization]: '100', [ANNOTATION.window]: '6s', [ANNOTATION.panicThreshold]: '1000' }));
  run(prompt, 0, 10, () => 30);
  t.is(run(prompt, 10, 20, () => 0).at(-1)!.desired, 0, 'without the delay it is down within the window');
});

test('rps: requests per second over the target', (t) => {
  const scaler = new Autoscaler(spec({ [ANNOTATION.metric]: 'rps', [ANNOTATION.target]: '100', [ANNOTATION.utilization]: '100', [ANNOTATION.panicThreshold]: '1000' }));
  t.is(run(scaler, 0, 60, () => 250).at(-1)!.desired, 3);
});
