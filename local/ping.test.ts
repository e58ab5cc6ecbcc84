import test from 'ava';
import { parseCron } from './cron';
import { PING_EVENT_TYPE, PingScheduler } from './ping';
import type { PingPlan } from './topology';
import type { StoredEvent } from './cloudevent';
import { createLogger } from '../shared/logger';

const plan = (schedule: string): PingPlan => ({
  name: 'track-outbox',
  namespace: 'tagline',
  schedule: parseCron(schedule),
  contentType: 'application/json',
  data: Buffer.from('{"task":"flush-outbox"}'),
  sink: { kind: 'service', service: 'track', path: '/v1/outbox/flush' },
  origin: { file: 'x.yaml', kind: 'PingSource', name: 'track-outbox', namespace: 'tagline' },
});

test('a PingSource fires its dev.knative.sources.ping event in the minutes its schedule matches, once per minute', (t) => {
  const sent: StoredEvent[] = [];
  const scheduler = new PingScheduler([plan('*/5 * * * *')], async (_ping, event) => void sent.push(event), createLogger('test', 'error'));
  scheduler.tick(new Date('2026-03-01T10:05:00Z'));
  scheduler.tick(new Date('2026-03-01T10:05:00.500Z'));
  scheduler.tick(new Date('2026-03-01T10:06:00Z'));
  scheduler.tick(new Date('2026-03-01T10:10:00Z'));
  t.is(sent.length, 2);
  const [first] = sent;
  t.is(first!.attrs.type, PING_EVENT_TYPE);
  t.is(first!.attrs.source, '/apis/v1/namespaces/tagline/pingsources/track-outbox');
  t.is(first!.attrs.time, '2026-03-01T10:05:00.000Z');
  t.is(first!.attrs.datacontenttype, 'application/json');
  t.is(Buffer.from(first!.data, 'base64').toString(), '{"task":"flush-outbox"}');
  t.not(sent[0]!.attrs.id, sent[1]!.attrs.id);
});
