/**
 * Fire a tracking beacon: `navigator.sendBeacon` (survives the page unloading), else a
 * keep-alive no-cors fetch, else an image. Failures are silent: a beacon never breaks a page.
 */
export function sendBeacon(url: string): void {
  try {
    if (typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(url)) return;
  } catch {
    // Some browsers throw on a blocked beacon; fall through to fetch.
  }
  try {
    fetch(url, { keepalive: true, mode: 'no-cors', credentials: 'include' }).catch(() => undefined);
  } catch {
    new Image().src = url;
  }
}
