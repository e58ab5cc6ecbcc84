/**
 * What a developer (or Prometheus) sees of the platform: `/_/status` as HTML or JSON, `/_/sd`
 * (Prometheus HTTP service discovery of the live processes), `/_/metrics`, and static files (the
 * demo page and creatives).
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { NotFoundError } from '../shared/errors';
import type { BrokerStats } from './broker';
import type { PlatformMetrics } from './metrics';
import { writeProblem } from '../shared/problem';
import type { ServiceStatus, Supervisor } from './supervisor';

export interface PlatformStatus {
  url: string;
  startedAt: string;
  store: string;
  services: ServiceStatus[];
  brokers: (BrokerStats & { url: string })[];
  pingSources: { name: string; namespace: string; schedule: string; sink: string }[];
  /** The local Prometheus's URL, when one runs. */
  prometheus?: string | undefined;
}

/** `GET /_/status`: JSON for `Accept: application/json`, else an HTML page that refreshes itself. */
export function sendStatus(req: IncomingMessage, res: ServerResponse, status: PlatformStatus): void {
  const wantsJson = (req.headers.accept ?? '').includes('application/json');
  const body = wantsJson ? JSON.stringify(status, null, 2) : statusHtml(status);
  send(res, 200, wantsJson ? 'application/json' : 'text/html; charset=utf-8', body, { 'cache-control': 'no-store' });
}

/** `GET /_/sd`: one target group per ready instance, labelled with its function, revision and instance (a pod on a cluster). */
export function sendServiceDiscovery(res: ServerResponse, supervisor: Supervisor): void {
  const groups = supervisor.live().map((p) => ({ targets: [`127.0.0.1:${p.port}`], labels: { function: p.name, revision: p.revision, instance: p.instance } }));
  send(res, 200, 'application/json', JSON.stringify(groups), { 'cache-control': 'no-store' });
}

/** `GET /_/metrics`: the platform's own registry. */
export async function sendMetrics(res: ServerResponse, metrics: PlatformMetrics): Promise<void> {
  send(res, 200, metrics.registry.contentType, await metrics.registry.metrics());
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serve `relative` from `root` (never outside it); 404 problem when there is no such file. */
export async function sendFile(res: ServerResponse, root: string, relative: string): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    decoded = '\0';
  }
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()];
  if (!file.startsWith(root + path.sep) || decoded.includes('\0') || type === undefined) return writeProblem(res, new NotFoundError(`No file ${relative}`));
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return writeProblem(res, new NotFoundError(`No file ${relative}`));
  }
  send(res, 200, type, body, { 'cache-control': 'no-cache' });
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...extra });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function statusHtml(s: PlatformStatus): string {
  const services = s.services
    .map(
      (svc) => `<tr class="${svc.state}"><td><a href="/${esc(svc.name)}/healthz">${esc(svc.name)}</a></td><td>${svc.state}</td><td>${svc.pid ?? ''}</td><td>${svc.address ?? ''}</td>
<td>${svc.requests}</td><td>${svc.inflight}</td><td>${svc.coldStarts.count}</td><td>${svc.coldStarts.recentMs.map((ms) => `${ms} ms`).join(', ')}</td>
<td>${svc.crashes.count}${svc.crashes.last === undefined ? '' : ` (last: ${svc.crashes.last.signal ?? `exit ${svc.crashes.last.code}`} at ${esc(svc.crashes.last.at)})`}</td>
<td>${svc.minScale > 0 ? `min-scale ${svc.minScale}` : `${svc.idleSeconds} s`}</td>
<td>${svc.scale.current} / ${svc.scale.ready} / ${svc.scale.desired} (${svc.minScale}–${svc.maxScale})</td>
<td>${svc.autoscaler.metric} ${round(svc.autoscaler.observedStable)} / ${round(svc.autoscaler.observedPanic)}, target ${round(svc.autoscaler.target)}${svc.autoscaler.panicking ? ', panic' : ''}${svc.queued > 0 ? `, ${svc.queued} queued` : ''}</td></tr>`,
    )
    .join('\n');
  const brokers = s.brokers
    .map(
      (b) => `<tr><td>${esc(b.namespace)}/${esc(b.name)}</td><td><code>${esc(b.url)}</code></td><td>${b.queued}</td><td>${b.inflight}</td><td>${b.delivered}</td>
<td>${b.retried}</td><td>${b.deadLettered}</td><td>${b.replied}</td><td>${b.failed}</td><td>${b.triggers.map((t) => `${esc(t.name)} → ${esc(t.subscriber)}`).join('<br>')}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>Tagline local platform</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin-bottom:2rem}td,th{border:1px solid #ddd;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}tr.warm td:nth-child(2){color:#070;font-weight:600}tr.starting td:nth-child(2){color:#a60}tr.cold td:nth-child(2){color:#888}code{font-size:12px}</style></head>
<body><h1>Tagline local platform</h1>
<p>${esc(s.url)} · store <code>${esc(s.store)}</code> · up since ${esc(s.startedAt)} · <a href="/">demo page</a> · <a href="/_/metrics">metrics</a> · <a href="/_/sd">service discovery</a>${s.prometheus === undefined ? '' : ` · <a href="${esc(s.prometheus)}/targets">Prometheus</a> (<a href="${esc(s.prometheus)}/alerts">alerts</a>)`} · JSON: <code>curl -H 'Accept: application/json' ${esc(s.url)}/_/status</code></p>
<h2>Services</h2>
<table><tr><th>service</th><th>state</th><th>pid</th><th>address</th><th>requests</th><th>in flight</th><th>cold starts</th><th>recent cold starts</th><th>crashes</th><th>scale to zero after</th><th>instances: current / ready / desired (bounds)</th><th>autoscaler: stable / panic</th></tr>
${services}</table>
<h2>Brokers</h2>
<table><tr><th>broker</th><th>ingress</th><th>queued</th><th>in flight</th><th>delivered</th><th>retried</th><th>dead-lettered</th><th>replies</th><th>dropped</th><th>triggers</th></tr>
${brokers}</table>
<h2>PingSources</h2>
<ul>${s.pingSources.map((p) => `<li>${esc(p.namespace)}/${esc(p.name)} <code>${esc(p.schedule)}</code> → ${esc(p.sink)}</li>`).join('')}</ul>
</body></html>`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const round = (n: number) => String(Math.round(n * 100) / 100);
