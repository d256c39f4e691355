import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Collapse,
  Group,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconChevronDown, IconChevronUp, IconLock, IconPencil } from '@tabler/icons-react';
import type { Chain, Proposal } from '@tisserand/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { useFormat } from '../../app/format';
import { ErrorAlert, notifySuccess, PageHeader, PageLoader } from '../../app/ui';
import { ConfirmModal } from '../actors/components/ConfirmModal';
import { useCurrentChain } from '../chains/ChainLayout';
import { useChainDirectory } from '../overview/api';
import { type PositionEntry, useCloseProposal, usePositions, useProposal } from './api';
import { PositionForm } from './components/PositionForm';
import { ClosingLine, PositionBadge, ProposalBadges } from './components/ProposalBadges';
import { ProposalFormModal } from './components/ProposalFormModal';
import { SpreadBar } from './components/SpreadBar';
import { SubjectLink } from './components/SubjectLink';

function PositionList({
  entries,
  actorName,
  chainId,
}: {
  entries: PositionEntry[];
  actorName: (id: string) => string;
  chainId: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="current-positions">
      {entries.map((e) => (
        <li key={e.actorId}>
          <Stack gap={2}>
            <Group gap="xs" wrap="wrap">
              <Anchor component={Link} to={`/chains/${chainId}/actors/${e.actorId}`} fw={600} size="sm">
                {actorName(e.actorId)}
              </Anchor>
              <PositionBadge position={e.position} />
              <Text size="xs" c="dimmed">
                {format.dateTime(e.at)}
                {e.recordedByCoordinator && ` · ${t('proposals.recordedByCoordinator')}`}
              </Text>
            </Group>
            {e.reason && (
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {e.reason}
              </Text>
            )}
          </Stack>
        </li>
      ))}
    </Stack>
  );
}

