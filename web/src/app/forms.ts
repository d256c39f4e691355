import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
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
