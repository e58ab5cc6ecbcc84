/**
 * Tagline's error hierarchy. Each class has a stable `code` and one HTTP status; the HTTP wrapper
 * turns any `TaglineError` into an RFC 9457 problem+json response, and anything else into a 500
 * that is logged once. A sender of events retries what `shared/retry.ts` says Knative retries —
 * 404, 408, 409, 429 and 5xx — and no other status: an event a consumer refuses for good is a
 * 400, a failure worth another attempt a 503.
 */
export abstract class TaglineError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  /** Short, stable human title for the problem `title` field. */
  abstract readonly title: string;
  /** Extra problem members (e.g. `errors` for field-level validation failures). */
  readonly details: Record<string, unknown> | undefined;

  constructor(message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.details = options?.details;
  }

  /** The problem `type` URI: stable per code. */
  get type(): string {
    return `https://tagline.dev/problems/${this.code}`;
  }
}

export class BadRequestError extends TaglineError {
  readonly status = 400;
  readonly code: string = 'bad-request';
  readonly title: string = 'Bad request';
}

/** Input that parsed but failed validation; `details.errors` lists `{ path, message }`. */
export class ValidationError extends BadRequestError {
  override readonly code = 'invalid-input';
  override readonly title = 'Invalid input';
}

/** A 400 about one field: `${path}: ${message}`, with `details.errors` naming it. */
export function invalidField(path: string, message: string): ValidationError {
  return new ValidationError(`${path}: ${message}`, { details: { errors: [{ path, message }] } });
}

export class UnauthorizedError extends TaglineError {
  readonly status = 401;
  readonly code = 'unauthorized';
  readonly title = 'Unauthorized';
}

export class ForbiddenError extends TaglineError {
  readonly status = 403;
  readonly code = 'forbidden';
  readonly title = 'Forbidden';
}

export class NotFoundError extends TaglineError {
  readonly status = 404;
  readonly code = 'not-found';
  readonly title = 'Not found';
}

export class MethodNotAllowedError extends TaglineError {
  readonly status = 405;
  readonly code = 'method-not-allowed';
  readonly title = 'Method not allowed';
  constructor(readonly allow: readonly string[]) {
    super(`Allowed methods: ${allow.join(', ')}`);
  }
}

export class ConflictError extends TaglineError {
  readonly status = 409;
  readonly code = 'conflict';
  readonly title = 'Conflict';
}

export class PayloadTooLargeError extends TaglineError {
  readonly status = 413;
  readonly code = 'payload-too-large';
  readonly title = 'Payload too large';
}

export class HeadersTooLargeError extends TaglineError {
  readonly status = 431;
  readonly code = 'headers-too-large';
  readonly title = 'Request header fields too large';
}

export class UnsupportedMediaTypeError extends TaglineError {
  readonly status = 415;
  readonly code = 'unsupported-media-type';
  readonly title = 'Unsupported media type';
}

/** A dependency (store, broker) failed in a way a retry may fix. */
export class UnavailableError extends TaglineError {
  readonly status = 503;
  readonly code = 'unavailable';
  readonly title = 'Service unavailable';
}

/** Bad configuration found at start-up; never reaches a client. */
export class ConfigError extends Error {
  readonly code = 'config';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}
