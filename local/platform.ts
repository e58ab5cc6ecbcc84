/**
 * The local platform: the `knative/` manifests run on one machine behind one port. It wires the
 * manifests (topology), the process supervisor, the router, the Brokers, the PingSources and the
 * status pages, and stops everything it started.
 */
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createLogger, type Logger } from '../shared/logger';
import { redactCredentials } from '../shared/redact';
import { openStore, type Store } from '../shared/store';
import { Broker, type TraceHeaders } from './broker';
import { toBinaryMessage, type StoredEvent } from './cloudevent';
import { FRAMEWORK_MAIN, functionCommand } from './command';
import { answerClientErrors } from './client-errors';
import { hostCheck } from './hosts';
import { Sender } from './delivery';
import { EventGate } from './event-gate';
import { loadManifests, type Manifests } from './manifests';
import { createPlatformMetrics } from './metrics';
import { BrokerPolicies, identityOf, JWKS_PATH, LocalIssuer, OIDC_PATH, serviceAudience, SinkBindingTokens, targetAudience } from './oidc';
import { reapOrphans, recordProcesses } from './orphans';
import type { PlatformStatus } from './pages';
import { PingScheduler } from './ping';
import { findPrometheus, startPrometheus, type LocalPrometheus } from './prometheus';
import { leftOutLocally, processEnv, targetUrl } from './process-env';
import { createRouter } from './router';
import { loadSecrets, type Secrets } from './secrets';
import { seedIfFresh, type SeedResult } from './seed';
import { Supervisor } from './supervisor';
import { buildTopology, type ServicePlan, type Target, type TriggerPlan, type Topology } from './topology';

export interface PlatformOptions {
  /** Folder holding the `kustomization.yaml` to run (e.g. `knative/`). */
  manifestsDir: string;
  /** Where the store, the generated secrets and the seed marker live (e.g. `.tagline/`). */
  dataDir: string;
  /** Port of the one HTTP server; 0 picks a free one. */
  port: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** The store every process shares (default `sqlite:<dataDir>/tagline.db`). */
  storeUrl?: string;
  /** Idle window of Services without a retention annotation (default 60 s): the autoscaler's default stable window. */
  idleMs?: number;
  /** Bounds forced on every Service's instances, over its min-scale and max-scale annotations. */
  minScale?: number;
  maxScale?: number;
  /** Load the demo publisher and campaigns on a fresh data directory. */
  seed?: boolean;
  /** Folder the functions-framework loads functions from (default `dist/functions`). */
  functionsSource?: string;
  /** The platform's own environment: secrets and local overrides (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  /** Where the processes' output lines go (default this process's stdout and stderr). */
  output?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Longest cold start before a request gets 503 (default 30 s). */
  startTimeoutMs?: number;
  /** SIGTERM to SIGKILL grace when stopping a process (default 5 s). */
  stopGraceMs?: number;
  /** Lease of a Broker delivery before it is retried after a crash (default 10 s). */
  brokerLeaseMs?: number;
  /** Deliveries in flight at once per Broker (default 32). */
  brokerConcurrency?: number;
  /**
   * Run a Prometheus (local/prometheus.ts) scraping the live processes, when `prometheus` is on
   * the platform's `PATH`; without it the platform runs on and says so once. Default off here,
   * on for `npm start` (one per test platform would load a shared machine for nothing).
   */
  prometheus?: boolean;
  /** Port for that Prometheus; a free one when taken or 0 (default 0). */
  prometheusPort?: number;
  /** Host names besides loopback ones the platform's pages and Broker answer (default `TAGLINE_ALLOWED_HOSTS`). */
  allowedHosts?: readonly string[];
}

export interface Platform {
  /** Base URL, e.g. `http://localhost:8080`. */
  url: string;
  port: number;
  adminKey: string;
  /** What the seed did (`undefined` when seeding was not asked for). */
  seeded: SeedResult | undefined;
  /** The local Prometheus, e.g. `http://127.0.0.1:9090`, when one runs. */
  prometheusUrl: string | undefined;
  status(): Promise<PlatformStatus>;
  stop(): Promise<void>;
}

const DEFAULT_IDLE_MS = 60_000;

/**
 * Start the platform. Rejects with a message naming the file and field for a manifest that cannot
 * run, or naming `PORT` when the port is taken; nothing is left running after a failed start.
 */
