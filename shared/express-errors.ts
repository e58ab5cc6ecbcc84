/**
 * Express answers errors it meets before a function's handler runs (a path whose percent-encoding
 * does not decode, a body its parsers refuse) with finalhandler's HTML page. The
 * functions-framework offers no place for an error middleware, so the preload gives
 * `app.handle` a final callback that answers those with problem+json instead.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BadRequestError, NotFoundError, PayloadTooLargeError, TaglineError } from './errors';
import { writeProblem } from './problem';

type Handle = (this: unknown, req: IncomingMessage, res: ServerResponse, callback?: (err?: unknown) => void) => unknown;

/** The problem for an error Express passed to its final handler (or for no route at all). */
export function expressProblem(err: unknown): TaglineError {
  if (err === undefined || err === null) return new NotFoundError('No route for this request');
  if (err instanceof URIError) return new BadRequestError('The request path is not valid percent-encoding');
  const status = typeof err === 'object' ? Number((err as { status?: unknown; statusCode?: unknown }).status ?? (err as { statusCode?: unknown }).statusCode) : NaN;
  if (status === 413) return new PayloadTooLargeError('The request body is too large');
  if (status >= 400 && status < 500) return new BadRequestError('The request could not be read');
  return new ExpressInternalError('An internal error occurred');
}

class ExpressInternalError extends TaglineError {
  readonly status = 500;
  readonly code = 'internal';
  readonly title = 'Internal error';
}

/** Make every Express app answer its unhandled errors with problem+json (idempotent). */
export function answerExpressErrorsWithProblems(express: { application: { handle: Handle } }): void {
  const original = express.application.handle;
  if ((original as { problems?: boolean }).problems === true) return;
  const handle: Handle = function (this: unknown, req, res, callback) {
    return original.call(this, req, res, callback ?? ((err?: unknown) => writeProblem(res, expressProblem(err))));
  };
  (handle as { problems?: boolean }).problems = true;
  express.application.handle = handle;
}
