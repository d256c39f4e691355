import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Card,
  EmptyState,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconPencil, IconPlus, IconTarget } from '@tabler/icons-react';
import type { Commitment, Goal, Indicator } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, PageHeader, PageLoader } from '../../app/ui';
import { useCurrentChain } from '../chains/ChainLayout';
import { useCapitalLabel } from '../gaps/api';
import { useIndicators } from '../indicators/api';
import { type ChainDirectory, useChainDirectory } from '../overview/api';
import { useCommitments, useGoalProgress, useGoals } from './api';
import { CommitmentStatusBadge } from './components/CommitmentsSection';
import { GoalBadges } from './components/GoalBadges';
import { GoalFormModal } from './components/GoalFormModal';
import { GoalProgressBar } from './components/GoalProgressBar';
import { GOAL_STATUS_ORDER } from './labels';

/** Whether an adopted goal waits for someone to act on it (no commitment that has not lapsed). */
export function isUncommitted(goal: Goal, commitments: readonly Commitment[]): boolean {
  return goal.status === 'adopted' && !commitments.some((c) => c.goalId === goal.id && c.status !== 'lapsed');
}

function GoalProgressLine({
  chainId,
  goal,
  indicator,
}: {
  chainId: string;
  goal: Goal;
  indicator?: Indicator;
}) {
  const { t } = useTranslation();
  const progress = useGoalProgress(chainId, goal.id);
  if (!goal.indicatorId) {
    return (
      <Text size="sm" c="dimmed">
        {t('goals.progress.noIndicator')}
      </Text>
    );
  }
  if (progress.isError) return <ErrorAlert error={progress.error} onRetry={() => void progress.refetch()} />;
  if (!progress.isSuccess) {
    return (
      <Text size="sm" c="dimmed">
        {t('common.loading')}
      </Text>
    );
  }
  return <GoalProgressBar progress={progress.data} unit={indicator} label={goal.title} />;
}

function GoalCard({
  goal,
  chainId,
  commitments,
  directory,
  indicator,
  capitalLabel,
  canEdit,
  onEdit,
}: {
  goal: Goal;
  chainId: string;
  commitments: Commitment[];
  directory: ChainDirectory | undefined;
  indicator: Indicator | undefined;
  capitalLabel: (key: string) => string;
  canEdit: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const base = `/chains/${chainId}`;
  const own = commitments.filter((c) => c.goalId === goal.id);
  const uncommitted = isUncommitted(goal, commitments);
  const titleId = `goal-${goal.id}-title`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId} data-testid="goal-card">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Title order={3} size="h5" id={titleId}>
            <Anchor component={Link} to={`${base}/goals/${goal.id}`} inherit>
              {goal.title}
            </Anchor>
          </Title>
          {canEdit && (
            <Tooltip label={t('goals.edit')}>
              <ActionIcon
                variant="subtle"
                aria-label={t('goals.editLabel', { title: goal.title })}
                onClick={onEdit}
              >
                <IconPencil size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
        <GoalBadges goal={goal} capitalLabel={capitalLabel} />
        <GoalProgressLine chainId={chainId} goal={goal} indicator={indicator} />
        {uncommitted && (
          <Alert
            color="orange"
            variant="light"
            p="xs"
            icon={<IconAlertTriangle size={16} aria-hidden />}
            data-testid="goal-uncommitted"
          >
            <Text size="sm">{t('goals.uncommitted')}</Text>
          </Alert>
        )}
        <Stack gap={4}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            {t('goals.committedActors', { count: own.length })}
          </Text>
          {own.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('goals.noCommitment')}
            </Text>
          ) : (
            <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {own.map((c) => (
                <Group component="li" key={c.id} gap="xs" wrap="nowrap" justify="space-between">
                  <Anchor component={Link} to={`${base}/actors/${c.actorId}`} size="sm">
                    {directory?.actorById.get(c.actorId)?.name ?? '…'}
                  </Anchor>
                  <CommitmentStatusBadge status={c.status} />
                </Group>
              ))}
            </Stack>
          )}
        </Stack>
      </Stack>
    </Card>
  );
}

