import {
  Anchor,
  Badge,
  Button,
  Card,
  EmptyState,
  Grid,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconMessageCircle, IconPlus } from '@tabler/icons-react';
import type { Interaction } from '@tisserand/core';
import { ACTOR_STATUSES } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, notifySuccess, PageHeader, PageLoader } from '../../app/ui';
import { StatusBadge } from '../actors/components/ActorBadges';
import { ConfirmModal } from '../actors/components/ConfirmModal';
import { oneOf } from '../actors/labels';
import { useCurrentChain } from '../chains/ChainLayout';
import { useChainDirectory } from '../overview/api';
import { useInteractionMutations, useInteractions, useQuietActors } from './api';
import { InteractionFormModal } from './components/InteractionFormModal';
import { InteractionTimeline } from './components/InteractionTimeline';
import { daysFromToday, formatDay } from './dates';
import { INTERACTION_KINDS } from './labels';

/** Engaged or committed actors the journal has not heard from in N days. */
function QuietPanel({ chainId }: { chainId: string }) {
  const { t, i18n } = useTranslation();
  const [days, setDays] = useState(60);
  const [debounced] = useDebouncedValue(days, 400);
  const quiet = useQuietActors(chainId, debounced);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="quiet-title">
      <Title order={2} size="h5" id="quiet-title" mb="xs">
        {t('exchanges.quiet.title', { count: days })}
      </Title>
      <NumberInput
        label={t('exchanges.quiet.days')}
        min={1}
        max={3650}
        allowDecimal={false}
        clampBehavior="strict"
        value={days}
        onChange={(v) => setDays(typeof v === 'number' && v >= 1 ? v : 60)}
        w={160}
        mb="sm"
      />
      {quiet.isPending && <PageLoader />}
      {quiet.isError && <ErrorAlert error={quiet.error} onRetry={() => void quiet.refetch()} />}
      {quiet.isSuccess && quiet.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('exchanges.quiet.none', { count: debounced })}
        </Text>
      )}
      {quiet.isSuccess && quiet.data.length > 0 && (
        <Table verticalSpacing={6} data-testid="quiet-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('exchanges.quiet.actor')}</Table.Th>
              <Table.Th>{t('exchanges.quiet.last')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {quiet.data.map((q) => {
              const status = oneOf(ACTOR_STATUSES, q.status);
              return (
                <Table.Tr key={q.actorId}>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <Anchor component={Link} to={`/chains/${chainId}/actors/${q.actorId}`} size="sm">
                        {q.name}
                      </Anchor>
                      {status && <StatusBadge status={status} />}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {q.lastInteraction
                        ? t('exchanges.quiet.daysAgo', {
                            count: q.days ?? 0,
                            date: formatDay(q.lastInteraction, i18n.language),
                          })
                        : t('exchanges.quiet.never')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** `/chains/:chainId/exchanges`: the journal of calls, visits, meetings and introductions, with follow-ups. */
export function ExchangesPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const directory = useChainDirectory(chain.id);
  const [actorId, setActorId] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const interactions = useInteractions(chain.id, actorId ?? undefined);
  const { remove } = useInteractionMutations(chain.id);
  const [editing, setEditing] = useState<Interaction | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Interaction | null>(null);
  const isCoordinator = chain.myRole === 'coordinator';
  const all = interactions.data ?? [];
  const shown = kind ? all.filter((i) => i.kind === kind) : all;
  const due = all.filter((i) => i.followUpDate && daysFromToday(i.followUpDate) <= 0).length;
  const addButton = isCoordinator && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      {t('exchanges.add')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('exchanges.title')} description={t('exchanges.intro')} actions={addButton} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Group gap="sm" align="flex-end">
              <Select
                label={t('exchanges.filters.actor')}
                placeholder={t('exchanges.filters.allActors')}
                data={(directory.data?.actors ?? []).map((a) => ({ value: a.id, label: a.name }))}
                value={actorId}
                onChange={setActorId}
                searchable
                clearable
                w={260}
              />
              <Select
                label={t('exchanges.filters.kind')}
                placeholder={t('exchanges.filters.allKinds')}
                data={INTERACTION_KINDS.map((k) => ({ value: k, label: t(`exchanges.kinds.${k}`) }))}
                value={kind}
                onChange={setKind}
                clearable
                w={200}
              />
              {due > 0 && (
                <Badge color="orange" variant="light" size="lg" style={{ textTransform: 'none' }}>
                  {t('exchanges.dueCount', { count: due })}
                </Badge>
              )}
            </Group>
            {interactions.isPending && <PageLoader />}
            {interactions.isError && (
              <ErrorAlert error={interactions.error} onRetry={() => void interactions.refetch()} />
            )}
            {interactions.isSuccess && shown.length === 0 && (
              <EmptyState
                icon={<IconMessageCircle size={28} />}
                withIndicatorBackground
                title={t(all.length === 0 && !actorId ? 'exchanges.emptyTitle' : 'exchanges.noMatchTitle')}
                description={
                  all.length === 0 && !actorId
                    ? t(isCoordinator ? 'exchanges.emptyBody' : 'exchanges.emptyBodyReader')
                    : t('exchanges.noMatchBody')
                }
              >
                {addButton && <EmptyState.Actions>{addButton}</EmptyState.Actions>}
              </EmptyState>
            )}
            {shown.length > 0 && (
              <Card withBorder padding="lg">
                <InteractionTimeline
                  interactions={shown}
                  chainId={chain.id}
                  directory={directory.data}
                  onEdit={isCoordinator ? (i) => setEditing(i) : undefined}
                  onDelete={
                    isCoordinator
                      ? (i) => {
                          remove.reset();
                          setDeleting(i);
                        }
                      : undefined
                  }
                />
              </Card>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <QuietPanel chainId={chain.id} />
        </Grid.Col>
      </Grid>
      {editing && (
        <InteractionFormModal
          chainId={chain.id}
          interaction={editing === 'new' ? undefined : editing}
          defaultActorIds={actorId ? [actorId] : []}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmModal
          title={t('exchanges.deleteTitle')}
          body={t('exchanges.deleteBody')}
          confirmLabel={t('common.delete')}
          loading={remove.isPending}
          error={remove.error ? <ErrorAlert error={remove.error} /> : null}
          onClose={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting, {
              onSuccess: () => {
                notifySuccess(t('exchanges.deleted'));
                setDeleting(null);
              },
            })
          }
        />
      )}
    </>
  );
}
