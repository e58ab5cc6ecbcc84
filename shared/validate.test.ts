import test from 'ava';
import { isBot } from './bots';
import { MAX_JSON_DEPTH, nestsDeeperThan, parseJson } from './validate';

test('a body nested deeper than the limit is a 400 before anything walks it; brackets inside strings do not count', (t) => {
  const deep = Buffer.from(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
  const err = t.throws(() => parseJson(deep));
  t.like(err, { status: 400 });
  t.regex(err!.message, /deeper than 64 levels/);
  const deepObject = `${'{"a":'.repeat(MAX_JSON_DEPTH + 1)}1${'}'.repeat(MAX_JSON_DEPTH + 1)}`;
  t.throws(() => parseJson(Buffer.from(deepObject)));
  const atLimit = `${'{"a":'.repeat(MAX_JSON_DEPTH)}1${'}'.repeat(MAX_JSON_DEPTH)}`;
  t.truthy(parseJson(Buffer.from(atLimit)));
  t.false(nestsDeeperThan(JSON.stringify({ text: '[[[[[[{{{{ \\" [[[[' }), 2));
  t.deepEqual(parseJson(Buffer.from('{"title":"[[[[[[[[[[","n":[1,[2]]}')), { title: '[[[[[[[[[[', n: [1, [2]] });
});

test('headless Chromium is a bot (the IAB/ABC spiders list names it); a desktop Chrome, curl or a Node client is not', (t) => {
  t.true(isBot('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36'));
  t.true(isBot('Googlebot/2.1 (+http://www.google.com/bot.html)'));
  t.false(isBot('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36'));
  t.false(isBot('node'));
});
