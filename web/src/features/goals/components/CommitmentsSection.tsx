import { ActionIcon, Anchor, Badge, Button, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { Chain, Commitment } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { ConfirmModal, DeleteError } from '../../actors/components/ConfirmModal';
import { BADGE_FIT } from '../../actors/labels';
import { useDataFormat } from '../../indicators/format';
import { useChainDirectory } from '../../overview/api';
import { useCommitmentMutations, useCommitments, useGoals } from '../api';
import { COMMITMENT_STATUS_COLOR } from '../labels';
import { CommitmentFormModal } from './CommitmentFormModal';

/** Whether the caller may write this commitment: coordinators any, a partner its own actor's. */
export function canWriteCommitment(chain: Chain, actorId: string): boolean {
  return chain.myRole === 'coordinator' || (chain.myRole === 'partner' && chain.myActorId === actorId);
}

/** A commitment's status as a badge. */
export function CommitmentStatusBadge({ status }: { status: Commitment['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={COMMITMENT_STATUS_COLOR[status]} variant="light" style={BADGE_FIT}>
      {t(`goals.commitmentStatuses.${status}`)}
    </Badge>
  );
}

/**
 * The commitments of one goal (`goalId`: each names its actor) or of one actor (`actorId`: each
 * names its goal), with add, edit and delete for those who may write them.
 */
export function CommitmentsSection({
  chain,
  goalId,
  actorId,
}: {
  chain: Chain;
  goalId?: string;
  actorId?: string;
}) {
  const { t } = useTranslation();
  const format = useDataFormat();
  const filters = goalId ? { goalId } : actorId ? { actorId } : {};
  const commitments = useCommitments(chain.id, filters);
  const directory = useChainDirectory(chain.id);
  const goals = useGoals(chain.id);
  const { remove } = useCommitmentMutations(chain.id);
  const [editing, setEditing] = useState<Commitment | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Commitment | null>(null);
  const base = `/chains/${chain.id}`;
  const goalById = new Map((goals.data ?? []).map((g) => [g.id, g]));
  // On a goal, a partner adds for its own actor; on an actor's profile, its partner and coordinators add.
  const canAdd = actorId
    ? canWriteCommitment(chain, actorId)
    : chain.myRole === 'coordinator' || (chain.myRole === 'partner' && chain.myActorId !== null);
  const fixedActor = actorId ?? (chain.myRole === 'partner' ? (chain.myActorId ?? undefined) : undefined);
  const items = [...(commitments.data ?? [])].sort((a, b) =>
    (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'),
  );

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="commitments-title">
      <Group justify="space-between" mb={4} wrap="wrap">
        <Title order={2} size="h4" id="commitments-title">
          {t('goals.commitments.title')}
        </Title>
        {canAdd && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setEditing('new')}
          >
            {t('goals.commitments.add')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {actorId ? t('goals.commitments.introActor') : t('goals.commitments.introGoal')}
      </Text>
      {commitments.isError && (
        <ErrorAlert error={commitments.error} onRetry={() => void commitments.refetch()} />
      )}
      {commitments.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="commitments-empty">
          {actorId ? t('goals.commitments.emptyActor') : t('goals.commitments.emptyGoal')}
        </Text>
      )}
      <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="commitments">
        {items.map((c) => {
          const actorName = directory.data?.actorById.get(c.actorId)?.name ?? '…';
          const goal = goalById.get(c.goalId);
          return (
            <li key={c.id}>
              <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                <Stack gap={2}>
                  <Group gap="xs" wrap="wrap">
                    {goalId ? (
                      <Anchor component={Link} to={`${base}/actors/${c.actorId}`} fw={600} size="sm">
                        {actorName}
                      </Anchor>
                    ) : (
                      <Anchor component={Link} to={`${base}/goals/${c.goalId}`} fw={600} size="sm">
                        {goal?.title ?? '…'}
                      </Anchor>
                    )}
                    <CommitmentStatusBadge status={c.status} />
                  </Group>
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {c.description}
                  </Text>
                  {c.dueDate && (
                    <Text size="xs" c="dimmed">
                      {t('goals.commitments.dueBy', { date: format.date(c.dueDate) })}
                    </Text>
                  )}
                </Stack>
                {canWriteCommitment(chain, c.actorId) && (
                  <Group gap={2} wrap="nowrap">
                    <Tooltip label={t('goals.commitments.edit')}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('goals.commitments.editLabel', { actor: actorName })}
                        onClick={() => setEditing(c)}
                      >
                        <IconPencil size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('common.delete')}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('goals.commitments.deleteLabel', { actor: actorName })}
                        onClick={() => {
                          remove.reset();
                          setDeleting(c);
                        }}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                )}
              </Group>
            </li>
          );
        })}
      </Stack>
      {editing && (
        <CommitmentFormModal
          chainId={chain.id}
          commitment={editing === 'new' ? undefined : editing}
          goalId={goalId}
          actorId={editing === 'new' ? fixedActor : chain.myRole === 'partner' ? fixedActor : actorId}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmModal
          title={t('goals.commitments.deleteTitle')}
          body={t('goals.commitments.deleteBody')}
          confirmLabel={t('common.delete')}
          loading={remove.isPending}
          error={<DeleteError error={remove.error} />}
          onClose={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting, {
              onSuccess: () => {
                notifySuccess(t('goals.commitments.deleted'));
                setDeleting(null);
              },
            })
          }
        />
      )}
    </Card>
  );
}
