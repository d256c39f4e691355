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
  414: 'URI Too Long',
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
    if (pgCode === '40001' || pgCode === '40P01')
      return sendProblem(reply, 409, 'A concurrent change got in the way; send the request again.');
    const invalid = pgCode ? invalidInput(pgCode, request) : undefined;
    if (invalid) return sendProblem(reply, 400, invalid.detail, invalid.errors);
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
    if (status === 400)
      return sendProblem(reply, 400, error.message, [{ path: 'body', message: error.message }]);
    return sendProblem(reply, status, error.message);
  });
}

/**
 * Errors Fastify raises before a route is found (the `frameworkErrors` option of the app): a
 * malformed percent-encoding or a path parameter longer than any id.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return sendProblem(reply, 414, 'A path parameter is too long.');
  return sendProblem(reply, 400, 'The URL is malformed.', [{ path: 'params', message: error.message }]);
}

/** Bodies are never decompressed: a compressed one (or a decompression bomb) is refused unread. */
export async function refuseEncodedBodies(request: FastifyRequest) {
  const encoding = request.headers['content-encoding'];
  const hasBody =
    request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  if (hasBody && encoding !== undefined && encoding.trim().toLowerCase() !== 'identity')
    throw new HttpError(
      415,
      'Compressed request bodies are not accepted; send the body without Content-Encoding.',
    );
}

/**
 * A database refusal of a value the contracts let through (a NUL character, a number beyond a
 * column's range, nesting too deep to store): a 400 naming the fields that hold such values.
 */
function invalidInput(
  pgCode: string,
  request: FastifyRequest,
): { detail: string; errors: FieldError[] } | undefined {
  const sources = { body: request.body, querystring: request.query, params: request.params };
  if (pgCode === '22021' || pgCode === '22P05') {
    const paths = findValues(sources, (v) => typeof v === 'string' && v.includes('\u0000'));
    return {
      detail: 'Text may not contain the NUL character (\\u0000).',
      errors: (paths.length ? paths : ['body']).map((path) => ({
        path,
        message: 'contains a NUL character',
      })),
    };
  }
  if (pgCode === '22003') {
    const paths = findValues(sources, (v) => typeof v === 'number' && Math.abs(v) > 2 ** 31 - 1);
    return {
      detail: 'A number is out of range.',
      errors: (paths.length ? paths : ['body']).map((path) => ({ path, message: 'out of range' })),
    };
  }
  if (pgCode === '54001')
    return {
      detail: 'The body is nested too deeply.',
      errors: [{ path: 'body', message: 'nested too deeply' }],
    };
  if (pgCode.startsWith('22'))
    return { detail: 'A value is not valid.', errors: [{ path: 'body', message: 'invalid value' }] };
  return undefined;
}

/** Paths (`body.items.0.name`) of the values that match, keys included. */
function findValues(sources: Record<string, unknown>, match: (value: unknown) => boolean): string[] {
  const found: string[] = [];
  const visit = (value: unknown, path: string, depth: number) => {
    if (found.length >= 20 || depth > 64) return;
    if (match(value)) found.push(path);
    if (value && typeof value === 'object')
      for (const [key, child] of Object.entries(value)) {
        if (match(key)) found.push(`${path}.${key}`);
        visit(child, `${path}.${key}`, depth + 1);
      }
  };
  for (const [location, value] of Object.entries(sources)) visit(value, location, 0);
  return found;
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
