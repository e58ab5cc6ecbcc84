/**
 * The platform's one HTTP server: `/<service>/…` to that Service (through the activator and
 * proxy), the Broker ingress at `/_/broker/<namespace>/<name>`, the status, service discovery and
 * metrics pages under `/_/`, the demo page at `/` (and its Prebid.js page's bundle at
 * `/_/prebid.js` and rival bidder at `/_/rival/openrtb2/auction`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { ensurePrebid } from '../scripts/build-prebid';
import { ForbiddenError, MethodNotAllowedError, NotFoundError, PayloadTooLargeError, TaglineError, UnavailableError } from '../shared/errors';
import type { Broker } from './broker';
import { ROOT } from './command';
import type { EventGate } from './event-gate';
import type { PlatformMetrics } from './metrics';
import { DISCOVERY_PATH, JWKS_PATH, type LocalIssuer } from './oidc';
import { sendFile, sendMetrics, sendServiceDiscovery, sendStatus, type PlatformStatus } from './pages';
import { writeProblem } from '../shared/problem';
import { routeToService } from './proxy';
import { RIVAL_PATH, rivalAuction } from './rival-bidder';
import type { Supervisor } from './supervisor';

/** The demo page and the creatives the seed campaigns use. */
export const DEMO_DIR = path.join(ROOT, 'local', 'demo');
const CREATIVES_DIR = path.join(DEMO_DIR, 'creatives');
const BROKER_BODY_LIMIT = 1024 * 1024;
const BROKER_PATH = /^\/_\/broker\/([^/]+)\/([^/]+)$/;

export interface RouterDeps {
  supervisor: Supervisor;
  /** Brokers by `<namespace>/<name>`. */
  brokers: ReadonlyMap<string, Broker>;
  metrics: PlatformMetrics;
  status: () => Promise<PlatformStatus>;
  services: readonly string[];
  /** Who may publish to the Brokers and deliver to the consumers. */
  gate: EventGate;
  /** The platform's OIDC issuer, whose keys `/_/oidc/jwks` publishes. */
  issuer: LocalIssuer;
  /** Base URL the processes reach the platform at (the JWKS URL in the discovery document). */
  internal: string;
  /** Whether a `Host` may reach the platform's pages and Broker (`./hosts`). */
  hostAllowed: (host: string | undefined) => boolean;
}

/** The request listener of the platform's server. */
export function createRouter(deps: RouterDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = req.url ?? '/';
    const platformPage = url.startsWith('/_/') || url === '/' || url.startsWith('/?');
    if (platformPage && !deps.hostAllowed(req.headers.host)) {
      req.resume();
      writeProblem(res, new ForbiddenError(`Host ${req.headers.host ?? ''} is not this platform's: use localhost or add it to TAGLINE_ALLOWED_HOSTS`));
      return;
    }
    if (url.startsWith('/_/')) {
      platformRoute(deps, req, res, url.split('?', 1)[0] ?? '').catch((err: unknown) => writeProblem(res, asProblem(err)));
      return;
    }
    if (url === '/' || url.startsWith('/?')) {
      void sendFile(res, DEMO_DIR, 'index.html');
      return;
    }
    let end = 1;
    while (end < url.length && url[end] !== '/' && url[end] !== '?') end++;
    const slot = deps.supervisor.slot(url.slice(1, end));
    if (slot === undefined) {
      writeProblem(res, new NotFoundError(`No Service "${url.slice(1, end)}"; the Services are ${deps.services.join(', ')}`));
      return;
    }
    const rest = url.slice(end);
    try {
      deps.gate.consumer(slot.plan.name, rest === '' ? '/' : rest, req);
    } catch (err) {
      req.resume();
      writeProblem(res, asProblem(err));
      return;
    }
    routeToService(deps.supervisor, slot, req, res, rest === '' ? '/' : rest[0] === '?' ? `/${rest}` : rest);
  };
}

async function platformRoute(deps: RouterDeps, req: IncomingMessage, res: ServerResponse, route: string): Promise<void> {
  const broker = BROKER_PATH.exec(route);
  if (broker !== null) return ingress(deps, req, res, `${broker[1]}/${broker[2]}`);
  if (route === RIVAL_PATH) return rivalAuction(req, res, await readBody(req, BROKER_BODY_LIMIT));
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new MethodNotAllowedError(['GET', 'HEAD']);
  if (route === '/_/status') return sendStatus(req, res, await deps.status());
  if (route === '/_/sd') return sendServiceDiscovery(res, deps.supervisor);
  if (route === '/_/metrics') return sendMetrics(res, deps.metrics);
  if (route === JWKS_PATH) return sendJson(res, deps.issuer.jwks());
  if (route === DISCOVERY_PATH) return sendJson(res, deps.issuer.discovery(`${deps.internal}${JWKS_PATH}`));
  if (route.startsWith('/_/creatives/')) return sendFile(res, CREATIVES_DIR, route.slice('/_/creatives/'.length));
  if (route.startsWith('/_/demo/')) return sendFile(res, DEMO_DIR, route.slice('/_/demo/'.length));
  if (route === '/_/prebid.js') return sendFile(res, path.dirname(await ensurePrebid()), 'prebid.js');
  throw new NotFoundError(`No platform page ${route}`);
}

/**
 * `POST /_/broker/<namespace>/<name>`: 202 once the event is in the store, 400 for an invalid one,
 * 401 without a valid token for the Broker, 403 when no EventPolicy allows the sender and event.
 */
async function ingress(deps: RouterDeps, req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
  const broker = deps.brokers.get(name);
  if (broker === undefined) throw new NotFoundError(`No Broker ${name}`);
  if (req.method !== 'POST') throw new MethodNotAllowedError(['POST']);
  let authorize: ReturnType<EventGate['ingress']>;
  try {
    authorize = deps.gate.ingress(name, req);
  } catch (err) {
    req.resume();
    throw err;
  }
  await broker.ingest(req.headers, await readBody(req, BROKER_BODY_LIMIT), authorize);
  res.writeHead(202, { 'content-length': 0 });
  res.end();
}

/** The whole body, or a 413 past `limit` (the rest is drained so the answer still reaches the client). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => new PayloadTooLargeError(`Events are limited to ${limit} bytes`);
    if (Number(req.headers['content-length'] ?? 0) > limit) {
      req.resume();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else reject(tooLarge());
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'cache-control': 'max-age=60' });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function asProblem(err: unknown): TaglineError {
  if (err instanceof TaglineError) return err;
  return new UnavailableError(`The platform could not handle the request: ${(err as Error).message}`);
}
