import * as ff from '@google-cloud/functions-framework';
import { createEmitter } from '../../shared/events';
import { serve } from '../../shared/http';
import { Outbox, parseStored } from '../../shared/outbox';
import { createRuntime } from '../../shared/runtime';
import { TokenSigner } from '../../shared/tokens';
import { brokerTransport } from './broker-client';
import { Spool } from './spool';
import { TRACK_BODY_LIMIT_BYTES, trackRoutes } from './routes';

const rt = createRuntime('track');
// A pixel waits on the Broker: fail fast (the outbox keeps the event) rather than hold the page.
const emitter = createEmitter({ sink: rt.config.sink, logger: rt.logger, attempts: 2, timeoutMs: 1000, transport: brokerTransport(), ...(rt.senderToken === undefined ? {} : { token: rt.senderToken }) });
// Opened now so the first event the Broker refuses does not wait for it; a failed open is retried on use.
rt.store.catch(() => undefined);
// The last resort when the Broker and the store are both down: an fsync'd spool on local disk.
const spool = new Spool({
  ...rt.config.spool,
  logger: rt.logger,
  parse: parseStored,
  handOff: async (event) => (await outbox.publish(event, false)) !== 'lost',
});
const outbox = new Outbox({ function: 'track', emitter, store: () => rt.store, logger: rt.logger, spool });
const signer = new TokenSigner(rt.config.tokenKeys, rt.config.signingKeyId);

// No store health check: track answers pixels (and keeps events) without a store.
ff.http('track', serve({ ...rt.options, health: undefined, bodyLimitBytes: TRACK_BODY_LIMIT_BYTES, routes: trackRoutes({ signer, outbox, spool }) }));
