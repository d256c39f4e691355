import type { Problem } from '@tisserand/core';
import i18n from './i18n';

/** Base path of every API call (API.md "Conventions"). */
export const API_BASE = '/api/v1';

export type FieldError = NonNullable<Problem['errors']>[number];

/** A problem+json answer (or a network failure, with status 0) turned into an exception. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];

  constructor(status: number, title: string, detail: string, errors: FieldError[] = []) {
    super(detail || title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }
}

/** True when the error is an `ApiError` with one of the given statuses. */
export function isApiError(error: unknown, ...statuses: number[]): error is ApiError {
  return error instanceof ApiError && (statuses.length === 0 || statuses.includes(error.status));
}

let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();

/** Remembers the CSRF token of the session; cookie-authenticated writes must carry it. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Called when a request answers 401: the session is gone (signed out elsewhere, expired, removed). */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  /** The entity version read earlier: sent as `If-Match: "<version>"`. */
  version?: number;
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal;
  /** Do not tell the session about a 401 (sign-in and session probes answer 401 by design). */
  quietUnauthorized?: boolean;
  /** A raw body (a file) sent as is with its content type, instead of a JSON `body`. */
  raw?: { body: Blob; contentType: string };
}

function urlOf(path: string, query: RequestOptions['query']): string {
  const url = `${API_BASE}${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${url}?${search}` : url;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

async function errorOf(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): fall back to the status line.
  }
  if (isProblem(body)) {
    return new ApiError(body.status, body.title, body.detail ?? '', body.errors ?? []);
  }
  return new ApiError(response.status, response.statusText, response.statusText);
}

/** Calls the API: JSON in and out, the UI language, CSRF on writes, If-Match when a version is given. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language || 'fr',
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.raw) headers['Content-Type'] = options.raw.contentType;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.version !== undefined) headers['If-Match'] = `"${options.version}"`;

  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.raw
        ? options.raw.body
        : options.body === undefined
          ? undefined
          : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'Network error', error instanceof Error ? error.message : String(error));
  }

  if (!response.ok) {
    const error = await errorOf(response);
    if (error.status === 401 && !options.quietUnauthorized) {
      for (const listener of unauthorizedListeners) listener();
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Shorthands over `apiRequest`. */
export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) => apiRequest<T>(path, options),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body: unknown, version?: number) =>
    apiRequest<T>(path, { method: 'PATCH', body, version }),
  delete: (path: string, version?: number) => apiRequest<void>(path, { method: 'DELETE', version }),
  /** POSTs a file as the raw body (imports), with its content type. */
  upload: <T>(
    path: string,
    file: Blob,
    contentType: string,
    options?: Omit<RequestOptions, 'method' | 'body' | 'raw'>,
  ) => apiRequest<T>(path, { ...options, method: 'POST', raw: { body: file, contentType } }),
};
