import { MAX_SLOTS } from './placements';
import type { Placement } from './types';
import { guard } from './util';

/**
 * How far below the viewport a placement is asked for: one viewport ahead of the reader, so the
 * ad is there when they arrive and no ad is decided, rendered or counted far from the screen.
 */
export const NEAR_MARGIN = '0px 0px 100% 0px';

/**
 * Call `load` for each placement once it is ready and near the viewport, once each. Placements
 * that come near together (all those near at the start, say) go in one batch — one ad request —
 * of at most MAX_SLOTS. Without IntersectionObserver every ready placement is loaded at once.
 */
export function loadWhenNear(placements: Placement[], load: (batch: Placement[]) => void): void {
  let batch: Placement[] = [];
  const flush = guard(() => {
    const near = batch;
    batch = [];
    for (let i = 0; i < near.length; i += MAX_SLOTS) load(near.slice(i, i + MAX_SLOTS));
  });
  const add = (placement: Placement): void => {
    if (batch.length === 0) setTimeout(flush, 0);
    batch.push(placement);
  };
  if (typeof IntersectionObserver !== 'function') {
    placements.forEach((p) => p.ready.then(() => add(p)));
    return;
  }
  const waiting = new Map<Element, Placement>();
  const observer = new IntersectionObserver(
    guard((entries: IntersectionObserverEntry[]) => {
      for (const entry of entries) {
        const placement = waiting.get(entry.target);
        if (!entry.isIntersecting || placement === undefined) continue;
        waiting.delete(entry.target);
        observer.unobserve(entry.target);
        add(placement);
      }
    }),
    { rootMargin: NEAR_MARGIN },
  );
  placements.forEach((p) =>
    p.ready.then(() => {
      waiting.set(p.target, p);
      observer.observe(p.target);
    }),
  );
}
