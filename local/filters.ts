/**
 * Trigger filters: the legacy `spec.filter.attributes` (exact match, `""` matching any value) and
 * the SubscriptionsAPI `spec.filters` (exact, prefix, suffix, all, any, not). When both are set,
 * `filters` wins, as in Knative.
 */

/** A CloudEvent's context attributes and extensions, as strings. */
export type EventAttributes = Readonly<Record<string, string>>;

export type Predicate = (attrs: EventAttributes) => boolean;

/** A filter the platform cannot evaluate; `field` is its path under the Trigger. */
export class FilterError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'FilterError';
  }
}

const MATCHERS = {
  exact: (value: string, wanted: string) => value === wanted,
  prefix: (value: string, wanted: string) => value.startsWith(wanted),
  suffix: (value: string, wanted: string) => value.endsWith(wanted),
} as const;

type Dialect = keyof typeof MATCHERS | 'all' | 'any' | 'not';
const DIALECTS: readonly string[] = ['exact', 'prefix', 'suffix', 'all', 'any', 'not', 'cesql'];

/** Compile a Trigger's `spec.filter` and `spec.filters` into one predicate (no filter: everything). */
export function compileTriggerFilter(spec: { filter?: { attributes?: Record<string, string> | undefined } | undefined; filters?: unknown[] | undefined }): Predicate {
  if (spec.filters !== undefined && spec.filters.length > 0) {
    return allOf(spec.filters.map((f, i) => compileExpression(f, `spec.filters[${i}]`)));
  }
  const attributes = spec.filter?.attributes;
  if (attributes === undefined) return () => true;
  const wanted = Object.entries(attributes).filter(([, v]) => v !== '');
  return (attrs) => wanted.every(([k, v]) => attrs[k] === v);
}

function compileExpression(expr: unknown, field: string): Predicate {
  if (typeof expr !== 'object' || expr === null || Array.isArray(expr)) throw new FilterError(field, 'must be an object with one of exact, prefix, suffix, all, any, not');
  const keys = Object.keys(expr);
  if (keys.length !== 1 || !DIALECTS.includes(keys[0]!)) {
    throw new FilterError(field, `must have exactly one of exact, prefix, suffix, all, any, not (found ${keys.join(', ') || 'none'})`);
  }
  const dialect = keys[0] as Dialect | 'cesql';
  const body: unknown = (expr as Record<string, unknown>)[dialect];
  const at = `${field}.${dialect}`;
  switch (dialect) {
    case 'exact':
    case 'prefix':
    case 'suffix':
      return attributeMatch(body, at, MATCHERS[dialect]);
    case 'all':
      return allOf(nested(body, at));
    case 'any': {
      const parts = nested(body, at);
      return (attrs) => parts.some((p) => p(attrs));
    }
    case 'not': {
      const inner = compileExpression(body, at);
      return (attrs) => !inner(attrs);
    }
    case 'cesql':
      throw new FilterError(at, 'CESQL filters are not supported by the local platform');
  }
}

function attributeMatch(body: unknown, field: string, matches: (value: string, wanted: string) => boolean): Predicate {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new FilterError(field, 'must map attribute names to strings');
  const entries = Object.entries(body);
  if (entries.length === 0) throw new FilterError(field, 'must name at least one attribute');
  const pairs = entries.map(([name, wanted]): [string, string] => {
    if (name === '' || typeof wanted !== 'string' || wanted === '') throw new FilterError(`${field}.${name}`, 'attribute name and value must be non-empty strings');
    return [name, wanted];
  });
  return (attrs) =>
    pairs.every(([name, wanted]) => {
      const value = attrs[name];
      return value !== undefined && matches(value, wanted);
    });
}

function nested(body: unknown, field: string): Predicate[] {
  if (!Array.isArray(body) || body.length === 0) throw new FilterError(field, 'must be a non-empty list of filter expressions');
  return body.map((e, i) => compileExpression(e, `${field}[${i}]`));
}

function allOf(parts: Predicate[]): Predicate {
  return (attrs) => parts.every((p) => p(attrs));
}
