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

/** Parse a JSON body, throwing a 400 for an empty or malformed one. */
export function parseJson(body: Buffer): unknown {
  if (body.length === 0) throw new BadRequestError('Request body is empty; a JSON document is expected');
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (err) {
    throw new BadRequestError(`Request body is not valid JSON: ${(err as Error).message}`);
  }
}
