import * as ff from '@google-cloud/functions-framework';
import { serve } from '../../shared/http';
import { createRuntime } from '../../shared/runtime';
import { IMPORT_LIMIT_BYTES, IMPORT_PATH } from './import';
import { campaignRoutes } from './routes';

const rt = createRuntime('campaigns');
ff.http(
  'campaigns',
  serve({
    ...rt.options,
    bodyLimitBytes: (path) => (path === IMPORT_PATH ? IMPORT_LIMIT_BYTES : 64 * 1024),
    routes: () => rt.store.then((store) => campaignRoutes({ store, emitter: rt.emitter, config: rt.config, logger: rt.logger })),
  }),
);
