import test from 'ava';
import { redactCredentials } from './redact';

test('URL passwords are replaced, everything else is left as it is', (t) => {
  t.is(redactCredentials('redis://:s3cret@redis:6379/0'), 'redis://:***@redis:6379/0');
  t.is(redactCredentials('{"url":"rediss://app:p%40ss@cache.example:6380"}'), '{"url":"rediss://app:***@cache.example:6380"}');
  t.is(redactCredentials('sqlite:/data/tagline.db and http://localhost:8080/a@b'), 'sqlite:/data/tagline.db and http://localhost:8080/a@b');
  t.is(redactCredentials('redis://user@host:1'), 'redis://user@host:1');
});
