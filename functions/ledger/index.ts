import * as ff from '@google-cloud/functions-framework';
import { fromBroker } from '../../shared/event-auth';
import { serve } from '../../shared/http';
import { createRuntime } from '../../shared/runtime';
import { Outbox } from '../../shared/outbox';
import { CampaignCache } from './campaign-cache';
import { ledgerRoutes } from './ledger';

const rt = createRuntime('ledger');

ff.http(
  'ledger',
  serve({
    ...rt.options,
    bodyLimitBytes: 16 * 1024,
    routes: () => rt.store.then((store) => fromBroker(rt.senders, ledgerRoutes({ store, campaigns: new CampaignCache(store), outbox: new Outbox({ function: 'ledger', emitter: rt.emitter, store: async () => store, logger: rt.logger }) }))),
  }),
);
