import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  MultiSelect,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconCalendarPlus, IconCheck, IconPencil, IconTrash } from '@tabler/icons-react';
import type { Convening, Flow } from '@tisserand/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { ErrorAlert, notifySuccess, PageHeader, PageLoader } from '../../app/ui';
import { ConfirmModal } from '../actors/components/ConfirmModal';
import { useCurrentChain } from '../chains/ChainLayout';
import { formatDay } from '../exchanges/dates';
import { useChainDirectory } from '../overview/api';
import { calendarUrl, useAllFlows, useConvening, useConveningMutations } from './api';
import { ConveningFormModal } from './components/ConveningFormModal';

function TextBlock({ title, children, empty }: { title: string; children: string | null; empty: string }) {
  return (
    <Card withBorder padding="lg" component="section">
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      {children ? (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {children}
        </Text>
      ) : (
        <Text size="sm" c="dimmed" fs="italic">
          {empty}
        </Text>
      )}
    </Card>
  );
}

/** Invited actors with whether each came (said in words), then those who came uninvited. */
function Participants({
  convening,
  chainId,
  name,
}: {
  convening: Convening;
  chainId: string;
  name: (id: string) => string;
}) {
  const { t } = useTranslation();
  const attended = new Set(convening.attendeeActorIds);
  const uninvited = convening.attendeeActorIds.filter((id) => !convening.invitedActorIds.includes(id));
  const row = (id: string, came: boolean): ReactNode => (
    <List.Item key={id}>
      <Group gap="xs" wrap="nowrap">
        <Anchor component={Link} to={`/chains/${chainId}/actors/${id}`} size="sm">
          {name(id)}
        </Anchor>
        {came ? (
          <Badge
            color="teal"
            variant="light"
            leftSection={<IconCheck size={12} aria-hidden />}
            style={{ textTransform: 'none' }}
          >
            {t('convenings.attended')}
          </Badge>
        ) : (
          <Badge color="gray" variant="outline" style={{ textTransform: 'none' }}>
            {t('convenings.absent')}
          </Badge>
        )}
      </Group>
    </List.Item>
  );
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="participants-title">
      <Title order={2} size="h5" id="participants-title" mb="xs">
        {t('convenings.participants', {
          invited: convening.invitedActorIds.length,
          attended: convening.attendeeActorIds.length,
        })}
      </Title>
      {convening.invitedActorIds.length === 0 && uninvited.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          {t('convenings.noParticipants')}
        </Text>
      ) : (
        <Stack gap="sm">
          {convening.invitedActorIds.length > 0 && (
            <List spacing={4} listStyleType="none" data-testid="invited-list">
              {convening.invitedActorIds.map((id) => row(id, attended.has(id)))}
            </List>
          )}
          {uninvited.length > 0 && (
            <>
              <Text size="sm" fw={600}>
                {t('convenings.uninvited')}
              </Text>
              <List spacing={4} listStyleType="none">
                {uninvited.map((id) => row(id, true))}
              </List>
            </>
          )}
        </Stack>
      )}
    </Card>
  );
}

