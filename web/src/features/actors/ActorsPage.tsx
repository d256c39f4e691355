import {
  Anchor,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { ACTOR_ROLES, ACTOR_STATUSES } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert, PageHeader, PageLoader } from '../../app/ui';
import { useCurrentChain } from '../chains/ChainLayout';
import { useStages } from '../stages/api';
import { type ActorFilters, useActors } from './api';
import { RoleBadge, StatusBadge } from './components/ActorBadges';
import { ActorFormModal } from './components/ActorFormModal';
import { oneOf } from './labels';

/** `/chains/:chainId/actors`: who is in the chain; search, filters, and (coordinators) a new actor. */
export function ActorsPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const stages = useStages(chain.id);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [role, setRole] = useState<ActorFilters['role']>();
  const [status, setStatus] = useState<ActorFilters['status']>();
  const [searchParams] = useSearchParams();
  // `?stageId=` opens the list on one stage (links from the stages page and the overview).
  const [stageId, setStageId] = useState<string | undefined>(searchParams.get('stageId') ?? undefined);
  const filters: ActorFilters = { q: q || undefined, role, status, stageId };
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const actors = useActors(chain.id, filters);
  const [adding, setAdding] = useState(false);
  const canCreate = chain.myRole === 'coordinator';
  const rows = actors.data?.pages.flatMap((page) => page.items) ?? [];
  const stageName = new Map((stages.data ?? []).map((s) => [s.id, s.name]));
  const base = `/chains/${chain.id}`;

  return (
    <>
      <PageHeader
        title={t('actors.title')}
        description={t('actors.intro')}
        actions={
          canCreate && (
            <>
              <Button
                variant="default"
                component={Link}
                to={`${base}/import`}
                leftSection={<IconFileImport size={16} aria-hidden />}
              >
                {t('actors.importLink')}
              </Button>
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
                {t('actors.add')}
              </Button>
            </>
          )
        }
      />
      <Card withBorder padding="md" mb="md" component="section" aria-label={t('actors.filters.label')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <TextInput
            label={t('actors.filters.search')}
            placeholder={t('actors.filters.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            type="search"
          />
          <Select
            label={t('actors.filters.role')}
            placeholder={t('actors.filters.all')}
            clearable
            data={ACTOR_ROLES.map((r) => ({ value: r, label: t(`actors.roles.${r}`) }))}
            value={role ?? null}
            onChange={(value) => setRole(oneOf(ACTOR_ROLES, value) ?? undefined)}
          />
          <Select
            label={t('actors.filters.status')}
            placeholder={t('actors.filters.all')}
            clearable
            data={ACTOR_STATUSES.map((s) => ({ value: s, label: t(`actors.statuses.${s}`) }))}
            value={status ?? null}
            onChange={(value) => setStatus(oneOf(ACTOR_STATUSES, value) ?? undefined)}
          />
          <Select
            label={t('actors.filters.stage')}
            placeholder={t('actors.filters.all')}
            clearable
            searchable
            data={(stages.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={stageId ?? null}
            onChange={(value) => setStageId(value ?? undefined)}
          />
        </SimpleGrid>
      </Card>

      {actors.isPending && <PageLoader />}
      {actors.isError && <ErrorAlert error={actors.error} onRetry={() => void actors.refetch()} />}
      {actors.isSuccess && rows.length === 0 && (
        <Card withBorder padding="lg" data-testid="actors-empty">
          <Stack gap="sm" align="flex-start">
            <Text fw={600}>{filtered ? t('actors.emptyFiltered') : t('actors.empty')}</Text>
            {!filtered && (
              <Text c="dimmed" size="sm">
                {canCreate ? t('actors.emptyCoordinator') : t('actors.emptyReader')}
              </Text>
            )}
            {!filtered && canCreate && (
              <Group gap="sm">
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
                  {t('actors.add')}
                </Button>
                <Button variant="default" component={Link} to={`${base}/import`}>
                  {t('actors.importLink')}
                </Button>
              </Group>
            )}
          </Stack>
        </Card>
      )}
      {rows.length > 0 && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={860}>
            <Table
              verticalSpacing="sm"
              horizontalSpacing="md"
              highlightOnHover
              data-testid="actors-table"
              aria-label={t('actors.tableLabel')}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('actors.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('actors.columns.role')}</Table.Th>
                  <Table.Th scope="col">{t('actors.columns.stages')}</Table.Th>
                  <Table.Th scope="col">{t('actors.columns.status')}</Table.Th>
                  <Table.Th scope="col">{t('actors.columns.municipality')}</Table.Th>
                  <Table.Th scope="col">{t('actors.columns.local')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((actor) => (
                  <Table.Tr key={actor.id}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor component={Link} to={`${base}/actors/${actor.id}`}>
                        {actor.name}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>
                      <RoleBadge role={actor.role} />
                    </Table.Td>
                    <Table.Td>
                      {actor.stageIds.length > 0
                        ? actor.stageIds.map((id) => stageName.get(id) ?? '?').join(', ')
                        : t('common.none')}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={actor.status} />
                    </Table.Td>
                    <Table.Td>{actor.municipality ?? t('common.none')}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {t('actors.localSummary', {
                        region: actor.inRegion ? t('actors.inRegionShort') : t('actors.outOfRegionShort'),
                        pct: actor.localOwnershipPct,
                      })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {actors.hasNextPage && (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            onClick={() => void actors.fetchNextPage()}
            loading={actors.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
      {adding && <ActorFormModal chainId={chain.id} canEditStatus onClose={() => setAdding(false)} />}
    </>
  );
}
