import { startFunction, type FunctionProcess } from './function-process';
import { BrokerStandIn } from './broker-stand-in';
import { testStore, type Backend, type TestStore } from './stores';

/** One function process wired as the platform wires a Broker subscriber: a store of its own, a Broker stand-in as its sink. */
export interface Subscriber {
  store: TestStore;
  broker: BrokerStandIn;
  fn: FunctionProcess;
  /** Stop the function, then the Broker stand-in, then the store. */
  close(): Promise<void>;
}

/** Start `target` over a fresh store on `backend`, its `K_SINK` a Broker stand-in, with `env` added. */
export async function startSubscriber(target: string, backend: Backend, env: Record<string, string> = {}): Promise<Subscriber> {
  const store = await testStore(backend);
  const broker = await BrokerStandIn.start();
  const fn = await startFunction(target, { STORE_URL: store.url, K_SINK: broker.url, ...env });
  return {
    store,
    broker,
    fn,
    close: async () => {
      await fn.stop();
      await broker.stop();
      await store.close();
    },
  };
}
