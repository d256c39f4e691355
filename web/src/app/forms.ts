import type { UseFormReturnType } from '@mantine/form';
import { useEffect, useState } from 'react';
import { isApiError } from './api';
import { fieldErrors } from './errors';

/**
 * Shows a failed request on a form: each server field error (`body.email`) next to its field,
 * and whatever no field explains as the form's own error (rendered with `<ErrorAlert>`).
 * `aliases` names the field that shows a server path the form has no field for.
 */
export function useServerErrors<Values extends Record<string, unknown>>(
  form: UseFormReturnType<Values>,
  aliases: Record<string, string> = {},
) {
  const [formError, setFormError] = useState<unknown>(null);
  return {
    formError,
    handle(error: unknown) {
      const errors = fieldErrors(error, Object.keys(form.getValues()), aliases);
      form.setErrors(errors);
      setFormError(Object.keys(errors).length > 0 ? null : error);
    },
    clear() {
      setFormError(null);
    },
  };
}

/**
 * An edit refused because someone saved first (412): remembers the version it was refused at,
 * loads the newer version into the form once it arrives (the user redoes the change), and holds
 * saving until then.
 */
export function useStaleEdit<Entity extends { version: number }, Values extends Record<string, unknown>>(
  entity: Entity | undefined,
  form: UseFormReturnType<Values>,
  toValues: (entity: Entity) => Values,
) {
  const [staleAt, setStaleAt] = useState<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload only when the version changes
  useEffect(() => {
    if (entity && staleAt !== null && entity.version !== staleAt) form.setValues(toValues(entity));
  }, [entity?.version]);
  return {
    /** A save was refused as stale: show why. */
    stale: staleAt !== null,
    /** The newer version has not arrived yet: saving would be refused again. */
    waiting: staleAt !== null && entity?.version === staleAt,
    reset: () => setStaleAt(null),
    /** A save's error handler: a 412 marks the edit stale, anything else goes to `otherwise`. */
    onError: (otherwise: (error: unknown) => void) => (error: unknown) => {
      if (isApiError(error, 412)) setStaleAt(entity?.version ?? null);
      else otherwise(error);
    },
  };
}
