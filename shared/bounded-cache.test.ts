import test from 'ava';
import { BoundedCache } from './bounded-cache';

test('a full cache forgets what was not used during the last generation, and keeps what was', (t) => {
  const cache = new BoundedCache<string, number>(4);
  cache.set('a', 1).set('b', 2);
  t.is(cache.get('a'), 1, 'a is used');
  cache.set('c', 3);
  t.is(cache.get('b'), undefined, 'b was not used during the generation a and c were');
  t.deepEqual([cache.get('a'), cache.get('c')], [1, 3]);
  t.true(cache.size <= 4);
  cache.set('c', 30);
  t.is(cache.get('c'), 30, 'a set replaces the value');
  t.true(cache.delete('c'));
  t.is(cache.get('c'), undefined);
  t.false(cache.delete('c'));
});

test('never more than the bound; an entry read at least once per half-bound of operations is never lost', (t) => {
  const max = 64;
  const cache = new BoundedCache<number, number>(max);
  let seed = 7;
  const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  cache.set(-1, -1);
  for (let i = 0; i < 20_000; i++) {
    if (i % (max / 4) === 0) t.is(cache.get(-1), -1, `the hot entry is there at operation ${i}`);
    const key = Math.floor(rnd() * 1_000);
    if (rnd() < 0.5) cache.set(key, key);
    else {
      const got = cache.get(key);
      if (got !== undefined) t.is(got, key);
    }
    if (cache.size > max) t.fail(`size ${cache.size} over ${max} at operation ${i}`);
  }
});
