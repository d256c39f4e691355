import { useMantineTheme } from '@mantine/core';
import type { ResolvedSection } from '@tisserand/core';
import type { BarSeriesOption, LineSeriesOption, RadarSeriesOption } from 'echarts/charts';
import { BarChart, LineChart, RadarChart } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  RadarComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
} from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import {
  type IndicatorSectionData,
  latestPeriod,
  pointIndex,
  seriesGroups,
  seriesPeriods,
  WHOLE_CHAIN,
} from '../indicator-data';
import classes from '../PublicReport.module.css';
import { useReportKit } from '../report-context';

// Only what a report draws: indicator lines and bars, the capital radar, their axes, legend and tooltip.
use([
  LineChart,
  BarChart,
  RadarChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  RadarComponent,
  SVGRenderer,
]);

type ReportChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | RadarSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
  | RadarComponentOption
>;

/** The widest chart that fits the printable width of an A4 or Letter page (CSS pixels). */
const PRINT_WIDTH = 680;

/** Escapes a text put into an ECharts HTML tooltip. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * An ECharts chart (SVG, which prints sharp) in a div: made when mounted, redrawn when the option
 * changes, resized with its box. For assistive technologies it is one image with a label; the same
 * figures are in a table next to it.
 */
function ReportChart({
  option,
  label,
  height,
  testId,
}: {
  option: ReportChartOption;
  label: string;
  height: number;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof init> | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = init(el, undefined, { renderer: 'svg' });
    chartRef.current = chart;
    const resize = () => chart.resize();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
    observer?.observe(el);
    // The SVG has a fixed size: narrow it to fit the printed page before printing, and back after.
    // Drawn at once: a page being printed gets no animation frame to draw it later.
    const beforePrint = () => {
      chart.resize({ width: Math.min(el.clientWidth, PRINT_WIDTH) });
      chart.getZr().refreshImmediately();
    };
    window.addEventListener('beforeprint', beforePrint);
    window.addEventListener('afterprint', resize);
    return () => {
      observer?.disconnect();
      window.removeEventListener('beforeprint', beforePrint);
      window.removeEventListener('afterprint', resize);
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-testid={testId}
      className={classes.chart}
      style={{ height }}
    />
  );
}

const PALETTE = ['teal', 'blue', 'orange', 'grape', 'lime', 'red', 'cyan', 'yellow', 'indigo', 'pink'];

/** An indicator's published figures: one line per group over the periods, or bars of the latest period. */
export function IndicatorChart({ section }: { section: IndicatorSectionData }) {
  const { t, format } = useReportKit();
  const theme = useMantineTheme();
  const indicator = section.indicator;
  const unit = indicator?.unit ?? null;
  const valueType = indicator?.valueType;
  const name = indicator?.name ?? '';
  const wholeChain = t('publicReport.indicator.wholeChain');
  const suppressedText = t('publicReport.suppressed');
  const palette = useMemo(() => PALETTE.map((c) => theme.colors[c]?.[6] ?? c), [theme]);

  const chart = useMemo(() => {
    const at = pointIndex(section.items);
    const valueText = (v: number | null) => format.value(v, unit, valueType);
    if (section.chart === 'breakdown') {
      const period = latestPeriod(section.items);
      const items = section.items.filter((p) => p.period === period);
      const groups = seriesGroups(section, wholeChain, items);
      const points = groups.map((g) => ({ group: g, point: period ? at(g.key, period) : undefined }));
      const option: ReportChartOption = {
        color: palette,
        animation: false,
        grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
        tooltip: {
          trigger: 'item',
          formatter: (params) => {
            const p = Array.isArray(params) ? params[0] : params;
            const entry = points[p?.dataIndex ?? -1];
            if (!entry) return '';
            const text = entry.point?.suppressed ? suppressedText : valueText(entry.point?.value ?? null);
            return `${escapeHtml(entry.group.label)} : ${escapeHtml(text)}`;
          },
        },
        yAxis: {
          type: 'category',
          inverse: true,
          // A bar that is not drawn says why on its axis.
          data: points.map((e) =>
            e.point?.suppressed ? `${e.group.label} (${suppressedText})` : e.group.label,
          ),
          axisLabel: { width: 220, overflow: 'truncate' },
        },
        xAxis: {
          type: 'value',
          name: unit ?? undefined,
          axisLabel: { formatter: (v: number) => format.number(v) },
        },
        series: [
          {
            type: 'bar',
            name,
            data: points.map((e) => e.point?.value ?? null),
            barMaxWidth: 28,
            label: {
              show: true,
              position: 'right',
              formatter: (p) => (typeof p.value === 'number' ? valueText(p.value) : ''),
            },
          },
        ],
      };
      const values = points
        .map(
          (e) =>
            `${e.group.label} ${e.point?.suppressed ? suppressedText : valueText(e.point?.value ?? null)}`,
        )
        .join(', ');
      return {
        option,
        height: Math.max(160, groups.length * 36 + 48),
        label: t('publicReport.indicator.breakdownLabel', {
          name,
          period: period ? format.period(period) : '',
          values,
        }),
      };
    }

    const periods = seriesPeriods(section.items);
    // Groups whose every figure is withheld have nothing to draw: they stay in the table.
    const groups = seriesGroups(section, wholeChain).filter((g) =>
      section.items.some((p) => p.group === g.key && p.value !== null),
    );
    const single = groups.length === 1 && groups[0]?.key === WHOLE_CHAIN;
    const target =
      indicator && indicator.target !== null && section.groupBy === 'none'
        ? {
            silent: true,
            symbol: 'none',
            lineStyle: { color: theme.colors.orange[7], type: 'dashed' as const, width: 2 },
            label: {
              formatter: t('publicReport.indicator.targetLine', { value: valueText(indicator.target) }),
              position: 'insideEndTop' as const,
              color: theme.colors.orange[9],
            },
            data: [{ yAxis: indicator.target }],
          }
        : undefined;
    const option: ReportChartOption = {
      color: palette,
      animation: false,
      grid: { left: 8, right: 24, top: single ? 28 : 48, bottom: 8, containLabel: true },
      legend: single ? { show: false } : { type: 'scroll', top: 0 },
      tooltip: {
        trigger: 'axis',
        formatter: (params) => {
          const list = Array.isArray(params) ? params : [params];
          const index = list[0]?.dataIndex ?? -1;
          const period = periods[index];
          if (!period) return '';
          const lines = list.map((p) => {
            const group = groups[p.seriesIndex ?? -1];
            const point = group ? at(group.key, period) : undefined;
            const text = point?.suppressed ? suppressedText : valueText(point?.value ?? null);
            const marker = typeof p.marker === 'string' ? p.marker : '';
            return `${marker}${escapeHtml(String(p.seriesName ?? ''))} : ${escapeHtml(text)}`;
          });
          return [escapeHtml(format.period(period)), ...lines].join('<br/>');
        },
      },
      xAxis: { type: 'category', data: periods.map(format.period), boundaryGap: false },
      yAxis: {
        type: 'value',
        name: unit ?? undefined,
        axisLabel: { formatter: (v: number) => format.number(v) },
      },
      series: groups.map((g, i) => ({
        type: 'line' as const,
        name: single ? name : g.label,
        // A withheld figure is a gap in the line, never a zero.
        data: periods.map((p) => at(g.key, p)?.value ?? null),
        connectNulls: false,
        symbolSize: single ? 7 : 6,
        lineStyle: { width: single ? 3 : 2 },
        areaStyle: single ? { opacity: 0.08 } : undefined,
        markLine: i === 0 ? target : undefined,
      })),
    };
    const first = periods[0];
    const last = periods[periods.length - 1];
    const range = { from: first ? format.period(first) : '', to: last ? format.period(last) : '' };
    return {
      option,
      height: 320,
      label: single
        ? t('publicReport.indicator.seriesLabel', { name, from: range.from, to: range.to })
        : t('publicReport.indicator.seriesLabelGroups', {
            name,
            groups: groups.map((g) => g.label).join(', '),
            from: range.from,
            to: range.to,
          }),
    };
  }, [section, indicator, unit, valueType, name, wholeChain, suppressedText, palette, format, t, theme]);

  return (
    <ReportChart option={chart.option} label={chart.label} height={chart.height} testId="report-chart" />
  );
}

type CapitalItem = Extract<ResolvedSection, { type: 'capitals' }>['items'][number];

/** A capital's name on the radar: blind spots carry a warning sign. */
function radarName(item: CapitalItem): string {
  return item.blindSpot ? `${item.label} ⚠` : item.label;
}

/** The capital balance as a radar: one axis per capital, its score out of 100; blind spots marked ⚠. */
export function CapitalsRadar({ items }: { items: CapitalItem[] }) {
  const { t } = useReportKit();
  const theme = useMantineTheme();
  const scoreName = t('publicReport.capitals.score');
  const option = useMemo<ReportChartOption>(() => {
    const blind = new Set(items.filter((i) => i.blindSpot).map(radarName));
    return {
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: () => items.map((i) => `${escapeHtml(radarName(i))} · <b>${i.score}</b>`).join('<br/>'),
      },
      radar: {
        indicator: items.map((i) => ({ name: radarName(i), max: 100 })),
        radius: '62%',
        splitNumber: 4,
        axisName: {
          color: theme.colors.dark[6],
          fontSize: 12,
          formatter: (value?: string) => (value && blind.has(value) ? `{warn|${value}}` : (value ?? '')),
          rich: { warn: { color: theme.colors.orange[9], fontWeight: 'bold', fontSize: 12 } },
        },
        splitArea: { areaStyle: { color: [theme.colors.gray[0], theme.white] } },
      },
      series: [
        {
          type: 'radar',
          name: scoreName,
          symbolSize: 5,
          lineStyle: { color: theme.colors.cyan[8], width: 2 },
          itemStyle: { color: theme.colors.cyan[8] },
          areaStyle: { color: theme.colors.cyan[5], opacity: 0.25 },
          data: [{ value: items.map((i) => i.score), name: scoreName }],
        },
      ],
    };
  }, [items, scoreName, theme]);
  const label = t('publicReport.capitals.chartLabel', {
    scores: items.map((i) => `${radarName(i)} ${i.score}`).join(', '),
  });
  return <ReportChart option={option} label={label} height={320} testId="report-radar" />;
}
