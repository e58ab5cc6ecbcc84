import * as ff from '@google-cloud/functions-framework';
import { fromBroker } from '../../shared/event-auth';
import { serve } from '../../shared/http';
import { createRuntime } from '../../shared/runtime';
import { deadLetterRoutes } from './routes';

const rt = createRuntime('dead-letters');

// A dead letter carries the failed event and the subscriber's answer: allow more than an event.
ff.http('dead-letters', serve({ ...rt.options, bodyLimitBytes: 256 * 1024, routes: () => rt.store.then((store) => fromBroker(rt.senders, deadLetterRoutes({ store, emitter: rt.emitter, config: rt.config }))) }));
