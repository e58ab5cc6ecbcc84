import type { Collection, Store } from './store/types';

/**
 * Follows store collections (the campaign snapshot) the way every reader of campaigns does: one
 * small `versions` read per poll, handed to `onPoll`, which loads what moved (all the documents,
 * or only the changes since the versions it holds) and resolves whether anything changed. A poll
 * already under way is shared, never run twice at once; `start` polls on a timer, and
 * `pollIfStale` lets a reader poll on demand at most once per interval.
 */
export class SnapshotPoller {
  private checkedAt = 0;
  private polling: Promise<boolean> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Pick<Store, 'versions'>,
    private readonly collections: readonly Collection[],
    private readonly onPoll: (versions: number[]) => Promise<boolean>,
  ) {}

  /** Read the versions and hand them to `onPoll`; resolves with its answer (whether anything changed). */
  poll(): Promise<boolean> {
    this.polling ??= this.check().finally(() => (this.polling = undefined));
    return this.polling;
  }

  /** A poll when the last check is older than `maxAgeMs`, else undefined (nothing to wait on). */
  pollIfStale(maxAgeMs: number): Promise<boolean> | undefined {
    if (Date.now() - this.checkedAt < maxAgeMs) return undefined;
    return this.poll();
  }

  /** Poll every `intervalMs` in the background (the timer does not hold the process open). */
  start(intervalMs: number, onError: (err: unknown) => void): void {
    this.timer ??= setInterval(() => void this.poll().catch(onError), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async check(): Promise<boolean> {
    const changed = await this.onPoll(await this.store.versions(this.collections));
    this.checkedAt = Date.now();
    return changed;
  }
}
