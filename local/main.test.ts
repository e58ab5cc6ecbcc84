import test from 'ava';
import path from 'node:path';
import { ConfigError } from '../shared/errors';
import { ROOT } from './command';
import { parsePlatformEnv } from './main';

test('npm start defaults: port 8080, .tagline/, the knative/ manifests, seeding on', (t) => {
  const options = parsePlatformEnv({});
  t.is(options.port, 8080);
  t.is(options.dataDir, path.resolve('.tagline'));
  t.is(options.manifestsDir, path.join(ROOT, 'knative'));
  t.true(options.seed);
  t.is(options.idleMs, undefined);
});

test('PORT, TAGLINE_DATA_DIR, TAGLINE_IDLE_SECONDS and TAGLINE_SEED are read, and bad values name the variable', (t) => {
  const options = parsePlatformEnv({ PORT: '9090', TAGLINE_DATA_DIR: '/tmp/x', TAGLINE_IDLE_SECONDS: '5', TAGLINE_SEED: '0' });
  t.is(options.port, 9090);
  t.is(options.dataDir, '/tmp/x');
  t.is(options.idleMs, 5000);
  t.false(options.seed);
  t.throws(() => parsePlatformEnv({ PORT: 'http' }), { instanceOf: ConfigError, message: /^PORT: / });
  t.throws(() => parsePlatformEnv({ TAGLINE_IDLE_SECONDS: '0' }), { instanceOf: ConfigError, message: /^TAGLINE_IDLE_SECONDS: / });
});
