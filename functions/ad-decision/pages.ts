import { EVENT_TYPES, newEvent, type Emitter } from '../../shared/emitter';
import type { PageClassifiedData, PageObservedData } from '../../shared/events';
import type { Logger } from '../../shared/logger';
import { pageKey } from '../../shared/page';
import type { Store } from '../../shared/store';
import { BoundedCache } from '../../shared/bounded-cache';

interface Entry {
  value: PageClassifiedData | undefined;
  expires: number;
}

const MAX_ENTRIES = 50_000;

/**
 * Page classifications as ad-decision sees them: an in-process cache filled in the background,
 * so a decision never waits for the store. A page not in the cache is decided on the request's
 * own context meanwhile; a page the store does not know is announced with `page.observed`, once
 * per `observeTtlSeconds` across all processes.
 */
export class PageCache {
  private readonly entries = new BoundedCache<string, Entry>(MAX_ENTRIES);
  private readonly fetching = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly emitter: Emitter,
    private readonly logger: Logger,
    private readonly options = { hitTtlMs: 60_000, missTtlMs: 1_000, observeTtlSeconds: 3_600 },
  ) {}

  /** The page's classification if known here; starts a background fetch when missing or stale. */
  lookup(hash: string, observed: () => PageObservedData, nowMs = Date.now()): PageClassifiedData | undefined {
    const entry = this.entries.get(hash);
    if (entry === undefined || entry.expires <= nowMs) this.fetch(hash, observed);
    return entry?.value;
  }

  private fetch(hash: string, observed: () => PageObservedData): void {
    if (this.fetching.has(hash)) return;
    this.fetching.add(hash);
    const data = observed();
    this.load(hash, data)
      .catch((err: unknown) => this.logger.warn('page lookup failed', { err }))
      .finally(() => this.fetching.delete(hash));
  }

  private async load(hash: string, observed: PageObservedData): Promise<void> {
    const value = await this.store.get<PageClassifiedData>(pageKey(hash));
    this.entries.set(hash, { value, expires: Date.now() + (value === undefined ? this.options.missTtlMs : this.options.hitTtlMs) });
    if (value !== undefined) return;
    const first = await this.store.setIfAbsent(`observed:${hash}`, Date.now(), this.options.observeTtlSeconds);
    if (first) this.emitter.emit(newEvent(EVENT_TYPES.pageObserved, '/ad-decision', observed, hash));
  }
}
