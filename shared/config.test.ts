import test from 'ava';
import { loadConfig } from './config';
import { ConfigError } from './errors';

const base = { K_SERVICE: 'track', OTEL_EXPORTER_ZIPKIN_ENDPOINT: 'http://127.0.0.1:9411/api/v2/spans' };

test("OpenTelemetry's standard variables: service name, resource attributes, sampler, SDK off", (t) => {
  const plain = loadConfig(base);
  t.like(plain, { traceService: 'track', traceSampleRatio: 1, zipkinEndpoint: base.OTEL_EXPORTER_ZIPKIN_ENDPOINT });
  t.deepEqual(plain.traceResource, {});
  const set = loadConfig({ ...base, OTEL_SERVICE_NAME: 'beacons', OTEL_RESOURCE_ATTRIBUTES: 'service.instance.id=track-00001-002, deployment.environment=prod%20eu', OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.25' });
  t.like(set, { traceService: 'beacons', traceSampleRatio: 0.25, service: 'track' });
  t.deepEqual(set.traceResource, { 'service.instance.id': 'track-00001-002', 'deployment.environment': 'prod eu' });
  t.is(loadConfig({ ...base, OTEL_TRACES_SAMPLER: 'always_off' }).traceSampleRatio, 0);
  t.is(loadConfig({ ...base, OTEL_SDK_DISABLED: 'true' }).zipkinEndpoint, undefined);
  t.throws(() => loadConfig({ ...base, OTEL_TRACES_SAMPLER: 'sometimes' }), { instanceOf: ConfigError, message: /OTEL_TRACES_SAMPLER/ });
});
