import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

export interface FieldError {
  path: string;
  message: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** An error that becomes a problem+json answer (API.md "Conventions"). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new HttpError(400, detail, errors);
export const unauthorized = (detail = 'Sign in first.') => new HttpError(401, detail);
export const forbidden = (detail = 'You are not allowed to do this.') => new HttpError(403, detail);
export const notFound = (detail = 'Not found.') => new HttpError(404, detail);
export const conflict = (detail: string, errors?: FieldError[]) => new HttpError(409, detail, errors);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new HttpError(429, 'Too many attempts; try again later.', undefined, {
    'retry-after': String(retryAfterSeconds),
  });

/** Sends a problem+json answer. */
export function sendProblem(reply: FastifyReply, status: number, detail: string, errors?: FieldError[]) {
  const body: Record<string, unknown> = {
    type: status === 400 && errors ? 'https://tisserand.dev/problems/validation' : 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail,
  };
  if (errors) body.errors = errors;
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(body);
}

function pathOf(parts: ReadonlyArray<string>, location: string): string {
  return [location, ...parts].join('.');
}

/** Turns every error into problem+json; an unexpected one is logged and answered 500. */
export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof HttpError) {
      if (error.headers) reply.headers(error.headers);
      return sendProblem(reply, error.status, error.message, error.errors);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const location = error.validationContext ?? 'body';
      const errors: FieldError[] = [];
      for (const v of error.validation) {
        const base = v.instancePath.split('/').filter((p) => p !== '');
        const keys = (v.params as { keys?: unknown }).keys;
        if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
          for (const key of keys)
            errors.push({ path: pathOf([...base, String(key)], location), message: 'unknown field' });
        } else {
          errors.push({ path: pathOf(base, location), message: v.message ?? 'invalid value' });
        }
      }
      return sendProblem(reply, 400, `Invalid ${location}.`, errors);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return sendProblem(reply, 500, 'The server produced an invalid answer.');
    }
    const pgCode = databaseErrorCode(error);
    if (pgCode === '23503') {
      return sendProblem(
        reply,
        409,
        'Other records still refer to this one (or it refers to one that is gone).',
      );
    }
    if (pgCode === '23505') return sendProblem(reply, 409, 'This already exists.');
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'unexpected error');
      return sendProblem(reply, 500, 'Unexpected error; it has been logged.');
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendProblem(reply, 413, 'The request body is too large.');
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return sendProblem(reply, 415, 'Unsupported content type; send application/json.');
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY')
      return sendProblem(reply, 400, 'The body is not valid JSON.', [
        { path: 'body', message: error.message },
      ]);
    if (status === 400 && error.validation) {
      return sendProblem(
        reply,
        400,
        error.message,
        error.validation.map((v) => ({
          path: `${error.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
          message: v.message ?? 'invalid',
        })),
      );
    }
    return sendProblem(reply, status, error.message);
  });
}

/** The PostgreSQL error code behind a (possibly wrapped) database error. */
function databaseErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
