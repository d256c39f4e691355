import {
  Alert,
  Anchor,
  Button,
  Card,
  Code,
  EmptyState,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import {
  IconArrowLeft,
  IconChartLine,
  IconClipboardList,
  IconFileImport,
  IconLock,
  IconPencil,
} from '@tabler/icons-react';
import {
  type Indicator,
  isFinerOrEqual,
  meetsTarget,
  PERIODICITIES,
  type Periodicity,
  previousPeriod,
} from '@tisserand/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { ErrorAlert, PageHeader, PageLoader } from '../../app/ui';
import { oneOf } from '../actors/labels';
import { useCurrentChain } from '../chains/ChainLayout';
import { useCapitalLabel } from '../gaps/api';
import { useStages } from '../stages/api';
import { GROUP_BYS, type GroupBy, useIndicator, useIndicators, useSeries } from './api';
import { ChangeText, IndicatorBadges } from './components/IndicatorBadges';
import { IndicatorFormModal } from './components/IndicatorFormModal';
import { SeriesChart, SeriesTable, stacks } from './components/SeriesView';
import { latestChange, useDataFormat } from './format';

/** `/chains/:chainId/indicators/:indicatorId`: an indicator's series, by period and group, with its target. */
export function IndicatorDashboardPage() {
  const { indicatorId = '' } = useParams();
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const query = useIndicator(chain.id, indicatorId);
  const back = (
    <Anchor component={Link} to={`/chains/${chain.id}/indicators`} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} aria-hidden />
        {t('indicators.dashboard.back')}
      </Group>
    </Anchor>
  );
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return (
      <Stack align="flex-start">
        {back}
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }
  return <Dashboard indicator={query.data} back={back} />;
}

/** Who enters the indicator's values, in one sentence. */
function useReportersText(indicator: Indicator): string {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const stages = useStages(chain.id);
  const indicators = useIndicators(chain.id);
  if (indicator.aggregation === 'ratio') {
    const name = (id: string | null) => indicators.data?.items.find((i) => i.id === id)?.name ?? '…';
    return t('indicators.dashboard.ratioOf', {
      numerator: name(indicator.numeratorId),
      denominator: name(indicator.denominatorId),
    });
  }
  if (indicator.reporters === 'stages') {
    const names = (indicator.reporterStageIds ?? [])
      .map((id) => stages.data?.find((s) => s.id === id)?.name)
      .filter((n): n is string => Boolean(n));
    return t('indicators.dashboard.reportedByStages', { stages: names.join(', ') || '…' });
  }
  return t(`indicators.dashboard.reportedBy.${indicator.reporters}`);
}

