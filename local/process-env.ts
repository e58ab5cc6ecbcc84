/**
 * The environment of a function process on one machine: what every process inherits, the
 * manifests' values (minus addresses that exist only inside a cluster), the developer's local
 * overrides, then what the platform itself decides (port, revision, sink, store, secrets).
 */
import { join } from 'node:path';
import type { Secrets } from './secrets';
import type { ServicePlan, Target } from './topology';

/** What every process inherits from the platform's environment, under the manifests' values. */
const INHERITED = /^(PATH|HOME|TMPDIR|TZ|LANG|LC_[A-Z]+)$/;
/** What a developer may set for every process, over the manifests' values (e.g. a local Zipkin). */
const OVERRIDES = /^(OTEL_[A-Z_]+|LOG_LEVEL|CORS_ORIGINS|TOKEN_TTL_SECONDS|DEAD_LETTER_MAX_[A-Z_]+)$/;
/** Set by the platform for every process, whatever the manifests say. */
const PLATFORM_SET = new Set(['NODE_ENV', 'PORT', 'K_SERVICE', 'K_REVISION', 'K_CONFIGURATION', 'K_SINK', 'STORE_URL', 'TRACK_URL', 'TOKEN_KEYS', 'TOKEN_SIGNING_KEY', 'TAGLINE_ADMIN_KEY', 'LISTEN_ADDRESS', 'OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_JWKS_URL', 'OIDC_TOKEN_FILE', 'SPOOL_DIR']);
/** Hosts that exist only inside a cluster; a manifest value pointing at one is left out locally. */
const CLUSTER_HOST = /^[a-z]+:\/\/[^/]*\.svc(\.cluster\.local)?(:\d+)?(\/|$)/i;

export interface EnvContext {
  /** The platform's own environment. */
  env: NodeJS.ProcessEnv;
  /** Base URL processes reach the platform at (K_SINK), e.g. `http://127.0.0.1:8080`. */
  internal: string;
  /** Base URL browsers reach the platform at (TRACK_URL), e.g. `http://localhost:8080`. */
  url: string;
  storeUrl: string;
  secrets: Secrets;
  /** The sender identity of a process: `OIDC_*` (its audience, the issuer, its token file). */
  identity?: (plan: ServicePlan) => Record<string, string>;
  /** The platform's data directory: each Service's disk spool (`SPOOL_DIR`) is `<dataDir>/spool/<service>`. */
  dataDir?: string;
}

/** The environment of one function process: manifests first, then what the platform decides. */
export function processEnv(plan: ServicePlan, port: number, ctx: EnvContext): Record<string, string> {
  const platformEnv = Object.entries(ctx.env).filter((e): e is [string, string] => e[1] !== undefined);
  const env: Record<string, string> = Object.fromEntries(platformEnv.filter(([k]) => INHERITED.test(k)));
  const dropped = clusterOnlyEnv(plan.env);
  for (const [k, v] of Object.entries(plan.env)) if (!(k in dropped)) env[k] = v;
  Object.assign(env, Object.fromEntries(platformEnv.filter(([k]) => OVERRIDES.test(k))));
  Object.assign(env, ctx.secrets, {
    NODE_ENV: 'production',
    PORT: String(port),
    K_SERVICE: plan.name,
    K_REVISION: plan.revision,
    K_CONFIGURATION: plan.name,
    STORE_URL: ctx.storeUrl,
    TRACK_URL: `${ctx.url}/track`,
    LISTEN_ADDRESS: '127.0.0.1',
  }, ctx.identity?.(plan));
  if (ctx.dataDir !== undefined) env.SPOOL_DIR = join(ctx.dataDir, 'spool', plan.name);
  if (plan.sink !== undefined) env.K_SINK = targetUrl(ctx.internal, plan.sink);
  return env;
}

/**
 * Variables some Service's manifests set to a cluster-only address that nothing replaces locally
 * (the platform does not set them and `env` does not override them): worth one line at start.
 */
export function leftOutLocally(plans: Iterable<ServicePlan>, env: NodeJS.ProcessEnv): string[] {
  const replaced = (k: string) => PLATFORM_SET.has(k) || (OVERRIDES.test(k) && env[k] !== undefined);
  const names = new Set([...plans].flatMap((plan) => Object.keys(clusterOnlyEnv(plan.env))));
  return [...names].filter((k) => !replaced(k));
}

function clusterOnlyEnv(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([, v]) => CLUSTER_HOST.test(v)));
}

/** The URL a delivery target is reached at from `base`. */
export function targetUrl(base: string, target: Target): string {
  if (target.kind === 'url') return target.url;
  if (target.kind === 'broker') return `${base}/_/broker/${target.broker}`;
  return `${base}/${target.service}${target.path === '/' ? '' : target.path}`;
}

