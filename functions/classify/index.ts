import * as ff from '@google-cloud/functions-framework';
import { fromBroker } from '../../shared/event-auth';
import { serve } from '../../shared/http';
import { createRuntime } from '../../shared/runtime';
import { classifyRoutes } from './consume';

const rt = createRuntime('classify');
ff.http('classify', serve({ ...rt.options, bodyLimitBytes: 64 * 1024, routes: () => rt.store.then((store) => fromBroker(rt.senders, classifyRoutes({ store }))) }));