/** The relationships (flows) that came out of the convening; coordinators link existing ones. */
function Relationships({
  convening,
  chainId,
  name,
  canWrite,
}: {
  convening: Convening;
  chainId: string;
  name: (id: string) => string;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const flows = useAllFlows(chainId);
  const { update } = useConveningMutations(chainId);
  const [picked, setPicked] = useState<string[]>(convening.flowIds);
  const byId = new Map((flows.data ?? []).map((f) => [f.id, f]));
  const label = (f: Flow) =>
    `${name(f.sourceId)} → ${name(f.targetId)}${f.product ? ` · ${f.product}` : ''} (${t(`flows.types.${f.type}`)})`;
  const changed =
    picked.length !== convening.flowIds.length || picked.some((id) => !convening.flowIds.includes(id));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="relationships-title">
      <Title order={2} size="h5" id="relationships-title" mb="xs">
        {t('convenings.relationships')}
      </Title>
      {convening.flowIds.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t(canWrite ? 'convenings.noRelationships' : 'convenings.noRelationshipsReader')}
        </Text>
      ) : (
        <List spacing={4} mb="sm" data-testid="convening-flows">
          {convening.flowIds.map((id) => {
            const f = byId.get(id);
            return (
              <List.Item key={id}>
                <Text size="sm">{f ? label(f) : '…'}</Text>
              </List.Item>
            );
          })}
        </List>
      )}
      {canWrite && (
        <Stack gap="xs">
          <MultiSelect
            label={t('convenings.pickFlows')}
            description={t('convenings.pickFlowsHelp')}
            searchable
            clearable
            data={(flows.data ?? []).map((f) => ({ value: f.id, label: label(f) }))}
            value={picked}
            onChange={setPicked}
          />
          {update.isError &&
            (isApiError(update.error, 412) ? (
              <Alert color="orange" variant="light" role="alert">
                {t('errors.stale')}
              </Alert>
            ) : (
              <ErrorAlert error={update.error} />
            ))}
          <Group gap="sm">
            <Button
              size="xs"
              disabled={!changed}
              loading={update.isPending}
              onClick={() =>
                update.mutate(
                  { convening, body: { flowIds: picked } },
                  { onSuccess: () => notifySuccess(t('convenings.flowsSaved')) },
                )
              }
            >
              {t('convenings.saveFlows')}
            </Button>
            <Anchor component={Link} to={`/chains/${chainId}/flows`} size="sm">
              {t('convenings.createFlow')}
            </Anchor>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

/** `/chains/:chainId/convenings/:conveningId`: one convening, who came, what came of it, and its .ics. */
export function ConveningPage() {
  const { t, i18n } = useTranslation();
  const chain = useCurrentChain();
  const { conveningId = '' } = useParams();
  const navigate = useNavigate();
  const convening = useConvening(chain.id, conveningId);
  const directory = useChainDirectory(chain.id);
  const { remove } = useConveningMutations(chain.id);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const isCoordinator = chain.myRole === 'coordinator';
  const name = (id: string) => directory.data?.actorById.get(id)?.name ?? '…';
  const back = (
    <Anchor component={Link} to={`/chains/${chain.id}/convenings`} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('convenings.back')}
      </Group>
    </Anchor>
  );
  if (convening.isPending) return <PageLoader />;
  if (convening.isError) {
    return (
      <Stack align="flex-start">
        {back}
        <ErrorAlert
          error={convening.error}
          onRetry={isApiError(convening.error, 404) ? undefined : () => void convening.refetch()}
        />
      </Stack>
    );
  }
  const c = convening.data;
  const none = t('convenings.notGiven');
  return (
    <>
      {back}
      <PageHeader
        title={c.title}
        description={[formatDay(c.date, i18n.language, 'full'), c.location].filter(Boolean).join(' · ')}
        actions={
          <>
            <Button
              component="a"
              href={calendarUrl(chain.id, c.id)}
              download={`${c.title}.ics`}
              variant="default"
              leftSection={<IconCalendarPlus size={16} aria-hidden />}
            >
              {t('convenings.addToCalendar')}
            </Button>
            {isCoordinator && (
              <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                {t('convenings.edit')}
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
                {t('common.delete')}
              </Button>
            )}
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <TextBlock title={t('convenings.fields.purpose')} empty={none}>
          {c.purpose}
        </TextBlock>
        <TextBlock title={t('convenings.fields.commonInterest')} empty={none}>
          {c.commonInterest}
        </TextBlock>
        <Participants convening={c} chainId={chain.id} name={name} />
        <Relationships
          key={c.version}
          convening={c}
          chainId={chain.id}
          name={name}
          canWrite={isCoordinator}
        />
        <TextBlock title={t('convenings.fields.notes')} empty={none}>
          {c.notes}
        </TextBlock>
        <TextBlock title={t('convenings.fields.outcomes')} empty={none}>
          {c.outcomes}
        </TextBlock>
      </SimpleGrid>
      {editing && <ConveningFormModal chainId={chain.id} convening={c} onClose={() => setEditing(false)} />}
      {deleting && (
        <ConfirmModal
          title={t('convenings.deleteTitle', { title: c.title })}
          body={t('convenings.deleteBody')}
          confirmLabel={t('common.delete')}
          loading={remove.isPending}
          error={remove.error ? <ErrorAlert error={remove.error} /> : null}
          onClose={() => setDeleting(false)}
          onConfirm={() =>
            remove.mutate(c, {
              onSuccess: () => {
                notifySuccess(t('convenings.deleted', { title: c.title }));
                void navigate(`/chains/${chain.id}/convenings`, { replace: true });
              },
            })
          }
        />
      )}
    </>
  );
}
