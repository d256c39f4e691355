import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../app/ui';

/** "Delete X?": says what will happen, Cancel has the focus, the failure (if any) shows in place. */
export function ConfirmModal({
  title,
  body,
  confirmLabel,
  onConfirm,
  onClose,
  loading,
  error,
}: {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  loading?: boolean;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened onClose={onClose} title={title}>
      <Stack>
        {typeof body === 'string' ? <Text size="sm">{body}</Text> : body}
        {error}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={onConfirm} loading={loading}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The error of a failed deletion, or nothing. */
export function DeleteError({ error }: { error: unknown }) {
  return error ? <ErrorAlert error={error} /> : null;
}
