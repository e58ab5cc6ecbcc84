import * as ff from '@google-cloud/functions-framework';
import { serve } from '../../shared/http';
import { createRuntime } from '../../shared/runtime';
import { campaignRoutes } from './routes';

const rt = createRuntime('campaigns');
ff.http(
  'campaigns',
  serve({
    ...rt.options,
    bodyLimitBytes: 64 * 1024,
    routes: () => rt.store.then((store) => campaignRoutes({ store, emitter: rt.emitter, config: rt.config, logger: rt.logger })),
  }),
);
