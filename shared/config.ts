import { ConfigError } from './errors';
import type { EventAuthConfig } from './event-auth';

/** One HMAC key for beacon tokens. */
export interface TokenKey {
  id: string;
  secret: Buffer;
}

/** Network limits on advertiser-set campaign fields, in integer micros of the campaign's currency. */
export interface CampaignLimits {
  /** `MIN_CPM`: the floor of a CPM price (decimal currency units, default 0.5). */
  minCpmMicros: number;
  /** `MIN_CPC`: the floor of a CPC price (decimal currency units, default 0.05). */
  minCpcMicros: number;
  /** `ADVERTISER_MAX_BUDGET`: the largest total budget an advertiser key may set (default 10000). */
  maxBudgetMicros: number;
}

/** Everything a function reads from its environment, parsed once at start-up. */
export interface Config {
  /** `K_SERVICE`: the function's name everywhere (metric label, span service, logs). */
  service: string;
  revision: string;
  port: number;
  /** `LISTEN_ADDRESS`: the one interface to listen on (e.g. 127.0.0.1 behind the local platform); default every interface. */
  listenAddress: string | undefined;
  production: boolean;
  /** `K_SINK`: the Broker URL events are sent to; absent means events are not sent. */
  sink: string | undefined;
  /** `STORE_URL`: `sqlite:<path>` or `redis://host:port`. */
  storeUrl: string;
  /** `TOKEN_KEYS`: `id:secret,id:secret`; all verify, `TOKEN_SIGNING_KEY` signs. */
  tokenKeys: TokenKey[];
  signingKeyId: string;
  /** Lifetime of a beacon token (`TOKEN_TTL_SECONDS`, default one day). */
  tokenTtlSeconds: number;
  /** `TRACK_URL`: public base URL of the track function, used in beacon URLs. */
  trackUrl: string;
  /** `TAGLINE_ADMIN_KEY`: the admin API key (a Secret on a cluster). */
  adminKey: string | undefined;
  /** What advertiser keys may set on a campaign (the admin is not limited): see `functions/campaigns/field-rules.ts`. */
  campaignLimits: CampaignLimits;
  /**
   * track's last-resort spool on local disk: `SPOOL_DIR` (default `.tagline/spool`; an emptyDir
   * volume on a cluster) and `SPOOL_MAX_BYTES` (default 64 MiB).
   */
  spool: { dir: string; maxBytes: number };
  /** `CORS_ORIGINS`: `*` or a comma-separated list of allowed origins. */
  corsOrigins: '*' | string[];
  /**
   * Zipkin endpoint when tracing is on (`OTEL_EXPORTER_ZIPKIN_ENDPOINT` or
   * `OTEL_TRACES_EXPORTER=zipkin`); none when `OTEL_SDK_DISABLED=true`.
   */
  zipkinEndpoint: string | undefined;
  /** Ratio of root traces sampled, 0..1: `OTEL_TRACES_SAMPLER` (`*always_on`, `*always_off`, `*traceidratio` with `OTEL_TRACES_SAMPLER_ARG`; default 1). */
  traceSampleRatio: number;
  /** The span service name: `OTEL_SERVICE_NAME`, else the function's name. */
  traceService: string;
  /** `OTEL_RESOURCE_ATTRIBUTES` (`key=value,…`, values percent-decoded), e.g. `service.instance.id`. */
  traceResource: Record<string, string>;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /**
   * How this function checks who sent the events it consumes: set when it has an audience
   * (`OIDC_AUDIENCE`, a consumer), which needs `OIDC_ISSUER` and `OIDC_JWKS_URL` too.
   */
  eventAuth: EventAuthConfig | undefined;
  /**
   * How long and how many dead letters the dead-letter sink keeps (`DEAD_LETTER_MAX_AGE_SECONDS`,
   * default 14 days; `DEAD_LETTER_MAX_COUNT`, default 1000): older and extra ones are deleted.
   */
  deadLetterRetention: { maxAgeSeconds: number; maxCount: number };
  /** `OIDC_TOKEN_FILE`: the OIDC token this function sends its events with (its SinkBinding's). */
  senderTokenFile: string | undefined;
}

