import test from 'ava';
import { SnapshotPoller } from './snapshot-poller';
import { openStore } from './store';

test('the poller hands each poll the current versions, shares a poll under way and polls on demand only when stale', async (t) => {
  const store = await openStore('sqlite::memory:');
  t.teardown(() => store.close());
  await store.putDoc('campaigns', 'c1', { id: 'c1' });
  const seen: number[][] = [];
  let loaded = '';
  const poller = new SnapshotPoller(store, ['campaigns', 'publishers'], async (versions) => {
    seen.push(versions);
    const moved = versions.join('.') !== loaded;
    loaded = versions.join('.');
    return moved;
  });

  const [first, second] = await Promise.all([poller.poll(), poller.poll()]);
  t.true(first);
  t.true(second, 'the same poll');
  t.is(seen.length, 1);
  t.is(seen[0]!.length, 2);

  t.false(await poller.poll());
  t.is(poller.pollIfStale(60_000), undefined, 'checked just now');
  t.is(seen.length, 2);

  await store.putDoc('publishers', 'p1', { id: 'p1' });
  t.true(await poller.poll());
  t.is(seen[2]![0], seen[0]![0], 'campaigns did not move');
  t.not(seen[2]![1], seen[0]![1], 'publishers did');
});
