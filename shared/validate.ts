import type { z } from 'zod';
import { BadRequestError, ValidationError } from './errors';

/** One failed field: a dotted path (`targeting.countries.0`) and what is wrong with it. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * Check `value` against a zod schema (the one source of both the runtime check and the
 * TypeScript type) and return the parsed value, or throw a 400 that names every failed field.
 */
export function validate<S extends z.ZodType>(schema: S, value: unknown, what = 'body'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors: FieldError[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || what,
    message: issue.message,
  }));
  const first = errors[0]!;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  throw new ValidationError(`${first.path}: ${first.message}${more}`, { details: { errors } });
}

/** Deepest nesting of objects and arrays a JSON body may have (every contract here needs < 10). */
export const MAX_JSON_DEPTH = 64;

/** Whether JSON text nests objects and arrays deeper than `max`, read in one pass outside strings. */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * Parse a JSON body, throwing a 400 for an empty, malformed or too deeply nested one (deep
 * nesting would overflow the stack of whatever walks it recursively, such as a merge patch).
 */
export function parseJson(body: Buffer): unknown {
  if (body.length === 0) throw new BadRequestError('Request body is empty; a JSON document is expected');
  const text = body.toString('utf8');
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) throw new BadRequestError(`Request body nests objects or arrays deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new BadRequestError(`Request body is not valid JSON: ${(err as Error).message}`);
  }
}
