import { Alert, Anchor, Button, Card, Group, Stack, Stepper, Text, Timeline, Title } from '@mantine/core';
import {
  IconCalendarEvent,
  IconCheck,
  IconFileCertificate,
  IconPencil,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import type { Conflict } from '@tisserand/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useFormat } from '../../app/format';
import { BackLink, ErrorAlert, notifySuccess, PageHeader, PageLoader, QueryBoundary } from '../../app/ui';
import { ConfirmModal, DeleteError } from '../actors/components/ConfirmModal';
import { useAgreements } from '../agreements/api';
import { AgreementStatusBadge } from '../agreements/components/AgreementBadges';
import { useCurrentChain } from '../chains/ChainLayout';
import { useChainDirectory } from '../overview/api';
import { useConflict, useDeleteConflict, useSessions } from './api';
import { ObserverRefusal } from './ConflictsPage';
import { ConfidentialNotice, ConflictBadges } from './components/ConflictBadges';
import { ConflictFormModal } from './components/ConflictFormModal';
import { SessionFormModal } from './components/SessionFormModal';
import { stepOf } from './labels';

/** reported → in mediation → resolved / escalated / closed, with the step reached. */
function StatusFlow({ status }: { status: Conflict['status'] }) {
  const { t } = useTranslation();
  const step = stepOf(status);
  const outcome = step === 2 ? t(`conflicts.statuses.${status}`) : t('conflicts.flow.outcome');
  return (
    <Stepper
      active={step === 2 ? 3 : step}
      size="sm"
      color={status === 'escalated' ? 'red' : 'teal'}
      aria-label={t('conflicts.flow.label', { status: t(`conflicts.statuses.${status}`) })}
      completedIcon={<IconCheck size={16} aria-hidden />}
      data-testid="conflict-flow"
    >
      <Stepper.Step label={t('conflicts.statuses.reported')} description={t('conflicts.flow.reportedHelp')} />
      <Stepper.Step
        label={t('conflicts.statuses.in_mediation')}
        description={t('conflicts.flow.mediationHelp')}
      />
      <Stepper.Step label={outcome} description={t('conflicts.flow.outcomeHelp')} />
    </Stepper>
  );
}

function SessionsCard({
  chainId,
  conflict,
  canWrite,
  actorName,
}: {
  chainId: string;
  conflict: Conflict;
  canWrite: boolean;
  actorName: (id: string) => string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const sessions = useSessions(chainId, conflict.id);
  const [adding, setAdding] = useState(false);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="sessions-title">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4" id="sessions-title">
          {t('conflicts.sessions.title')}
        </Title>
        {canWrite && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            {t('conflicts.sessions.add')}
          </Button>
        )}
      </Group>
      {sessions.isPending && <PageLoader />}
      {sessions.isError && <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {sessions.isSuccess && sessions.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('conflicts.sessions.empty')}
        </Text>
      )}
      {sessions.isSuccess && sessions.data.length > 0 && (
        <Timeline bulletSize={26} lineWidth={2} active={sessions.data.length - 1} data-testid="sessions">
          {sessions.data.map((s) => (
            <Timeline.Item
              key={s.id}
              bullet={<IconCalendarEvent size={14} aria-hidden />}
              title={<Text fw={600}>{format.date(s.date)}</Text>}
            >
              {s.attendeeActorIds.length > 0 && (
                <Text size="xs" c="dimmed">
                  {t('conflicts.sessions.attended', { names: s.attendeeActorIds.map(actorName).join(', ') })}
                </Text>
              )}
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
                {s.notes}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {adding && <SessionFormModal chainId={chainId} conflict={conflict} onClose={() => setAdding(false)} />}
    </Card>
  );
}

function ConflictBody({ conflict, back }: { conflict: Conflict; back: ReactNode }) {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const navigate = useNavigate();
  const directory = useChainDirectory(chain.id);
  const agreements = useAgreements(chain.id);
  const remove = useDeleteConflict(chain.id);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const isCoordinator = chain.myRole === 'coordinator';
  const actorName = (id: string) => directory.data?.actorById.get(id)?.name ?? '…';
  const agreement = conflict.agreementId
    ? agreements.data?.find((a) => a.id === conflict.agreementId)
    : undefined;
  return (
    <>
      {back}
      <PageHeader
        title={conflict.title}
        actions={
          isCoordinator && (
            <>
              <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                {t('conflicts.edit')}
              </Button>
              <Button
                color="red"
                variant="outline"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => {
                  remove.reset();
                  setDeleting(true);
                }}
              >
                {t('common.delete')}
              </Button>
            </>
          )
        }
      />
      <ConfidentialNotice />
      <Stack gap="lg">
        <ConflictBadges conflict={conflict} />
        <Card withBorder padding="lg" component="section" aria-labelledby="flow-title">
          <Title order={2} size="h4" id="flow-title" mb="md">
            {t('conflicts.flow.title')}
          </Title>
          <StatusFlow status={conflict.status} />
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="about-title">
          <Title order={2} size="h4" id="about-title" mb="sm">
            {t('conflicts.about')}
          </Title>
          <Stack gap="sm">
            <Text size="sm">
              <Text span fw={600}>
                {t('conflicts.partiesLabel')}
              </Text>{' '}
              {conflict.partyActorIds.map((id, i) => (
                <span key={id}>
                  {i > 0 && ', '}
                  <Anchor component={Link} to={`/chains/${chain.id}/actors/${id}`} inherit>
                    {actorName(id)}
                  </Anchor>
                </span>
              ))}
            </Text>
            <Text
              size="sm"
              style={{ whiteSpace: 'pre-line' }}
              c={conflict.description ? undefined : 'dimmed'}
            >
              {conflict.description ?? t('conflicts.noDescription')}
            </Text>
          </Stack>
        </Card>
        <SessionsCard chainId={chain.id} conflict={conflict} canWrite={isCoordinator} actorName={actorName} />
        <Card withBorder padding="lg" component="section" aria-labelledby="resolution-title">
          <Title order={2} size="h4" id="resolution-title" mb="sm">
            {t('conflicts.resolution')}
          </Title>
          <Stack gap="sm">
            <Text size="sm" style={{ whiteSpace: 'pre-line' }} c={conflict.resolution ? undefined : 'dimmed'}>
              {conflict.resolution ?? t('conflicts.noResolution')}
            </Text>
            {conflict.agreementId && (
              <Alert variant="light" color="teal" icon={<IconFileCertificate aria-hidden />} p="sm">
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {t('conflicts.settledBy')}
                  </Text>
                  <Anchor
                    component={Link}
                    to={`/chains/${chain.id}/agreements/${conflict.agreementId}`}
                    size="sm"
                  >
                    {agreement?.title ?? '…'}
                  </Anchor>
                  {agreement && <AgreementStatusBadge status={agreement.status} />}
                </Group>
              </Alert>
            )}
          </Stack>
        </Card>
      </Stack>
      {editing && (
        <ConflictFormModal
          chainId={chain.id}
          conflict={conflict}
          mediator
          onClose={() => setEditing(false)}
        />
      )}
      {deleting && (
        <ConfirmModal
          title={t('conflicts.deleteTitle', { title: conflict.title })}
          body={t('conflicts.deleteBody')}
          confirmLabel={t('common.delete')}
          loading={remove.isPending}
          error={<DeleteError error={remove.error} />}
          onClose={() => setDeleting(false)}
          onConfirm={() =>
            remove.mutate(conflict, {
              onSuccess: () => {
                notifySuccess(t('conflicts.deleted', { title: conflict.title }));
                void navigate(`/chains/${chain.id}/conflicts`, { replace: true });
              },
            })
          }
        />
      )}
    </>
  );
}

function ConflictLoader() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const { conflictId = '' } = useParams();
  const conflict = useConflict(chain.id, conflictId);
  const back = <BackLink to={`/chains/${chain.id}/conflicts`} label={t('conflicts.back')} />;
  return (
    <QueryBoundary query={conflict} back={back}>
      {(data) => <ConflictBody conflict={data} back={back} />}
    </QueryBoundary>
  );
}

/** `/chains/:chainId/conflicts/:conflictId`: one conflict, its mediation and how it was settled (confidential). */
export function ConflictPage() {
  const chain = useCurrentChain();
  return chain.myRole === 'observer' ? <ObserverRefusal /> : <ConflictLoader />;
}
