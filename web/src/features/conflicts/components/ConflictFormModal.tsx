import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Conflict } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { useServerErrors } from '../../../app/forms';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { oneOf } from '../../actors/labels';
import { useAgreements } from '../../agreements/api';
import { useChainDirectory } from '../../overview/api';
import { type ConflictCreate, type ConflictUpdate, useCreateConflict, useUpdateConflict } from '../api';
import { CONFLICT_STATUSES, SEVERITIES } from '../labels';

interface ConflictValues extends Record<string, unknown> {
  title: string;
  partyActorIds: string[];
  description: string;
  severity: Conflict['severity'];
  status: Conflict['status'];
  resolution: string;
  agreementId: string | null;
}

/**
 * Reports a conflict (no `conflict`) or edits one. A partner reports a conflict its own actor
 * (`ownActorId`) is a party to: that party is preselected and stays. Coordinators also set the
 * status, the resolution and the agreement that settled it.
 */
export function ConflictFormModal({
  chainId,
  conflict,
  ownActorId,
  mediator,
  onClose,
  onSaved,
}: {
  chainId: string;
  conflict?: Conflict;
  ownActorId?: string;
  mediator: boolean;
  onClose: () => void;
  onSaved?: (conflict: Conflict) => void;
}) {
  const { t } = useTranslation();
  const directory = useChainDirectory(chainId);
  const agreements = useAgreements(chainId);
  const create = useCreateConflict(chainId);
  const update = useUpdateConflict(chainId);
  const [stale, setStale] = useState(false);
  const form = useForm<ConflictValues>({
    initialValues: {
      title: conflict?.title ?? '',
      partyActorIds: conflict?.partyActorIds ?? (ownActorId ? [ownActorId] : []),
      description: conflict?.description ?? '',
      severity: conflict?.severity ?? 'medium',
      status: conflict?.status ?? 'reported',
      resolution: conflict?.resolution ?? '',
      agreementId: conflict?.agreementId ?? null,
    },
    validate: {
      title: (v) => (v.trim() ? null : t('errors.required')),
      partyActorIds: (v) => {
        if (v.length === 0) return t('conflicts.form.partiesRequired');
        if (ownActorId && !v.includes(ownActorId)) return t('conflicts.form.ownPartyRequired');
        return null;
      },
    },
  });
  const server = useServerErrors(form);
  const values = form.getValues();

  const submit = form.onSubmit((v) => {
    server.clear();
    setStale(false);
    const onError = (error: unknown) => {
      if (isApiError(error, 412)) setStale(true);
      else server.handle(error);
    };
    const onSuccess = (saved: Conflict) => {
      notifySuccess(t(conflict ? 'conflicts.form.saved' : 'conflicts.form.created', { title: saved.title }));
      onSaved?.(saved);
      onClose();
    };
    if (conflict) {
      const body: ConflictUpdate = {
        title: v.title.trim(),
        partyActorIds: v.partyActorIds,
        description: v.description.trim() || null,
        severity: v.severity,
        status: v.status,
        resolution: v.resolution.trim() || null,
        agreementId: v.agreementId,
      };
      update.mutate({ conflict, body }, { onSuccess, onError });
      return;
    }
    const body: ConflictCreate = {
      title: v.title.trim(),
      partyActorIds: v.partyActorIds,
      severity: v.severity,
    };
    if (v.description.trim()) body.description = v.description.trim();
    if (mediator) {
      body.status = v.status;
      if (v.resolution.trim()) body.resolution = v.resolution.trim();
      if (v.agreementId) body.agreementId = v.agreementId;
    }
    create.mutate(body, { onSuccess, onError });
  });

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      size="lg"
      title={
        conflict ? t('conflicts.form.editTitle', { title: conflict.title }) : t('conflicts.form.createTitle')
      }
    >
      <form onSubmit={submit} noValidate data-testid="conflict-form">
        <Stack>
          <Alert color="grape" variant="light" p="xs">
            {t('conflicts.confidential')}
          </Alert>
          {stale && (
            <Alert color="orange" variant="light" role="alert">
              {t('errors.stale')}
            </Alert>
          )}
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <TextInput
            label={t('conflicts.fields.title')}
            description={t('conflicts.fields.titleHelp')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <MultiSelect
            label={t('conflicts.fields.parties')}
            description={
              ownActorId ? t('conflicts.fields.partiesHelpPartner') : t('conflicts.fields.partiesHelp')
            }
            required
            searchable
            data={(directory.data?.actors ?? []).map((a) => ({ value: a.id, label: a.name }))}
            {...form.getInputProps('partyActorIds')}
          />
          <Textarea
            label={t('conflicts.fields.description')}
            autosize
            minRows={3}
            maxRows={10}
            {...form.getInputProps('description')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('conflicts.fields.severity')}
              data={SEVERITIES.map((s) => ({ value: s, label: t(`conflicts.severities.${s}`) }))}
              value={values.severity}
              allowDeselect={false}
              onChange={(value) => {
                const chosen = oneOf(SEVERITIES, value);
                if (chosen) form.setFieldValue('severity', chosen);
              }}
            />
            {mediator && (
              <Select
                label={t('conflicts.fields.status')}
                data={CONFLICT_STATUSES.map((s) => ({ value: s, label: t(`conflicts.statuses.${s}`) }))}
                value={values.status}
                allowDeselect={false}
                onChange={(value) => {
                  const chosen = oneOf(CONFLICT_STATUSES, value);
                  if (chosen) form.setFieldValue('status', chosen);
                }}
              />
            )}
          </SimpleGrid>
          {mediator && (
            <>
              <Textarea
                label={t('conflicts.fields.resolution')}
                autosize
                minRows={2}
                maxRows={8}
                {...form.getInputProps('resolution')}
              />
              <Select
                label={t('conflicts.fields.agreement')}
                description={t('conflicts.fields.agreementHelp')}
                data={(agreements.data ?? []).map((a) => ({ value: a.id, label: a.title }))}
                searchable
                clearable
                {...form.getInputProps('agreementId')}
              />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={stale}>
              {conflict ? t('common.save') : t('conflicts.form.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
