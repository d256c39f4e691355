import { Button, Group, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Proposal } from '@tisserand/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../app/errors';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { oneOf } from '../../actors/labels';
import { type PositionEntry, type PositionValue, useTakePosition } from '../api';
import { needsReason, POSITIONS } from '../labels';

interface PositionValues extends Record<string, unknown> {
  actorId: string | null;
  position: PositionValue;
  reason: string;
}

/**
 * Takes a position on an open proposal. With `actorId` the form speaks for that actor (a
 * partner's own); without it a coordinator picks the participant, and the position is recorded
 * on their behalf. The reason is required to disagree or block: the server's 400 on `body.reason`
 * shows next to the field, so the rule lives in one place (the core contract).
 */
export function PositionForm({
  chainId,
  proposal,
  actorId,
  current,
  actorName,
}: {
  chainId: string;
  proposal: Proposal;
  actorId?: string;
  current: PositionEntry[];
  actorName: (id: string) => string;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  const take = useTakePosition(chainId, proposal.id);
  const standing = (id: string | null) => current.find((c) => c.actorId === id);
  const initial = standing(actorId ?? null);
  const form = useForm<PositionValues>({
    initialValues: {
      actorId: actorId ?? null,
      position: initial?.position ?? 'agree',
      reason: initial?.reason ?? '',
    },
    validate: {
      actorId: (v) => (v ? null : t('errors.required')),
    },
  });
  const values = form.getValues();
  const required = needsReason(values.position);
  const mine = standing(values.actorId);

  const submit = form.onSubmit((v) => {
    if (!v.actorId) return;
    take.reset();
    const reason = v.reason.trim();
    take.mutate(
      { actorId: v.actorId, body: { position: v.position, ...(reason ? { reason } : {}) } },
      {
        onSuccess: () => {
          notifySuccess(
            actorId
              ? t('proposals.form.saved')
              : t('proposals.form.recorded', { actor: actorName(v.actorId ?? '') }),
          );
        },
        onError: (error) => {
          // The server's own check of the reason shows next to the field, in the interface language.
          const errors = fieldErrors(error, ['reason']);
          if (errors.reason) form.setFieldError('reason', t('proposals.form.reasonRequired'));
        },
      },
    );
  });

  const serverError = take.error && !fieldErrors(take.error, ['reason']).reason ? take.error : null;

  return (
    <form onSubmit={submit} noValidate data-testid={actorId ? 'my-position-form' : 'record-position-form'}>
      <Stack gap="sm">
        {!actorId && (
          <Select
            label={t('proposals.form.participant')}
            required
            searchable
            data={proposal.participantActorIds.map((id) => ({ value: id, label: actorName(id) }))}
            {...form.getInputProps('actorId')}
            onChange={(value) => {
              form.setFieldValue('actorId', value);
              const found = standing(value);
              form.setFieldValue('position', found?.position ?? 'agree');
              form.setFieldValue('reason', found?.reason ?? '');
            }}
          />
        )}
        {mine && (
          <Text size="sm" c="dimmed">
            {t('proposals.form.currentlyTaken', { position: t(`proposals.positions.${mine.position}`) })}
          </Text>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id={labelId}>
            {t('proposals.form.position')}
          </Text>
          <SegmentedControl
            aria-labelledby={labelId}
            fullWidth
            data={POSITIONS.map((p) => ({ value: p, label: t(`proposals.choices.${p}`) }))}
            value={values.position}
            onChange={(value) => {
              const chosen = oneOf(POSITIONS, value);
              if (chosen) form.setFieldValue('position', chosen);
              form.clearFieldError('reason');
            }}
          />
        </Stack>
        <Textarea
          label={t('proposals.form.reason')}
          description={required ? t('proposals.form.reasonHelpRequired') : t('proposals.form.reasonHelp')}
          required={required}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={5000}
          {...form.getInputProps('reason')}
        />
        {!actorId && (
          <Text size="xs" c="dimmed">
            {t('proposals.form.recordedNote')}
          </Text>
        )}
        {serverError !== null && <ErrorAlert error={serverError} />}
        <Group justify="flex-end">
          <Button type="submit" loading={take.isPending}>
            {actorId ? t('proposals.form.submitMine') : t('proposals.form.submitRecord')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
