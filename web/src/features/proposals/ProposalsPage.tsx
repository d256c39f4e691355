import { Anchor, Button, Card, EmptyState, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconMessages, IconPlus } from '@tabler/icons-react';
import type { Proposal } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert, PageHeader, PageLoader } from '../../app/ui';
import { useCurrentChain } from '../chains/ChainLayout';
import { useProposals } from './api';
import { ClosingLine, ProposalBadges } from './components/ProposalBadges';
import { ProposalFormModal } from './components/ProposalFormModal';
import { SubjectLink } from './components/SubjectLink';
import { POSITION_COLOR, POSITIONS } from './labels';

function ProposalCard({
  proposal,
  chainId,
  myActorId,
}: {
  proposal: Proposal;
  chainId: string;
  myActorId: string | null;
}) {
  const { t } = useTranslation();
  const total = proposal.participantActorIds.length;
  const responses = total - proposal.spread.missing.length;
  const titleId = `proposal-${proposal.id}-title`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId} data-testid="proposal-card">
      <Stack gap="sm">
        <Title order={3} size="h5" id={titleId}>
          <Anchor component={Link} to={`/chains/${chainId}/proposals/${proposal.id}`} inherit>
            {proposal.title}
          </Anchor>
        </Title>
        <ProposalBadges proposal={proposal} myActorId={myActorId} />
        <ClosingLine proposal={proposal} />
        {proposal.subject && <SubjectLink chainId={chainId} subject={proposal.subject} />}
        <Stack gap={4}>
          <Progress.Root size="md" aria-hidden>
            {POSITIONS.map((p) =>
              proposal.spread.counts[p] > 0 ? (
                <Progress.Section
                  key={p}
                  value={total === 0 ? 0 : (proposal.spread.counts[p] / total) * 100}
                  color={POSITION_COLOR[p]}
                  withAria={false}
                />
              ) : null,
            )}
          </Progress.Root>
          <Text size="xs" c="dimmed">
            {t('proposals.responsesShort', { count: responses, total })}
          </Text>
        </Stack>
      </Stack>
    </Card>
  );
}

/** `/chains/:chainId/proposals`: the questions put to partners, open ones first with their closing date. */
export function ProposalsPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const navigate = useNavigate();
  const proposals = useProposals(chain.id);
  const [creating, setCreating] = useState(false);
  const isCoordinator = chain.myRole === 'coordinator';
  const myActorId = chain.myRole === 'partner' ? chain.myActorId : null;
  const all = proposals.data ?? [];
  const open = all.filter((p) => p.status === 'open').sort((a, b) => a.closesAt.localeCompare(b.closesAt));
  const closed = all
    .filter((p) => p.status === 'closed')
    .sort((a, b) => (b.closedAt ?? b.closesAt).localeCompare(a.closedAt ?? a.closesAt));
  const createButton = isCoordinator && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      {t('proposals.create')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('proposals.title')} description={t('proposals.intro')} actions={createButton} />
      {proposals.isPending && <PageLoader />}
      {proposals.isError && <ErrorAlert error={proposals.error} onRetry={() => void proposals.refetch()} />}
      {proposals.isSuccess && all.length === 0 && (
        <EmptyState
          icon={<IconMessages size={28} />}
          withIndicatorBackground
          title={t('proposals.emptyTitle')}
          description={isCoordinator ? t('proposals.emptyBody') : t('proposals.emptyBodyReader')}
        >
          {createButton && <EmptyState.Actions>{createButton}</EmptyState.Actions>}
        </EmptyState>
      )}
      {proposals.isSuccess && all.length > 0 && (
        <Stack gap="xl">
          {[
            { key: 'open', items: open },
            { key: 'closed', items: closed },
          ].map(({ key, items }) => (
            <Stack key={key} gap="sm" component="section" aria-labelledby={`proposals-${key}`}>
              <Title order={2} size="h4" id={`proposals-${key}`}>
                {t(key === 'open' ? 'proposals.groups.open' : 'proposals.groups.closed', {
                  count: items.length,
                })}
              </Title>
              {items.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t(key === 'open' ? 'proposals.noneOpen' : 'proposals.noneClosed')}
                </Text>
              ) : (
                <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
                  {items.map((p) => (
                    <ProposalCard key={p.id} proposal={p} chainId={chain.id} myActorId={myActorId} />
                  ))}
                </SimpleGrid>
              )}
            </Stack>
          ))}
        </Stack>
      )}
      {creating && (
        <ProposalFormModal
          chainId={chain.id}
          onClose={() => setCreating(false)}
          onSaved={(p) => void navigate(`/chains/${chain.id}/proposals/${p.id}`)}
        />
      )}
    </>
  );
}