export async function startPlatform(options: PlatformOptions): Promise<Platform> {
  const env = options.env ?? process.env;
  const logger = options.logger ?? createLogger('platform', 'info');
  const manifests = loadManifests(options.manifestsDir);
  const topology = buildTopology(manifests, { defaultIdleMs: options.idleMs ?? DEFAULT_IDLE_MS });
  for (const warning of topology.warnings) logger.info('manifest note', { note: warning });
  const clusterOnly = leftOutLocally(topology.services.values(), env);
  if (clusterOnly.length > 0) logger.info('manifest values that point inside a cluster are not set locally', { variables: clusterOnly });
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const reaped = reapOrphans(dataDir, FRAMEWORK_MAIN);
  if (reaped.length > 0) logger.warn('stopped function processes left by a previous run', { pids: reaped });
  const secrets = loadSecrets(dataDir, env);
  const storeUrl = options.storeUrl ?? `sqlite:${path.join(dataDir, 'tagline.db')}`;
  const store = await openStore(storeUrl);
  const server = http.createServer();
  answerClientErrors(server);
  try {
    const port = await listen(server, options.port, options.host ?? '127.0.0.1');
    return await assemble({ options, env, logger, manifests, topology, dataDir, secrets, storeUrl, store, server, port });
  } catch (err) {
    server.close();
    await store.close();
    throw err;
  }
}

interface Parts {
  options: PlatformOptions;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  manifests: Manifests;
  topology: Topology;
  dataDir: string;
  secrets: Secrets;
  storeUrl: string;
  store: Store;
  server: http.Server;
  port: number;
}