function HistoryTable({
  entries,
  actorName,
}: {
  entries: PositionEntry[];
  actorName: (id: string) => string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('proposals.history.when')}</Table.Th>
            <Table.Th scope="col">{t('proposals.history.actor')}</Table.Th>
            <Table.Th scope="col">{t('proposals.history.position')}</Table.Th>
            <Table.Th scope="col">{t('proposals.history.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...entries].reverse().map((e) => (
            <Table.Tr key={`${e.actorId}-${e.at}`}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(e.at)}</Table.Td>
              <Table.Td>
                {actorName(e.actorId)}
                {e.recordedByCoordinator && (
                  <Text size="xs" c="dimmed">
                    {t('proposals.recordedByCoordinator')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <PositionBadge position={e.position} />
              </Table.Td>
              <Table.Td>{e.reason ?? t('common.none')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PositionsCard({
  chain,
  proposal,
  actorName,
}: {
  chain: Chain;
  proposal: Proposal;
  actorName: (id: string) => string;
}) {
  const { t } = useTranslation();
  const positions = usePositions(chain.id, proposal.id);
  const [showHistory, setShowHistory] = useState(false);
  const open = proposal.status === 'open';
  const myActorId = chain.myActorId;
  const isParticipant = myActorId !== null && proposal.participantActorIds.includes(myActorId);
  const canTakeMine = open && chain.myRole === 'partner' && isParticipant && myActorId !== null;
  const isCoordinator = chain.myRole === 'coordinator';
  return (
    <>
      {positions.isError && <ErrorAlert error={positions.error} onRetry={() => void positions.refetch()} />}
      {positions.isPending && <PageLoader />}
      {positions.isSuccess && canTakeMine && myActorId && (
        <Card withBorder padding="lg" component="section" aria-labelledby="my-position-title">
          <Title order={2} size="h4" id="my-position-title" mb={4}>
            {t('proposals.mine.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('proposals.mine.intro', { actor: actorName(myActorId) })}
          </Text>
          <PositionForm
            chainId={chain.id}
            proposal={proposal}
            actorId={myActorId}
            current={positions.data.current}
            actorName={actorName}
          />
        </Card>
      )}
      {positions.isSuccess && open && isCoordinator && (
        <Card withBorder padding="lg" component="section" aria-labelledby="record-position-title">
          <Title order={2} size="h4" id="record-position-title" mb={4}>
            {t('proposals.record.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('proposals.record.intro')}
          </Text>
          <PositionForm
            chainId={chain.id}
            proposal={proposal}
            current={positions.data.current}
            actorName={actorName}
          />
        </Card>
      )}
      {positions.isSuccess && (
        <Card withBorder padding="lg" component="section" aria-labelledby="positions-title">
          <Title order={2} size="h4" id="positions-title" mb="sm">
            {t('proposals.current.title', { count: positions.data.current.length })}
          </Title>
          {positions.data.current.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('proposals.current.empty')}
            </Text>
          ) : (
            <PositionList entries={positions.data.current} actorName={actorName} chainId={chain.id} />
          )}
          {positions.data.history.length > 0 && (
            <Stack gap="sm" mt="md">
              <Button
                variant="subtle"
                size="xs"
                w="fit-content"
                leftSection={
                  showHistory ? (
                    <IconChevronUp size={14} aria-hidden />
                  ) : (
                    <IconChevronDown size={14} aria-hidden />
                  )
                }
                aria-expanded={showHistory}
                aria-controls="positions-history"
                onClick={() => setShowHistory((v) => !v)}
              >
                {showHistory
                  ? t('proposals.history.hide')
                  : t('proposals.history.show', { count: positions.data.history.length })}
              </Button>
              <Collapse expanded={showHistory} id="positions-history">
                <HistoryTable entries={positions.data.history} actorName={actorName} />
              </Collapse>
            </Stack>
          )}
        </Card>
      )}
    </>
  );
}

function ProposalBody({ proposal, back }: { proposal: Proposal; back: ReactNode }) {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const directory = useChainDirectory(chain.id);
  const close = useCloseProposal(chain.id);
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  const isCoordinator = chain.myRole === 'coordinator';
  const open = proposal.status === 'open';
  const actorName = (id: string) => directory.data?.actorById.get(id)?.name ?? '…';
  const myActorId = chain.myRole === 'partner' ? chain.myActorId : null;
  return (
    <>
      {back}
      <PageHeader
        title={proposal.title}
        actions={
          isCoordinator &&
          open && (
            <>
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => setEditing(true)}
              >
                {t('proposals.edit')}
              </Button>
              <Button
                leftSection={<IconLock size={16} aria-hidden />}
                onClick={() => {
                  close.reset();
                  setClosing(true);
                }}
              >
                {t('proposals.close')}
              </Button>
            </>
          )
        }
      />
      <Stack gap="lg">
        <Stack gap="xs" mt={-8}>
          <ProposalBadges proposal={proposal} myActorId={myActorId} />
          <ClosingLine proposal={proposal} />
          {proposal.subject && <SubjectLink chainId={chain.id} subject={proposal.subject} />}
          {proposal.description && <Text style={{ whiteSpace: 'pre-line' }}>{proposal.description}</Text>}
        </Stack>
        {!open && proposal.outcome && (
          <Alert
            color={
              proposal.outcome === 'consensus' ? 'teal' : proposal.outcome === 'blocked' ? 'red' : 'gray'
            }
            variant="light"
            title={t(`proposals.outcomes.${proposal.outcome}`)}
          >
            {t(`proposals.outcomeText.${proposal.outcome}`)}
            {proposal.outcome === 'consensus' && proposal.subject && ` ${t('proposals.outcomeText.adopted')}`}
          </Alert>
        )}
        <Card withBorder padding="lg" component="section" aria-labelledby="spread-title">
          <Group justify="space-between" mb="sm" wrap="wrap">
            <Title order={2} size="h4" id="spread-title">
              {t('proposals.spread.title')}
            </Title>
            <Badge variant="default">
              {t('proposals.spread.participants', { count: proposal.participantActorIds.length })}
            </Badge>
          </Group>
          <SpreadBar proposal={proposal} actorName={actorName} chainId={chain.id} />
        </Card>
        <PositionsCard chain={chain} proposal={proposal} actorName={actorName} />
      </Stack>
      {editing && (
        <ProposalFormModal chainId={chain.id} proposal={proposal} onClose={() => setEditing(false)} />
      )}
      {closing && (
        <ConfirmModal
          title={t('proposals.closeTitle', { title: proposal.title })}
          body={t('proposals.closeBody', { count: proposal.spread.missing.length })}
          confirmLabel={t('proposals.close')}
          loading={close.isPending}
          error={close.error ? <ErrorAlert error={close.error} /> : null}
          onClose={() => setClosing(false)}
          onConfirm={() =>
            close.mutate(proposal, {
              onSuccess: (closed) => {
                notifySuccess(t(`proposals.closedToast.${closed.outcome ?? 'no_consensus'}`));
                setClosing(false);
              },
            })
          }
        />
      )}
    </>
  );
}

/** `/chains/:chainId/proposals/:proposalId`: one question, where the participants stand, and one's own position. */
export function ProposalPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const { proposalId = '' } = useParams();
  const proposal = useProposal(chain.id, proposalId);
  const back = (
    <Anchor component={Link} to={`/chains/${chain.id}/proposals`} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('proposals.back')}
      </Group>
    </Anchor>
  );
  if (proposal.isPending) return <PageLoader />;
  if (proposal.isError) {
    return (
      <Stack align="flex-start">
        {back}
        <ErrorAlert
          error={proposal.error}
          onRetry={isApiError(proposal.error, 404) ? undefined : () => void proposal.refetch()}
        />
      </Stack>
    );
  }
  return <ProposalBody proposal={proposal.data} back={back} />;
}
