/**
 * The charts of a printed report, drawn as SVG by ECharts on the server (no DOM, no canvas) so that
 * pdfmake embeds them as vector drawings.
 */
import { formatNumber } from '@tisserand/core/aggregation/format';
import { chronological, isPeriod, periodLabel } from '@tisserand/core/aggregation/periods';
import type { PublicPoint, ResolvedSection } from '@tisserand/core/contracts/reports';
import { frenchTypography } from '@tisserand/core/text/typography';
import type { BarSeriesOption, LineSeriesOption, RadarSeriesOption } from 'echarts/charts';
import { BarChart, LineChart, RadarChart } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  RadarComponentOption,
} from 'echarts/components';
import { GridComponent, LegendComponent, MarkLineComponent, RadarComponent } from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only what the report charts draw, so that loading this module stays light.
use([
  LineChart,
  BarChart,
  RadarChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  SVGRenderer,
]);

type ChartOption = ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | RadarSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | RadarComponentOption
>;

export type IndicatorSection = Extract<ResolvedSection, { type: 'indicator' }>;
export type CapitalsSection = Extract<ResolvedSection, { type: 'capitals' }>;
export type ReportLocale = 'fr' | 'en';
export interface ChartSize {
  width: number;
  height: number;
}

/** Line and bar colours, in group order: the Okabe–Ito palette, told apart by colour-blind readers and in print. */
export const CHART_COLORS = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#d55e00',
  '#cc79a7',
  '#56b4e9',
  '#8c6d31',
  '#555555',
] as const;

const TEXT_COLOR = '#333333';
const SMALL_TEXT = { color: TEXT_COLOR, fontSize: 9 };
// Labels over a chart get no halo: the PDF's SVG renderer ignores paint-order and would stroke over the letters.
const NO_HALO = { textBorderWidth: 0 };
const BLIND_SPOT_COLOR = '#c92a2a';
// Chart texts are printed with Roboto, which has no narrow no-break space (the French digit separator).
const printable = (s: string) => s.replaceAll('\u202f', '\u00a0');

/** A number as printed in the report's language: `12 345,6` / `12,345.6`. */
export function printNumber(x: number, locale: ReportLocale): string {
  return printable(formatNumber(x, locale));
}

/** A period as printed: `T3 2026`, `novembre 2026`; an unexpected key is shown as it is. */
export function printPeriod(p: string, locale: ReportLocale): string {
  return isPeriod(p) ? periodLabel(p, locale) : p;
}

/** A label typed by people (group, capital, unit) as the report prints it around the chart. */
const typeset = (s: string, locale: ReportLocale) => (locale === 'fr' ? frenchTypography(s) : s);

