import { Alert, Button, Group, Modal, MultiSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Convening, ConveningCreate, ConveningUpdate } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { useServerErrors } from '../../../app/forms';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { todayIso } from '../../exchanges/dates';
import { useChainDirectory } from '../../overview/api';
import { useConveningMutations } from '../api';

interface ConveningValues extends Record<string, unknown> {
  title: string;
  date: string;
  location: string;
  purpose: string;
  commonInterest: string;
  invitedActorIds: string[];
  attendeeActorIds: string[];
  notes: string;
  outcomes: string;
}

function toValues(c: Convening | undefined): ConveningValues {
  return {
    title: c?.title ?? '',
    date: c?.date ?? todayIso(),
    location: c?.location ?? '',
    purpose: c?.purpose ?? '',
    commonInterest: c?.commonInterest ?? '',
    invitedActorIds: c?.invitedActorIds ?? [],
    attendeeActorIds: c?.attendeeActorIds ?? [],
    notes: c?.notes ?? '',
    outcomes: c?.outcomes ?? '',
  };
}

/** Plans a convening (no `convening`) or edits one, e.g. with who came and what came of it (coordinators). */
export function ConveningFormModal({
  chainId,
  convening,
  onClose,
  onSaved,
}: {
  chainId: string;
  convening?: Convening;
  onClose: () => void;
  onSaved?: (c: Convening) => void;
}) {
  const { t } = useTranslation();
  const directory = useChainDirectory(chainId);
  const { create, update } = useConveningMutations(chainId);
  const [stale, setStale] = useState(false);
  const form = useForm<ConveningValues>({
    initialValues: toValues(convening),
    validate: {
      title: (v) => (v.trim() ? null : t('errors.required')),
      date: (v) => (v ? null : t('errors.required')),
    },
  });
  const server = useServerErrors(form);
  const actorData = (directory.data?.actors ?? []).map((a) => ({ value: a.id, label: a.name }));
  const submit = form.onSubmit((v) => {
    server.clear();
    setStale(false);
    const onError = (error: unknown) => {
      if (isApiError(error, 412)) setStale(true);
      else server.handle(error);
    };
    const onSuccess = (saved: Convening) => {
      notifySuccess(
        t(convening ? 'convenings.form.updated' : 'convenings.form.created', { title: saved.title }),
      );
      onSaved?.(saved);
      onClose();
    };
    const text = (s: string) => s.trim() || null;
    if (convening) {
      const body: ConveningUpdate = {
        title: v.title.trim(),
        date: v.date,
        location: text(v.location),
        purpose: text(v.purpose),
        commonInterest: text(v.commonInterest),
        invitedActorIds: v.invitedActorIds,
        attendeeActorIds: v.attendeeActorIds,
        notes: text(v.notes),
        outcomes: text(v.outcomes),
      };
      update.mutate({ convening, body }, { onSuccess, onError });
      return;
    }
    const body: ConveningCreate = {
      title: v.title.trim(),
      date: v.date,
      invitedActorIds: v.invitedActorIds,
      attendeeActorIds: v.attendeeActorIds,
    };
    for (const key of ['location', 'purpose', 'commonInterest', 'notes', 'outcomes'] as const) {
      const value = v[key].trim();
      if (value) body[key] = value;
    }
    create.mutate(body, { onSuccess, onError });
  });
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={
        convening
          ? t('convenings.form.editTitle', { title: convening.title })
          : t('convenings.form.createTitle')
      }
    >
      <form onSubmit={submit} noValidate data-testid="convening-form">
        <Stack>
          {stale && (
            <Alert color="orange" variant="light" role="alert">
              {t('errors.stale')}
            </Alert>
          )}
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <TextInput
            label={t('convenings.fields.title')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('convenings.fields.date')}
              required
              {...form.getInputProps('date')}
            />
            <TextInput
              label={t('convenings.fields.location')}
              maxLength={300}
              {...form.getInputProps('location')}
            />
          </Group>
          <Textarea
            label={t('convenings.fields.purpose')}
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps('purpose')}
          />
          <Textarea
            label={t('convenings.fields.commonInterest')}
            description={t('convenings.fields.commonInterestHelp')}
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps('commonInterest')}
          />
          <MultiSelect
            label={t('convenings.fields.invited')}
            searchable
            clearable
            data={actorData}
            {...form.getInputProps('invitedActorIds')}
          />
          <MultiSelect
            label={t('convenings.fields.attendees')}
            description={t('convenings.fields.attendeesHelp')}
            searchable
            clearable
            data={actorData}
            {...form.getInputProps('attendeeActorIds')}
          />
          <Textarea
            label={t('convenings.fields.notes')}
            autosize
            minRows={2}
            maxRows={8}
            {...form.getInputProps('notes')}
          />
          <Textarea
            label={t('convenings.fields.outcomes')}
            autosize
            minRows={2}
            maxRows={8}
            {...form.getInputProps('outcomes')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={stale}>
              {convening ? t('common.save') : t('convenings.form.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
