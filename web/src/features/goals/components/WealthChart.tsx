import type { LineSeriesOption, RadarSeriesOption } from 'echarts/charts';
import { LineChart, RadarChart } from 'echarts/charts';
import type {
  GridComponentOption,
  MarkLineComponentOption,
  RadarComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { GridComponent, MarkLineComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the wealth charts draw: a goal's line with its trajectory and target, the capital radar.
use([LineChart, RadarChart, GridComponent, TooltipComponent, MarkLineComponent, RadarComponent, SVGRenderer]);

export type WealthChartOption = ComposeOption<
  | LineSeriesOption
  | RadarSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
  | RadarComponentOption
>;

/**
 * An ECharts chart (SVG) in a div: made when mounted, redrawn when the option changes, resized with
 * its box, disposed when unmounted. It is an image for assistive technologies: callers give it a
 * label and show the same figures in a table.
 */
export function WealthChart({
  option,
  label,
  height,
  testId,
}: {
  option: WealthChartOption;
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
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart.resize());
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div ref={ref} role="img" aria-label={label} data-testid={testId} style={{ height, width: '100%' }} />
  );
}

/** Escapes a text put into an ECharts HTML tooltip. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