function comparePeriods(a: string, b: string): number {
  if (isPeriod(a) && isPeriod(b)) return chronological(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The figures of an indicator section laid out as a grid: periods in time order, groups in the section's order. */
export interface FigureGrid {
  periods: string[];
  groups: { key: string; label: string }[];
  /** The published point of a period and group; undefined when the data has none. */
  point(period: string, group: string): PublicPoint | undefined;
}

/** Lay out an indicator section's points as periods × groups. */
export function figureGrid(section: IndicatorSection): FigureGrid {
  const byCell = new Map<string, PublicPoint>();
  const periods = new Set<string>();
  const groupKeys = new Set(Object.keys(section.groups));
  for (const p of section.items) {
    byCell.set(`${p.period}\u0000${p.group}`, p);
    periods.add(p.period);
    groupKeys.add(p.group);
  }
  return {
    periods: [...periods].sort(comparePeriods),
    groups: [...groupKeys].map((key) => ({ key, label: section.groups[key] ?? key })),
    point: (period, group) => byCell.get(`${period}\u0000${group}`),
  };
}

/** Render an ECharts option to an SVG string, server side, and free the chart. */
function renderSvg(option: ChartOption, size: ChartSize): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, textStyle: { color: TEXT_COLOR, fontSize: 10 }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The value drawn for a point: a suppressed or missing figure is a gap (null), never a zero. */
const drawn = (p: PublicPoint | undefined): number | null => (p && !p.suppressed ? p.value : null);

/**
 * The chart of an indicator section as an SVG string: for `series`, a line per group over the periods;
 * for `breakdown`, bars of the latest period by group. Null when there is no published figure to draw
 * (a withheld section, no data, or every figure suppressed).
 */
export function indicatorChartSvg(
  section: IndicatorSection,
  locale: ReportLocale,
  size?: ChartSize,
): string | null {
  if (section.withheld !== null || section.indicator === null) return null;
  const grid = figureGrid(section);
  const unit = typeset(section.indicator.unit ?? '', locale);
  const axisLabel = { formatter: (v: number) => printNumber(v, locale), ...SMALL_TEXT };
  const nameTextStyle = SMALL_TEXT;

  if (section.chart === 'breakdown') {
    const latest = grid.periods[grid.periods.length - 1];
    if (latest === undefined) return null;
    const values = grid.groups.map((g) => drawn(grid.point(latest, g.key)));
    if (values.every((v) => v === null)) return null;
    return renderSvg(
      {
        color: [...CHART_COLORS],
        // The unit is named at the end of the value axis, under the bars.
        grid: { left: 8, right: 56, top: 8, bottom: 8 },
        xAxis: { type: 'value', name: unit, nameTextStyle, axisLabel },
        // First group at the top, as in the table.
        yAxis: {
          type: 'category',
          inverse: true,
          data: grid.groups.map((g) => typeset(g.label, locale)),
          axisLabel: { ...SMALL_TEXT, width: 160, overflow: 'truncate' },
        },
        series: [
          {
            type: 'bar',
            name: printPeriod(latest, locale),
            data: values,
            barMaxWidth: 22,
            label: {
              show: true,
              position: 'right',
              ...SMALL_TEXT,
              ...NO_HALO,
              formatter: (p: { value: unknown }) =>
                typeof p.value === 'number' ? printNumber(p.value, locale) : '',
            },
          },
        ],
      },
      size ?? { width: 500, height: Math.max(140, 26 * grid.groups.length + 60) },
    );
  }

  const series: LineSeriesOption[] = grid.groups.map((g, i) => ({
    type: 'line',
    name: typeset(g.label, locale),
    data: grid.periods.map((p) => drawn(grid.point(p, g.key))),
    connectNulls: false,
    // A lone published point between two gaps shows only as its symbol.
    showSymbol: true,
    symbolSize: 5,
    lineStyle: { width: 2 },
    color: CHART_COLORS[i % CHART_COLORS.length],
  }));
  if (!series.some((s) => Array.isArray(s.data) && s.data.some((v) => v !== null))) return null;
  const target = section.indicator.target;
  const first = series[0];
  if (target !== null && first) {
    first.markLine = {
      silent: true,
      symbol: 'none',
      lineStyle: { type: 'dashed', color: TEXT_COLOR },
      label: {
        position: 'insideEndTop',
        ...SMALL_TEXT,
        ...NO_HALO,
        formatter: () => `${locale === 'fr' ? 'Cible' : 'Target'} ${printNumber(target, locale)}`,
      },
      data: [{ yAxis: target }],
    };
  }
  const legend = grid.groups.length > 1;
  return renderSvg(
    {
      grid: { left: 8, right: 24, top: unit ? 28 : 16, bottom: legend ? 36 : 8 },
      legend: legend ? { bottom: 0, textStyle: SMALL_TEXT, itemWidth: 18 } : { show: false },
      xAxis: {
        type: 'category',
        data: grid.periods.map((p) => printPeriod(p, locale)),
        axisLabel: SMALL_TEXT,
      },
      yAxis: { type: 'value', name: unit, nameTextStyle, axisLabel },
      series,
    },
    size ?? { width: 500, height: 240 },
  );
}

/** The capital balance as a radar of the scores (0–100), each score printed, blind spots named in red. Null with no capital. */
export function capitalsRadarSvg(
  section: CapitalsSection,
  locale: ReportLocale,
  size: ChartSize = { width: 420, height: 300 },
): string | null {
  if (section.items.length === 0) return null;
  const max = Math.max(100, ...section.items.map((c) => c.score));
  return renderSvg(
    {
      radar: {
        radius: '72%',
        indicator: section.items.map((c) => ({
          name: typeset(c.label, locale),
          max,
          color: c.blindSpot ? BLIND_SPOT_COLOR : TEXT_COLOR,
        })),
        axisName: { fontSize: 9 },
      },
      series: [
        {
          type: 'radar',
          symbolSize: 4,
          lineStyle: { width: 2, color: CHART_COLORS[0] },
          itemStyle: { color: CHART_COLORS[0] },
          areaStyle: { color: CHART_COLORS[0], opacity: 0.15 },
          // Each score printed at its vertex, so the radar reads without the table.
          label: {
            show: true,
            ...SMALL_TEXT,
            ...NO_HALO,
            formatter: (p: { value: unknown }) =>
              typeof p.value === 'number' ? printNumber(p.value, locale) : '',
          },
          data: [{ name: 'Score', value: section.items.map((c) => c.score) }],
        },
      ],
    },
    size,
  );
}
