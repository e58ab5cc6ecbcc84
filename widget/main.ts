import { MARKS, run } from './tag';
import { mark } from './util';

/**
 * The publisher tag: `<script async src=".../tagline.js" data-publisher="...">`. Its only global
 * is `window.tagline` (the version), which also keeps a second copy of the tag from running.
 */
try {
  const win = window as { tagline?: { version: string } };
  if (win.tagline === undefined) {
    win.tagline = { version: '1' };
    mark(MARKS.start);
    run(document.currentScript).catch(() => undefined);
  }
} catch {
  // The tag never throws into the publisher's page.
}
