import test from 'ava';
import { EVENT_TYPES, newEvent, toBinary } from '../../shared/events';
import type { Request } from '../../shared/http';
import { pageKey } from '../../shared/page';
import { registry } from '../../shared/metrics';
import { openStore } from '../../shared/store';
import { CLASSIFIER_VERSION, handlePageObserved, languageLabel } from './consume';

function request(headers: Record<string, string>, body: string): Request {
  return { method: 'POST', path: '/', params: {}, query: new URLSearchParams(), headers, body: Buffer.from(body), ip: undefined };
}

test('page.observed is classified, stored under the page hash and answered with page.classified', async (t) => {
  const store = await openStore('sqlite::memory:');
  const event = newEvent(EVENT_TYPES.pageObserved, '/ad-decision', { pageHash: 'abc123', url: 'https://news.example/match', title: 'Real Madrid gana el derbi', text: 'El Real Madrid ganó el partido de fútbol contra el Atlético con un gol en el último minuto. El entrenador celebró la victoria en la liga.', lang: 'es' }, 'abc123');
  const { headers, body } = toBinary(event);
  const reply = await handlePageObserved({ store }, request(headers, body));
  t.is(reply.status, 200);
  t.is(reply.headers?.['ce-type'], 'dev.tagline.page.classified');
  t.is(reply.headers?.['ce-id'], `abc123:${CLASSIFIER_VERSION}`);
  const stored = await store.get<{ categories: { id: string }[]; language: string }>(pageKey('abc123'));
  t.truthy(stored);
  t.true(stored!.categories.some((c) => c.id === '483'), 'Sports');
  t.is(stored!.language, 'es');
  const again = await handlePageObserved({ store }, request(headers, body));
  t.is(again.status, 200, 'a redelivery is harmless');
  await store.close();
});

test('an invalid event is a 400 and stores nothing', async (t) => {
  const store = await openStore('sqlite::memory:');
  const { headers } = toBinary(newEvent(EVENT_TYPES.pageObserved, '/ad-decision', { pageHash: 'x', url: 'https://a.example' }, 'x'));
  const err = await t.throwsAsync(handlePageObserved({ store }, request(headers, '{"pageHash": 5}')));
  t.is((err as { status?: number }).status, 400);
  t.is(await store.get(pageKey('x')), undefined);
  await store.close();
});

test('a page in a language without a lexicon is stored with low confidence and no category, and counted as language="other"', async (t) => {
  const store = await openStore('sqlite::memory:');
  const data = {
    pageHash: 'nl123',
    url: 'https://nieuws.example/politiek',
    title: 'Gemeenteraad stemt in met autoluw centrum',
    text: 'De gemeenteraad heeft dinsdagavond ingestemd met het plan om het centrum autoluw te maken. Bewoners en ondernemers reageerden verdeeld, maar de wethouder benadrukte dat de maatregelen stap voor stap worden ingevoerd.',
    lang: 'nl',
  };
  const counted = async () => (await registry.getSingleMetric('tagline_pages_classified_total')?.get())?.values.filter((v) => v.labels['language'] === 'other').reduce((sum, v) => sum + v.value, 0) ?? 0;
  const before = await counted();
  const { headers, body } = toBinary(newEvent(EVENT_TYPES.pageObserved, '/ad-decision', data, 'nl123'));
  const reply = await handlePageObserved({ store }, request(headers, body));
  t.is(reply.status, 200);
  const stored = await store.get<{ categories: { id: string }[]; language: string; confidence: string }>(pageKey('nl123'));
  t.deepEqual(stored && { categories: stored.categories, language: stored.language, confidence: stored.confidence }, { categories: [], language: 'nl', confidence: 'low' });
  t.is((await counted()) - before, 1);
  t.is(languageLabel('fr'), 'fr');
  t.is(languageLabel('und'), 'other');
  await store.close();
});
