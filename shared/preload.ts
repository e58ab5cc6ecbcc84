/**
 * Loaded with `node --require ./dist/shared/preload.js` before the functions-framework, so that
 * tracing is registered before any module it observes, and a bad configuration stops the process
 * at start with a message naming the variable.
 */
import { loadConfig } from './config';
import { ConfigError } from './errors';
import { answerExpressErrorsWithProblems } from './express-errors';
import { listenOnlyOn } from './listen-address';
import { startTracing } from './telemetry';

try {
  const config = loadConfig();
  startTracing(config.traceService, config.zipkinEndpoint, config.traceSampleRatio, config.traceResource);
  if (config.listenAddress !== undefined) listenOnlyOn(config.listenAddress, config.port);
  // The framework's own Express (it depends on it directly), not one of ours.
  answerExpressErrorsWithProblems(require(require.resolve('express', { paths: [require.resolve('@google-cloud/functions-framework')] })));
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`tagline: configuration error: ${err.message}\n`);
  process.exit(78);
}
