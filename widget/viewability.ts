import { guard } from './util';

/** MRC display rule: at least half of the ad's pixels ... */
export const VIEWABLE_RATIO = 0.5;
/** ... for one continuous second, while the page is visible. */
export const VIEWABLE_MS = 1000;

interface Watch {
  inView: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
  onViewable: () => void;
}

/**
 * Watches rendered ads and calls each one's `onViewable` once, when it has been at least 50% in
 * the viewport for one continuous second with the tab visible. Leaving the viewport (below 50%)
 * or hiding the tab resets the second. One IntersectionObserver and one visibility listener serve
 * every ad of the page. Without IntersectionObserver nothing is ever claimed viewable.
 */
export class ViewabilityWatcher {
  private readonly watches = new Map<Element, Watch>();
  private readonly observer: IntersectionObserver | undefined;

  constructor() {
    if (typeof IntersectionObserver !== 'function') return;
    this.observer = new IntersectionObserver(guard((entries: IntersectionObserverEntry[]) => this.onIntersect(entries)), { threshold: [0, VIEWABLE_RATIO] });
    document.addEventListener('visibilitychange', guard(() => this.watches.forEach((w) => this.update(w))));
  }

  /** Start measuring `el`; `onViewable` runs at most once. */
  watch(el: Element, onViewable: () => void): void {
    if (this.observer === undefined || this.watches.has(el)) return;
    const watch: Watch = {
      inView: false,
      timer: undefined,
      onViewable: () => {
        this.unwatch(el);
        onViewable();
      },
    };
    this.watches.set(el, watch);
    this.observer.observe(el);
  }

  /** Stop measuring `el` (the ad was closed or removed). */
  unwatch(el: Element): void {
    const watch = this.watches.get(el);
    if (watch === undefined) return;
    if (watch.timer !== undefined) clearTimeout(watch.timer);
    this.watches.delete(el);
    this.observer?.unobserve(el);
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const watch = this.watches.get(entry.target);
      if (watch === undefined) continue;
      watch.inView = entry.isIntersecting && entry.intersectionRatio >= VIEWABLE_RATIO;
      this.update(watch);
    }
  }

  private update(watch: Watch): void {
    const counting = watch.inView && document.visibilityState === 'visible';
    if (counting && watch.timer === undefined) watch.timer = setTimeout(watch.onViewable, VIEWABLE_MS);
    if (!counting && watch.timer !== undefined) {
      clearTimeout(watch.timer);
      watch.timer = undefined;
    }
  }
}
