import { lazy } from 'react';

// ECharts comes with the charts only: whoever shows a report without charts (or before them) stays light.
const loadCharts = () => import('./ReportCharts');

export const IndicatorChart = lazy(() => loadCharts().then((m) => ({ default: m.IndicatorChart })));
export const CapitalsRadar = lazy(() => loadCharts().then((m) => ({ default: m.CapitalsRadar })));

/** Starts loading the charts now, alongside the report's data, rather than after it. */
export function preloadReportCharts() {
  void loadCharts();
}
