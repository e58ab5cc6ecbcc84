import test from 'ava';
import { FilterError, compileTriggerFilter } from './filters';

const order = { type: 'dev.tagline.ad.click', source: '/track', region: 'eu' };
const page = { type: 'dev.tagline.page.observed', source: '/ad-decision' };

test('exact, prefix and suffix compare every named attribute; a missing attribute never matches', (t) => {
  t.true(compileTriggerFilter({ filters: [{ exact: { type: 'dev.tagline.ad.click', source: '/track' } }] })(order));
  t.false(compileTriggerFilter({ filters: [{ exact: { type: 'dev.tagline.ad.click', source: '/other' } }] })(order));
  t.true(compileTriggerFilter({ filters: [{ prefix: { type: 'dev.tagline.ad.' } }] })(order));
  t.false(compileTriggerFilter({ filters: [{ prefix: { type: 'dev.tagline.ad.' } }] })(page));
  t.true(compileTriggerFilter({ filters: [{ suffix: { type: '.click' } }] })(order));
  t.false(compileTriggerFilter({ filters: [{ exact: { region: 'eu' } }] })(page));
});

test('all, any and not nest; the filters list is an AND', (t) => {
  const filter = compileTriggerFilter({
    filters: [{ any: [{ exact: { type: 'dev.tagline.ad.click' } }, { exact: { type: 'dev.tagline.page.observed' } }] }, { not: { exact: { source: '/ad-decision' } } }],
  });
  t.true(filter(order));
  t.false(filter(page));
  const all = compileTriggerFilter({ filters: [{ all: [{ prefix: { type: 'dev.' } }, { suffix: { source: 'track' } }] }] });
  t.true(all(order));
  t.false(all(page));
});

test('the legacy attribute filter is exact, with "" matching any value; no filter matches everything', (t) => {
  t.true(compileTriggerFilter({ filter: { attributes: { type: 'dev.tagline.ad.click', region: '' } } })(order));
  t.true(compileTriggerFilter({ filter: { attributes: { type: 'dev.tagline.page.observed', region: '' } } })(page));
  t.false(compileTriggerFilter({ filter: { attributes: { type: 'dev.tagline.ad.click' } } })(page));
  t.true(compileTriggerFilter({})(page));
  t.true(compileTriggerFilter({ filters: [] })(page));
});

test('filters override filter when both are set', (t) => {
  const filter = compileTriggerFilter({ filter: { attributes: { type: 'nothing' } }, filters: [{ exact: { type: 'dev.tagline.ad.click' } }] });
  t.true(filter(order));
});

test('malformed expressions are errors naming the field', (t) => {
  const field = (filters: unknown[]) => t.throws(() => compileTriggerFilter({ filters }), { instanceOf: FilterError })!.field;
  t.is(field([{ exact: { type: 'a' }, prefix: { type: 'b' } }]), 'spec.filters[0]');
  t.is(field([{ any: [] }]), 'spec.filters[0].any');
  t.is(field([{ all: [{ exact: { type: '' } }] }]), 'spec.filters[0].all[0].exact.type');
  t.is(field([{ cesql: "type = 'x'" }]), 'spec.filters[0].cesql');
  t.is(field(['exact']), 'spec.filters[0]');
});
