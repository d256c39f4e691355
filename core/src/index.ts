export {
  type AggregationKind,
  combine,
  combineRatio,
  compareToPrevious,
  type ObservationPartial,
  type PeriodChange,
  type SeriesPoint,
  type SuppressedPoint,
  suppress,
} from './aggregation/aggregate';
export {
  ALERT_MAINTAIN_TOLERANCE,
  ALERT_OUTLIER_FLAT_SHARE,
  ALERT_OUTLIER_MAD_SCALE,
  ALERT_OUTLIER_MIN_ACTORS,
  ALERT_OUTLIER_Z,
  type AlertInput,
  type AlertKind,
  type DetectedAlert,
  detectAlerts,
} from './aggregation/alerts';
export type { IndicatorDirection } from './aggregation/history';
export {
  chronological,
  comparePeriods,
  type DataLocale,
  isFinerOrEqual,
  isPeriod,
  nextPeriod,
  type PeriodKind,
  periodEnd,
  periodKind,
  periodLabel,
  periodOfDate,
  periodStart,
  periodsBetween,
  previousPeriod,
  rollUp,
  samePeriodLastYear,
} from './aggregation/periods';
export {
  type DetectedSuccess,
  detectSuccesses,
  meetsTarget,
  SUCCESS_MAINTAIN_TOLERANCE,
  SUCCESS_RECORD_MIN_HISTORY,
  SUCCESS_STRONG_GROWTH,
  type SuccessInput,
  type SuccessKind,
} from './aggregation/successes';
export * from './capitals/frameworks';
export {
  currentPositions,
  type Outcome,
  type Position,
  type PositionRecord,
  positionSpread,
  proposalOutcome,
} from './consensus/outcome';
export * from './contracts/audit';
export * from './contracts/auth';
export * from './contracts/chains';
export * from './contracts/common';
export * from './contracts/connector';
export * from './contracts/data';
export * from './contracts/imports';
export * from './contracts/mediation';
export * from './contracts/meta';
export * from './contracts/reports';
export * from './contracts/wealth';
export {
  analyseGaps,
  GAP_TYPE_ORDER,
  type Gap,
  type GapInput,
  type GapSeverity,
  type GapSuggestion,
  type GapTypeName,
} from './gaps/analyse';
export { flowActiveOn, isActiveActor } from './gaps/flows';
export { distanceKm, type MatchInput, type MatchSuggestion, suggestMatches } from './matchmaking/suggest';
export { keyPart, normalizeResource, slug } from './text/normalize';
export { capitalBalance, goalProgress, harmsOf, negativeKeys } from './wealth-matrix/wealth';