function Dashboard({ indicator, back }: { indicator: Indicator; back: ReactNode }) {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const format = useDataFormat();
  const capitalLabel = useCapitalLabel(chain.id);
  const reportersText = useReportersText(indicator);
  const [editing, setEditing] = useState(false);
  const [periodicity, setPeriodicity] = useState<Periodicity>(indicator.periodicity);
  const [groupBy, setGroupBy] = useState<GroupBy>('none');
  const isCoordinator = chain.myRole === 'coordinator';
  const base = `/chains/${chain.id}`;
  const periodicities = PERIODICITIES.filter((p) => isFinerOrEqual(indicator.periodicity, p));
  const shownPeriodicity = periodicities.includes(periodicity) ? periodicity : indicator.periodicity;

  const totals = useSeries(chain.id, indicator.id, { groupBy: 'none', periodicity: shownPeriodicity });
  // Per-actor values depend on the caller and the confidentiality: offered only when the server gives some.
  const actorProbe = useSeries(chain.id, indicator.id, { groupBy: 'actor', periodicity: shownPeriodicity });
  const actorsAvailable = (actorProbe.data?.items.length ?? 0) > 0;
  const shownGroupBy: GroupBy = groupBy === 'actor' && !actorsAvailable ? 'none' : groupBy;
  const series = useSeries(
    chain.id,
    indicator.id,
    { groupBy: shownGroupBy, periodicity: shownPeriodicity },
    shownGroupBy !== 'none',
  );
  const shown = shownGroupBy === 'none' ? totals : series;
  const latest = totals.data ? latestChange(totals.data.items) : null;
  const isPrivate = isApiError(totals.error, 403);
  const hasData = (totals.data?.items ?? []).some((p) => p.value !== null || p.suppressed);

  const facts: { label: string; value: string }[] = [
    { label: t('indicators.fields.unit'), value: indicator.unit ?? t('common.none') },
    {
      label: t('indicators.fields.periodicity'),
      value: t(`indicators.periodicities.${indicator.periodicity}`),
    },
    {
      label: t('indicators.fields.aggregation'),
      value: t(`indicators.aggregations.${indicator.aggregation}.label`),
    },
    { label: t('indicators.fields.direction'), value: t(`indicators.directions.${indicator.direction}`) },
    { label: t('indicators.fields.target'), value: format.value(indicator, indicator.target) },
    {
      label: t('indicators.fields.range'),
      value:
        indicator.min === null && indicator.max === null
          ? t('common.none')
          : `${indicator.min === null ? '…' : format.number(indicator.min)} – ${
              indicator.max === null ? '…' : format.number(indicator.max)
            }`,
    },
    {
      label: t('indicators.fields.capitals'),
      value: indicator.capitals.map(capitalLabel).join(', ') || t('common.none'),
    },
  ];

  return (
    <>
      {back}
      <PageHeader
        title={indicator.name}
        description={indicator.description ?? undefined}
        actions={
          isCoordinator && (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {t('indicators.dashboard.edit')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Group gap="sm" mt={-12}>
          <Code>{indicator.code}</Code>
          <IndicatorBadges indicator={indicator} />
          <Text size="sm" c="dimmed">
            {reportersText}
          </Text>
        </Group>

        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <Card withBorder padding="md" data-testid="dashboard-latest">
            <Text size="xs" tt="uppercase" fw={700} c="dimmed">
              {t('indicators.dashboard.latest')}
            </Text>
            {latest ? (
              <>
                <Text size="xl" fw={700}>
                  {format.value(indicator, latest.value)}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('indicators.latestIn', { period: format.period(latest.period) })}
                  {latest.n > 0 && ` · ${t('indicators.dashboard.contributors', { count: latest.n })}`}
                </Text>
              </>
            ) : (
              <Text c="dimmed">{t('common.none')}</Text>
            )}
          </Card>
          <Card withBorder padding="md">
            <Text size="xs" tt="uppercase" fw={700} c="dimmed">
              {t('indicators.dashboard.comparison')}
            </Text>
            {latest ? (
              <>
                <Text size="sm">
                  {t('indicators.dashboard.previousValue', {
                    period: format.period(previousPeriod(latest.period)),
                    value: format.value(indicator, latest.previous),
                  })}
                </Text>
                <ChangeText
                  indicator={indicator}
                  relativeChange={latest.relativeChange}
                  previousLabel={format.period(previousPeriod(latest.period))}
                />
              </>
            ) : (
              <Text c="dimmed">{t('common.none')}</Text>
            )}
          </Card>
          <Card withBorder padding="md">
            <Text size="xs" tt="uppercase" fw={700} c="dimmed">
              {t('indicators.dashboard.target')}
            </Text>
            {indicator.target === null ? (
              <Text size="sm" c="dimmed">
                {t('indicators.dashboard.noTarget')}
              </Text>
            ) : (
              <>
                <Text size="xl" fw={700}>
                  {format.value(indicator, indicator.target)}
                </Text>
                {latest && (
                  <Text
                    size="sm"
                    c={meetsTarget(latest.value, indicator.target, indicator.direction) ? 'teal.8' : 'dimmed'}
                  >
                    {meetsTarget(latest.value, indicator.target, indicator.direction)
                      ? t('indicators.dashboard.targetReached')
                      : t('indicators.dashboard.targetGap', {
                          gap: format.value(indicator, Math.abs(indicator.target - latest.value)),
                        })}
                  </Text>
                )}
              </>
            )}
          </Card>
        </SimpleGrid>

        <Card withBorder padding="md">
          <Group gap="xl" align="flex-end" wrap="wrap" mb="md">
            <Stack gap={4}>
              <Text size="sm" fw={500} id="dashboard-periodicity-label">
                {t('indicators.dashboard.periodicity')}
              </Text>
              <SegmentedControl
                aria-labelledby="dashboard-periodicity-label"
                value={shownPeriodicity}
                onChange={(v) => setPeriodicity(oneOf(PERIODICITIES, v) ?? indicator.periodicity)}
                data={periodicities.map((p) => ({ value: p, label: t(`indicators.periodicities.${p}`) }))}
              />
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500} id="dashboard-groupby-label">
                {t('indicators.dashboard.breakdown')}
              </Text>
              <SegmentedControl
                aria-labelledby="dashboard-groupby-label"
                value={shownGroupBy}
                onChange={(v) => setGroupBy(oneOf(GROUP_BYS, v) ?? 'none')}
                data={GROUP_BYS.map((g) => ({
                  value: g,
                  label: t(`indicators.dashboard.groupBy.${g}`),
                  disabled: g === 'actor' && !actorsAvailable,
                }))}
                data-testid="dashboard-groupby"
              />
            </Stack>
          </Group>
          {shownGroupBy !== 'none' && (
            <Text size="xs" c="dimmed" mb="xs">
              {shownGroupBy === 'actor' && !isCoordinator && indicator.confidentiality !== 'public'
                ? t('indicators.dashboard.ownActorNote')
                : stacks(indicator, shownGroupBy)
                  ? t('indicators.dashboard.stackedNote')
                  : t('indicators.dashboard.linesNote')}
            </Text>
          )}
          {!actorsAvailable && actorProbe.isSuccess && hasData && (
            <Text size="xs" c="dimmed" mb="xs">
              {t('indicators.dashboard.noActorBreakdown')}
            </Text>
          )}
          {isPrivate ? (
            <Alert
              color="gray"
              variant="light"
              icon={<IconLock aria-hidden />}
              data-testid="indicator-private"
            >
              {t('indicators.dashboard.private')}
            </Alert>
          ) : shown.isPending ? (
            <PageLoader />
          ) : shown.isError ? (
            <ErrorAlert error={shown.error} onRetry={() => void shown.refetch()} />
          ) : !hasData ? (
            <EmptyState
              icon={<IconChartLine size={28} />}
              withIndicatorBackground
              title={t('indicators.dashboard.emptyTitle')}
              description={t('indicators.dashboard.emptyBody', { who: reportersText })}
              data-testid="dashboard-empty"
            >
              <EmptyState.Actions>
                <Button
                  component={Link}
                  to={`${base}/campaigns`}
                  variant="default"
                  leftSection={<IconClipboardList size={16} aria-hidden />}
                >
                  {t('indicators.toCampaigns')}
                </Button>
                {isCoordinator && (
                  <Button
                    component={Link}
                    to={`${base}/import`}
                    variant="default"
                    leftSection={<IconFileImport size={16} aria-hidden />}
                  >
                    {t('indicators.importValues')}
                  </Button>
                )}
              </EmptyState.Actions>
            </EmptyState>
          ) : shown.data.items.length === 0 ? (
            <Text c="dimmed" data-testid="dashboard-group-empty">
              {t('indicators.dashboard.groupEmpty')}
            </Text>
          ) : (
            <SeriesChart indicator={indicator} answer={shown.data} groupBy={shownGroupBy} />
          )}
        </Card>

        {!isPrivate && hasData && shown.data && shown.data.items.length > 0 && (
          <SeriesTable indicator={indicator} answer={shown.data} groupBy={shownGroupBy} />
        )}

        <Card withBorder padding="md" component="section" aria-labelledby="indicator-facts">
          <Title order={2} size="h5" id="indicator-facts" mb="xs">
            {t('indicators.dashboard.definition')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" component="dl" m={0}>
            {facts.map((f) => (
              <div key={f.label}>
                <Text component="dt" size="xs" c="dimmed">
                  {f.label}
                </Text>
                <Text component="dd" size="sm" m={0}>
                  {f.value}
                </Text>
              </div>
            ))}
          </SimpleGrid>
        </Card>
      </Stack>
      {editing && (
        <IndicatorFormModal chainId={chain.id} indicator={indicator} onClose={() => setEditing(false)} />
      )}
    </>
  );
}
