import type { CapitalBalanceItem } from '@tisserand/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { escapeHtml, WealthChart, type WealthChartOption } from '../../goals/components/WealthChart';

/** A capital's name on the radar: blind spots carry a warning sign. */
export function radarName(item: CapitalBalanceItem): string {
  return item.blindSpot ? `${item.label} ⚠` : item.label;
}

/** The capital balance as a radar: one axis per capital, its score from 0 to 100. */
export function CapitalRadar({ items, height = 320 }: { items: CapitalBalanceItem[]; height?: number }) {
  const { t } = useTranslation();
  const scoreName = t('capitals.balance.score');
  const option = useMemo<WealthChartOption>(() => {
    const blind = new Set(items.filter((i) => i.blindSpot).map(radarName));
    return {
      tooltip: {
        trigger: 'item',
        formatter: () => items.map((i) => `${escapeHtml(radarName(i))} · <b>${i.score}</b>`).join('<br/>'),
      },
      radar: {
        indicator: items.map((i) => ({ name: radarName(i), max: 100 })),
        radius: '65%',
        splitNumber: 4,
        axisName: {
          color: '#343a40',
          fontSize: 12,
          formatter: (name?: string) => (name && blind.has(name) ? `{warn|${name}}` : (name ?? '')),
          rich: { warn: { color: '#c2410c', fontWeight: 'bold', fontSize: 12 } },
        },
        splitArea: { areaStyle: { color: ['#f8f9fa', '#ffffff'] } },
      },
      series: [
        {
          type: 'radar',
          name: scoreName,
          symbolSize: 5,
          lineStyle: { color: '#0c8599', width: 2 },
          itemStyle: { color: '#0c8599' },
          areaStyle: { color: 'rgba(21, 170, 191, 0.25)' },
          data: [{ value: items.map((i) => i.score), name: scoreName }],
        },
      ],
    };
  }, [items, scoreName]);
  const summary = t('capitals.balance.chartLabel', {
    scores: items.map((i) => `${radarName(i)} ${i.score}`).join(', '),
  });
  return <WealthChart option={option} label={summary} height={height} testId="capital-radar" />;
}
