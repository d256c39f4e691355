import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Card,
  EmptyState,
  Grid,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconGripVertical, IconHistory } from '@tabler/icons-react';
import { ACTOR_STATUSES, type Actor, type ActorStatus } from '@tisserand/core';
import { type DragEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../app/api';
import { useFormat } from '../../app/format';
import { ErrorAlert, PageHeader, PageLoader } from '../../app/ui';
import { RoleBadge } from '../actors/components/ActorBadges';
import { oneOf, STATUS_COLOR } from '../actors/labels';
import { useCurrentChain } from '../chains/ChainLayout';
import { useMoveActor, usePipelineActors, usePipelineMoves } from './api';

const DRAG_TYPE = 'application/x-tisserand-actor';

function ActorCard({
  actor,
  chainId,
  onMove,
  disabled,
}: {
  actor: Actor;
  chainId: string;
  onMove: (actor: Actor, status: ActorStatus) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const index = ACTOR_STATUSES.indexOf(actor.status);
  const previous = ACTOR_STATUSES[index - 1];
  const next = ACTOR_STATUSES[index + 1];
  const onDragStart = (event: DragEvent<HTMLElement>) => {
    event.dataTransfer.setData(DRAG_TYPE, actor.id);
    event.dataTransfer.setData('text/plain', actor.name);
    event.dataTransfer.effectAllowed = 'move';
  };
  return (
    <Card
      withBorder
      padding="xs"
      component="li"
      draggable={!disabled}
      onDragStart={onDragStart}
      id={`pipeline-card-${actor.id}`}
      tabIndex={-1}
      data-testid="pipeline-card"
      style={{ cursor: disabled ? undefined : 'grab', listStyle: 'none' }}
    >
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconGripVertical size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2, opacity: 0.5 }} />
        <Stack gap={4} flex={1} miw={0}>
          <Anchor component={Link} to={`/chains/${chainId}/actors/${actor.id}`} size="sm" fw={600}>
            {actor.name}
          </Anchor>
          <Group gap={4} justify="space-between" wrap="wrap">
            <RoleBadge role={actor.role} />
            <Group gap={2} wrap="nowrap" ml="auto">
              {previous && (
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  disabled={disabled}
                  aria-label={t('pipeline.moveTo', {
                    name: actor.name,
                    status: t(`actors.statuses.${previous}`),
                  })}
                  onClick={() => onMove(actor, previous)}
                >
                  <IconChevronLeft size={16} aria-hidden />
                </ActionIcon>
              )}
              {next && (
                <ActionIcon
                  variant="subtle"
                  size="sm"
                  disabled={disabled}
                  aria-label={t('pipeline.moveTo', {
                    name: actor.name,
                    status: t(`actors.statuses.${next}`),
                  })}
                  onClick={() => onMove(actor, next)}
                >
                  <IconChevronRight size={16} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}

function Column({
  status,
  actors,
  chainId,
  onMove,
  onDropActor,
  busy,
}: {
  status: ActorStatus;
  actors: Actor[];
  chainId: string;
  onMove: (actor: Actor, status: ActorStatus) => void;
  onDropActor: (actorId: string, status: ActorStatus) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const headingId = `pipeline-column-${status}`;
  return (
    <Paper
      withBorder
      p="sm"
      component="section"
      aria-labelledby={headingId}
      data-testid={`pipeline-column-${status}`}
      bg={over ? 'var(--mantine-color-teal-light)' : 'var(--mantine-color-gray-1)'}
      style={{
        borderStyle: over ? 'dashed' : undefined,
        borderColor: over ? 'var(--mantine-color-teal-6)' : undefined,
        minHeight: 240,
      }}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const id = event.dataTransfer.getData(DRAG_TYPE);
        if (id) onDropActor(id, status);
      }}
    >
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} size="h5" id={headingId}>
          {t(`actors.statuses.${status}`)}
        </Title>
        <Badge
          variant="light"
          color={STATUS_COLOR[status]}
          aria-label={t('pipeline.count', { count: actors.length })}
        >
          {actors.length}
        </Badge>
      </Group>
      {actors.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('pipeline.emptyColumn')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0}>
          {actors.map((a) => (
            <ActorCard key={a.id} actor={a} chainId={chainId} onMove={onMove} disabled={busy} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** `/chains/:chainId/pipeline` (coordinators): partners from potential to committed, moved by drag or keyboard. */
export function PipelinePage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const format = useFormat();
  const isCoordinator = chain.myRole === 'coordinator';
  const actors = usePipelineActors(chain.id);
  const moves = usePipelineMoves(chain.id, isCoordinator);
  const move = useMoveActor(chain.id);
  const [announce, setAnnounce] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (!focusId) return;
    document.getElementById(`pipeline-card-${focusId}`)?.focus();
    setFocusId(null);
  }, [focusId]);

  if (!isCoordinator) {
    return (
      <>
        <PageHeader title={t('pipeline.title')} />
        <Alert color="orange" variant="light" role="alert">
          {t('errors.coordinatorOnly')}
        </Alert>
      </>
    );
  }

  const all = actors.data ?? [];
  const statusLabel = (value: string) => {
    const known = oneOf(ACTOR_STATUSES, value);
    return known ? t(`actors.statuses.${known}`) : value;
  };
  const nameOf = (id: string) => all.find((a) => a.id === id)?.name ?? '…';
  const onMove = (actor: Actor, status: ActorStatus) => {
    if (actor.status === status) return;
    const label = t(`actors.statuses.${status}`);
    move.mutate(
      { actor, status },
      {
        onSuccess: () => setAnnounce(t('pipeline.moved', { name: actor.name, status: label })),
      },
    );
    setFocusId(actor.id);
  };
  const onDropActor = (actorId: string, status: ActorStatus) => {
    const actor = all.find((a) => a.id === actorId);
    if (actor) onMove(actor, status);
  };

  return (
    <>
      <PageHeader title={t('pipeline.title')} description={t('pipeline.intro')} />
      <VisuallyHidden role="status" aria-live="polite">
        {announce}
      </VisuallyHidden>
      {move.isError && (
        <Alert color="orange" variant="light" role="alert" mb="md">
          {isApiError(move.error, 412) ? t('errors.stale') : <ErrorAlert error={move.error} />}
        </Alert>
      )}
      {actors.isPending && <PageLoader />}
      {actors.isError && <ErrorAlert error={actors.error} onRetry={() => void actors.refetch()} />}
      {actors.isSuccess && all.length === 0 && (
        <EmptyState
          icon={<IconHistory size={28} />}
          withIndicatorBackground
          title={t('pipeline.emptyTitle')}
          description={t('pipeline.emptyBody')}
        />
      )}
      {actors.isSuccess && all.length > 0 && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, xl: 9 }}>
            <Text size="sm" c="dimmed" mb="sm">
              {t('pipeline.howTo')}
            </Text>
            <ScrollArea type="auto" offsetScrollbars>
              <Grid gap="sm" miw={720} columns={4}>
                {ACTOR_STATUSES.map((status) => (
                  <Grid.Col key={status} span={1}>
                    <Column
                      status={status}
                      actors={all
                        .filter((a) => a.status === status)
                        .sort((a, b) => a.name.localeCompare(b.name))}
                      chainId={chain.id}
                      onMove={onMove}
                      onDropActor={onDropActor}
                      busy={move.isPending}
                    />
                  </Grid.Col>
                ))}
              </Grid>
            </ScrollArea>
          </Grid.Col>
          <Grid.Col span={{ base: 12, xl: 3 }}>
            <Card withBorder padding="md" component="section" aria-labelledby="pipeline-history-title">
              <Title order={2} size="h5" id="pipeline-history-title" mb="sm">
                {t('pipeline.history')}
              </Title>
              {moves.isError && <ErrorAlert error={moves.error} onRetry={() => void moves.refetch()} />}
              {moves.isSuccess && moves.data.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('pipeline.noHistory')}
                </Text>
              )}
              <ScrollArea.Autosize mah={720} type="auto">
                <Stack gap="xs" component="ol" p={0} m={0} data-testid="pipeline-history">
                  {(moves.data ?? []).slice(0, 50).map((m) => (
                    <Stack key={`${m.actorId}-${m.at}`} gap={0} component="li" style={{ listStyle: 'none' }}>
                      <Text size="sm" fw={600}>
                        {nameOf(m.actorId)}
                      </Text>
                      <Text size="sm">
                        {m.from
                          ? t('pipeline.moveLine', { from: statusLabel(m.from), to: statusLabel(m.to) })
                          : t('pipeline.enteredLine', { to: statusLabel(m.to) })}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {format.dateTime(m.at)}
                      </Text>
                    </Stack>
                  ))}
                </Stack>
              </ScrollArea.Autosize>
            </Card>
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
