import * as ff from '@google-cloud/functions-framework';
import { fromBroker } from '../../shared/event-auth';
import { serve } from '../../shared/http';
import { createRuntime } from '../../shared/runtime';
import { reportRoutes } from './routes';

const rt = createRuntime('report');

ff.http('report', serve({ ...rt.options, bodyLimitBytes: 16 * 1024, routes: () => rt.store.then((store) => fromBroker(rt.senders, reportRoutes({ store, config: rt.config }))) }));
