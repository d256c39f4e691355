import { useMantineTheme } from '@mantine/core';
import { useMemo } from 'react';
import { type ChartOption, EChart } from './EChart';

/** A small line of the last values of a series, without axes: the trend at a glance. */
export function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const theme = useMantineTheme();
  const color = theme.colors.teal[6];
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      grid: { left: 2, right: 2, top: 4, bottom: 4 },
      xAxis: { type: 'category', show: false, boundaryGap: false, data: values.map((_, i) => i) },
      yAxis: { type: 'value', show: false, scale: true },
      series: [
        {
          type: 'line',
          data: values,
          showSymbol: false,
          connectNulls: false,
          lineStyle: { width: 2, color },
          areaStyle: { color, opacity: 0.12 },
          silent: true,
        },
      ],
    }),
    [values, color],
  );
  return <EChart option={option} label={label} height={44} testId="indicator-sparkline" />;
}
