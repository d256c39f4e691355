import { Alert, Anchor, Button, Card, EmptyState, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconLock, IconPlus, IconScale } from '@tabler/icons-react';
import type { Conflict } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../app/format';
import { ErrorAlert, PageHeader, PageLoader } from '../../app/ui';
import { useCurrentChain } from '../chains/ChainLayout';
import { useChainDirectory } from '../overview/api';
import { useConflicts } from './api';
import { ConfidentialNotice, ConflictBadges } from './components/ConflictBadges';
import { ConflictFormModal } from './components/ConflictFormModal';
import { CONFLICT_STATUS_ORDER } from './labels';

function ConflictCard({
  conflict,
  chainId,
  actorName,
}: {
  conflict: Conflict;
  chainId: string;
  actorName: (id: string) => string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleId = `conflict-${conflict.id}-title`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId} data-testid="conflict-card">
      <Stack gap="sm">
        <Title order={3} size="h5" id={titleId}>
          <Anchor component={Link} to={`/chains/${chainId}/conflicts/${conflict.id}`} inherit>
            {conflict.title}
          </Anchor>
        </Title>
        <ConflictBadges conflict={conflict} />
        <Text size="sm">
          <Text span fw={600}>
            {t('conflicts.partiesLabel')}
          </Text>{' '}
          {conflict.partyActorIds.map(actorName).join(', ')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('conflicts.reportedOn', { date: format.date(conflict.createdAt) })}
        </Text>
      </Stack>
    </Card>
  );
}

/** What an observer sees instead of the conflicts (the API refuses them with 403). */
export function ObserverRefusal() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('conflicts.title')} />
      <Alert color="grape" variant="light" icon={<IconLock aria-hidden />} role="alert">
        {t('conflicts.observerRefused')}
      </Alert>
    </>
  );
}

function ConflictsList() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const navigate = useNavigate();
  const conflicts = useConflicts(chain.id);
  const directory = useChainDirectory(chain.id);
  const [creating, setCreating] = useState(false);
  const isCoordinator = chain.myRole === 'coordinator';
  const ownActorId = chain.myRole === 'partner' ? (chain.myActorId ?? undefined) : undefined;
  const canReport = isCoordinator || ownActorId !== undefined;
  const actorName = (id: string) => directory.data?.actorById.get(id)?.name ?? '…';
  const all = conflicts.data ?? [];
  const reportButton = canReport && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      {t('conflicts.report')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('conflicts.title')} description={t('conflicts.intro')} actions={reportButton} />
      <ConfidentialNotice />
      {conflicts.isPending && <PageLoader />}
      {conflicts.isError && <ErrorAlert error={conflicts.error} onRetry={() => void conflicts.refetch()} />}
      {conflicts.isSuccess && all.length === 0 && (
        <EmptyState
          icon={<IconScale size={28} />}
          withIndicatorBackground
          title={t('conflicts.emptyTitle')}
          description={isCoordinator ? t('conflicts.emptyBody') : t('conflicts.emptyBodyPartner')}
        >
          {reportButton && <EmptyState.Actions>{reportButton}</EmptyState.Actions>}
        </EmptyState>
      )}
      {conflicts.isSuccess && all.length > 0 && (
        <Stack gap="xl">
          {CONFLICT_STATUS_ORDER.map((status) => {
            const group = all.filter((c) => c.status === status);
            if (group.length === 0) return null;
            return (
              <Stack key={status} gap="sm" component="section" aria-labelledby={`conflicts-${status}`}>
                <Title order={2} size="h4" id={`conflicts-${status}`}>
                  {t(`conflicts.groups.${status}`, { count: group.length })}
                </Title>
                <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
                  {group.map((c) => (
                    <ConflictCard key={c.id} conflict={c} chainId={chain.id} actorName={actorName} />
                  ))}
                </SimpleGrid>
              </Stack>
            );
          })}
        </Stack>
      )}
      {creating && (
        <ConflictFormModal
          chainId={chain.id}
          ownActorId={ownActorId}
          mediator={isCoordinator}
          onClose={() => setCreating(false)}
          onSaved={(c) => void navigate(`/chains/${chain.id}/conflicts/${c.id}`)}
        />
      )}
    </>
  );
}

/** `/chains/:chainId/conflicts`: the conflicts between partners, seen by coordinators and the parties only. */
export function ConflictsPage() {
  const chain = useCurrentChain();
  return chain.myRole === 'observer' ? <ObserverRefusal /> : <ConflictsList />;
}
