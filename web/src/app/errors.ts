import type { TFunction } from 'i18next';
import { ApiError } from './api';
import i18n from './i18n';

/** A sentence for the user about a failed request, in the interface language. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.generic', { status: '?' });
  switch (error.status) {
    case 0:
      return t('errors.network');
    case 400:
      return t('errors.validation');
    case 403:
      return t('errors.forbidden');
    case 404:
      return t('errors.notFound');
    case 409:
      return t('errors.conflict', { detail: error.detail });
    case 412:
      return t('errors.stale');
    case 429:
      return t('errors.tooMany');
    default:
      return t('errors.generic', { status: error.status });
  }
}

/** A server message about one field, translated when the interface knows it. */
export function fieldMessage(message: string): string {
  // Read raw: the server's messages hold ':' and '.', which i18next would take for separators.
  const known: unknown = i18n.getResource(i18n.language, 'translation', 'serverMessages');
  if (typeof known === 'object' && known !== null && message in known) {
    const text: unknown = (known as Record<string, unknown>)[message];
    if (typeof text === 'string') return text;
  }
  return message;
}

/**
 * The field errors of a 400/409 answer keyed by form field: `body.email` → `email`.
 * Errors on fields the form does not show are left out (the caller shows the summary).
 */
export function fieldErrors(
  error: unknown,
  fields: readonly string[],
  aliases: Record<string, string> = {},
): Record<string, string> {
  const result: Record<string, string> = {};
  if (!(error instanceof ApiError)) return result;
  for (const { path, message } of error.errors) {
    const name = path.replace(/^body\./, '').split('.')[0] ?? '';
    const field = aliases[name] ?? name;
    if (fields.includes(field) && result[field] === undefined) result[field] = fieldMessage(message);
  }
  return result;
}
