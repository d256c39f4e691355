import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Locale, Report } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { useServerErrors } from '../../../app/forms';
import { currentLanguage, LANGUAGES } from '../../../app/i18n';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { oneOf } from '../../actors/labels';
import { useCreateReport } from '../api';
import { publicPath, SLUG_PATTERN, slugify } from '../labels';

interface NewReportValues extends Record<string, unknown> {
  title: string;
  slug: string;
  locale: Locale;
}

/** The slug's own checks, shared with the builder: 3 to 80 characters, the server's pattern. */
export function useSlugValidator() {
  const { t } = useTranslation();
  return (value: string) => {
    if (!value) return t('errors.required');
    if (value.length < 3 || value.length > 80) return t('reports.form.slugLength');
    return SLUG_PATTERN.test(value) ? null : t('reports.form.slugPattern');
  };
}

/** True when a failed save says the slug is taken in the instance (409 naming `body.slug`). */
export function isSlugTaken(error: unknown): boolean {
  return isApiError(error, 409) && error.errors.some((e) => e.path === 'body.slug');
}

/**
 * "New report": a title, its public address (derived from the title until the user edits it) and
 * the report's language; created as an empty draft, then built on its own page.
 */
export function NewReportModal({
  chainId,
  onClose,
  onCreated,
}: {
  chainId: string;
  onClose: () => void;
  onCreated: (report: Report) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateReport(chainId);
  const validateSlug = useSlugValidator();
  const form = useForm<NewReportValues>({
    initialValues: { title: '', slug: '', locale: currentLanguage() },
    validate: {
      title: (value) => (value.trim() ? null : t('errors.required')),
      slug: validateSlug,
    },
  });
  const server = useServerErrors(form);
  const values = form.getValues();

  const submit = form.onSubmit((v) => {
    server.clear();
    create.mutate(
      { title: v.title.trim(), slug: v.slug, locale: v.locale },
      {
        onSuccess: (report) => {
          notifySuccess(t('reports.created', { title: report.title }));
          onCreated(report);
        },
        onError: (error) => {
          if (isSlugTaken(error)) form.setFieldError('slug', t('reports.form.slugTaken'));
          else server.handle(error);
        },
      },
    );
  });

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      title={t('reports.form.createTitle')}
    >
      <form onSubmit={submit} noValidate data-testid="report-create-form">
        <Stack>
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <TextInput
            label={t('reports.fields.title')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('title')}
            onChange={(event) => {
              const title = event.currentTarget.value;
              // The address follows the title until the user writes one of their own.
              if (values.slug === '' || values.slug === slugify(values.title)) {
                form.setFieldValue('slug', slugify(title));
              }
              form.setFieldValue('title', title);
            }}
          />
          <TextInput
            label={t('reports.fields.slug')}
            description={t('reports.fields.slugHelp', { path: publicPath(values.slug || '…') })}
            required
            maxLength={80}
            spellCheck={false}
            autoCapitalize="none"
            {...form.getInputProps('slug')}
          />
          <Select
            label={t('reports.fields.locale')}
            description={t('reports.fields.localeHelp')}
            data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            value={values.locale}
            allowDeselect={false}
            onChange={(value) => {
              const chosen = oneOf(LANGUAGES, value);
              if (chosen) form.setFieldValue('locale', chosen);
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('reports.form.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
