import test from 'ava';
import { LruCache } from './lru';

test('a full cache forgets only its least recently used entry', (t) => {
  const cache = new LruCache<string, number>(3);
  cache.set('a', 1).set('b', 2).set('c', 3);
  t.is(cache.get('a'), 1, 'a is now the most recent');
  cache.set('d', 4);
  t.is(cache.size, 3);
  t.is(cache.get('b'), undefined, 'b was the coldest');
  t.deepEqual([cache.get('a'), cache.get('c'), cache.get('d')], [1, 3, 4]);
  cache.set('c', 30);
  t.is(cache.size, 3);
  t.is(cache.get('c'), 30);
});
