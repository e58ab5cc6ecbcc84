/**
 * DNS rebinding: a web page on another site can make a browser resolve its own name to 127.0.0.1
 * and then read the platform's pages or post to its Broker. The platform's own pages and the
 * Broker therefore answer only requests whose `Host` is a loopback name or a host the developer
 * named (`TAGLINE_ALLOWED_HOSTS`, comma-separated, e.g. a tunnel's name).
 */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Whether `host` (a `Host` header, port included) may reach the platform's pages. */
export function hostCheck(allowed: readonly string[] = []): (host: string | undefined) => boolean {
  const extra = new Set(allowed.map((h) => h.trim().toLowerCase()).filter(Boolean));
  return (host) => {
    if (host === undefined) return true;
    const name = host.toLowerCase().replace(/:\d+$/, '');
    return LOOPBACK.has(name) || name.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(name) || extra.has(name);
  };
}
