import test from 'ava';
import { serviceStatus, startFixturePlatform, waitFor, type Harness } from '../test/kit/platform';

let h: Harness;

test.before(async () => {
  h = await startFixturePlatform();
});

test.after.always(async () => {
  await h?.close();
});

test('a CPU-bound load scales a Service to a second instance and spreads over both; after it the autoscaler returns to one, then to zero', async (t) => {
  const url = `${h.platform.url}/burner/burn?ms=25`;
  let running = true;
  const pids = new Set<number>();
  let failures = 0;
  const client = async () => {
    while (running) {
      const res = await fetch(url).catch(() => undefined);
      if (res?.status !== 200) failures++;
      else pids.add(((await res.json()) as { pid: number }).pid);
    }
  };
  const clients = Array.from({ length: 4 }, client);
  try {
    const scaled = await waitFor(() => serviceStatus(h.platform.url, 'burner'), (s) => s.scale.ready === 2, 90_000, 'two ready instances');
    t.true(scaled.scale.desired >= 2);
    t.like(scaled.autoscaler, { metric: 'concurrency', target: 1 });
    const spread = await waitFor(() => serviceStatus(h.platform.url, 'burner'), (s) => s.instances.filter((i) => i.state === 'ready' && i.requests > 20).length === 2, 60_000, 'requests on both instances');
    t.is(spread.instances.length, 2);
    const sd = (await (await fetch(`${h.platform.url}/_/sd`)).json()) as { labels: Record<string, string> }[];
    t.deepEqual(sd.filter((g) => g.labels.function === 'burner').map((g) => g.labels.instance).sort(), ['burner-00001-001', 'burner-00001-002'], 'each instance is its own scrape target');
    const metrics = await (await fetch(`${h.platform.url}/_/metrics`)).text();
    t.regex(metrics, /tagline_platform_desired_instances\{function="burner"\} 2/);
  } finally {
    running = false;
    await Promise.all(clients);
  }
  t.is(failures, 0, 'no request failed while instances came and went');
  t.true(pids.size >= 2, 'answers came from two processes');
  await waitFor(() => serviceStatus(h.platform.url, 'burner'), (s) => s.scale.current === 1, 90_000, 'back to one instance');
  const zero = await waitFor(() => serviceStatus(h.platform.url, 'burner'), (s) => s.scale.current === 0 && s.state === 'cold', 90_000, 'scaled to zero');
  t.is(zero.scale.desired, 0);
});
