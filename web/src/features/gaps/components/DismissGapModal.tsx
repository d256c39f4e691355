import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { GapItem } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { useServerErrors } from '../../../app/forms';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { useGapDismissal } from '../api';

/** Asks the coordinator why a gap is not one (or not now), then dismisses it. */
export function DismissGapModal({
  chainId,
  gap,
  onClose,
}: {
  chainId: string;
  gap: GapItem;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { dismiss } = useGapDismissal(chainId);
  const form = useForm<{ reason: string }>({
    initialValues: { reason: '' },
    validate: { reason: (value) => (value.trim() ? null : t('errors.required')) },
  });
  const server = useServerErrors(form);
  const submit = form.onSubmit(({ reason }) => {
    server.clear();
    dismiss.mutate(
      { key: gap.key, reason: reason.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('gaps.dismissed'));
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
      title={t('gaps.dismissTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{gap.explanation}</Text>
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <Textarea
            label={t('gaps.reason')}
            description={t('gaps.reasonHelp')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={dismiss.isPending}>
              {t('gaps.dismissConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
