import type { Config } from '../../shared/config';
import type { Creative } from '../../shared/model';
import type { TokenSigner } from '../../shared/tokens';
import type { IndexedCampaign } from './catalog';
import type { Ad } from './contract';
import { nextId } from './ids';
import type { Slot } from './request';

/** What every ad of one request shares in its token. */
export interface AdRequestFacts {
  publisher: string;
  user: string | undefined;
  /** The request's trace (`BeaconClaims.t`), when it is traced. */
  traceClaim: string | undefined;
  /** Test traffic: the token says so, and track never bills it. */
  test?: boolean;
}

export interface RenderDeps {
  signer: TokenSigner;
  config: Pick<Config, 'trackUrl' | 'tokenTtlSeconds'>;
}

/** The chosen creative of `ic` for `slot` as the response's ad, with its signed beacon URLs. */
export function renderAd(deps: RenderDeps, slot: Slot, ic: IndexedCampaign, creative: Creative, { publisher, user, traceClaim, test }: AdRequestFacts, nowMs: number): Ad {
  const c = ic.campaign;
  const iat = Math.floor(nowMs / 1000);
  const token = deps.signer.sign({
    i: nextId(),
    c: c.id,
    cr: creative.id,
    a: c.advertiser,
    p: publisher,
    s: slot.id,
    f: slot.format,
    m: c.pricing.model,
    pr: c.pricing.amountMicros,
    cu: c.pricing.currency,
    l: creative.landingUrl,
    ...(user === undefined ? {} : { u: user }),
    iat,
    exp: iat + deps.config.tokenTtlSeconds,
    ...(traceClaim === undefined ? {} : { t: traceClaim }),
    ...(test === true ? { x: 1 as const } : {}),
  });
  const t = encodeURIComponent(token);
  const ad: Ad = {
    slot: slot.id,
    campaign: c.id,
    creative: creative.id,
    format: creative.format,
    width: creative.width,
    height: creative.height,
    impressionUrl: `${deps.config.trackUrl}/i?t=${t}`,
    viewableUrl: `${deps.config.trackUrl}/v?t=${t}`,
    clickUrl: `${deps.config.trackUrl}/c?t=${t}`,
  };
  if (creative.html !== undefined) ad.html = creative.html;
  if (creative.imageUrl !== undefined) ad.imageUrl = creative.imageUrl;
  return ad;
}
