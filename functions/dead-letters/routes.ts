import { z } from 'zod';
import type { Config } from '../../shared/config';
import { processInSpan, type Emitter } from '../../shared/events';
import type { Handler, Request, Route } from '../../shared/http';
import type { Store } from '../../shared/store';
import { validate } from '../../shared/validate';
import { requireAdmin, withAuth, type AuthDeps } from '../../shared/auth';
import { getDeadLetter, keepDeadLetter, listDeadLetters, parseCloudEvent, pruneDeadLetters, replayDeadLetter } from './letters';

export interface DeadLetterDeps {
  store: Store;
  emitter: Pick<Emitter, 'send'>;
  config: Pick<Config, 'adminKey' | 'deadLetterRetention'>;
}

const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(512).optional(),
  type: z.string().min(1).max(128).optional(),
});

/** `POST /` (the dead-letter sink) and the admin's list, read and replay. */
export function deadLetterRoutes(deps: DeadLetterDeps): Route[] {
  const auth: AuthDeps = deps;
  const admin = (handler: (req: Request) => Promise<unknown>): Handler =>
    withAuth(auth, async (req, principal) => {
      requireAdmin(principal);
      return { status: 200, headers: { 'cache-control': 'no-store' }, body: await handler(req) };
    });
  return [
    {
      method: 'POST',
      path: '/',
      accepts: ['*/*'],
      // Any CloudEvent the Broker delivers is kept (within the retention limits), in a CONSUMER span continuing the failed event's trace.
      handler: (req) =>
        processInSpan(parseCloudEvent(req), async (ce) => {
          await keepDeadLetter(deps.store, ce);
          await pruneDeadLetters(deps.store, deps.config.deadLetterRetention);
          return { status: 204 };
        }),
    },
    { method: 'GET', path: '/v1/dead-letters', handler: admin((req) => listDeadLetters(deps.store, validate(ListQuery, Object.fromEntries(req.query), 'query'))) },
    { method: 'GET', path: '/v1/dead-letters/:id', handler: admin((req) => getDeadLetter(deps.store, req.params.id ?? '')) },
    { method: 'POST', path: '/v1/dead-letters/:id/replay', accepts: ['*/*'], handler: admin((req) => replayDeadLetter(deps.store, deps.emitter, req.params.id ?? '')) },
  ];
}
