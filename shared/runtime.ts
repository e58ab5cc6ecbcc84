import { loadConfig, type Config } from './config';
import { createEmitter, type Emitter } from './emitter';
import { createSenderVerifier, tokenFromFile, type SenderVerifier } from './event-auth';
import type { ServeOptions } from './http';
import { createLogger, type Logger } from './logger';
import { openStore, type Store } from './store';

/** What a function's `index.ts` gets from its environment: parsed once at start-up. */
export interface Runtime {
  config: Config;
  logger: Logger;
  emitter: Emitter;
  /** The sender's token, when its SinkBinding gives it one (`OIDC_TOKEN_FILE`). */
  senderToken: (() => string | undefined) | undefined;
  /** Checks who sent a consumed event (`shared/event-auth` `fromBroker`); undefined when not configured. */
  senders: SenderVerifier | undefined;
  /**
   * The store, opened on first use and kept; after a failed open, uses within the next second
   * fail at once with the same error and the first use after it tries again.
   * Give `serve` a routes function (`routes: async () => make(await rt.store)`) so requests wait
   * for it and a store that was down at start-up heals the process when it comes back.
   */
  readonly store: Promise<Store>;
  /** The `serve` options every function shares (name, revision, logger, health, production). */
  options: Pick<ServeOptions, 'service' | 'revision' | 'logger' | 'production' | 'health' | 'corsOrigins'>;
}

/** How long a failed store open is answered from memory before the next use tries again. */
const REOPEN_AFTER_MS = 1000;

/** Build the runtime of function `name` from `env`; throws `ConfigError` on bad configuration. */
export function createRuntime(name: string, env: NodeJS.ProcessEnv = process.env): Runtime {
  const config = { ...loadConfig(env), service: name };
  const logger = createLogger(name, config.logLevel);
  const senderToken = config.senderTokenFile === undefined ? undefined : tokenFromFile(config.senderTokenFile);
  const emitter = createEmitter({ sink: config.sink, logger, ...(senderToken === undefined ? {} : { token: senderToken }) });
  let opening: Promise<Store> | undefined;
  let failed: { at: number; err: unknown } | undefined;
  const store = (): Promise<Store> => {
    if (opening === undefined && failed !== undefined && Date.now() - failed.at < REOPEN_AFTER_MS) return Promise.reject(failed.err);
    opening ??= openStore(config.storeUrl).catch((err: unknown) => {
      opening = undefined;
      failed = { at: Date.now(), err };
      logger.error('store failed to open', { err });
      throw err;
    });
    return opening;
  };
  return {
    config,
    logger,
    emitter,
    senderToken,
    senders: config.eventAuth === undefined ? undefined : createSenderVerifier(config.eventAuth),
    get store() {
      return store();
    },
    options: {
      service: name,
      revision: config.revision,
      logger,
      production: config.production,
      corsOrigins: config.corsOrigins,
      health: async () => (await store()).ping(),
    },
  };
}
