import type { IncomingHttpHeaders } from 'node:http';
import { SpanKind, SpanStatusCode, context, trace, type Context } from '@opentelemetry/api';
import type { HttpFunction, Request as FrameworkRequest, Response as FrameworkResponse } from '@google-cloud/functions-framework';
import { installBodyGuard, setBodyLimit, type BodyRequest } from './body';
import { MethodNotAllowedError, NotFoundError, TaglineError, UnavailableError, UnsupportedMediaTypeError } from './errors';
import type { Logger } from './logger';
import { internalProblem, problemResponse, writeProblem } from './problem';
import { configureMetrics, httpRequestDuration, registry } from './metrics';
import { extractContext, injectContext, tracingEnabled } from './telemetry';

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** What a handler sees: a plain value, so unit tests build one without a server. */
export interface Request {
  method: Method;
  /** Path without the query string, e.g. `/v1/campaigns/c1`. */
  path: string;
  /** Values of the route's `:name` segments. */
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The raw body (empty when there is none). */
  body: Buffer;
  /** The client address (first `X-Forwarded-For` hop behind a proxy). */
  ip: string | undefined;
}

/** What a handler returns. An object `body` is sent as JSON; a Buffer or string as it is. */
export interface Response {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export type Handler = (req: Request) => Response | Promise<Response>;

export interface Route {
  method: Method | readonly Method[];
  /** Path pattern with `:name` segments, e.g. `/v1/campaigns/:id`. */
  path: string;
  handler: Handler;
  /** Media types accepted for a request body (415 otherwise); default `application/json`. */
  accepts?: readonly string[];
  /** Answer CORS preflights and add CORS headers (publisher pages call this route). */
  cors?: boolean;
  /**
   * Also allow credentialed requests (`credentials: 'include'`, as Prebid.js calls a Prebid
   * Server): the allowed origin is echoed instead of `*`, with `Access-Control-Allow-Credentials`.
   */
  corsCredentials?: boolean;
  /**
   * The parent of the request's server span when the request carries no `traceparent` (e.g. a
   * beacon continuing its ad's trace from its token); asked only while tracing is on.
   */
  traceParent?: (req: Request) => Context | undefined;
}

export interface ServeOptions {
  /** The function's name: metric label, span service, log field. */
  service: string;
  revision?: string;
  /**
   * The routes, or a promise of them, or a function making them (e.g. once the store is open):
   * requests wait for them and get a 503 while they cannot be made; a function is called again
   * on the next request after a failure, so a dependency that comes back heals the process.
   */
  routes: readonly Route[] | Promise<readonly Route[]> | (() => Promise<readonly Route[]>);
  /** Largest request body accepted (413 beyond), default 64 KiB; or a function of the request path. */
  bodyLimitBytes?: number | ((path: string) => number);
  /** Origins allowed on `cors` routes. */
  corsOrigins?: '*' | readonly string[];
  /** Readiness check behind `GET /healthz` (e.g. a store ping); a throw answers 503. */
  health?: () => Promise<void>;
  logger: Logger;
  /** Hide internal error messages from clients (production). */
  production?: boolean;
}

const tracer = trace.getTracer('tagline-http');
const JSON_TYPE = 'application/json';
const CORS_HEADERS = 'content-type, authorization, traceparent, tracestate';
const EMPTY_BODY = Buffer.alloc(0);

interface CompiledRoute extends Route {
  methods: readonly Method[];
  segments: string[];
}

/**
 * The wrapper every function registers with `ff.http`: routing, `/healthz`, `/metrics`, CORS,
 * body limits and content types, problem+json errors, RED metrics and one server span per request
 * (W3C `traceparent` in and out). Handlers only see a `Request` and return a `Response`.
 */
export function serve(options: ServeOptions): HttpFunction {
  const { service, logger } = options;
  configureMetrics(service, options.revision ?? 'local');
  setBodyLimit(options.bodyLimitBytes ?? 64 * 1024, (res, err) => {
    httpRequestDuration.observe({ method: 'POST', route: 'unmatched', status: String(err.status) }, 0);
    writeProblem(res, err);
  });
  installBodyGuard();
  const builtins = compileBuiltins(options);
  let routes: readonly CompiledRoute[] | undefined;
  let loading: Promise<readonly CompiledRoute[]> | undefined;
  const load = (): Promise<readonly CompiledRoute[]> => {
    if (routes !== undefined) return Promise.resolve(routes);
    loading ??= Promise.resolve(typeof options.routes === 'function' ? options.routes() : options.routes).then(
      (list) => (routes = list.map(compile)),
      (err: unknown) => {
        logger.error('function failed to initialise', { err });
        if (typeof options.routes === 'function') loading = undefined;
        throw new UnavailableError('The function cannot reach its dependencies yet', { cause: err });
      },
    );
    return loading;
  };
  load().catch(() => undefined);

  type Match = { route: CompiledRoute; params: Record<string, string> } | undefined;

  /*
   * Promise-free unless the handler is asynchronous: the framework runs every request in a
   * domain, which makes each promise on the request path cost several microseconds.
   */
  const handle = (fr: FrameworkRequest, res: FrameworkResponse, started: bigint, method: Method, url: string, q: number, match: Match, failure: unknown): void => {
    const path = q < 0 ? url : url.slice(0, q);
    const routeLabel = match?.route.path ?? 'unmatched';
    const req: Request = {
      method,
      path,
      params: match?.params ?? {},
      query: new URLSearchParams(q < 0 ? '' : url.slice(q + 1)),
      headers: fr.headers,
      body: (fr as BodyRequest).rawBody ?? EMPTY_BODY,
      // Express works the address out of X-Forwarded-For on every read: only when a handler asks.
      get ip() {
        return fr.ip;
      },
    };
    const parent = spanParent(match?.route, req);
    const span = tracer.startSpan(
      `${method} ${routeLabel}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'http.route': routeLabel } },
      parent,
    );
    const ctx = trace.setSpan(parent, span);
    const finish = (reply: Response): void => {
      try {
        if (match?.route.cors === true) Object.assign((reply.headers ??= {}), corsHeaders(fr.headers.origin, options.corsOrigins ?? '*', match.route.corsCredentials === true));
        const traceHeaders: Record<string, string> = {};
        injectContext(ctx, traceHeaders);
        send(res, reply, traceHeaders);
        span.setAttribute('http.response.status_code', reply.status);
        if (reply.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        httpRequestDuration.observe({ method, route: routeLabel, status: String(reply.status) }, seconds);
      } catch (err) {
        logger.error('response not sent', { method, route: routeLabel, err });
        res.destroy();
      }
    };
    const fail = (err: unknown): void => {
      span.recordException(err instanceof Error ? err : new Error(String(err)));
      finish(toProblem(err, options, logger, method, routeLabel));
    };
    let reply: Response | Promise<Response>;
    try {
      if (failure !== undefined) throw failure;
      reply = context.with(ctx, dispatch, undefined, match, method, req);
    } catch (err) {
      fail(err);
      return;
    }
    if (reply instanceof Promise) reply.then(finish, fail);
    else finish(reply);
  };

  return (fr: FrameworkRequest, res: FrameworkResponse): void => {
    const started = process.hrtime.bigint();
    const method = fr.method.toUpperCase() as Method;
    const url = fr.originalUrl ?? fr.url;
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const builtin = findRoute(builtins, path, method);
    if (builtin !== undefined || routes !== undefined) {
      handle(fr, res, started, method, url, q, builtin ?? findRoute(routes!, path, method), undefined);
      return;
    }
    load().then(
      (list) => handle(fr, res, started, method, url, q, findRoute(list, path, method), undefined),
      (err: unknown) => handle(fr, res, started, method, url, q, undefined, err),
    );
  };
}

/** The incoming `traceparent`, else what the route derives from the request, else no parent. */
function spanParent(route: CompiledRoute | undefined, req: Request): Context {
  const parent = extractContext(req.headers);
  if (route?.traceParent === undefined || req.headers.traceparent !== undefined || !tracingEnabled()) return parent;
  return route.traceParent(req) ?? parent;
}

function dispatch(
  match: { route: CompiledRoute; params: Record<string, string> } | undefined,
  method: Method,
  req: Request,
): Response | Promise<Response> {
  if (match === undefined) throw new NotFoundError(`No route for ${req.path}`);
  const { route } = match;
  if (method === 'OPTIONS' && route.cors === true) {
    return { status: 204, headers: { 'access-control-allow-methods': [...route.methods, 'OPTIONS'].join(', '), 'access-control-allow-headers': CORS_HEADERS, 'access-control-max-age': '86400' } };
  }
  if (!route.methods.includes(method)) throw new MethodNotAllowedError(route.methods);
  if (req.body.length > 0) checkContentType(req.headers['content-type'], route.accepts ?? [JSON_TYPE]);
  return route.handler(req);
}

function checkContentType(header: string | undefined, accepts: readonly string[]): void {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  if (!accepts.includes(type) && !accepts.includes('*/*')) {
    throw new UnsupportedMediaTypeError(`Content-Type must be ${accepts.join(' or ')}${type === '' ? '' : `, not ${type}`}`);
  }
}

function compile(route: Route): CompiledRoute {
  const methods: Method[] = typeof route.method === 'string' ? [route.method] : [...route.method];
  if (methods.includes('GET') && !methods.includes('HEAD')) methods.push('HEAD');
  return { ...route, methods, segments: route.path.split('/').filter(Boolean) };
}

function compileBuiltins(options: ServeOptions): CompiledRoute[] {
  return [
    compile({
      method: 'GET',
      path: '/healthz',
      handler: async () => {
        await options.health?.();
        return { status: 200, body: { status: 'ok', service: options.service } };
      },
    }),
    compile({
      method: 'GET',
      path: '/metrics',
      handler: async () => ({ status: 200, headers: { 'content-type': registry.contentType }, body: await registry.metrics() }),
    }),
  ];
}

/**
 * The route for `path` and `method`; when the path matches only routes of other methods, the
 * first of them (with every allowed method merged, for the 405's `Allow`).
 */
function findRoute(routes: readonly CompiledRoute[], path: string, method: Method): { route: CompiledRoute; params: Record<string, string> } | undefined {
  let other: { route: CompiledRoute; params: Record<string, string> } | undefined;
  const allowed = new Set<Method>();
  const parts = path.split('/').filter(Boolean);
  for (const route of routes) {
    const params = matchPath(route, parts);
    if (params === undefined) continue;
    if (route.methods.includes(method) || (method === 'OPTIONS' && route.cors === true)) return { route, params };
    other ??= { route, params };
    for (const m of route.methods) allowed.add(m);
  }
  return other === undefined ? undefined : { route: { ...other.route, methods: [...allowed] }, params: other.params };
}

function matchPath(route: CompiledRoute, parts: readonly string[]): Record<string, string> | undefined {
  if (route.segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const seg = route.segments[i]!;
    const part = parts[i]!;
    if (seg.startsWith(':')) {
      try {
        params[seg.slice(1)] = decodeURIComponent(part);
      } catch {
        return undefined;
      }
    } else if (seg !== part) return undefined;
  }
  return params;
}

function corsHeaders(origin: string | undefined, allowed: '*' | readonly string[], credentials: boolean): Record<string, string> {
  if (credentials && origin !== undefined && (allowed === '*' || allowed.includes(origin))) {
    return { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin', 'access-control-expose-headers': 'traceparent' };
  }
  if (allowed === '*') return { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'traceparent' };
  if (origin !== undefined && allowed.includes(origin)) return { 'access-control-allow-origin': origin, vary: 'Origin', 'access-control-expose-headers': 'traceparent' };
  return { vary: 'Origin' };
}

/** Map anything thrown to a problem response; unexpected errors are logged once, here. */
function toProblem(err: unknown, options: ServeOptions, logger: Logger, method: string, route: string): Response {
  if (err instanceof TaglineError) {
    if (err.status >= 500) logger.warn('dependency failure', { method, route, code: err.code, err });
    return problemResponse(err);
  }
  logger.error('unhandled error', { method, route, err });
  return internalProblem(err, options.production === true);
}

function send(res: FrameworkResponse, reply: Response, extra: Record<string, string>): void {
  const headers: Record<string, string> = { ...extra, ...reply.headers };
  let payload: Buffer | string | undefined;
  const body = reply.body;
  if (body === undefined || body === null) payload = undefined;
  else if (Buffer.isBuffer(body) || typeof body === 'string') payload = body;
  else {
    payload = JSON.stringify(body);
    headers['content-type'] ??= JSON_TYPE;
  }
  if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(res.req.method === 'HEAD' ? undefined : payload);
}
