/**
 * Apply a JSON Merge Patch (RFC 7396) to `target`: objects merge key by key, `null` removes a
 * key, anything else (arrays included) replaces. The result is a new value; `target` is untouched.
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[key];
      continue;
    }
    const current = Object.hasOwn(result, key) ? result[key] : undefined;
    // defineProperty, not assignment: a "__proto__" key from JSON must stay an own (and so rejected) field.
    Object.defineProperty(result, key, { value: mergePatch(current, value), enumerable: true, writable: true, configurable: true });
  }
  return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
