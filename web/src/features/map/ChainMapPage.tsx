import './map.css';
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Chip,
  CloseButton,
  Grid,
  Group,
  List,
  Loader,
  MultiSelect,
  Paper,
  Select,
  Slider,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { IconRefresh, IconSearch } from '@tabler/icons-react';
import {
  ACTOR_ROLES,
  type Actor,
  type ActorRole,
  type ChainMap,
  FLOW_STATUSES,
  FLOW_TYPES,
  type Flow,
  type FlowType,
  type GapItem,
} from '@tisserand/core';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format';
import { ErrorAlert, PageHeader, PageLoader } from '../../app/ui';
import { useCurrentChain } from '../chains/ChainLayout';
import { useChainGaps, useChainMap } from './api';
import { MapEmptyState, MapLegend, TableToggle } from './components/MapParts';
import { SigmaMap } from './components/SigmaMap';
import {
  applyFilters,
  firstStageRank,
  gapActorIds,
  layeredLayout,
  type MapFilters,
  ROLE_COLORS,
  sortedStages,
  stageRanks,
  todayLocalIso,
} from './model';

const TABLE_ROWS = 300;
const DAY = 86_400_000;

function isoToDay(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
}
function dayToIso(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** A labelled group of chips (checkboxes), reachable with the keyboard. */
function ChipFilter<T extends string>({
  label,
  values,
  options,
  onChange,
}: {
  label: string;
  values: T[];
  options: { value: T; label: string }[];
  onChange: (values: T[]) => void;
}) {
  const id = `filter-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={id}>
        {label}
      </Text>
      <Group gap={6} role="group" aria-labelledby={id}>
        <Chip.Group multiple value={values} onChange={(v) => onChange(v as T[])}>
          {options.map((o) => (
            <Chip key={o.value} value={o.value} size="xs">
              {o.label}
            </Chip>
          ))}
        </Chip.Group>
      </Group>
    </Stack>
  );
}

/** `/chains/:chainId/map`: the whole network by stage, producer left, consumer right, support above. */
export function ChainMapPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const mountedAt = useRef(performance.now()).current;
  const [at, setAt] = useState<string | null>(null);
  const query = useChainMap(chain.id, at);

  return (
    <>
      <PageHeader title={t('map.chain.title')} description={t('map.chain.intro')} />
      {query.isPending && <PageLoader />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && query.data.actors.length === 0 && <MapEmptyState chainId={chain.id} />}
      {query.isSuccess && query.data.actors.length > 0 && (
        <ChainMapView
          chainId={chain.id}
          map={query.data}
          at={at}
          onAtChange={setAt}
          fetching={query.isFetching}
          mountedAt={mountedAt}
        />
      )}
    </>
  );
}

function ChainMapView({
  chainId,
  map,
  at,
  onAtChange,
  fetching,
  mountedAt,
}: {
  chainId: string;
  map: ChainMap;
  at: string | null;
  onAtChange: (at: string | null) => void;
  fetching: boolean;
  mountedAt: number;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const layout = useMemo(() => layeredLayout(map), [map]);
  const stages = useMemo(() => sortedStages(map.stages), [map.stages]);
  const ranks = useMemo(() => stageRanks(map.stages), [map.stages]);
  const actorById = useMemo(() => new Map(map.actors.map((a) => [a.id, a])), [map.actors]);

  const [roles, setRoles] = useState<ActorRole[]>([...ACTOR_ROLES]);
  const [stageIds, setStageIds] = useState<string[]>([]);
  const [flowTypes, setFlowTypes] = useState<FlowType[]>([...FLOW_TYPES]);
  const [statuses, setStatuses] = useState<Flow['status'][]>([...FLOW_STATUSES]);
  const filters = useMemo<MapFilters>(
    () => ({ roles, stageIds, flowTypes, statuses }),
    [roles, stageIds, flowTypes, statuses],
  );
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ id: string } | null>(null);
  const [showGaps, setShowGaps] = useState(false);
  const [showTable, setShowTable] = useState(false);
  const gaps = useChainGaps(chainId, showGaps);
  const gapsByActor = useMemo(
    () => (showGaps && gaps.data ? gapActorIds(gaps.data.items) : null),
    [showGaps, gaps.data],
  );
  const gapSet = useMemo(() => (gapsByActor ? new Set(gapsByActor.keys()) : null), [gapsByActor]);

  const today = todayLocalIso();
  const shownDate = at ?? map.at;
  // The slider spans from the earliest dated flow (or five years back) to today.
  const earliest = useMemo(() => {
    let min = isoToDay(today) - 5 * 365;
    for (const f of map.flows) if (f.since) min = Math.min(min, isoToDay(f.since));
    return min;
  }, [map.flows, today]);
  const [sliderDay, setSliderDay] = useState<number | null>(null);

  const headings = useMemo(() => {
    const names: Record<string, string> = {
      none: t('map.chain.noStage'),
      demand: t('map.roles.demand'),
      support: t('map.roles.support'),
    };
    for (const s of stages) names[s.id] = s.name;
    return names;
  }, [stages, t]);

  const select = (id: string | null) => {
    setSelectedId(id);
    if (id) setFocus({ id });
  };

  const visible = useMemo(() => applyFilters(map, filters), [map, filters]);
  const visibleActors = useMemo(() => map.actors.filter((_, i) => visible.nodes[i]), [map.actors, visible]);
  const visibleFlows = useMemo(() => map.flows.filter((_, i) => visible.edges[i]), [map.flows, visible]);
  const selected = selectedId ? actorById.get(selectedId) : undefined;
  const countByRole = (role: ActorRole) => map.actors.filter((a) => a.role === role).length;

  const searchData = useMemo(() => {
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    return map.actors
      .map((a) => ({ value: a.id, label: a.name }))
      .sort((x, y) => collator.compare(x.label, y.label));
  }, [map.actors]);

  const stageName = (actor: Actor) => stages[firstStageRank(actor, ranks)]?.name ?? t('common.none');

  return (
    <Stack gap="md">
      <VisuallyHidden aria-live="polite" data-testid="map-summary">
        {t('map.chain.summary', {
          actors: map.actors.length,
          demand: countByRole('demand'),
          transactional: countByRole('transactional'),
          support: countByRole('support'),
          flows: map.flows.length,
          visible: visibleFlows.length,
          date: format.date(shownDate),
        })}
      </VisuallyHidden>

      <Card withBorder padding="md">
        <Stack gap="sm">
          <Grid gap="md" align="flex-end">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Select
                label={t('map.chain.search')}
                placeholder={t('map.chain.searchPlaceholder')}
                data={searchData}
                value={selectedId}
                onChange={select}
                searchable
                clearable
                limit={20}
                nothingFoundMessage={t('map.chain.searchNone')}
                leftSection={<IconSearch size={16} aria-hidden />}
                data-testid="map-search"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
              <TextInput
                type="date"
                label={t('map.chain.date')}
                value={shownDate}
                max={today}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
                    setSliderDay(null);
                    onAtChange(value >= today ? null : value);
                  }
                }}
                rightSection={fetching ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined}
                data-testid="map-date"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
              <Group gap="xs" wrap="nowrap" align="center">
                <Slider
                  flex={1}
                  min={earliest}
                  max={isoToDay(today)}
                  step={1}
                  value={sliderDay ?? isoToDay(shownDate)}
                  onChange={setSliderDay}
                  onChangeEnd={(day) => {
                    const iso = dayToIso(day);
                    onAtChange(iso >= today ? null : iso);
                  }}
                  label={(day) => format.date(dayToIso(day))}
                  thumbLabel={t('map.chain.dateSlider')}
                  aria-label={t('map.chain.dateSlider')}
                />
                <ActionIcon
                  variant="default"
                  onClick={() => {
                    setSliderDay(null);
                    onAtChange(null);
                  }}
                  aria-label={t('map.chain.today')}
                  title={t('map.chain.today')}
                  disabled={at === null}
                >
                  <IconRefresh size={16} aria-hidden />
                </ActionIcon>
              </Group>
            </Grid.Col>
          </Grid>
          <Group gap="xl" align="flex-start" wrap="wrap">
            <ChipFilter
              label={t('map.chain.filterRoles')}
              values={roles}
              options={ACTOR_ROLES.map((r) => ({ value: r, label: t(`map.roles.${r}`) }))}
              onChange={setRoles}
            />
            <ChipFilter
              label={t('map.chain.filterTypes')}
              values={flowTypes}
              options={FLOW_TYPES.map((v) => ({ value: v, label: t(`map.flowTypes.${v}`) }))}
              onChange={setFlowTypes}
            />
            <ChipFilter
              label={t('map.chain.filterStatuses')}
              values={statuses}
              options={FLOW_STATUSES.map((v) => ({ value: v, label: t(`map.statuses.${v}`) }))}
              onChange={setStatuses}
            />
            <MultiSelect
              label={t('map.chain.filterStages')}
              placeholder={stageIds.length ? undefined : t('map.chain.allStages')}
              data={stages.map((s) => ({ value: s.id, label: s.name }))}
              value={stageIds}
              onChange={setStageIds}
              clearable
              miw={220}
              maw={420}
            />
          </Group>
          <Group gap="xl" wrap="wrap">
            <Switch
              label={t('map.chain.highlightGaps')}
              checked={showGaps}
              onChange={(event) => setShowGaps(event.currentTarget.checked)}
              data-testid="gaps-toggle"
            />
            <TableToggle checked={showTable} onChange={setShowTable} />
            <Text size="sm" c="dimmed" data-testid="map-counts">
              {t('map.chain.counts', {
                actors: visibleActors.length,
                totalActors: map.actors.length,
                flows: visibleFlows.length,
                totalFlows: map.flows.length,
                date: format.date(shownDate),
              })}
            </Text>
          </Group>
          <MapLegend />
        </Stack>
      </Card>

      {showGaps && (
        <GapPanel
          loading={gaps.isPending}
          error={gaps.isError ? gaps.error : null}
          byActor={gapsByActor}
          actorById={actorById}
          onSelect={select}
        />
      )}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: selected ? 8 : 12 }}>
          <div className="tisserand-map-frame">
            <SigmaMap
              map={map}
              layout={layout}
              filters={filters}
              gapActors={gapSet}
              selectedId={selectedId}
              focus={focus}
              onSelect={setSelectedId}
              headings={headings}
              mountedAt={mountedAt}
              label={t('map.chain.canvasLabel', { actors: map.actors.length, flows: map.flows.length })}
            />
          </div>
          <Text size="xs" c="dimmed" mt={4}>
            {t('map.chain.help')}
          </Text>
        </Grid.Col>
        {selected && (
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <ActorPanel
              chainId={chainId}
              actor={selected}
              map={map}
              stageNames={new Map(stages.map((s) => [s.id, s.name]))}
              gaps={gapsByActor?.get(selected.id) ?? []}
              onClose={() => setSelectedId(null)}
            />
          </Grid.Col>
        )}
      </Grid>

      {showTable && (
        <MapTables
          actors={visibleActors}
          flows={visibleFlows}
          actorById={actorById}
          stageName={stageName}
          chainId={chainId}
        />
      )}
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** The clicked actor: who it is, where it works, why it would join, and a way to its profile. */
function ActorPanel({
  chainId,
  actor,
  map,
  stageNames,
  gaps,
  onClose,
}: {
  chainId: string;
  actor: Actor;
  map: ChainMap;
  stageNames: Map<string, string>;
  gaps: GapItem[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const incoming = map.flows.filter((f) => f.targetId === actor.id).length;
  const outgoing = map.flows.filter((f) => f.sourceId === actor.id).length;
  return (
    <Paper
      withBorder
      p="md"
      component="aside"
      aria-labelledby="actor-panel-title"
      data-testid="actor-panel"
      h="100%"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h4" id="actor-panel-title">
            {actor.name}
          </Title>
          <CloseButton onClick={onClose} aria-label={t('common.close')} />
        </Group>
        <Group gap={6}>
          <Badge color={ROLE_COLORS[actor.role]} variant="light">
            {t(`map.roles.${actor.role}`)}
          </Badge>
          <Badge color="gray" variant="light">
            {t(`map.actorStatuses.${actor.status}`)}
          </Badge>
        </Group>
        <Field label={t('map.panel.stages')}>
          {actor.stageIds.length
            ? actor.stageIds.map((id) => stageNames.get(id) ?? id).join(', ')
            : t('common.none')}
        </Field>
        <Field label={t('map.panel.selfInterest')}>{actor.selfInterest || t('common.none')}</Field>
        {actor.municipality && <Field label={t('map.panel.place')}>{actor.municipality}</Field>}
        <Field label={t('map.panel.flows')}>{t('map.panel.flowCounts', { incoming, outgoing })}</Field>
        {gaps.length > 0 && (
          <Field label={t('map.panel.gaps')}>
            {gaps.map((g) => t(`map.gapTypes.${g.type}`, { defaultValue: g.type })).join(', ')}
          </Field>
        )}
        <Button component={Link} to={`/chains/${chainId}/actors/${actor.id}`} variant="light" w="fit-content">
          {t('map.panel.profile')}
        </Button>
      </Stack>
    </Paper>
  );
}

const GAP_ORDER = ['bottleneck', 'single_actor_stage', 'isolated_actor', 'no_support'];

/** The actors concerned by gaps, listed next to their halo on the map. */
function GapPanel({
  loading,
  error,
  byActor,
  actorById,
  onSelect,
}: {
  loading: boolean;
  error: unknown;
  byActor: Map<string, GapItem[]> | null;
  actorById: Map<string, Actor>;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (loading) return <PageLoader />;
  if (error) return <ErrorAlert error={error} />;
  const entries = [...(byActor ?? new Map<string, GapItem[]>()).entries()]
    .filter(([id]) => actorById.has(id))
    .sort(
      ([, a], [, b]) =>
        Math.min(...a.map((g) => GAP_ORDER.indexOf(g.type))) -
        Math.min(...b.map((g) => GAP_ORDER.indexOf(g.type))),
    );
  return (
    <Card withBorder padding="md" data-testid="gap-list">
      <Stack gap="xs">
        <Title order={2} size="h5">
          {t('map.gaps.title', { count: entries.length })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('map.gaps.intro')}
        </Text>
        {entries.length === 0 ? (
          <Text size="sm">{t('map.gaps.none')}</Text>
        ) : (
          <List spacing={4} size="sm" listStyleType="none">
            {entries.map(([id, items]) => (
              <List.Item key={id}>
                <UnstyledButton onClick={() => onSelect(id)} style={{ textAlign: 'left' }}>
                  <Text span size="sm" fw={600} c="red.8" td="underline">
                    {actorById.get(id)?.name}
                  </Text>
                  <Text span size="sm">
                    {' — '}
                    {items.map((g) => t(`map.gapTypes.${g.type}`, { defaultValue: g.type })).join(', ')}
                  </Text>
                </UnstyledButton>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}

/** The map as tables: the actors and flows the filters keep (first rows only on big chains). */
function MapTables({
  actors,
  flows,
  actorById,
  stageName,
  chainId,
}: {
  actors: Actor[];
  flows: Flow[];
  actorById: Map<string, Actor>;
  stageName: (actor: Actor) => string;
  chainId: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const degree = useMemo(() => {
    const d = new Map<string, number>();
    for (const f of flows) {
      d.set(f.sourceId, (d.get(f.sourceId) ?? 0) + 1);
      d.set(f.targetId, (d.get(f.targetId) ?? 0) + 1);
    }
    return d;
  }, [flows]);
  return (
    <Stack gap="lg" data-testid="map-tables">
      <Card withBorder padding="md">
        <Title order={2} size="h5" mb="xs">
          {t('map.table.actorsTitle', { count: actors.length })}
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table striped data-testid="map-actors-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('map.table.name')}</Table.Th>
                <Table.Th scope="col">{t('map.table.role')}</Table.Th>
                <Table.Th scope="col">{t('map.table.stage')}</Table.Th>
                <Table.Th scope="col">{t('map.table.status')}</Table.Th>
                <Table.Th scope="col">{t('map.table.flows')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {actors.slice(0, TABLE_ROWS).map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/chains/${chainId}/actors/${a.id}`} size="sm">
                      {a.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{t(`map.roles.${a.role}`)}</Table.Td>
                  <Table.Td>{stageName(a)}</Table.Td>
                  <Table.Td>{t(`map.actorStatuses.${a.status}`)}</Table.Td>
                  <Table.Td>{format.number(degree.get(a.id) ?? 0)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {actors.length > TABLE_ROWS && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('map.table.truncated', { shown: TABLE_ROWS, total: actors.length })}
          </Text>
        )}
      </Card>
      <Card withBorder padding="md">
        <Title order={2} size="h5" mb="xs">
          {t('map.table.flowsTitle', { count: flows.length })}
        </Title>
        <Table.ScrollContainer minWidth={720}>
          <Table striped data-testid="map-flows-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('map.table.source')}</Table.Th>
                <Table.Th scope="col">{t('map.table.target')}</Table.Th>
                <Table.Th scope="col">{t('map.table.type')}</Table.Th>
                <Table.Th scope="col">{t('map.table.product')}</Table.Th>
                <Table.Th scope="col">{t('map.table.quantity')}</Table.Th>
                <Table.Th scope="col">{t('map.table.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {flows.slice(0, TABLE_ROWS).map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{actorById.get(f.sourceId)?.name}</Table.Td>
                  <Table.Td>{actorById.get(f.targetId)?.name}</Table.Td>
                  <Table.Td>{t(`map.flowTypes.${f.type}`)}</Table.Td>
                  <Table.Td>{f.product ?? t('common.none')}</Table.Td>
                  <Table.Td>
                    {f.quantity !== null
                      ? `${format.number(f.quantity)} ${f.unit ?? ''}`.trim()
                      : t('common.none')}
                  </Table.Td>
                  <Table.Td>{t(`map.statuses.${f.status}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {flows.length > TABLE_ROWS && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('map.table.truncated', { shown: TABLE_ROWS, total: flows.length })}
          </Text>
        )}
      </Card>
    </Stack>
  );
}