/** `/chains/:chainId/goals`: the shared goals by status, their progress and who acts on them. */
export function GoalsPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const goals = useGoals(chain.id);
  const commitments = useCommitments(chain.id);
  const directory = useChainDirectory(chain.id);
  const indicators = useIndicators(chain.id);
  const capitalLabel = useCapitalLabel(chain.id);
  // The goal being edited, by id: the form follows the latest version read (after a 412 reload).
  const [editing, setEditing] = useState<string | null>(null);
  const isCoordinator = chain.myRole === 'coordinator';
  const indicatorById = new Map((indicators.data?.items ?? []).map((i) => [i.id, i]));
  const all = goals.data ?? [];
  const allCommitments = commitments.data ?? [];
  const uncommitted = all.filter((g) => isUncommitted(g, allCommitments));

  return (
    <>
      <PageHeader
        title={t('goals.title')}
        description={t('goals.intro')}
        actions={
          isCoordinator && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('goals.create')}
            </Button>
          )
        }
      />
      {goals.isPending && <PageLoader />}
      {goals.isError && <ErrorAlert error={goals.error} onRetry={() => void goals.refetch()} />}
      {commitments.isError && (
        <ErrorAlert error={commitments.error} onRetry={() => void commitments.refetch()} />
      )}
      {goals.isSuccess && all.length === 0 && (
        <EmptyState
          icon={<IconTarget size={28} />}
          withIndicatorBackground
          title={t('goals.emptyTitle')}
          description={isCoordinator ? t('goals.emptyBody') : t('goals.emptyBodyReader')}
        >
          {isCoordinator && (
            <EmptyState.Actions>
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
                {t('goals.create')}
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      )}
      {goals.isSuccess && all.length > 0 && (
        <Stack gap="xl">
          {commitments.isSuccess && uncommitted.length > 0 && (
            <Alert
              color="orange"
              variant="light"
              icon={<IconAlertTriangle aria-hidden />}
              title={t('goals.uncommittedTitle', { count: uncommitted.length })}
            >
              <Stack gap={4}>
                <Text size="sm">{t('goals.uncommittedBody', { count: uncommitted.length })}</Text>
                {uncommitted.map((g) => (
                  <Anchor
                    key={g.id}
                    component={Link}
                    to={`/chains/${chain.id}/goals/${g.id}`}
                    size="sm"
                    fw={500}
                  >
                    {g.title}
                  </Anchor>
                ))}
              </Stack>
            </Alert>
          )}
          {GOAL_STATUS_ORDER.map((status) => {
            const group = all.filter((g) => g.status === status);
            if (group.length === 0) return null;
            const headingId = `goals-${status}`;
            return (
              <Stack key={status} gap="sm" component="section" aria-labelledby={headingId}>
                <Title order={2} size="h4" id={headingId}>
                  {t(`goals.groups.${status}`, { count: group.length })}
                </Title>
                <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
                  {group.map((goal) => (
                    <GoalCard
                      key={goal.id}
                      goal={goal}
                      chainId={chain.id}
                      commitments={allCommitments}
                      directory={directory.data}
                      indicator={goal.indicatorId ? indicatorById.get(goal.indicatorId) : undefined}
                      capitalLabel={capitalLabel}
                      canEdit={isCoordinator}
                      onEdit={() => setEditing(goal.id)}
                    />
                  ))}
                </SimpleGrid>
              </Stack>
            );
          })}
        </Stack>
      )}
      {editing && (editing === 'new' || all.some((g) => g.id === editing)) && (
        <GoalFormModal
          chainId={chain.id}
          goal={editing === 'new' ? undefined : all.find((g) => g.id === editing)}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
