import test from 'ava';
import { counter, registry, zeroed } from './metrics';

test('a zeroed counter shows every known label set at 0 before its first event, so increase() sees the first one', async (t) => {
  const c = zeroed(counter('tagline_test_zeroed_total', 'test counter', ['scope']), [{ scope: 'total' }, { scope: 'daily' }]);
  const before = await registry.getSingleMetricAsString('tagline_test_zeroed_total');
  t.regex(before, /^tagline_test_zeroed_total\{scope="total"\} 0$/m);
  t.regex(before, /^tagline_test_zeroed_total\{scope="daily"\} 0$/m);
  c.inc({ scope: 'daily' });
  const after = await registry.getSingleMetricAsString('tagline_test_zeroed_total');
  t.regex(after, /^tagline_test_zeroed_total\{scope="daily"\} 1$/m);
  t.regex(after, /^tagline_test_zeroed_total\{scope="total"\} 0$/m);
  const plain = counter('tagline_test_plain_total', 'test counter', ['scope']);
  plain.inc({ scope: 'daily' });
  t.notRegex(await registry.getSingleMetricAsString('tagline_test_plain_total'), /scope="total"/, 'without zeroing, an unseen label set is absent');
});
