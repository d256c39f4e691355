import type { GoalProgress, Indicator, SeriesAnswer } from '@tisserand/core';
import { periodEnd, periodStart } from '@tisserand/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDataFormat } from '../../indicators/format';
import { escapeHtml, WealthChart, type WealthChartOption } from './WealthChart';

type Point = SeriesAnswer['items'][number];

/** A calendar day as a time-axis value (noon UTC, so no time zone moves it to the day before). */
const at = (day: string) => Date.parse(`${day}T12:00:00Z`);

/** The chain's known values of the goal's indicator, in order, each placed at the end of its period. */
export function knownPoints(items: readonly Point[]): { period: string; value: number }[] {
  return items
    .filter((p): p is Point & { value: number } => p.group === 'all' && p.value !== null)
    .sort((a, b) => at(periodStart(a.period)) - at(periodStart(b.period)));
}

/**
 * The indicator's chain series as a line, the straight trajectory from the baseline (at the start of
 * the first period with data) to the target on the target date (dashed), and the target as a line.
 */
export function GoalChart({
  indicator,
  progress,
  items,
  label,
}: {
  indicator: Indicator;
  progress: GoalProgress;
  items: readonly Point[];
  label: string;
}) {
  const { t, i18n } = useTranslation();
  const format = useDataFormat();
  const language = i18n.language;
  // `format` is remade on every render but only depends on the language.
  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw when the data or the language change
  const option = useMemo<WealthChartOption>(() => {
    const points = knownPoints(items);
    const first = points[0];
    const valueText = (v: number) => format.value(indicator, v);
    const monthYear = new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    const trajectory =
      first && progress.baseline !== null && progress.target !== null && progress.targetDate
        ? [
            [at(periodStart(first.period)), progress.baseline],
            [at(progress.targetDate), progress.target],
          ]
        : [];
    const seriesName = t('goals.chart.values');
    const trajectoryName = t('goals.chart.trajectory');
    return {
      grid: { left: 56, right: 96, top: 24, bottom: 36 },
      tooltip: {
        trigger: 'item',
        formatter: (params: unknown) => {
          const p = params as { seriesIndex?: number; dataIndex?: number };
          if (p.seriesIndex === 0) {
            const point = points[p.dataIndex ?? -1];
            if (!point) return '';
            return `${escapeHtml(format.period(point.period))}<br/><b>${escapeHtml(valueText(point.value))}</b>`;
          }
          const end = p.dataIndex === 1;
          const value = end ? progress.target : progress.baseline;
          if (value === null) return '';
          return `${escapeHtml(end ? t('goals.chart.targetPoint') : t('goals.chart.baselinePoint'))}<br/><b>${escapeHtml(valueText(value))}</b>`;
        },
      },
      xAxis: {
        type: 'time',
        axisLabel: { formatter: (value: number) => monthYear.format(value), hideOverlap: true },
      },
      yAxis: {
        type: 'value',
        scale: true,
        axisLabel: { formatter: (value: number) => format.number(value) },
      },
      series: [
        {
          type: 'line',
          name: seriesName,
          data: points.map((p) => [at(periodEnd(p.period)), p.value]),
          symbolSize: 7,
          lineStyle: { width: 3, color: '#0c8599' },
          itemStyle: { color: '#0c8599' },
          markLine:
            progress.target === null
              ? undefined
              : {
                  silent: true,
                  symbol: 'none',
                  lineStyle: { color: '#2f9e44', type: 'solid', width: 1.5 },
                  label: {
                    formatter: t('goals.chart.target', { value: valueText(progress.target) }),
                    position: 'end',
                    color: '#2b8a3e',
                  },
                  data: [{ yAxis: progress.target }],
                },
        },
        {
          type: 'line',
          name: trajectoryName,
          data: trajectory,
          symbol: 'circle',
          symbolSize: 5,
          lineStyle: { type: 'dashed', width: 2, color: '#868e96' },
          itemStyle: { color: '#868e96' },
        },
      ],
    };
  }, [items, progress, indicator, t, language]);
  return <WealthChart option={option} label={label} height={300} testId="goal-chart" />;
}
