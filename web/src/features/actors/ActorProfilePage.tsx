import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil, IconTrash } from '@tabler/icons-react';
import type { Actor } from '@tisserand/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { useFormat } from '../../app/format';
import { ErrorAlert, notifySuccess, PageHeader, PageLoader } from '../../app/ui';
import { useCurrentChain } from '../chains/ChainLayout';
import { ActorExchangesSection } from '../exchanges/components/ActorExchangesSection';
import { useCapitalLabel, useGaps } from '../gaps/api';
import { GapCard } from '../gaps/components/GapCard';
import { CommitmentsSection } from '../goals/components/CommitmentsSection';
import { useChainDirectory } from '../overview/api';
import { useActor, useActorIntents, useDeleteActor } from './api';
import { RoleBadge, StatusBadge } from './components/ActorBadges';
import { ActorFlowsSection } from './components/ActorFlowsSection';
import { ActorFormModal } from './components/ActorFormModal';
import { ConfirmModal } from './components/ConfirmModal';
import { ContactsSection } from './components/ContactsSection';
import { IntentsSection } from './components/IntentsSection';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text component="dt" size="sm" fw={600} c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ whiteSpace: 'pre-line' }}>
        {children}
      </Text>
    </Stack>
  );
}

function Details({ actor, chainId }: { actor: Actor; chainId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const directory = useChainDirectory(chainId);
  const none = (
    <Text span c="dimmed" fs="italic">
      {t('actors.profile.notGiven')}
    </Text>
  );
  const place = [actor.postalCode, actor.municipality].filter(Boolean).join(' ');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="actor-details-title">
      <Title order={2} size="h4" id="actor-details-title" mb="md">
        {t('actors.profile.details')}
      </Title>
      <Stack gap="md" component="dl" m={0}>
        <Field label={t('actors.fields.selfInterest')}>
          <span data-testid="actor-self-interest">{actor.selfInterest ?? none}</span>
        </Field>
        <Field label={t('actors.fields.description')}>{actor.description ?? none}</Field>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          <Field label={t('actors.fields.kind')}>{t(`actors.kinds.${actor.kind}`)}</Field>
          <Field label={t('actors.fields.stages')}>
            {actor.stageIds.length === 0
              ? none
              : actor.stageIds.map((id, index) => (
                  <span key={id}>
                    {index > 0 && ', '}
                    <Anchor component={Link} to={`/chains/${chainId}/stages`}>
                      {directory.data?.stageById.get(id)?.name ?? '…'}
                    </Anchor>
                  </span>
                ))}
          </Field>
          <Field label={t('actors.profile.location')}>{place || none}</Field>
          <Field label={t('actors.profile.coordinates')}>
            {actor.lat !== null && actor.lon !== null ? `${actor.lat}, ${actor.lon}` : none}
          </Field>
          <Field label={t('actors.fields.inRegion')}>
            {actor.inRegion ? t('common.yes') : t('common.no')}
          </Field>
          <Field label={t('actors.fields.localOwnershipPct')}>
            {t('actors.profile.percent', { value: format.number(actor.localOwnershipPct) })}
          </Field>
          <Field label={t('actors.fields.lowIncomeFocus')}>
            {actor.lowIncomeFocus ? t('common.yes') : t('common.no')}
          </Field>
          <Field label={t('actors.fields.employees')}>
            {actor.employees !== null ? format.number(actor.employees) : none}
          </Field>
          <Field label={t('actors.fields.tags')}>
            {actor.tags.length === 0 ? (
              none
            ) : (
              <Group gap={4} component="span">
                {actor.tags.map((tag) => (
                  <Badge key={tag} variant="default" style={{ textTransform: 'none' }}>
                    {tag}
                  </Badge>
                ))}
              </Group>
            )}
          </Field>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}

/** The gaps that name this actor, or one of its offers and needs. */
function ActorGaps({ actor, chainId }: { actor: Actor; chainId: string }) {
  const { t } = useTranslation();
  const gaps = useGaps(chainId, false);
  const intents = useActorIntents(chainId, actor.id);
  const directory = useChainDirectory(chainId);
  const capitalLabel = useCapitalLabel(chainId);
  const own = new Set([actor.id, ...(intents.data?.items ?? []).map((i) => i.id)]);
  const concerned = (gaps.data?.items ?? []).filter((g) => g.entityIds.some((id) => own.has(id)));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="actor-gaps-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="actor-gaps-title">
          {t('actors.profile.gaps')}
        </Title>
        <Anchor component={Link} to={`/chains/${chainId}/gaps`} size="sm">
          {t('actors.profile.allGaps')}
        </Anchor>
      </Group>
      {gaps.isError && <ErrorAlert error={gaps.error} onRetry={() => void gaps.refetch()} />}
      {gaps.isSuccess && concerned.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('actors.profile.noGap')}
        </Text>
      )}
      <Stack gap="sm">
        {concerned.map((gap) => (
          <GapCard
            key={gap.key}
            gap={gap}
            chainId={chainId}
            directory={directory.data}
            capitalLabel={capitalLabel}
            canDismiss={false}
            showType
          />
        ))}
      </Stack>
    </Card>
  );
}

