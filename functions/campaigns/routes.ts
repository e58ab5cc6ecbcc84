import type { Method, Request, Response, Route } from '../../shared/http';
import { createApiKey, deleteApiKey, getApiKey, listApiKeys } from './apikeys';
import { withAuth, type Principal } from '../../shared/auth';
import { archiveCampaign, createCampaign, getCampaign, listCampaigns, patchCampaign, replaceCampaign } from './campaigns';
import { addCreative, deleteCreative, getCreative, listCreatives, replaceCreative } from './creatives';
import type { Deps } from './deps';
import { IMPORT_PATH, importCampaigns, NDJSON_TYPES } from './import';
import { createPublisher, deletePublisher, getPublisher, listPublishers, replacePublisher } from './publishers';

type AuthedHandler = (deps: Deps, principal: Principal, req: Request) => Promise<Response>;
type Methods = Partial<Record<Method, AuthedHandler>>;

/** PATCH bodies are JSON Merge Patches (RFC 7396); plain JSON is accepted too. */
const WITH_MERGE_PATCH = ['application/json', 'application/merge-patch+json'] as const;

/** Every route of the admin API; each authenticates the caller before its handler runs. */
export function campaignRoutes(deps: Deps): Route[] {
  const resource = (path: string, methods: Methods, accepts?: readonly string[]): Route => {
    const route: Route = { path, method: Object.keys(methods) as Method[], handler: withAuth(deps, (req, principal) => handlerFor(methods, req)(deps, principal, req)) };
    if (accepts !== undefined) route.accepts = accepts;
    return route;
  };
  return [
    resource('/v1/campaigns', { GET: listCampaigns, POST: createCampaign }),
    resource(IMPORT_PATH, { POST: importCampaigns }, NDJSON_TYPES),
    resource('/v1/campaigns/:id', { GET: getCampaign, PUT: replaceCampaign, PATCH: patchCampaign, DELETE: archiveCampaign }, WITH_MERGE_PATCH),
    resource('/v1/campaigns/:id/creatives', { GET: listCreatives, POST: addCreative }),
    resource('/v1/campaigns/:id/creatives/:creativeId', { GET: getCreative, PUT: replaceCreative, DELETE: deleteCreative }),
    resource('/v1/publishers', { GET: listPublishers, POST: createPublisher }),
    resource('/v1/publishers/:id', { GET: getPublisher, PUT: replacePublisher, DELETE: deletePublisher }),
    resource('/v1/apikeys', { GET: listApiKeys, POST: createApiKey }),
    resource('/v1/apikeys/:id', { GET: getApiKey, DELETE: deleteApiKey }),
  ];
}

/** The wrapper routes by path and answers 405 itself, so only listed methods (and HEAD for GET) arrive here. */
function handlerFor(methods: Methods, req: Request): AuthedHandler {
  const handler = methods[req.method === 'HEAD' ? 'GET' : req.method];
  if (handler === undefined) throw new Error(`No handler for ${req.method} ${req.path}`);
  return handler;
}
