/**
 * Sender identity on one machine, as Knative Eventing's `authentication-oidc` gives it on a
 * cluster: the platform is the OIDC issuer (an ES256 key made at start, its JWKS at
 * `/_/oidc/jwks`), each SinkBinding, PingSource and Trigger has an identity named as Knative names
 * its service account, and every sender gets tokens for its receiver's audience. SinkBinding
 * tokens are written to a file per Service and renewed before they expire, as Knative renews the
 * projected `/oidc/token`. The Broker ingress admits an event only with a valid token and, where
 * EventPolicies name the Broker, only from a sender and of a type a policy allows.
 */
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bearerToken, TokenError, verifyToken, type Jwk, type SenderClaims } from '../shared/event-auth';
import { compileTriggerFilter, FilterError, type EventAttributes, type Predicate } from './filters';
import { ManifestError, type Manifests } from './manifests';
import type { ServicePlan, Target, Topology } from './topology';

/** Where the platform publishes its keys and discovery document, under its own URL. */
export const OIDC_PATH = '/_/oidc';
export const JWKS_PATH = `${OIDC_PATH}/jwks`;
export const DISCOVERY_PATH = `${OIDC_PATH}/.well-known/openid-configuration`;

/** Lifetime of an issued token; a SinkBinding's file is renewed at a third of it. */
const TOKEN_TTL_SECONDS = 3600;

/** Knative's audience of an Addressable: `<group>/<kind>/<namespace>/<name>`, lower case. */
export function audienceOf(group: string, kind: string, namespace: string, name: string): string {
  return `${group}/${kind}/${namespace}/${name}`.toLowerCase();
}

export const brokerAudience = (namespace: string, name: string): string => audienceOf('eventing.knative.dev', 'Broker', namespace, name);
export const serviceAudience = (namespace: string, name: string): string => audienceOf('serving.knative.dev', 'Service', namespace, name);

/**
 * The subject of the OIDC identity Knative gives a source or Trigger: its service account
 * `<name>-oidc-<group>-<kind>` (knative.dev/eventing pkg/auth `GetOIDCServiceAccountNameForResource`).
 */
export function identityOf(group: string, kind: string, namespace: string, name: string): string {
  return `system:serviceaccount:${namespace}:${`${name}-oidc-${group}-${kind}`.toLowerCase()}`;
}

const SOURCE_GROUPS: Record<string, string> = { SinkBinding: 'sources.knative.dev', PingSource: 'sources.knative.dev', ApiServerSource: 'sources.knative.dev', Trigger: 'eventing.knative.dev' };

/** The platform's issuer: signs tokens with a key made at start and verifies its own tokens. */
export class LocalIssuer {
  private readonly privateKey: KeyObject;
  private readonly publicJwk: Jwk;
  private readonly cache = new Map<string, { token: string; renewAt: number }>();

