import test from 'ava';
import path from 'node:path';
import { ROOT } from './command';
import { loadManifests } from './manifests';
import { buildTopology } from './topology';

const topology = () => buildTopology(loadManifests(path.join(ROOT, 'knative')), { defaultIdleMs: 45_000 });

test('the knative/ manifests are what the platform runs: every Service, the Broker, its Triggers and the PingSource', (t) => {
  const { services, brokers, pings } = topology();
  t.deepEqual([...services.keys()].sort(), ['ad-decision', 'campaigns', 'classify', 'dead-letters', 'ledger', 'report', 'track']);
  const broker = brokers.get('tagline/default');
  t.truthy(broker);
  t.deepEqual(broker!.delivery.deadLetterSink, { kind: 'service', service: 'dead-letters', path: '/' });
  for (const trigger of broker!.triggers) t.deepEqual(trigger.subscriber, { kind: 'service', service: trigger.name, path: '/' });
  const ledger = broker!.triggers.find((tr) => tr.name === 'ledger')!;
  t.true(ledger.matches({ type: 'dev.tagline.ad.click' }));
  t.false(ledger.matches({ type: 'dev.tagline.ad.viewable' }));
  t.is(ledger.delivery.retry, 5);
  t.is(ledger.delivery.backoffDelayMs, 200);
  t.deepEqual(pings.map((p) => [p.name, p.schedule.text, p.sink]), [['track-outbox', '* * * * *', { kind: 'service', service: 'track', path: '/v1/outbox/flush' }]]);
});

test('Services get their idle window, ConfigMap environment and the SinkBinding K_SINK from the manifests', (t) => {
  const { services } = topology();
  const campaigns = services.get('campaigns')!;
  t.is(campaigns.idleMs, 30_000);
  t.is(campaigns.revision, 'campaigns-00001');
  t.is(campaigns.env.FUNCTION_TARGET, 'campaigns');
  t.is(campaigns.env.LOG_LEVEL, 'info');
  t.deepEqual(campaigns.sink, { kind: 'broker', broker: 'tagline/default' });
  t.is(services.get('ad-decision')!.idleMs, 60_000);
  t.is(services.get('report')!.sink, undefined, 'report is not labelled as an emitter');
});
