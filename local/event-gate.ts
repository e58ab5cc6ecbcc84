/**
 * The platform's checks on who sends events: the Broker ingress admits only a token issued for
 * the Broker (and, under EventPolicies, only an allowed sender and event type), and the route
 * `/<service>/` of a consumer refuses an event delivery that does not carry a Trigger's (or a
 * PingSource's) token for that Service, since only the Broker delivers to consumers. Every refusal
 * is a 401 (403 for a policy), counted by reason and logged once.
 */
import type { IncomingMessage } from 'node:http';
import { ForbiddenError } from '../shared/errors';
import { TokenError, type SenderClaims } from '../shared/event-auth';
import type { Logger } from '../shared/logger';
import type { EventAttributes } from './filters';
import type { PlatformMetrics } from './metrics';
import { brokerAudience, identityOf, serviceAudience, type BrokerPolicies, type LocalIssuer } from './oidc';
import type { Topology } from './topology';

export class EventGate {
  /** Paths of each consumer Service that the Broker or a PingSource delivers to. */
  private readonly deliveryPaths = new Map<string, Set<string>>();
  /** Identities allowed to deliver to each consumer Service. */
  private readonly deliverers = new Map<string, Set<string>>();

  constructor(
    private readonly issuer: LocalIssuer,
    private readonly policies: BrokerPolicies,
    private readonly topology: Topology,
    private readonly metrics: PlatformMetrics,
    private readonly logger: Logger,
  ) {
    for (const broker of topology.brokers.values()) {
      for (const trigger of broker.triggers) {
        const who = identityOf('eventing.knative.dev', 'Trigger', trigger.namespace, trigger.name);
        for (const target of [trigger.subscriber, trigger.delivery.deadLetterSink, broker.delivery.deadLetterSink]) {
          if (target?.kind === 'service') this.addDelivery(target.service, target.path, who);
        }
      }
    }
    for (const ping of topology.pings) {
      if (ping.sink.kind === 'service') this.addDelivery(ping.sink.service, ping.sink.path, identityOf('sources.knative.dev', 'PingSource', ping.namespace, ping.name));
    }
  }

  private addDelivery(service: string, target: string, who: string): void {
    const paths = this.deliveryPaths.get(service) ?? new Set<string>();
    paths.add(target.split('?', 1)[0]!);
    this.deliveryPaths.set(service, paths);
    const senders = this.deliverers.get(service) ?? new Set<string>();
    senders.add(who);
    this.deliverers.set(service, senders);
  }

  /**
   * The ingress check of Broker `key` (`<namespace>/<name>`): the token must be this issuer's, for
   * the Broker's audience. Returns the check of the event itself under the EventPolicies.
   */
  ingress(key: string, req: IncomingMessage): (attrs: EventAttributes) => void {
    const broker = this.topology.brokers.get(key)!;
    const claims = this.check(req, 'broker', () => this.issuer.verify(req.headers.authorization, brokerAudience(broker.namespace, broker.name)));
    return (attrs) => {
      try {
        this.policies.admit(key, claims.sub, attrs);
      } catch (err) {
        if (!(err instanceof TokenError)) throw err;
        this.refuse(req, 'broker', err, claims.sub);
        throw new ForbiddenError(err.message);
      }
    };
  }

  /**
   * Throws a 401 when `req`, on its way to consumer `service` at `path`, is an event delivery
   * (a POST to a delivery path, or any CloudEvent) without a deliverer's token for the Service.
   */
  consumer(service: string, path: string, req: IncomingMessage): void {
    const paths = this.deliveryPaths.get(service);
    if (paths === undefined) return;
    const contentType = req.headers['content-type'] ?? '';
    const isEvent = (req.method === 'POST' && paths.has(path.split('?', 1)[0]!)) || req.headers['ce-id'] !== undefined || req.headers['ce-specversion'] !== undefined || /^\s*application\/cloudevents/i.test(contentType);
    if (!isEvent) return;
    const plan = this.topology.services.get(service)!;
    this.check(req, 'service', () => {
      const claims = this.issuer.verify(req.headers.authorization, serviceAudience(plan.namespace, plan.name));
      if (!this.deliverers.get(service)!.has(claims.sub)) throw new TokenError('policy', `${claims.sub} does not deliver to ${service}`);
      return claims;
    });
  }

  private check(req: IncomingMessage, route: 'broker' | 'service', verify: () => SenderClaims): SenderClaims {
    try {
      return verify();
    } catch (err) {
      if (err instanceof TokenError) this.refuse(req, route, err, undefined);
      throw err;
    }
  }

  private refuse(req: IncomingMessage, route: 'broker' | 'service', err: TokenError, subject: string | undefined): void {
    this.metrics.eventsRefused.inc({ route, reason: err.reason });
    this.logger.warn('event refused: sender not authenticated or not allowed', {
      route,
      path: (req.url ?? '').split('?', 1)[0],
      reason: err.reason,
      detail: err.message,
      remote: req.socket.remoteAddress,
      ...(subject === undefined ? {} : { subject }),
    });
  }
}