  constructor(readonly issuer: string) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = privateKey;
    this.publicJwk = { ...publicKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), alg: 'ES256', use: 'sig' };
  }

  /** The JWKS document (`GET /_/oidc/jwks`). */
  jwks(): { keys: Jwk[] } {
    return { keys: [this.publicJwk] };
  }

  /** The OpenID discovery document (`GET /_/oidc/.well-known/openid-configuration`), as a Kubernetes API server serves it. */
  discovery(jwksUri: string): Record<string, unknown> {
    return { issuer: this.issuer, jwks_uri: jwksUri, response_types_supported: ['id_token'], subject_types_supported: ['public'], id_token_signing_alg_values_supported: ['ES256'] };
  }

  /** A token for `subject` to send to `audience`, valid `ttlSeconds` from `nowSeconds`. */
  issue(subject: string, audience: string, ttlSeconds: number = TOKEN_TTL_SECONDS, nowSeconds: number = Math.floor(Date.now() / 1000)): string {
    const header = { alg: 'ES256', typ: 'JWT', kid: this.publicJwk.kid };
    const claims: SenderClaims = { iss: this.issuer, sub: subject, aud: [audience], iat: nowSeconds, nbf: nowSeconds, exp: nowSeconds + ttlSeconds };
    const input = `${b64(header)}.${b64(claims)}`;
    return `${input}.${sign('sha256', Buffer.from(input), { key: this.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
  }

  /** A token for `subject` and `audience`, reused until a third of its life is left. */
  tokenFor(subject: string, audience: string): string {
    const key = `${subject}\0${audience}`;
    const cached = this.cache.get(key);
    if (cached !== undefined && cached.renewAt > Date.now()) return cached.token;
    const token = this.issue(subject, audience);
    this.cache.set(key, { token, renewAt: Date.now() + (TOKEN_TTL_SECONDS * 1000 * 2) / 3 });
    return token;
  }

  /** The claims of the bearer token in `authorization` if this issuer made it for `audience`; `TokenError` otherwise. */
  verify(authorization: string | string[] | undefined, audience: string): SenderClaims {
    return verifyToken(bearerToken(authorization), [this.publicJwk], { issuer: this.issuer, audience });
  }
}

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** One EventPolicy as it applies to one Broker: who may send, and which events. */
interface Policy {
  name: string;
  from: (subject: string) => boolean;
  matches: Predicate;
}

/**
 * Who may publish to each Broker. A Broker no EventPolicy names admits any identity of its own
 * namespace (Knative's default `allow-same-namespace`); otherwise a sender needs a policy whose
 * `from` names it and whose `filters` match the event.
 */
export class BrokerPolicies {
  private readonly byBroker = new Map<string, Policy[]>();

  constructor(
    manifests: Manifests,
    private readonly brokers: ReadonlyMap<string, { namespace: string; name: string }>,
  ) {
    for (const policy of manifests.eventPolicies) {
      const ns = policy.origin.namespace;
      const at = (field: string) => `EventPolicy "${policy.metadata.name}" ${field}`;
      const to = policy.spec.to ?? [];
      const targets = to.length === 0 ? [...brokers.keys()].filter((k) => k.startsWith(`${ns}/`)) : to.flatMap((t, i) => this.targets(t, ns, policy.origin.file, at(`spec.to[${i}]`)));
      const subjects = (policy.spec.from ?? []).map((f, i): ((sub: string) => boolean) => {
        if (f.sub !== undefined) return f.sub.endsWith('*') ? (s) => s.startsWith(f.sub!.slice(0, -1)) : (s) => s === f.sub;
        const ref = f.ref!;
        const group = SOURCE_GROUPS[ref.kind];
        if (group === undefined) throw new ManifestError(policy.origin.file, at(`spec.from[${i}].ref.kind`), `the local platform knows the identities of ${Object.keys(SOURCE_GROUPS).join(', ')}, not ${ref.kind}`);
        const subject = identityOf(group, ref.kind, ref.namespace ?? ns, ref.name);
        return (s) => s === subject;
      });
      let matches: Predicate;
      try {
        matches = compileTriggerFilter({ filters: policy.spec.filters });
      } catch (err) {
        if (err instanceof FilterError) throw new ManifestError(policy.origin.file, at(err.field), err.message);
        throw err;
      }
      for (const key of targets) {
        const list = this.byBroker.get(key) ?? [];
        list.push({ name: policy.metadata.name, from: (s) => subjects.some((m) => m(s)), matches });
        this.byBroker.set(key, list);
      }
    }
  }

  private targets(to: { ref?: { kind: string; name: string; apiVersion?: string | undefined } | undefined; selector?: unknown }, ns: string, file: string, field: string): string[] {
    if (to.ref === undefined) throw new ManifestError(file, `${field}.selector`, 'the local platform applies EventPolicies that name their Broker with a ref');
    if (to.ref.kind !== 'Broker') return [];
    const key = `${ns}/${to.ref.name}`;
    if (!this.brokers.has(key)) throw new ManifestError(file, `${field}.ref.name`, `no Broker "${to.ref.name}" in namespace "${ns}"`);
    return [key];
  }

  /** Throws `TokenError('policy')` unless `subject` may publish an event with `attrs` to `broker`. */
  admit(broker: string, subject: string, attrs: EventAttributes): void {
    const policies = this.byBroker.get(broker);
    if (policies === undefined) {
      const ns = this.brokers.get(broker)?.namespace;
      if (subject.startsWith(`system:serviceaccount:${ns}:`)) return;
      throw new TokenError('policy', `${subject} is not in namespace ${ns}`);
    }
    const senders = policies.filter((p) => p.from(subject));
    if (senders.length === 0) throw new TokenError('policy', `No EventPolicy lets ${subject} publish to Broker ${broker}`);
    if (!senders.some((p) => p.matches(attrs))) throw new TokenError('policy', `No EventPolicy lets ${subject} publish ${attrs.type ?? 'this event'} (policies: ${senders.map((p) => p.name).join(', ')})`);
  }
}

/** The audience a delivery to `target` is made for (a URL has none locally). */
export function targetAudience(target: Target, services: ReadonlyMap<string, ServicePlan>, brokers: Topology['brokers']): string | undefined {
  if (target.kind === 'service') {
    const plan = services.get(target.service);
    return plan === undefined ? undefined : serviceAudience(plan.namespace, plan.name);
  }
  if (target.kind === 'broker') {
    const plan = brokers.get(target.broker);
    return plan === undefined ? undefined : brokerAudience(plan.namespace, plan.name);
  }
  return undefined;
}

/**
 * The SinkBinding token files of the Services that send events: `<dir>/<service>/token`, written
 * now and renewed at a third of their life until `stop()`.
 */
export class SinkBindingTokens {
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly issuer: LocalIssuer,
    private readonly topology: Topology,
    private readonly dir: string,
  ) {
    this.writeAll();
    this.timer = setInterval(() => this.writeAll(), (TOKEN_TTL_SECONDS * 1000) / 3);
    this.timer.unref();
  }

  /** The token file of `plan`, when a SinkBinding gives it a sink with an audience. */
  fileOf(plan: ServicePlan): string | undefined {
    return this.subjectOf(plan) === undefined ? undefined : path.join(this.dir, plan.name, 'token');
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private subjectOf(plan: ServicePlan): { subject: string; audience: string } | undefined {
    if (plan.sink === undefined || plan.sinkBinding === undefined) return undefined;
    const audience = targetAudience(plan.sink, this.topology.services, this.topology.brokers);
    return audience === undefined ? undefined : { subject: identityOf('sources.knative.dev', 'SinkBinding', plan.namespace, plan.sinkBinding), audience };
  }

  private writeAll(): void {
    for (const plan of this.topology.services.values()) {
      const who = this.subjectOf(plan);
      const file = this.fileOf(plan);
      if (who === undefined || file === undefined) continue;
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      // Written beside and renamed, so a reader never sees half a token.
      writeFileSync(`${file}.next`, this.issuer.issue(who.subject, who.audience), { mode: 0o600 });
      renameSync(`${file}.next`, file);
    }
  }
}