async function assemble(p: Parts): Promise<Platform> {
  const { topology, store, logger, port } = p;
  const url = `http://localhost:${port}`;
  const internal = `http://127.0.0.1:${port}`;
  const startedAt = new Date().toISOString();
  let prometheus: LocalPrometheus | undefined;
  const brokers = new Map<string, Broker>();
  const metrics = createPlatformMetrics(async () => (await Promise.all([...brokers.values()].map((b) => store.depth(b.queue)))).reduce((a, b) => a + b, 0));
  const agent = new http.Agent({ keepAlive: true, maxFreeSockets: 256, scheduling: 'lifo' });
  const urlOf = (target: Target): string => targetUrl(url, target);
  const issuer = new LocalIssuer(`${internal}${OIDC_PATH}`);
  const sinkTokens = new SinkBindingTokens(issuer, topology, path.join(p.dataDir, 'oidc'));
  const identity = (plan: ServicePlan): Record<string, string> => {
    const tokenFile = sinkTokens.fileOf(plan);
    return {
      OIDC_ISSUER: issuer.issuer,
      OIDC_JWKS_URL: `${internal}${JWKS_PATH}`,
      OIDC_AUDIENCE: serviceAudience(plan.namespace, plan.name),
      ...(tokenFile === undefined ? {} : { OIDC_TOKEN_FILE: tokenFile }),
    };
  };
  const bearer = (subject: string, target: Target): string | undefined => {
    const audience = targetAudience(target, topology.services, topology.brokers);
    return audience === undefined ? undefined : `Bearer ${issuer.tokenFor(subject, audience)}`;
  };
  const supervisor = new Supervisor(topology.services.values(), {
    command: functionCommand(p.options.functionsSource),
    envFor: (plan, childPort, instance) => ({
      ...processEnv(plan, childPort, { env: p.env, internal, url, storeUrl: p.storeUrl, secrets: p.secrets, identity, dataDir: p.dataDir }),
      // Each instance is a pod: its spans name it (`service.instance.id`), after any attributes the user set.
      OTEL_RESOURCE_ATTRIBUTES: [p.env.OTEL_RESOURCE_ATTRIBUTES, `service.instance.id=${instance}`].filter((a) => a !== undefined && a !== '').join(','),
    }),
    metrics,
    logger,
    output: (line, stream) => (p.options.output ?? defaultOutput)(redactCredentials(line), stream),
    onProcesses: (pids) => recordProcesses(p.dataDir, pids),
    ...(p.options.startTimeoutMs === undefined ? {} : { startTimeoutMs: p.options.startTimeoutMs }),
    ...(p.options.stopGraceMs === undefined ? {} : { stopGraceMs: p.options.stopGraceMs }),
    ...(p.options.minScale === undefined ? {} : { minScale: p.options.minScale }),
    ...(p.options.maxScale === undefined ? {} : { maxScale: p.options.maxScale }),
  });
  const sender = new Sender(supervisor, agent);
  const publishTo = async (key: string, event: StoredEvent, trace: TraceHeaders) => brokers.get(key)!.publish(event, trace);
  for (const plan of topology.brokers.values()) {
    const tuning = { ...(p.options.brokerLeaseMs === undefined ? {} : { leaseMs: p.options.brokerLeaseMs }), ...(p.options.brokerConcurrency === undefined ? {} : { concurrency: p.options.brokerConcurrency }) };
    const credentials = (trigger: TriggerPlan, target: Target) => bearer(identityOf('eventing.knative.dev', 'Trigger', trigger.namespace, trigger.name), target);
    brokers.set(plan.key, new Broker(plan, { store, sender, metrics, logger, urlOf, publishTo, credentials, ...tuning }));
  }
  const pings = new PingScheduler(
    topology.pings,
    async (ping, event) => {
      if (ping.sink.kind === 'broker') return void (await publishTo(ping.sink.broker, event, {}));
      const message = toBinaryMessage(event);
      const authorization = bearer(identityOf('sources.knative.dev', 'PingSource', ping.namespace, ping.name), ping.sink);
      if (authorization !== undefined) message.headers.authorization = authorization;
      const result = await sender.send(ping.sink, message, 30_000);
      if (!result.ok) throw new Error(`${urlOf(ping.sink)} answered ${result.error}`);
    },
    logger,
  );
  const status = async (): Promise<PlatformStatus> => ({
    url,
    startedAt,
    store: redactCredentials(p.storeUrl),
    services: supervisor.status(),
    brokers: await Promise.all([...brokers.values()].map(async (b) => ({ ...(await b.stats()), url: `${internal}/_/broker/${b.plan.key}` }))),
    pingSources: topology.pings.map((ping) => ({ name: ping.name, namespace: ping.namespace, schedule: ping.schedule.text, sink: urlOf(ping.sink) })),
    prometheus: prometheus?.url,
  });

  const gate = new EventGate(issuer, new BrokerPolicies(p.manifests, topology.brokers), topology, metrics, logger);
  p.server.on('request', createRouter({ supervisor, brokers, metrics, status, services: [...topology.services.keys()], gate, issuer, internal, hostAllowed: hostCheck(p.options.allowedHosts ?? (p.env.TAGLINE_ALLOWED_HOSTS ?? '').split(',')) }));

  const stop = async (): Promise<void> => {
    await prometheus?.stop();
    sinkTokens.stop();
    supervisor.beginShutdown();
    pings.stop();
    await Promise.all([...brokers.values()].map((b) => b.stop()));
    const closed = new Promise<void>((resolve) => p.server.close(() => resolve()));
    p.server.closeAllConnections();
    await supervisor.stopAll();
    await closed;
    agent.destroy();
    await store.close();
    recordProcesses(p.dataDir, []);
  };

  try {
    for (const broker of brokers.values()) broker.start();
    pings.start();
    await supervisor.startPinned();
    const seeded = p.options.seed === true ? await seedIfFresh({ dataDir: p.dataDir, url, adminKey: p.secrets.TAGLINE_ADMIN_KEY, logger }) : undefined;
    if (p.options.prometheus === true) prometheus = await startLocalPrometheus(p, internal);
    return { url, port, adminKey: p.secrets.TAGLINE_ADMIN_KEY, seeded, prometheusUrl: prometheus?.url, status, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The local Prometheus, or undefined (logged once) when it is not installed or fails to start. */
async function startLocalPrometheus(p: Parts, platformUrl: string): Promise<LocalPrometheus | undefined> {
  const searchPath = p.env.PATH ?? '';
  if (findPrometheus(searchPath) === undefined) {
    p.logger.info('prometheus is not on PATH: no local Prometheus (apt-get install prometheus)');
    return undefined;
  }
  try {
    const prometheus = await startPrometheus({ platformUrl, dataDir: p.dataDir, port: p.options.prometheusPort ?? 0, searchPath, logger: p.logger });
    p.logger.info('Prometheus is scraping the live processes', { url: prometheus.url });
    return prometheus;
  } catch (err) {
    p.logger.warn('the local Prometheus did not start; the platform runs without it', { err: (err as Error).message });
    return undefined;
  }
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new Error(`PORT: port ${port} on ${host} is already in use; stop the process using it or start with another PORT`));
      else if (err.code === 'EACCES') reject(new Error(`PORT: not allowed to listen on port ${port}; use a port above 1023`));
      else reject(err);
    });
    server.listen(port, host, () => resolve((server.address() as { port: number }).port));
  });
}

function defaultOutput(line: string, stream: 'stdout' | 'stderr'): void {
  (stream === 'stdout' ? process.stdout : process.stderr).write(line + '\n');
}
