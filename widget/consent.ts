import type { ConsentState } from './types';
import { guard } from './util';

/** What a TCF v2 CMP hands its listeners (the fields the tag reads). */
interface TCData {
  gdprApplies?: boolean;
  tcString?: string;
  eventStatus?: string;
  listenerId?: number;
  purpose?: { consents?: Record<string, boolean | undefined> };
}

type TcfApi = (command: string, version: number, callback: (data: TCData | null, success: boolean) => void, parameter?: unknown) => void;

/** TCF purposes both needed to keep an id: 1 (store/access on a device), 4 (personalised ads). */
const PURPOSE_STORE = '1';
const PURPOSE_PERSONALISED_ADS = '4';

/**
 * The consent to send and whether a first-party id may be kept. Without a CMP the id may be kept;
 * with one, the tag waits (at most `waitMs`) for the user's choice — `tcloaded` or
 * `useractioncomplete` — and keeps an id only where GDPR does not apply or purposes 1 and 4 are
 * both consented, the rule ad-decision applies. A CMP that stays silent means no id.
 */
export function readConsent(waitMs: number): Promise<ConsentState> {
  const api = (window as { __tcfapi?: unknown }).__tcfapi;
  if (typeof api !== 'function') return Promise.resolve({ userIdAllowed: true });
  return new Promise((resolve) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (state: ConsentState) => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      resolve(state);
    };
    const listener = guard((data: TCData | null, success: boolean) => {
      if (!success || data === null || typeof data !== 'object') return;
      if (data.gdprApplies !== false && data.eventStatus !== 'tcloaded' && data.eventStatus !== 'useractioncomplete') return;
      settle(fromTcData(data));
      try {
        (api as TcfApi)('removeEventListener', 2, () => undefined, data.listenerId);
      } catch {
        // A CMP without removeEventListener keeps calling; settle ignores it.
      }
    });
    timer = setTimeout(() => settle({ userIdAllowed: false }), waitMs);
    try {
      (api as TcfApi)('addEventListener', 2, listener);
    } catch {
      settle({ userIdAllowed: false });
    }
  });
}

function fromTcData(data: TCData): ConsentState {
  if (data.gdprApplies === false) return { consent: { gdpr: false }, userIdAllowed: true };
  const consents = data.purpose?.consents ?? {};
  const consent: ConsentState['consent'] = { gdpr: true };
  if (typeof data.tcString === 'string' && data.tcString !== '' && data.tcString.length <= 4096) consent.tcString = data.tcString;
  return { consent, userIdAllowed: consents[PURPOSE_STORE] === true && consents[PURPOSE_PERSONALISED_ADS] === true };
}
