/**
 * The secrets a cluster takes from the `tagline-secrets` Secret, generated once per data
 * directory so beacons signed before a restart still verify after it and the admin key stays put.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export interface Secrets {
  TOKEN_KEYS: string;
  TOKEN_SIGNING_KEY: string;
  TAGLINE_ADMIN_KEY: string;
}

const SecretsFile = z.object({ TOKEN_KEYS: z.string().min(1), TOKEN_SIGNING_KEY: z.string().min(1), TAGLINE_ADMIN_KEY: z.string().min(24) });
const FILE = 'secrets.json';

/**
 * The secrets for this data directory: values set in `env` win; the rest come from
 * `<dataDir>/secrets.json`, created (mode 0600) with fresh random values on first use.
 */
export function loadSecrets(dataDir: string, env: NodeJS.ProcessEnv): Secrets {
  const file = path.join(dataDir, FILE);
  let stored: Secrets;
  try {
    stored = SecretsFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${file}: unreadable (${(err as Error).message}); delete it to generate new secrets`, { cause: err });
    stored = generate();
    writeFileSync(file, JSON.stringify(stored, null, 2) + '\n', { mode: 0o600 });
  }
  const fromEnv = (key: keyof Secrets) => (env[key] !== undefined && env[key] !== '' ? env[key] : undefined);
  const tokenKeys = fromEnv('TOKEN_KEYS');
  return {
    TOKEN_KEYS: tokenKeys ?? stored.TOKEN_KEYS,
    TOKEN_SIGNING_KEY: fromEnv('TOKEN_SIGNING_KEY') ?? (tokenKeys === undefined ? stored.TOKEN_SIGNING_KEY : tokenKeys.split(':')[0]!),
    TAGLINE_ADMIN_KEY: fromEnv('TAGLINE_ADMIN_KEY') ?? stored.TAGLINE_ADMIN_KEY,
  };
}

function generate(): Secrets {
  const keyId = `local-${randomBytes(3).toString('hex')}`;
  return {
    TOKEN_KEYS: `${keyId}:${randomBytes(32).toString('base64url')}`,
    TOKEN_SIGNING_KEY: keyId,
    TAGLINE_ADMIN_KEY: `tgl_admin_${randomBytes(24).toString('base64url')}`,
  };
}
