/** Lower-case hex of `bytes` random bytes. */
export function randomHex(bytes: number): string {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  let out = '';
  for (let i = 0; i < buf.length; i++) out += (buf[i]! + 256).toString(16).slice(1);
  return out;
}

/** The string when it is an absolute http(s) URL, else undefined. */
export function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 4096) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** `fn` wrapped so nothing it throws reaches the page. */
export function guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      fn(...args);
    } catch {
      // The tag never throws into the publisher's page.
    }
  };
}

/** Set a performance mark, where the browser has the User Timing API. */
export function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // No User Timing: nothing to measure.
  }
}

/** Create an element with attributes (always set as attributes, never parsed as HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Node[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const name of Object.keys(attrs)) node.setAttribute(name, attrs[name]!);
  for (const child of children) node.appendChild(child);
  return node;
}

/** Resolve in a later task, so the browser can render and handle input in between. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(() => resolve(), 0));
}

/**
 * Resolve just after the next frame, when layout is clean and reading it costs nothing; a
 * background tab renders no frames, so at most `maxMs` later.
 */
export function afterFrame(maxMs = 100): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = (): void => {
      if (done) return;
      done = true;
      setTimeout(() => resolve(), 0);
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(go);
    setTimeout(go, maxMs);
  });
}
