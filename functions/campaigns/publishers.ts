/** Publisher handlers (admin only). A publisher is `{ id, name, domains }`, its id a slug the admin picks. */
import { ConflictError, invalidField, NotFoundError } from '../../shared/errors';
import type { Request, Response } from '../../shared/http';
import { Publisher } from '../../shared/model';
import { validate } from '../../shared/validate';
import { requireAdmin, type Principal } from '../../shared/auth';
import { announce, docs, jsonObject, locationOf, type Deps } from './deps';

const publishers = (deps: Deps) => docs<Publisher>(deps.store, 'publishers');

/** `GET /v1/publishers`: every publisher, in id order. */
export async function listPublishers(deps: Deps, principal: Principal): Promise<Response> {
  requireAdmin(principal);
  const { version, docs: all } = await publishers(deps).list();
  return { status: 200, body: { publishers: all, version } };
}

/** `GET /v1/publishers/:id`. */
export async function getPublisher(deps: Deps, principal: Principal, req: Request): Promise<Response> {
  requireAdmin(principal);
  return { status: 200, body: await load(deps, req.params.id ?? '') };
}

/** `POST /v1/publishers`: 201 with the stored publisher; an existing id is 409. */
export async function createPublisher(deps: Deps, principal: Principal, req: Request): Promise<Response> {
  requireAdmin(principal);
  const publisher = validate(Publisher, jsonObject(req.body));
  await assertDomainsFree(deps, publisher);
  if (!(await publishers(deps).insert(publisher.id, publisher))) throw new ConflictError(`Publisher ${publisher.id} already exists`);
  announce(deps, 'publisher', publisher.id, 'created');
  return { status: 201, headers: { location: locationOf(req.path, publisher.id) }, body: publisher };
}

/** `PUT /v1/publishers/:id`: replace an existing publisher (its id cannot change). */
export async function replacePublisher(deps: Deps, principal: Principal, req: Request): Promise<Response> {
  requireAdmin(principal);
  const id = req.params.id ?? '';
  await load(deps, id);
  const body = jsonObject(req.body);
  if (body.id !== undefined && body.id !== id) throw invalidField('id', `cannot be changed (this is ${id})`);
  const publisher = validate(Publisher, { id, ...body });
  await assertDomainsFree(deps, publisher);
  const version = await publishers(deps).put(id, publisher);
  announce(deps, 'publisher', id, 'updated', version);
  return { status: 200, body: publisher };
}

/** `DELETE /v1/publishers/:id`: 204, or 404 when there is no such publisher. */
export async function deletePublisher(deps: Deps, principal: Principal, req: Request): Promise<Response> {
  requireAdmin(principal);
  const id = req.params.id ?? '';
  if (!(await publishers(deps).delete(id))) throw new NotFoundError(`No publisher ${id}`);
  announce(deps, 'publisher', id, 'deleted');
  return { status: 204 };
}

async function load(deps: Deps, id: string): Promise<Publisher> {
  const publisher = await publishers(deps).get(id);
  if (publisher === undefined) throw new NotFoundError(`No publisher ${id}`);
  return publisher;
}

/** A domain names one publisher: ad-decision checks a page's host against its publisher's domains. */
async function assertDomainsFree(deps: Deps, publisher: Publisher): Promise<void> {
  const { docs: all } = await publishers(deps).list();
  for (const other of all) {
    if (other.id === publisher.id) continue;
    const shared = other.domains.find((d) => publisher.domains.includes(d));
    if (shared !== undefined) throw new ConflictError(`Domain ${shared} already belongs to publisher ${other.id}`);
  }
}