const DEV_TOKEN_KEY = 'dev:tagline-development-key-not-for-production';
const DEFAULT_ZIPKIN = 'http://localhost:9411/api/v2/spans';

/**
 * Parse the environment into a `Config`, throwing `ConfigError` naming the variable at fault.
 * Outside production, secrets fall back to development values so `npm start` needs no setup.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const tokenKeys = parseTokenKeys(env.TOKEN_KEYS ?? (production ? undefined : DEV_TOKEN_KEY));
  const signingKeyId = env.TOKEN_SIGNING_KEY ?? tokenKeys[0]!.id;
  if (!tokenKeys.some((k) => k.id === signingKeyId)) {
    throw new ConfigError('TOKEN_SIGNING_KEY', `key id "${signingKeyId}" is not in TOKEN_KEYS`);
  }
  const port = envInteger(env, 'PORT', 8080, 1, 65535);
  return {
    service: env.K_SERVICE ?? env.FUNCTION_TARGET ?? 'function',
    revision: env.K_REVISION ?? 'local',
    port,
    listenAddress: env.LISTEN_ADDRESS === undefined || env.LISTEN_ADDRESS === '' ? undefined : env.LISTEN_ADDRESS,
    production,
    sink: optionalUrl(env, 'K_SINK'),
    storeUrl: env.STORE_URL ?? 'sqlite:.tagline/tagline.db',
    tokenKeys,
    signingKeyId,
    tokenTtlSeconds: envInteger(env, 'TOKEN_TTL_SECONDS', 86_400, 60, 30 * 86_400),
    trackUrl: (optionalUrl(env, 'TRACK_URL') ?? `http://localhost:${port}/track`).replace(/\/+$/, ''),
    adminKey: adminKey(env, production),
    campaignLimits: {
      minCpmMicros: envMicros(env, 'MIN_CPM', 0.5),
      minCpcMicros: envMicros(env, 'MIN_CPC', 0.05),
      maxBudgetMicros: envMicros(env, 'ADVERTISER_MAX_BUDGET', 10_000),
    },
    spool: { dir: env.SPOOL_DIR || '.tagline/spool', maxBytes: envInteger(env, 'SPOOL_MAX_BYTES', 64 * 1024 * 1024, 4096, 2 ** 40) },
    corsOrigins: parseOrigins(env.CORS_ORIGINS),
    zipkinEndpoint:
      env.OTEL_SDK_DISABLED?.toLowerCase() === 'true'
        ? undefined
        : (optionalUrl(env, 'OTEL_EXPORTER_ZIPKIN_ENDPOINT') ?? (env.OTEL_TRACES_EXPORTER === 'zipkin' ? DEFAULT_ZIPKIN : undefined)),
    traceSampleRatio: sampleRatio(env),
    traceService: env.OTEL_SERVICE_NAME || (env.K_SERVICE ?? env.FUNCTION_TARGET ?? 'function'),
    traceResource: resourceAttributes(env.OTEL_RESOURCE_ATTRIBUTES),
    logLevel: logLevel(env.LOG_LEVEL),
    eventAuth: eventAuth(env),
    deadLetterRetention: {
      maxAgeSeconds: envInteger(env, 'DEAD_LETTER_MAX_AGE_SECONDS', 14 * 86_400, 60, 400 * 86_400),
      maxCount: envInteger(env, 'DEAD_LETTER_MAX_COUNT', 1000, 1, 1_000_000),
    },
    senderTokenFile: env.OIDC_TOKEN_FILE === undefined || env.OIDC_TOKEN_FILE === '' ? undefined : env.OIDC_TOKEN_FILE,
  };
}

function eventAuth(env: NodeJS.ProcessEnv): EventAuthConfig | undefined {
  const audience = env.OIDC_AUDIENCE;
  if (audience === undefined || audience === '') return undefined;
  const issuer = env.OIDC_ISSUER;
  if (issuer === undefined || issuer === '') throw new ConfigError('OIDC_ISSUER', 'required with OIDC_AUDIENCE: the issuer of the event tokens to accept');
  const jwksUrl = optionalUrl(env, 'OIDC_JWKS_URL');
  if (jwksUrl === undefined) throw new ConfigError('OIDC_JWKS_URL', "required with OIDC_AUDIENCE: the issuer's public keys");
  return { issuer, audience, jwksUrl };
}

function parseTokenKeys(raw: string | undefined): TokenKey[] {
  if (raw === undefined || raw.trim() === '') {
    throw new ConfigError('TOKEN_KEYS', 'required in production: "keyId:secret[,keyId:secret…]"');
  }
  return raw.split(',').map((pair) => {
    const at = pair.indexOf(':');
    const id = pair.slice(0, at).trim();
    const secret = pair.slice(at + 1).trim();
    if (at <= 0 || !/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
      throw new ConfigError('TOKEN_KEYS', `"${pair.slice(0, 40)}" is not "keyId:secret" (key id: letters, digits, - or _)`);
    }
    if (secret.length < 16) throw new ConfigError('TOKEN_KEYS', `secret of key "${id}" is shorter than 16 characters`);
    return { id, secret: Buffer.from(secret, 'utf8') };
  });
}

function adminKey(env: NodeJS.ProcessEnv, production: boolean): string | undefined {
  const key = env.TAGLINE_ADMIN_KEY;
  if (key === undefined || key === '') return undefined;
  if (production && key.length < 24) throw new ConfigError('TAGLINE_ADMIN_KEY', 'must be at least 24 characters in production');
  return key;
}

function parseOrigins(raw: string | undefined): '*' | string[] {
  if (raw === undefined || raw.trim() === '' || raw.trim() === '*') return '*';
  return raw.split(',').map((o) => o.trim()).filter(Boolean);
}

/** The integer in `env[name]` (`fallback` when unset or empty); `ConfigError` naming it when out of [min, max]. */
export function envInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(name, `"${raw}" is not an integer in [${min}, ${max}]`);
  return n;
}

