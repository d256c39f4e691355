import {
  ActionIcon,
  Button,
  Card,
  Group,
  List,
  Modal,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { Intent } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { useFormat } from '../../../app/format';
import { useServerErrors } from '../../../app/forms';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { useActorIntents, useIntentMutations } from '../api';
import { ConfirmModal, DeleteError } from './ConfirmModal';

type Direction = Intent['direction'];

interface IntentValues extends Record<string, unknown> {
  direction: Direction;
  resource: string;
  quantity: number | string;
  unit: string;
  period: string;
  note: string;
}

function IntentModal({
  chainId,
  actorId,
  intent,
  direction,
  onClose,
}: {
  chainId: string;
  actorId: string;
  intent: Intent | null;
  direction: Direction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { create, update } = useIntentMutations(chainId);
  const form = useForm<IntentValues>({
    initialValues: {
      direction: intent?.direction ?? direction,
      resource: intent?.resource ?? '',
      quantity: intent?.quantity ?? '',
      unit: intent?.unit ?? '',
      period: intent?.period ?? '',
      note: intent?.note ?? '',
    },
    validate: { resource: (v) => (v.trim() ? null : t('errors.required')) },
  });
  const server = useServerErrors(form);
  const [stale, setStale] = useState(false);
  const values = form.getValues();
  const submit = form.onSubmit((v) => {
    server.clear();
    const onError = (error: unknown) => {
      if (isApiError(error, 412)) setStale(true);
      else server.handle(error);
    };
    const onSuccess = () => {
      notifySuccess(t('actors.intents.saved'));
      onClose();
    };
    const blank = (s: string) => s.trim() || null;
    const quantity = typeof v.quantity === 'number' ? v.quantity : null;
    if (intent) {
      update.mutate(
        {
          intent,
          body: {
            direction: v.direction,
            resource: v.resource.trim(),
            quantity,
            unit: blank(v.unit),
            period: blank(v.period),
            note: blank(v.note),
          },
        },
        { onSuccess, onError },
      );
    } else {
      create.mutate(
        {
          actorId,
          direction: v.direction,
          resource: v.resource.trim(),
          quantity: quantity ?? undefined,
          unit: blank(v.unit) ?? undefined,
          period: blank(v.period) ?? undefined,
          note: blank(v.note) ?? undefined,
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
      title={
        intent ? t('actors.intents.editTitle', { resource: intent.resource }) : t('actors.intents.addTitle')
      }
    >
      <form onSubmit={submit} noValidate data-testid="intent-form">
        <Stack>
          {stale && (
            <Text c="orange.8" role="alert" size="sm">
              {t('errors.stale')}
            </Text>
          )}
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <Stack gap={4}>
            <Text size="sm" fw={500} id="intent-direction-label">
              {t('actors.intents.direction')}
            </Text>
            <SegmentedControl
              aria-labelledby="intent-direction-label"
              data={[
                { value: 'offer', label: t('actors.intents.offer') },
                { value: 'need', label: t('actors.intents.need') },
              ]}
              value={values.direction}
              onChange={(value) => form.setFieldValue('direction', value === 'need' ? 'need' : 'offer')}
            />
          </Stack>
          <TextInput
            label={t('actors.intents.resource')}
            description={t('actors.intents.resourceHelp')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('resource')}
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <NumberInput
              label={t('actors.intents.quantity')}
              min={0}
              allowNegative={false}
              {...form.getInputProps('quantity')}
            />
            <TextInput
              label={t('actors.intents.unit')}
              placeholder={t('actors.intents.unitPlaceholder')}
              maxLength={40}
              {...form.getInputProps('unit')}
            />
            <TextInput
              label={t('actors.intents.period')}
              placeholder={t('actors.intents.periodPlaceholder')}
              maxLength={40}
              {...form.getInputProps('period')}
            />
          </SimpleGrid>
          <Textarea label={t('actors.intents.note')} autosize minRows={2} {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={stale}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** What an actor offers and needs; its partner and the coordinators keep them up to date. */
export function IntentsSection({
  chainId,
  actorId,
  canEdit,
}: {
  chainId: string;
  actorId: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const intents = useActorIntents(chainId, actorId);
  const { remove } = useIntentMutations(chainId);
  const [editing, setEditing] = useState<{ intent: Intent | null; direction: Direction } | null>(null);
  const [deleting, setDeleting] = useState<Intent | null>(null);
  const items = intents.data?.items ?? [];

  const column = (direction: Direction) => {
    const list = items.filter((i) => i.direction === direction);
    const title = direction === 'offer' ? t('actors.intents.offers') : t('actors.intents.needs');
    return (
      <Stack gap="xs" data-testid={`intents-${direction}`}>
        <Group justify="space-between">
          <Title order={3} size="h5">
            {title}
          </Title>
          {canEdit && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setEditing({ intent: null, direction })}
            >
              {direction === 'offer' ? t('actors.intents.addOffer') : t('actors.intents.addNeed')}
            </Button>
          )}
        </Group>
        {list.length === 0 ? (
          <Text c="dimmed" size="sm">
            {direction === 'offer' ? t('actors.intents.noOffer') : t('actors.intents.noNeed')}
          </Text>
        ) : (
          <List spacing="xs" size="sm" listStyleType="none" aria-label={title}>
            {list.map((intent) => (
              <List.Item key={intent.id}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div>
                    <Text fw={500} size="sm">
                      {intent.resource}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[
                        intent.quantity !== null
                          ? `${format.number(intent.quantity)} ${intent.unit ?? ''}`.trim()
                          : null,
                        intent.quantity === null && intent.unit ? intent.unit : null,
                        intent.period,
                        intent.note,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </div>
                  {canEdit && (
                    <Group gap={2} wrap="nowrap">
                      <Tooltip label={t('actors.editShort')}>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('actors.intents.editLabel', { resource: intent.resource })}
                          onClick={() => setEditing({ intent, direction: intent.direction })}
                        >
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('common.delete')}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('actors.intents.deleteLabel', { resource: intent.resource })}
                          onClick={() => {
                            remove.reset();
                            setDeleting(intent);
                          }}
                        >
                          <IconTrash size={16} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    );
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="intents-title">
      <Title order={2} size="h4" id="intents-title" mb={4}>
        {t('actors.intents.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('actors.intents.intro')}
      </Text>
      {intents.isError && <ErrorAlert error={intents.error} onRetry={() => void intents.refetch()} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {column('offer')}
        {column('need')}
      </SimpleGrid>
      {editing && (
        <IntentModal
          chainId={chainId}
          actorId={actorId}
          intent={editing.intent}
          direction={editing.direction}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmModal
          title={t('actors.intents.deleteTitle', { resource: deleting.resource })}
          body={t('actors.intents.deleteBody')}
          confirmLabel={t('common.delete')}
          loading={remove.isPending}
          error={<DeleteError error={remove.error} />}
          onClose={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting, {
              onSuccess: () => {
                notifySuccess(t('actors.intents.deleted'));
                setDeleting(null);
              },
            })
          }
        />
      )}
    </Card>
  );
}
