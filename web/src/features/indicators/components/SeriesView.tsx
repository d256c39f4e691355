import { Card, Group, Stack, Table, Text, Title, useMantineTheme } from '@mantine/core';
import {
  chronological,
  type Indicator,
  periodsBetween,
  previousPeriod,
  type SeriesAnswer,
} from '@tisserand/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupBy } from '../api';
import { useDataFormat } from '../format';
import { type ChartOption, EChart, escapeHtml } from './EChart';

type Point = SeriesAnswer['items'][number];

/** The periods of a series, with the gaps between its first and last period filled (a gap shows as a gap). */
function periodsOf(items: readonly Point[]): string[] {
  const present = [...new Set(items.map((p) => p.period))].sort(chronological);
  const first = present[0];
  const last = present[present.length - 1];
  if (!first || !last) return [];
  try {
    return periodsBetween(first, last);
  } catch {
    return present;
  }
}

/** The groups of a series that have at least one point, by label. */
function groupsOf(answer: SeriesAnswer): { key: string; label: string }[] {
  const used = new Set(answer.items.map((p) => p.group));
  return [...used]
    .map((key) => ({ key, label: answer.groups[key] ?? key }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * Stacking adds the groups up: it is right only when the aggregation adds up (sum, latest) and each
 * actor is in one group (role, actor). Stages and capitals may count an actor twice; means, extremes
 * and ratios do not add: those are drawn as one line per group.
 */
export function stacks(indicator: Pick<Indicator, 'aggregation'>, groupBy: GroupBy): boolean {
  return (
    (indicator.aggregation === 'sum' || indicator.aggregation === 'latest') &&
    (groupBy === 'role' || groupBy === 'actor')
  );
}

/** The chart of a series: a line with the target for the whole chain, stacked bars or lines per group. */
export function SeriesChart({
  indicator,
  answer,
  groupBy,
}: {
  indicator: Indicator;
  answer: SeriesAnswer;
  groupBy: GroupBy;
}) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const format = useDataFormat();
  const periods = useMemo(() => periodsOf(answer.items), [answer]);
  // Groups whose every value is hidden (too few contributors) stay in the table, not in the legend.
  const groups = useMemo(
    () => groupsOf(answer).filter((g) => answer.items.some((p) => p.group === g.key && p.value !== null)),
    [answer],
  );
  const stacked = stacks(indicator, groupBy);
  const palette = useMemo(
    () =>
      ['teal', 'blue', 'orange', 'grape', 'lime', 'red', 'cyan', 'yellow', 'indigo', 'pink'].map(
        (c) => theme.colors[c]?.[6] ?? c,
      ),
    [theme],
  );

  const option = useMemo<ChartOption>(() => {
    const valueAt = (group: string, period: string) =>
      answer.items.find((p) => p.group === group && p.period === period)?.value ?? null;
    const valueText = (v: unknown) => (typeof v === 'number' ? format.value(indicator, v) : t('common.none'));
    const target =
      indicator.target !== null && (groupBy === 'none' || stacked)
        ? {
            silent: true,
            symbol: 'none',
            lineStyle: { color: theme.colors.orange[7], type: 'dashed' as const, width: 2 },
            label: {
              formatter: t('indicators.dashboard.targetLine', { value: valueText(indicator.target) }),
              position: 'insideEndTop' as const,
              color: theme.colors.orange[9],
            },
            data: [{ yAxis: indicator.target }],
          }
        : undefined;
    const single = groupBy === 'none';
    return {
      color: palette,
      animation: false,
      grid: { left: 8, right: 24, top: single ? 28 : 48, bottom: 8, containLabel: true },
      legend: single ? { show: false } : { type: 'scroll', top: 0 },
      tooltip: {
        trigger: 'axis',
        formatter: (params) => {
          const list = Array.isArray(params) ? params : [params];
          const head = escapeHtml(String(list[0]?.name ?? ''));
          const lines = list.map(
            (p) =>
              `${typeof p.marker === 'string' ? p.marker : ''}${escapeHtml(String(p.seriesName ?? ''))} : ${escapeHtml(
                valueText(p.value),
              )}`,
          );
          return [head, ...lines].join('<br/>');
        },
      },
      xAxis: {
        type: 'category',
        data: periods.map((p) => format.period(p)),
        boundaryGap: stacked,
      },
      yAxis: {
        type: 'value',
        name: indicator.unit ?? undefined,
        axisLabel: { formatter: (v: number) => format.number(v) },
      },
      series: single
        ? [
            {
              type: 'line',
              name: indicator.name,
              data: periods.map((p) => valueAt('all', p)),
              symbolSize: 7,
              lineStyle: { width: 3 },
              areaStyle: { opacity: 0.08 },
              markLine: target,
            },
          ]
        : groups.map((g, i) =>
            stacked
              ? {
                  type: 'bar' as const,
                  name: g.label,
                  stack: 'total',
                  data: periods.map((p) => valueAt(g.key, p)),
                  markLine: i === 0 ? target : undefined,
                }
              : {
                  type: 'line' as const,
                  name: g.label,
                  data: periods.map((p) => valueAt(g.key, p)),
                  symbolSize: 6,
                },
          ),
    };
  }, [answer, periods, groups, stacked, groupBy, indicator, palette, format, t, theme]);

  const summary =
    groupBy === 'none'
      ? t('indicators.dashboard.chartLabel', { name: indicator.name, count: periods.length })
      : t('indicators.dashboard.chartLabelGroups', {
          name: indicator.name,
          count: periods.length,
          groups: groups.map((g) => g.label).join(', '),
        });
  return <EChart option={option} label={summary} height={360} testId="indicator-chart" />;
}

/** The figures of the chart as a table (newest period first): value, contributors, change; hidden cells said so. */
export function SeriesTable({
  indicator,
  answer,
  groupBy,
}: {
  indicator: Indicator;
  answer: SeriesAnswer;
  groupBy: GroupBy;
}) {
  const { t } = useTranslation();
  const format = useDataFormat();
  const periods = useMemo(() => periodsOf(answer.items).reverse(), [answer]);
  const groups = useMemo(() => groupsOf(answer), [answer]);
  const pointAt = (group: string, period: string) =>
    answer.items.find((p) => p.group === group && p.period === period);

  const cell = (point: Point | undefined) => {
    if (!point) return <Text c="dimmed">{t('common.none')}</Text>;
    if (point.suppressed || point.value === null) {
      return (
        <Text size="sm" c="dimmed" fs="italic" data-testid="suppressed-cell">
          {point.suppressed ? t('indicators.dashboard.suppressed') : t('common.none')}
        </Text>
      );
    }
    return (
      <Stack gap={0}>
        <Text size="sm">{format.value(indicator, point.value)}</Text>
        <Text size="xs" c="dimmed">
          {point.n > 0
            ? t('indicators.dashboard.contributors', { count: point.n })
            : t('indicators.dashboard.chainLevel')}
        </Text>
      </Stack>
    );
  };

  const change = (group: string, period: string) => {
    const now = pointAt(group, period)?.value ?? null;
    const before = pointAt(group, previousPeriod(period))?.value ?? null;
    if (now === null || before === null || before === 0) return t('common.none');
    return format.change((now - before) / Math.abs(before));
  };

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="series-table-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5" id="series-table-title">
          {t('indicators.dashboard.tableTitle')}
        </Title>
      </Group>
      <Table.ScrollContainer minWidth={groupBy === 'none' ? 480 : 200 + groups.length * 140}>
        <Table striped data-testid="series-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('indicators.dashboard.period')}</Table.Th>
              {groupBy === 'none' ? (
                <>
                  <Table.Th scope="col">{t('indicators.dashboard.value')}</Table.Th>
                  <Table.Th scope="col">{t('indicators.dashboard.vsPrevious')}</Table.Th>
                  <Table.Th scope="col">{t('indicators.dashboard.vsTarget')}</Table.Th>
                </>
              ) : (
                groups.map((g) => (
                  <Table.Th scope="col" key={g.key}>
                    {g.label}
                  </Table.Th>
                ))
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {periods.map((period) => (
              <Table.Tr key={period}>
                <Table.Th scope="row" fw={500}>
                  {format.period(period)}
                </Table.Th>
                {groupBy === 'none' ? (
                  <>
                    <Table.Td>{cell(pointAt('all', period))}</Table.Td>
                    <Table.Td>{change('all', period)}</Table.Td>
                    <Table.Td>
                      {(() => {
                        const v = pointAt('all', period)?.value ?? null;
                        if (v === null || indicator.target === null || indicator.target === 0)
                          return t('common.none');
                        return format.change((v - indicator.target) / Math.abs(indicator.target));
                      })()}
                    </Table.Td>
                  </>
                ) : (
                  groups.map((g) => <Table.Td key={g.key}>{cell(pointAt(g.key, period))}</Table.Td>)
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
