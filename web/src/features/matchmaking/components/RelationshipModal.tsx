import { Alert, Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Introduction } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { useServerErrors } from '../../../app/forms';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { useFormRelationship } from '../api';

interface RelationshipValues extends Record<string, unknown> {
  product: string;
  quantity: number | string;
  unit: string;
}

/** Records that an introduction led to a relationship: the product flow it created, then the introduction. */
export function RelationshipModal({
  chainId,
  introduction,
  fromName,
  toName,
  defaultProduct,
  onClose,
}: {
  chainId: string;
  introduction: Introduction;
  fromName: string;
  toName: string;
  defaultProduct: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const form_ = useFormRelationship(chainId);
  const [stale, setStale] = useState(false);
  const form = useForm<RelationshipValues>({
    initialValues: { product: defaultProduct, quantity: '', unit: '' },
    validate: { product: (v) => (v.trim() ? null : t('errors.required')) },
  });
  const server = useServerErrors(form);
  const submit = form.onSubmit((v) => {
    server.clear();
    setStale(false);
    form_.mutate(
      {
        introduction,
        product: v.product.trim(),
        quantity: typeof v.quantity === 'number' ? v.quantity : undefined,
        unit: v.unit.trim() || undefined,
      },
      {
        onSuccess: () => {
          notifySuccess(t('matchmaking.relationship.done', { from: fromName, to: toName }));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error, 412)) setStale(true);
          else server.handle(error);
        },
      },
    );
  });
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={t('matchmaking.relationship.title')}
    >
      <form onSubmit={submit} noValidate data-testid="relationship-form">
        <Stack>
          <Text size="sm">{t('matchmaking.relationship.intro', { from: fromName, to: toName })}</Text>
          {stale && (
            <Alert color="orange" variant="light" role="alert">
              {t('errors.stale')}
            </Alert>
          )}
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <TextInput
            label={t('matchmaking.relationship.product')}
            description={t('matchmaking.relationship.productHelp')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('product')}
          />
          <Group grow align="flex-start">
            <NumberInput
              label={t('matchmaking.relationship.quantity')}
              min={0}
              {...form.getInputProps('quantity')}
            />
            <TextInput
              label={t('matchmaking.relationship.unit')}
              maxLength={40}
              {...form.getInputProps('unit')}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form_.isPending} disabled={stale}>
              {t('matchmaking.relationship.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
