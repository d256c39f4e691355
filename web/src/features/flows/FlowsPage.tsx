import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconArrowRight, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { FLOW_STATUSES, FLOW_TYPES, type Flow } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, notifySuccess, PageHeader, PageLoader } from '../../app/ui';
import { ConfirmModal, DeleteError } from '../actors/components/ConfirmModal';
import { oneOf } from '../actors/labels';
import { useCurrentChain } from '../chains/ChainLayout';
import { useChainDirectory } from '../overview/api';
import { type FlowFilters, useFlowMutations, useFlows } from './api';
import { FlowAmount, FlowDates, FlowStatusBadge, FlowTypeBadge } from './components/FlowCells';
import { FlowFormModal } from './components/FlowFormModal';

/** `/chains/:chainId/flows`: what goes from which actor to which, with filters; coordinators add and edit. */
export function FlowsPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const directory = useChainDirectory(chain.id);
  const [type, setType] = useState<FlowFilters['type']>();
  const [status, setStatus] = useState<FlowFilters['status']>();
  const [actorId, setActorId] = useState<string>();
  const filters: FlowFilters = { type, status, actorId };
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const flows = useFlows(chain.id, filters);
  const { remove } = useFlowMutations(chain.id);
  const [editing, setEditing] = useState<Flow | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Flow | null>(null);
  const canWrite = chain.myRole === 'coordinator';
  const rows = flows.data?.pages.flatMap((page) => page.items) ?? [];
  const base = `/chains/${chain.id}`;
  const nameOf = (id: string) => directory.data?.actorById.get(id)?.name ?? t('flows.unknownActor');
  const actorLink = (id: string) => (
    <Anchor component={Link} to={`${base}/actors/${id}`}>
      {nameOf(id)}
    </Anchor>
  );

  return (
    <>
      <PageHeader
        title={t('flows.title')}
        description={t('flows.intro')}
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
              {t('flows.add')}
            </Button>
          )
        }
      />
      <Card withBorder padding="md" mb="md" component="section" aria-label={t('flows.filters.label')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('flows.filters.type')}
            placeholder={t('flows.filters.all')}
            clearable
            data={FLOW_TYPES.map((v) => ({ value: v, label: t(`flows.types.${v}`) }))}
            value={type ?? null}
            onChange={(value) => setType(oneOf(FLOW_TYPES, value) ?? undefined)}
          />
          <Select
            label={t('flows.filters.status')}
            placeholder={t('flows.filters.all')}
            clearable
            data={FLOW_STATUSES.map((v) => ({ value: v, label: t(`flows.statuses.${v}`) }))}
            value={status ?? null}
            onChange={(value) => setStatus(oneOf(FLOW_STATUSES, value) ?? undefined)}
          />
          <Select
            label={t('flows.filters.actor')}
            placeholder={t('flows.filters.allActors')}
            clearable
            searchable
            data={(directory.data?.actors ?? []).map((a) => ({ value: a.id, label: a.name }))}
            value={actorId ?? null}
            onChange={(value) => setActorId(value ?? undefined)}
          />
        </SimpleGrid>
      </Card>
      {flows.isPending && <PageLoader />}
      {flows.isError && <ErrorAlert error={flows.error} onRetry={() => void flows.refetch()} />}
      {flows.isSuccess && rows.length === 0 && (
        <Card withBorder padding="lg">
          <Stack gap="sm" align="flex-start">
            <Text fw={600}>{filtered ? t('flows.emptyFiltered') : t('flows.empty')}</Text>
            {!filtered && (
              <Text size="sm" c="dimmed">
                {canWrite ? t('flows.emptyCoordinator') : t('flows.emptyReader')}
              </Text>
            )}
            {!filtered && canWrite && (
              <Group gap="sm">
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
                  {t('flows.add')}
                </Button>
                <Button variant="default" component={Link} to={`${base}/import`}>
                  {t('flows.importLink')}
                </Button>
              </Group>
            )}
          </Stack>
        </Card>
      )}
      {rows.length > 0 && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={960}>
            <Table
              verticalSpacing="sm"
              horizontalSpacing="md"
              highlightOnHover
              data-testid="flows-table"
              aria-label={t('flows.tableLabel')}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('flows.columns.route')}</Table.Th>
                  <Table.Th scope="col">{t('flows.columns.type')}</Table.Th>
                  <Table.Th scope="col">{t('flows.columns.product')}</Table.Th>
                  <Table.Th scope="col">{t('flows.columns.amount')}</Table.Th>
                  <Table.Th scope="col">{t('flows.columns.status')}</Table.Th>
                  <Table.Th scope="col">{t('flows.columns.dates')}</Table.Th>
                  {canWrite && (
                    <Table.Th scope="col" ta="right">
                      {t('common.actions')}
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((flow) => (
                  <Table.Tr key={flow.id}>
                    <Table.Th scope="row" fw={500}>
                      <Group gap={6} wrap="nowrap">
                        {actorLink(flow.sourceId)}
                        <IconArrowRight size={14} aria-label={t('flows.to')} />
                        {actorLink(flow.targetId)}
                      </Group>
                    </Table.Th>
                    <Table.Td>
                      <FlowTypeBadge flow={flow} />
                    </Table.Td>
                    <Table.Td>{flow.product ?? t('common.none')}</Table.Td>
                    <Table.Td>
                      <FlowAmount flow={flow} />
                    </Table.Td>
                    <Table.Td>
                      <FlowStatusBadge status={flow.status} />
                    </Table.Td>
                    <Table.Td>
                      <FlowDates flow={flow} />
                    </Table.Td>
                    {canWrite && (
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Tooltip label={t('flows.edit')}>
                            <ActionIcon
                              variant="subtle"
                              aria-label={t('flows.editLabel', {
                                source: nameOf(flow.sourceId),
                                target: nameOf(flow.targetId),
                              })}
                              onClick={() => setEditing(flow)}
                            >
                              <IconPencil size={18} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={t('common.delete')}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('flows.deleteLabel', {
                                source: nameOf(flow.sourceId),
                                target: nameOf(flow.targetId),
                              })}
                              onClick={() => {
                                remove.reset();
                                setDeleting(flow);
                              }}
                            >
                              <IconTrash size={18} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {flows.hasNextPage && (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            onClick={() => void flows.fetchNextPage()}
            loading={flows.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
      {canWrite && editing !== null && (
        <FlowFormModal
          chainId={chain.id}
          flow={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <ConfirmModal
          title={t('flows.deleteTitle', {
            source: nameOf(deleting.sourceId),
            target: nameOf(deleting.targetId),
          })}
          body={t('flows.deleteBody')}
          confirmLabel={t('common.delete')}
          loading={remove.isPending}
          error={<DeleteError error={remove.error} />}
          onClose={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting, {
              onSuccess: () => {
                notifySuccess(t('flows.deleted'));
                setDeleting(null);
              },
            })
          }
        />
      )}
    </>
  );
}
