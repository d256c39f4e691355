import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconPencil, IconTrash } from '@tabler/icons-react';
import type { Initiative } from '@tisserand/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { BackLink, ErrorAlert, notifySuccess, PageHeader, PageLoader, QueryBoundary } from '../../app/ui';
import { ConfirmModal, DeleteError } from '../actors/components/ConfirmModal';
import { useCapitals } from '../capitals/api';
import { useCurrentChain } from '../chains/ChainLayout';
import { useGoals } from '../goals/api';
import { useDataFormat } from '../indicators/format';
import { useChainDirectory } from '../overview/api';
import { useDeleteInitiative, useInitiative } from './api';
import { AcceptedHarms, OpenHarmBadges } from './components/HarmBadges';
import { InitiativeFormModal } from './components/InitiativeFormModal';
import { WealthMatrixEditor } from './components/WealthMatrixEditor';
import { InitiativeStatusBadge, useBudgetText } from './InitiativesPage';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text component="dt" size="sm" fw={600} c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm">
        {children}
      </Text>
    </Stack>
  );
}

/** Open harms first ("while harming none"), then the accepted ones with their reasons. */
function HarmsCard({ initiative, chainId }: { initiative: Initiative; chainId: string }) {
  const { t } = useTranslation();
  const open = initiative.harms.length > 0;
  return (
    <Alert
      color={open ? 'red' : 'teal'}
      variant="light"
      icon={open ? <IconAlertTriangle aria-hidden /> : <IconCircleCheck aria-hidden />}
      title={
        open
          ? t('initiatives.page.openHarms', { count: initiative.harms.length })
          : t('initiatives.page.noOpenHarm')
      }
      aria-live="polite"
      data-testid="initiative-harms"
    >
      <Stack gap="xs">
        <Text size="sm">
          {open ? t('initiatives.page.openHarmsHelp') : t('initiatives.page.noOpenHarmHelp')}
        </Text>
        <OpenHarmBadges chainId={chainId} harms={initiative.harms} />
        <AcceptedHarms chainId={chainId} initiative={initiative} />
      </Stack>
    </Alert>
  );
}

function InitiativeBody({ initiative, back }: { initiative: Initiative; back: ReactNode }) {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const navigate = useNavigate();
  const format = useDataFormat();
  const budget = useBudgetText();
  const capitals = useCapitals(chain.id);
  const directory = useChainDirectory(chain.id);
  const goals = useGoals(chain.id);
  const remove = useDeleteInitiative(chain.id);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const isCoordinator = chain.myRole === 'coordinator';
  const base = `/chains/${chain.id}`;
  const actorLink = (id: string) => (
    <Anchor key={id} component={Link} to={`${base}/actors/${id}`} inherit>
      {directory.data?.actorById.get(id)?.name ?? '…'}
    </Anchor>
  );
  const none = (
    <Text span c="dimmed" fs="italic" inherit>
      {t('common.none')}
    </Text>
  );
  const joined = (nodes: ReactNode[]) =>
    nodes.length === 0
      ? none
      : nodes.map((node, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list rendered once
          <span key={i}>
            {i > 0 && ', '}
            {node}
          </span>
        ));

  return (
    <>
      {back}
      <PageHeader
        title={initiative.title}
        actions={
          isCoordinator && (
            <>
              <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                {t('initiatives.edit')}
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
                {t('initiatives.delete')}
              </Button>
            </>
          )
        }
      />
      <Group gap="xs" mt={-8} mb="lg">
        <InitiativeStatusBadge status={initiative.status} />
      </Group>
      <Stack gap="lg">
        <HarmsCard initiative={initiative} chainId={chain.id} />
        <Card withBorder padding="lg" component="section" aria-labelledby="initiative-details-title">
          <Title order={2} size="h4" id="initiative-details-title" mb="md">
            {t('initiatives.page.details')}
          </Title>
          <Stack gap="md" component="dl" m={0}>
            {initiative.description && (
              <Field label={t('initiatives.fields.description')}>
                <span style={{ whiteSpace: 'pre-line' }}>{initiative.description}</span>
              </Field>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              <Field label={t('initiatives.fields.leadActor')}>
                {initiative.leadActorId ? actorLink(initiative.leadActorId) : none}
              </Field>
              <Field label={t('initiatives.fields.actors')}>
                {joined(initiative.actorIds.map(actorLink))}
              </Field>
              <Field label={t('initiatives.fields.goals')}>
                {joined(
                  initiative.goalIds.map((id) => (
                    <Anchor key={id} component={Link} to={`${base}/goals/${id}`} inherit>
                      {goals.data?.find((g) => g.id === id)?.title ?? '…'}
                    </Anchor>
                  )),
                )}
              </Field>
              <Field label={t('initiatives.fields.startDate')}>
                {initiative.startDate ? format.date(initiative.startDate) : none}
              </Field>
              <Field label={t('initiatives.fields.endDate')}>
                {initiative.endDate ? format.date(initiative.endDate) : none}
              </Field>
              <Field label={t('initiatives.fields.budget')}>
                {initiative.budget !== null ? budget(initiative.budget) : none}
              </Field>
            </SimpleGrid>
          </Stack>
        </Card>
        {capitals.isError && <ErrorAlert error={capitals.error} onRetry={() => void capitals.refetch()} />}
        {capitals.isPending && <PageLoader />}
        {capitals.isSuccess && (
          <WealthMatrixEditor
            chainId={chain.id}
            initiative={initiative}
            capitals={capitals.data}
            canEdit={isCoordinator}
          />
        )}
      </Stack>
      {editing && (
        <InitiativeFormModal chainId={chain.id} initiative={initiative} onClose={() => setEditing(false)} />
      )}
      {deleting && (
        <ConfirmModal
          title={t('initiatives.deleteTitle', { title: initiative.title })}
          body={t('initiatives.deleteBody')}
          confirmLabel={t('initiatives.delete')}
          loading={remove.isPending}
          error={<DeleteError error={remove.error} />}
          onClose={() => setDeleting(false)}
          onConfirm={() =>
            remove.mutate(initiative, {
              onSuccess: () => {
                notifySuccess(t('initiatives.deleted', { title: initiative.title }));
                void navigate(`${base}/initiatives`, { replace: true });
              },
            })
          }
        />
      )}
    </>
  );
}

/** `/chains/:chainId/initiatives/:initiativeId`: an initiative and its wealth matrix (edited by coordinators). */
export function InitiativePage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const { initiativeId = '' } = useParams();
  const initiative = useInitiative(chain.id, initiativeId);
  const back = <BackLink to={`/chains/${chain.id}/initiatives`} label={t('initiatives.page.back')} />;
  return (
    <QueryBoundary query={initiative} back={back}>
      {(data) => <InitiativeBody initiative={data} back={back} />}
    </QueryBoundary>
  );
}