/** A decimal amount of currency in `env[name]` as integer micros (at most 6 decimals, at most a billion). */
function envMicros(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  const micros = Math.round(n * 1e6);
  if (!Number.isFinite(n) || n < 0 || n > 1e9 || Math.abs(micros - n * 1e6) > 1e-3) {
    throw new ConfigError(name, `"${raw}" is not an amount of currency in [0, 1e9] with at most 6 decimals`);
  }
  return micros;
}

/** The OpenTelemetry sampler variables as the ratio of the parent-based ratio sampler Tagline runs. */
function sampleRatio(env: NodeJS.ProcessEnv): number {
  const sampler = (env.OTEL_TRACES_SAMPLER ?? '').toLowerCase();
  if (sampler === 'always_off' || sampler === 'parentbased_always_off') return 0;
  if (sampler === 'always_on' || sampler === 'parentbased_always_on') return 1;
  if (sampler === '' || sampler === 'traceidratio' || sampler === 'parentbased_traceidratio') return ratio(env, 'OTEL_TRACES_SAMPLER_ARG', 1);
  throw new ConfigError('OTEL_TRACES_SAMPLER', `"${env.OTEL_TRACES_SAMPLER}" is not one of always_on, always_off, traceidratio and their parentbased_ forms`);
}

/** `OTEL_RESOURCE_ATTRIBUTES`: comma-separated `key=value` pairs, values percent-encoded. */
function resourceAttributes(raw: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (raw ?? '').split(',')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    try {
      out[pair.slice(0, at).trim()] = decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      throw new ConfigError('OTEL_RESOURCE_ATTRIBUTES', `"${pair}" is not a key=value pair with a percent-encoded value`);
    }
  }
  return out;
}

function ratio(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new ConfigError(name, `"${raw}" is not a number in [0, 1]`);
  return n;
}

function optionalUrl(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
    return raw;
  } catch {
    throw new ConfigError(name, `"${raw}" is not an http(s) URL`);
  }
}

function logLevel(raw: string | undefined): Config['logLevel'] {
  if (raw === undefined || raw === '') return 'info';
  if (raw === 'debug' || raw === 'info' || raw === 'warn' || raw === 'error') return raw;
  throw new ConfigError('LOG_LEVEL', `"${raw}" is not one of debug, info, warn, error`);
}
