import { Button, Group, Modal, MultiSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Conflict } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { useServerErrors } from '../../../app/forms';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { useChainDirectory } from '../../overview/api';
import { useCreateSession } from '../api';

interface SessionValues extends Record<string, unknown> {
  date: string;
  notes: string;
  attendeeActorIds: string[];
}

const today = () => new Date().toISOString().slice(0, 10);

/** Records a mediation session of a conflict (coordinators): when, who attended, what was said. */
export function SessionFormModal({
  chainId,
  conflict,
  onClose,
}: {
  chainId: string;
  conflict: Conflict;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const directory = useChainDirectory(chainId);
  const create = useCreateSession(chainId, conflict.id);
  const form = useForm<SessionValues>({
    initialValues: { date: today(), notes: '', attendeeActorIds: conflict.partyActorIds },
    validate: {
      date: (v) => (v ? null : t('errors.required')),
      notes: (v) => (v.trim() ? null : t('errors.required')),
    },
  });
  const server = useServerErrors(form);
  const submit = form.onSubmit((v) => {
    server.clear();
    create.mutate(
      { date: v.date, notes: v.notes.trim(), attendeeActorIds: v.attendeeActorIds },
      {
        onSuccess: () => {
          notifySuccess(t('conflicts.sessions.created'));
          onClose();
        },
        onError: server.handle,
      },
    );
  });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      size="lg"
      title={t('conflicts.sessions.addTitle')}
    >
      <form onSubmit={submit} noValidate data-testid="session-form">
        <Stack>
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <TextInput
            type="date"
            label={t('conflicts.sessions.date')}
            required
            {...form.getInputProps('date')}
          />
          <MultiSelect
            label={t('conflicts.sessions.attendees')}
            searchable
            data={(directory.data?.actors ?? []).map((a) => ({ value: a.id, label: a.name }))}
            {...form.getInputProps('attendeeActorIds')}
          />
          <Textarea
            label={t('conflicts.sessions.notes')}
            required
            autosize
            minRows={4}
            maxRows={12}
            data-autofocus
            {...form.getInputProps('notes')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('conflicts.sessions.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
