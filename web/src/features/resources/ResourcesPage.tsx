import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  Title,
} from '@mantine/core';
import { IconExternalLink, IconLifebuoy, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { GapItem, Resource } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format';
import { ErrorAlert, notifySuccess, PageHeader, PageLoader } from '../../app/ui';
import { ConfirmModal } from '../actors/components/ConfirmModal';
import { oneOf } from '../actors/labels';
import { useCurrentChain } from '../chains/ChainLayout';
import { daysFromToday, formatDay } from '../exchanges/dates';
import { useCapitalLabel, useGaps } from '../gaps/api';
import { useChainDirectory } from '../overview/api';
import { useResourceMutations, useResources } from './api';
import { ResourceFormModal } from './components/ResourceFormModal';
import { RESOURCE_KINDS, RESOURCE_STATUS_COLOR, RESOURCE_STATUSES, STATUS_STEPS } from './labels';

/** Days left to a deadline, in words and colour (past: "closed"). */
function DeadlineBadge({ deadline }: { deadline: string }) {
  const { t, i18n } = useTranslation();
  const days = daysFromToday(deadline);
  const color = days < 0 ? 'gray' : days <= 14 ? 'red' : days <= 45 ? 'orange' : 'teal';
  const text =
    days < 0
      ? t('resources.deadlinePassed')
      : days === 0
        ? t('resources.deadlineToday')
        : t('resources.deadlineIn', { count: days });
  return (
    <Group gap={6}>
      <Text size="sm">{t('resources.deadlineOn', { date: formatDay(deadline, i18n.language) })}</Text>
      <Badge
        color={color}
        variant={days >= 0 && days <= 14 ? 'filled' : 'light'}
        style={{ textTransform: 'none' }}
        data-testid="deadline-badge"
      >
        {text}
      </Badge>
    </Group>
  );
}

/** Where the resource stands on identified → contacted → applied → obtained (or declined). */
function StatusPath({ status }: { status: Resource['status'] }) {
  const { t } = useTranslation();
  if (status === 'declined') {
    return (
      <Badge color="red" variant="light" style={{ textTransform: 'none' }}>
        {t('resources.statuses.declined')}
      </Badge>
    );
  }
  const active = STATUS_STEPS.indexOf(status);
  return (
    <Stepper
      active={status === 'obtained' ? STATUS_STEPS.length : active}
      size="xs"
      iconSize={20}
      allowNextStepsSelect={false}
      aria-label={t('resources.statusPath', { status: t(`resources.statuses.${status}`) })}
    >
      {STATUS_STEPS.map((s) => (
        <Stepper.Step key={s} label={t(`resources.statuses.${s}`)} allowStepSelect={false} />
      ))}
    </Stepper>
  );
}

function ResourceCard({
  resource,
  chainId,
  gapByKey,
  canWrite,
  onEdit,
  onDelete,
}: {
  resource: Resource;
  chainId: string;
  gapByKey: Map<string, GapItem>;
  canWrite: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const directory = useChainDirectory(chainId);
  const capitalLabel = useCapitalLabel(chainId);
  const { update } = useResourceMutations(chainId);
  const titleId = `resource-${resource.id}-title`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId} data-testid="resource-card">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={3} size="h5" id={titleId}>
              {resource.name}
            </Title>
            {resource.organization && (
              <Text size="sm" c="dimmed">
                {resource.organization}
              </Text>
            )}
          </Stack>
          <Group gap={4} wrap="nowrap">
            <Badge variant="light" color="grape" style={{ minWidth: 'max-content' }}>
              {t(`resources.kinds.${resource.kind}`)}
            </Badge>
            {canWrite && (
              <>
                <ActionIcon
                  variant="subtle"
                  aria-label={t('resources.editLabel', { name: resource.name })}
                  onClick={onEdit}
                >
                  <IconPencil size={16} aria-hidden />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('resources.deleteLabel', { name: resource.name })}
                  onClick={onDelete}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </>
            )}
          </Group>
        </Group>
        {resource.description && (
          <Text size="sm" lineClamp={4} style={{ whiteSpace: 'pre-line' }}>
            {resource.description}
          </Text>
        )}
        {resource.url && (
          <Anchor href={resource.url} target="_blank" rel="noreferrer" size="sm">
            <Group gap={4} component="span">
              {t('resources.website')}
              <IconExternalLink size={14} aria-label={t('resources.newTab')} />
            </Group>
          </Anchor>
        )}
        {resource.deadline && <DeadlineBadge deadline={resource.deadline} />}
        {resource.amount !== null && (
          <Text size="sm">{t('resources.amountLine', { amount: format.number(resource.amount) })}</Text>
        )}
        {resource.capitals.length > 0 && (
          <Group gap={4}>
            <Text size="sm" c="dimmed">
              {t('resources.capitalsServed')}
            </Text>
            {resource.capitals.map((c) => (
              <Badge key={c} variant="outline" color="teal" style={{ textTransform: 'none' }}>
                {capitalLabel(c)}
              </Badge>
            ))}
          </Group>
        )}
        {resource.actorIds.length > 0 && (
          <Text size="sm">
            <Text span c="dimmed">
              {t('resources.forActors')}{' '}
            </Text>
            {resource.actorIds.map((id, i) => (
              <span key={id}>
                {i > 0 && ', '}
                <Anchor component={Link} to={`/chains/${chainId}/actors/${id}`} size="sm">
                  {directory.data?.actorById.get(id)?.name ?? '…'}
                </Anchor>
              </span>
            ))}
          </Text>
        )}
        {resource.gapKeys.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {t('resources.forGaps')}
            </Text>
            <List size="sm" spacing={2}>
              {resource.gapKeys.map((key) => (
                <List.Item key={key}>
                  <Anchor component={Link} to={`/chains/${chainId}/gaps`} size="sm">
                    {gapByKey.get(key)?.explanation ?? t('resources.gapGone')}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
        <StatusPath status={resource.status} />
        {canWrite && (
          <Select
            size="xs"
            w={220}
            label={t('resources.fields.status')}
            aria-label={t('resources.changeStatus', { name: resource.name })}
            allowDeselect={false}
            data={RESOURCE_STATUSES.map((s) => ({ value: s, label: t(`resources.statuses.${s}`) }))}
            value={resource.status}
            disabled={update.isPending}
            onChange={(value) => {
              const status = oneOf(RESOURCE_STATUSES, value);
              if (status && status !== resource.status) update.mutate({ resource, body: { status } });
            }}
          />
        )}
        {update.isError && <ErrorAlert error={update.error} />}
      </Stack>
    </Card>
  );
}

/** `/chains/:chainId/resources`: funders, assistance, training, research and policy windows, deadlines first. */
export function ResourcesPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const resources = useResources(chain.id);
  const gaps = useGaps(chain.id, true);
  const { remove } = useResourceMutations(chain.id);
  const [kind, setKind] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [editing, setEditing] = useState<Resource | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Resource | null>(null);
  const isCoordinator = chain.myRole === 'coordinator';
  const gapByKey = new Map((gaps.data?.items ?? []).map((g) => [g.key, g]));
  const all = resources.data ?? [];
  // Open deadlines first (soonest on top), then those without one, then passed ones.
  const rank = (r: Resource) => {
    if (!r.deadline) return [1, ''] as const;
    return daysFromToday(r.deadline) < 0 ? ([2, r.deadline] as const) : ([0, r.deadline] as const);
  };
  const shown = all
    .filter((r) => (!kind || r.kind === kind) && (!status || r.status === status))
    .sort((a, b) => {
      const [ra, da] = rank(a);
      const [rb, db] = rank(b);
      return ra - rb || da.localeCompare(db) || a.name.localeCompare(b.name);
    });
  const addButton = isCoordinator && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      {t('resources.create')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('resources.title')} description={t('resources.intro')} actions={addButton} />
      {resources.isPending && <PageLoader />}
      {resources.isError && <ErrorAlert error={resources.error} onRetry={() => void resources.refetch()} />}
      {resources.isSuccess && all.length === 0 && (
        <EmptyState
          icon={<IconLifebuoy size={28} />}
          withIndicatorBackground
          title={t('resources.emptyTitle')}
          description={t(isCoordinator ? 'resources.emptyBody' : 'resources.emptyBodyReader')}
        >
          {addButton && <EmptyState.Actions>{addButton}</EmptyState.Actions>}
        </EmptyState>
      )}
      {resources.isSuccess && all.length > 0 && (
        <Stack gap="md">
          <Group gap="sm" align="flex-end">
            <Select
              label={t('resources.filters.kind')}
              placeholder={t('resources.filters.allKinds')}
              data={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`resources.kinds.${k}`) }))}
              value={kind}
              onChange={setKind}
              clearable
              w={240}
            />
            <Select
              label={t('resources.filters.status')}
              placeholder={t('resources.filters.allStatuses')}
              data={RESOURCE_STATUSES.map((s) => ({ value: s, label: t(`resources.statuses.${s}`) }))}
              value={status}
              onChange={setStatus}
              clearable
              w={200}
            />
            <Group gap={4}>
              {RESOURCE_STATUSES.map((s) => {
                const count = all.filter((r) => r.status === s).length;
                return (
                  <Badge
                    key={s}
                    color={RESOURCE_STATUS_COLOR[s]}
                    variant="light"
                    style={{ textTransform: 'none' }}
                  >
                    {t('resources.statusCount', { status: t(`resources.statuses.${s}`), count })}
                  </Badge>
                );
              })}
            </Group>
          </Group>
          {shown.length === 0 ? (
            <Text c="dimmed">{t('resources.noMatch')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
              {shown.map((r) => (
                <ResourceCard
                  key={r.id}
                  resource={r}
                  chainId={chain.id}
                  gapByKey={gapByKey}
                  canWrite={isCoordinator}
                  onEdit={() => setEditing(r)}
                  onDelete={() => {
                    remove.reset();
                    setDeleting(r);
                  }}
                />
              ))}
            </SimpleGrid>
          )}
        </Stack>
      )}
      {editing && (
        <ResourceFormModal
          chainId={chain.id}
          resource={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmModal
          title={t('resources.deleteTitle', { name: deleting.name })}
          body={t('resources.deleteBody')}
          confirmLabel={t('common.delete')}
          loading={remove.isPending}
          error={remove.error ? <ErrorAlert error={remove.error} /> : null}
          onClose={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting, {
              onSuccess: () => {
                notifySuccess(t('resources.deleted', { name: deleting.name }));
                setDeleting(null);
              },
            })
          }
        />
      )}
    </>
  );
}
