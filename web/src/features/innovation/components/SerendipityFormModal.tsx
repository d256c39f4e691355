import { Alert, Button, Group, Modal, MultiSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Serendipity } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { useServerErrors } from '../../../app/forms';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { useChainDirectory } from '../../overview/api';
import { type SerendipityCreate, useSerendipityMutations } from '../api';

interface EntryValues extends Record<string, unknown> {
  date: string;
  description: string;
  actorIds: string[];
  followUp: string;
}

/** Writes an unexpected encounter or opportunity in the journal (no `entry`), or edits one. */
export function SerendipityFormModal({
  chainId,
  entry,
  onClose,
}: {
  chainId: string;
  entry?: Serendipity;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const directory = useChainDirectory(chainId);
  const { create, update } = useSerendipityMutations(chainId);
  const [stale, setStale] = useState(false);
  const form = useForm<EntryValues>({
    initialValues: {
      date: entry?.date ?? new Date().toISOString().slice(0, 10),
      description: entry?.description ?? '',
      actorIds: entry?.actorIds ?? [],
      followUp: entry?.followUp ?? '',
    },
    validate: {
      date: (v) => (v ? null : t('errors.required')),
      description: (v) => (v.trim() ? null : t('errors.required')),
    },
  });
  const server = useServerErrors(form);
  const submit = form.onSubmit((v) => {
    server.clear();
    setStale(false);
    const onError = (error: unknown) => {
      if (isApiError(error, 412)) setStale(true);
      else server.handle(error);
    };
    const onSuccess = () => {
      notifySuccess(t(entry ? 'innovation.journal.form.saved' : 'innovation.journal.form.created'));
      onClose();
    };
    if (entry) {
      update.mutate(
        {
          entry,
          body: {
            date: v.date,
            description: v.description.trim(),
            actorIds: v.actorIds,
            followUp: v.followUp.trim() || null,
          },
        },
        { onSuccess, onError },
      );
      return;
    }
    const body: SerendipityCreate = { date: v.date, description: v.description.trim(), actorIds: v.actorIds };
    if (v.followUp.trim()) body.followUp = v.followUp.trim();
    create.mutate(body, { onSuccess, onError });
  });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      size="lg"
      title={entry ? t('innovation.journal.form.editTitle') : t('innovation.journal.form.createTitle')}
    >
      <form onSubmit={submit} noValidate data-testid="serendipity-form">
        <Stack>
          {stale && (
            <Alert color="orange" variant="light" role="alert">
              {t('errors.stale')}
            </Alert>
          )}
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <TextInput
            type="date"
            label={t('innovation.journal.fields.date')}
            required
            {...form.getInputProps('date')}
          />
          <Textarea
            label={t('innovation.journal.fields.description')}
            description={t('innovation.journal.fields.descriptionHelp')}
            required
            autosize
            minRows={3}
            maxRows={10}
            data-autofocus
            {...form.getInputProps('description')}
          />
          <MultiSelect
            label={t('innovation.journal.fields.actors')}
            data={(directory.data?.actors ?? []).map((a) => ({ value: a.id, label: a.name }))}
            searchable
            clearable
            {...form.getInputProps('actorIds')}
          />
          <Textarea
            label={t('innovation.journal.fields.followUp')}
            description={t('innovation.journal.fields.followUpHelp')}
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps('followUp')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={stale}>
              {entry ? t('common.save') : t('innovation.journal.form.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
