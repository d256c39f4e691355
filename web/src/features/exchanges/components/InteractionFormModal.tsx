import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Interaction, InteractionCreate } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { useServerErrors } from '../../../app/forms';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { oneOf } from '../../actors/labels';
import { useChainDirectory } from '../../overview/api';
import { type InteractionUpdate, useInteractionMutations } from '../api';
import { todayIso } from '../dates';
import { INTERACTION_KINDS, type InteractionKindValue } from '../labels';

interface InteractionValues extends Record<string, unknown> {
  date: string;
  kind: InteractionKindValue | null;
  actorIds: string[];
  summary: string;
  followUpDate: string;
}

/** Records an exchange (no `interaction`) or edits one (coordinators). */
export function InteractionFormModal({
  chainId,
  interaction,
  defaultActorIds = [],
  onClose,
}: {
  chainId: string;
  interaction?: Interaction;
  defaultActorIds?: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const directory = useChainDirectory(chainId);
  const { create, update } = useInteractionMutations(chainId);
  const [stale, setStale] = useState(false);
  const form = useForm<InteractionValues>({
    initialValues: {
      date: interaction?.date ?? todayIso(),
      kind: interaction?.kind ?? 'meeting',
      actorIds: interaction?.actorIds ?? defaultActorIds,
      summary: interaction?.summary ?? '',
      followUpDate: interaction?.followUpDate ?? '',
    },
    validate: {
      date: (v) => (v ? null : t('errors.required')),
      kind: (v) => (v ? null : t('errors.required')),
      actorIds: (v) => (v.length > 0 ? null : t('exchanges.form.actorsRequired')),
      summary: (v) => (v.trim() ? null : t('errors.required')),
    },
  });
  const server = useServerErrors(form);
  const submit = form.onSubmit((v) => {
    server.clear();
    setStale(false);
    if (!v.kind) return;
    const onError = (error: unknown) => {
      if (isApiError(error, 412)) setStale(true);
      else server.handle(error);
    };
    const onSuccess = () => {
      notifySuccess(t(interaction ? 'exchanges.form.updated' : 'exchanges.form.created'));
      onClose();
    };
    if (interaction) {
      const body: InteractionUpdate = {
        date: v.date,
        kind: v.kind,
        actorIds: v.actorIds,
        summary: v.summary.trim(),
        followUpDate: v.followUpDate || null,
      };
      update.mutate({ interaction, body }, { onSuccess, onError });
      return;
    }
    const body: InteractionCreate = {
      date: v.date,
      kind: v.kind,
      actorIds: v.actorIds,
      summary: v.summary.trim(),
    };
    if (v.followUpDate) body.followUpDate = v.followUpDate;
    create.mutate(body, { onSuccess, onError });
  });
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={interaction ? t('exchanges.form.editTitle') : t('exchanges.form.createTitle')}
    >
      <form onSubmit={submit} noValidate data-testid="interaction-form">
        <Stack>
          {stale && (
            <Alert color="orange" variant="light" role="alert">
              {t('errors.stale')}
            </Alert>
          )}
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('exchanges.fields.date')}
              required
              {...form.getInputProps('date')}
            />
            <Select
              label={t('exchanges.fields.kind')}
              required
              allowDeselect={false}
              data={INTERACTION_KINDS.map((k) => ({ value: k, label: t(`exchanges.kinds.${k}`) }))}
              {...form.getInputProps('kind')}
              onChange={(value) => form.setFieldValue('kind', oneOf(INTERACTION_KINDS, value))}
            />
          </Group>
          <MultiSelect
            label={t('exchanges.fields.actors')}
            description={t('exchanges.fields.actorsHelp')}
            required
            searchable
            data={(directory.data?.actors ?? []).map((a) => ({ value: a.id, label: a.name }))}
            {...form.getInputProps('actorIds')}
          />
          <Textarea
            label={t('exchanges.fields.summary')}
            required
            autosize
            minRows={3}
            maxRows={10}
            data-autofocus
            {...form.getInputProps('summary')}
          />
          <TextInput
            type="date"
            label={t('exchanges.fields.followUpDate')}
            description={t('exchanges.fields.followUpHelp')}
            w={{ base: '100%', sm: 240 }}
            {...form.getInputProps('followUpDate')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={stale}>
              {interaction ? t('common.save') : t('exchanges.form.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
