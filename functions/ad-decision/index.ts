import * as ff from '@google-cloud/functions-framework';
import { serve } from '../../shared/http';
import { createRuntime } from '../../shared/runtime';
import { TokenSigner } from '../../shared/tokens';
import { CatalogSource } from './catalog-source';
import { AD_REQUEST_LIMIT_BYTES, decisionRoutes } from './routes';
import { DeliveryState } from './delivery-state';
import { openRtbRoutes } from './openrtb/auction';
import { PageCache } from './pages';
import { widgetRoute } from './widget';

const rt = createRuntime('ad-decision');
const signer = new TokenSigner(rt.config.tokenKeys, rt.config.signingKeyId);

async function routes() {
  const store = await rt.store;
  const state = new DeliveryState(store, rt.logger);
  const catalog = new CatalogSource(store, state, rt.logger);
  await catalog.start();
  state.start();
  const pages = new PageCache(store, rt.emitter, rt.logger);
  const deps = { store, catalog: () => catalog.current, state, pages, signer, config: rt.config };
  return [...decisionRoutes(deps), ...openRtbRoutes(deps), widgetRoute({ logger: rt.logger })];
}

ff.http('ad-decision', serve({ ...rt.options, bodyLimitBytes: AD_REQUEST_LIMIT_BYTES, routes }));
