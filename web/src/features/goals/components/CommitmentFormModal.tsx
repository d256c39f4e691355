import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { COMMITMENT_STATUSES, type Commitment } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { useServerErrors } from '../../../app/forms';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { oneOf } from '../../actors/labels';
import { useChainDirectory } from '../../overview/api';
import { useCommitmentMutations, useGoals } from '../api';

type Status = (typeof COMMITMENT_STATUSES)[number];

interface CommitmentValues extends Record<string, unknown> {
  goalId: string | null;
  actorId: string | null;
  description: string;
  dueDate: string;
  status: Status;
}

/**
 * Adds a commitment (an actor acts toward a goal) or edits one. A fixed `goalId` or `actorId` is
 * not asked for; a partner always commits for its own actor (`actorId`).
 */
export function CommitmentFormModal({
  chainId,
  commitment,
  goalId,
  actorId,
  onClose,
}: {
  chainId: string;
  commitment?: Commitment;
  goalId?: string;
  actorId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const directory = useChainDirectory(chainId);
  const goals = useGoals(chainId);
  const { create, update } = useCommitmentMutations(chainId);
  const [stale, setStale] = useState(false);
  const form = useForm<CommitmentValues>({
    initialValues: {
      goalId: commitment?.goalId ?? goalId ?? null,
      actorId: commitment?.actorId ?? actorId ?? null,
      description: commitment?.description ?? '',
      dueDate: commitment?.dueDate ?? '',
      status: commitment?.status ?? 'pledged',
    },
    validate: {
      goalId: (v) => (v ? null : t('errors.required')),
      actorId: (v) => (v ? null : t('errors.required')),
      description: (v) => (v.trim() ? null : t('errors.required')),
    },
  });
  const server = useServerErrors(form);
  const values = form.getValues();
  const fixedActor = actorId ? directory.data?.actorById.get(actorId) : undefined;
  const fixedGoal = goalId ? goals.data?.find((g) => g.id === goalId) : undefined;

  const submit = form.onSubmit((v) => {
    server.clear();
    const onError = (error: unknown) => {
      if (isApiError(error, 412)) setStale(true);
      else server.handle(error);
    };
    const onSuccess = () => {
      notifySuccess(t(commitment ? 'goals.commitments.saved' : 'goals.commitments.created'));
      onClose();
    };
    if (!v.goalId || !v.actorId) return;
    if (commitment) {
      update.mutate(
        {
          commitment,
          body: {
            goalId: v.goalId,
            actorId: v.actorId,
            description: v.description.trim(),
            dueDate: v.dueDate || null,
            status: v.status,
          },
        },
        { onSuccess, onError },
      );
    } else {
      create.mutate(
        {
          goalId: v.goalId,
          actorId: v.actorId,
          description: v.description.trim(),
          status: v.status,
          ...(v.dueDate ? { dueDate: v.dueDate } : {}),
        },
        { onSuccess, onError },
      );
    }
  });

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      size="lg"
      title={commitment ? t('goals.commitments.editTitle') : t('goals.commitments.addTitle')}
    >
      <form onSubmit={submit} noValidate data-testid="commitment-form">
        <Stack>
          {stale && (
            <Alert color="orange" variant="light" role="alert">
              {t('errors.stale')}
            </Alert>
          )}
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          {goalId ? (
            <Text size="sm">
              <Text span fw={600}>
                {t('goals.commitments.goal')}
              </Text>{' '}
              {fixedGoal?.title ?? '…'}
            </Text>
          ) : (
            <Select
              label={t('goals.commitments.goal')}
              required
              searchable
              data={(goals.data ?? [])
                .filter((g) => g.status !== 'abandoned' || g.id === values.goalId)
                .map((g) => ({ value: g.id, label: g.title }))}
              {...form.getInputProps('goalId')}
            />
          )}
          {actorId ? (
            <Text size="sm">
              <Text span fw={600}>
                {t('goals.commitments.actor')}
              </Text>{' '}
              {fixedActor?.name ?? '…'}
            </Text>
          ) : (
            <Select
              label={t('goals.commitments.actor')}
              required
              searchable
              data={(directory.data?.actors ?? []).map((a) => ({ value: a.id, label: a.name }))}
              {...form.getInputProps('actorId')}
            />
          )}
          <Textarea
            label={t('goals.commitments.description')}
            description={t('goals.commitments.descriptionHelp')}
            required
            autosize
            minRows={2}
            maxRows={6}
            maxLength={5000}
            data-autofocus
            {...form.getInputProps('description')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t('goals.commitments.dueDate')}
              {...form.getInputProps('dueDate')}
            />
            <Select
              label={t('goals.commitments.status')}
              data={COMMITMENT_STATUSES.map((s) => ({ value: s, label: t(`goals.commitmentStatuses.${s}`) }))}
              value={values.status}
              allowDeselect={false}
              onChange={(value) => {
                const chosen = oneOf(COMMITMENT_STATUSES, value);
                if (chosen) form.setFieldValue('status', chosen);
              }}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={stale}>
              {commitment ? t('common.save') : t('goals.commitments.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
