import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Text,
  Textarea,
  TextInput,
  ThemeIcon,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { Stage } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../app/api';
import { useServerErrors } from '../../app/forms';
import { ErrorAlert, notifySuccess, PageHeader, PageLoader } from '../../app/ui';
import { ConfirmModal, DeleteError } from '../actors/components/ConfirmModal';
import { useCurrentChain } from '../chains/ChainLayout';
import { useOverview } from '../overview/api';
import { useCreateStage, useDeleteStage, useReorderStages, useStages, useUpdateStage } from './api';

interface StageValues extends Record<string, unknown> {
  name: string;
  description: string;
}

function StageModal({
  chainId,
  stage,
  nextPosition,
  onClose,
}: {
  chainId: string;
  stage: Stage | null;
  nextPosition: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateStage(chainId);
  const update = useUpdateStage(chainId);
  const [stale, setStale] = useState(false);
  const form = useForm<StageValues>({
    initialValues: { name: stage?.name ?? '', description: stage?.description ?? '' },
    validate: { name: (v) => (v.trim() ? null : t('errors.required')) },
  });
  const server = useServerErrors(form);
  const submit = form.onSubmit((v) => {
    server.clear();
    const onError = (error: unknown) => {
      if (isApiError(error, 412)) setStale(true);
      else server.handle(error);
    };
    const onSuccess = (saved: Stage) => {
      notifySuccess(t(stage ? 'stages.saved' : 'stages.created', { name: saved.name }));
      onClose();
    };
    const description = v.description.trim();
    if (stage) {
      update.mutate(
        { stage, body: { name: v.name.trim(), description: description || null } },
        { onSuccess, onError },
      );
    } else {
      create.mutate(
        { name: v.name.trim(), position: nextPosition, description: description || undefined },
        { onSuccess, onError },
      );
    }
  });
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      title={stage ? t('stages.editTitle', { name: stage.name }) : t('stages.addTitle')}
    >
      <form onSubmit={submit} noValidate data-testid="stage-form">
        <Stack>
          {stale && (
            <Alert color="orange" variant="light" role="alert">
              {t('errors.stale')}
            </Alert>
          )}
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <TextInput
            label={t('stages.fields.name')}
            placeholder={t('stages.fields.namePlaceholder')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Textarea
            label={t('stages.fields.description')}
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps('description')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={stale}>
              {stage ? t('common.save') : t('stages.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * The positions after moving the stage at `index` by `delta`: the stages keep the positions they had
 * (when distinct), handed out in the new order; only the stages whose position changes are returned.
 */
function movesFor(stages: Stage[], index: number, delta: -1 | 1) {
  const order = [...stages];
  const [moved] = order.splice(index, 1);
  if (!moved) return [];
  order.splice(index + delta, 0, moved);
  const existing = stages.map((s) => s.position);
  const distinct = new Set(existing).size === existing.length;
  const positions = distinct ? existing : stages.map((_, i) => i);
  return order
    .map((stage, i) => ({ stage, position: positions[i] ?? i }))
    .filter(({ stage, position }) => stage.position !== position);
}

/** `/chains/:chainId/stages`: the stages of the chain, from producer to consumer; coordinators edit them. */
export function StagesPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const stages = useStages(chain.id);
  const overview = useOverview(chain.id);
  const reorder = useReorderStages(chain.id);
  const remove = useDeleteStage(chain.id);
  const [editing, setEditing] = useState<Stage | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Stage | null>(null);
  const canWrite = chain.myRole === 'coordinator';
  const list = stages.data ?? [];
  const nextPosition = list.reduce((max, s) => Math.max(max, s.position + 1), 0);
  const actorsIn = new Map((overview.data?.byStage ?? []).map((s) => [s.stageId, s.actors]));

  return (
    <>
      <PageHeader
        title={t('stages.title')}
        description={t('stages.intro')}
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('stages.add')}
            </Button>
          )
        }
      />
      {stages.isPending && <PageLoader />}
      {stages.isError && <ErrorAlert error={stages.error} onRetry={() => void stages.refetch()} />}
      {reorder.isError && <ErrorAlert error={reorder.error} />}
      {stages.isSuccess && list.length === 0 && (
        <Card withBorder padding="lg">
          <Stack gap="sm" align="flex-start">
            <Text fw={600}>{t('stages.empty')}</Text>
            <Text size="sm" c="dimmed">
              {canWrite ? t('stages.emptyCoordinator') : t('stages.emptyReader')}
            </Text>
          </Stack>
        </Card>
      )}
      {list.length > 0 && (
        <Stack
          component="ol"
          gap="sm"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('stages.listLabel')}
          data-testid="stages-list"
        >
          {list.map((stage, index) => (
            <Card key={stage.id} component="li" withBorder padding="md" data-testid="stage-item">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Group wrap="nowrap" align="flex-start">
                  <ThemeIcon variant="light" color="teal" radius="xl" size="lg" aria-hidden>
                    <Text fw={700} size="sm">
                      {index + 1}
                    </Text>
                  </ThemeIcon>
                  <Stack gap={2}>
                    <Text fw={600}>{stage.name}</Text>
                    {stage.description && (
                      <Text size="sm" c="dimmed">
                        {stage.description}
                      </Text>
                    )}
                    {actorsIn.has(stage.id) && (
                      <Text size="xs">
                        <Link
                          to={`/chains/${chain.id}/actors?stageId=${stage.id}`}
                          style={{ color: 'inherit' }}
                        >
                          {t('stages.actorCount', { count: actorsIn.get(stage.id) ?? 0 })}
                        </Link>
                      </Text>
                    )}
                  </Stack>
                </Group>
                {canWrite && (
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label={t('stages.moveUp')}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('stages.moveUpLabel', { name: stage.name })}
                        disabled={index === 0 || reorder.isPending}
                        onClick={() => reorder.mutate(movesFor(list, index, -1))}
                      >
                        <IconArrowUp size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('stages.moveDown')}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('stages.moveDownLabel', { name: stage.name })}
                        disabled={index === list.length - 1 || reorder.isPending}
                        onClick={() => reorder.mutate(movesFor(list, index, 1))}
                      >
                        <IconArrowDown size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('stages.edit')}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('stages.editLabel', { name: stage.name })}
                        onClick={() => setEditing(stage)}
                      >
                        <IconPencil size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('common.delete')}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('stages.deleteLabel', { name: stage.name })}
                        onClick={() => {
                          remove.reset();
                          setDeleting(stage);
                        }}
                      >
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {canWrite && editing !== null && (
        <StageModal
          chainId={chain.id}
          stage={editing === 'new' ? null : editing}
          nextPosition={nextPosition}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmModal
          title={t('stages.deleteTitle', { name: deleting.name })}
          body={
            <Stack gap="xs">
              <Text size="sm">{t('stages.deleteBody', { name: deleting.name })}</Text>
              {(actorsIn.get(deleting.id) ?? 0) > 0 && (
                <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>
                  {t('stages.deleteActors', { count: actorsIn.get(deleting.id) ?? 0 })}
                </Badge>
              )}
            </Stack>
          }
          confirmLabel={t('stages.deleteConfirm')}
          loading={remove.isPending}
          error={<DeleteError error={remove.error} />}
          onClose={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting, {
              onSuccess: () => {
                notifySuccess(t('stages.deleted', { name: deleting.name }));
                setDeleting(null);
              },
            })
          }
        />
      )}
    </>
  );
}