/** `/chains/:chainId/actors/:actorId`: everything about one actor, edited by coordinators and its own partner. */
export function ActorProfilePage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const { actorId = '' } = useParams();
  const navigate = useNavigate();
  const actor = useActor(chain.id, actorId);
  const directory = useChainDirectory(chain.id);
  const remove = useDeleteActor(chain.id);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const isCoordinator = chain.myRole === 'coordinator';
  const isOwnPartner = chain.myRole === 'partner' && chain.myActorId === actorId;
  const canEdit = isCoordinator || isOwnPartner;
  const back = (
    <Anchor component={Link} to={`/chains/${chain.id}/actors`} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('actors.profile.back')}
      </Group>
    </Anchor>
  );

  if (actor.isPending) return <PageLoader />;
  if (actor.isError) {
    return (
      <Stack align="flex-start">
        {back}
        <ErrorAlert
          error={actor.error}
          onRetry={isApiError(actor.error, 404) ? undefined : () => void actor.refetch()}
        />
      </Stack>
    );
  }
  const a = actor.data;
  const deleteError = remove.error;

  return (
    <>
      {back}
      <PageHeader
        title={a.name}
        actions={
          <>
            {canEdit && (
              <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                {t('actors.edit')}
              </Button>
            )}
            {isCoordinator && (
              <Button
                color="red"
                variant="outline"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => {
                  remove.reset();
                  setDeleting(true);
                }}
              >
                {t('actors.delete')}
              </Button>
            )}
          </>
        }
      />
      <Group gap="xs" mt={-8} mb="lg">
        <RoleBadge role={a.role} />
        <StatusBadge status={a.status} />
        {isOwnPartner && (
          <Badge color="grape" variant="light">
            {t('actors.profile.yourActor')}
          </Badge>
        )}
      </Group>
      <Stack gap="lg">
        <Details actor={a} chainId={chain.id} />
        {canEdit && <ContactsSection chainId={chain.id} actorId={a.id} actorName={a.name} />}
        <IntentsSection chainId={chain.id} actorId={a.id} canEdit={canEdit} />
        <CommitmentsSection chain={chain} actorId={a.id} />
        <ActorFlowsSection chainId={chain.id} actorId={a.id} directory={directory.data} />
        <ActorExchangesSection
          chainId={chain.id}
          actorId={a.id}
          directory={directory.data}
          canWrite={isCoordinator}
        />
        <ActorGaps actor={a} chainId={chain.id} />
      </Stack>
      {editing && (
        <ActorFormModal
          chainId={chain.id}
          actor={a}
          canEditStatus={isCoordinator}
          onClose={() => setEditing(false)}
        />
      )}
      {deleting && (
        <ConfirmModal
          title={t('actors.deleteTitle', { name: a.name })}
          body={t('actors.deleteBody', { name: a.name })}
          confirmLabel={t('actors.deleteConfirm')}
          loading={remove.isPending}
          error={
            deleteError ? (
              isApiError(deleteError, 409) ? (
                <Alert color="orange" variant="light" role="alert">
                  {t('actors.deleteBound')}
                </Alert>
              ) : (
                <ErrorAlert error={deleteError} />
              )
            ) : null
          }
          onClose={() => setDeleting(false)}
          onConfirm={() =>
            remove.mutate(a, {
              onSuccess: () => {
                notifySuccess(t('actors.deleted', { name: a.name }));
                void navigate(`/chains/${chain.id}/actors`, { replace: true });
              },
            })
          }
        />
      )}
    </>
  );
}
