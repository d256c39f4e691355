/**
 * Aggregation of observations across actors into a series (API.md "Data collection", `…/series`).
 * The server's SQL rolls each actor's observations up to the requested periodicity and returns one
 * partial per (actor, bucket); these functions combine the partials per (bucket, group). Every rule
 * is also described for people in docs/aggregation.md.
 *
 * Within one (bucket, group):
 * - sum    → Σ sum of the partials;
 * - mean   → Σ sum / Σ count: every observation weighs the same, never a mean of per-actor means;
 * - min    → the smallest min; max → the largest max;
 * - latest → Σ over the partials of each one's latest value: for stock indicators (hectares, jobs)
 *            the most recent figure of each actor in the bucket, added up across actors;
 * - ratio  → (Σ numerator sums / Σ denominator sums) × factor, from the sums, never an average of
 *            per-actor ratios; null when the denominator sums to 0 or is missing, and null when no
 *            numerator was reported at all (no data is not a ratio of 0).
 * `groupsOf(actorId)` names the groups of an actor: an actor in two groups counts in both, an empty
 * list leaves it out, and `null` is a chain-level observation. `n` counts the distinct non-null
 * actors behind a value (chain-level observations weigh in the value but not in n; for a ratio, the
 * actors present in the numerator or the denominator). Output: by period (chronological), then group.
 */
import { chronological, previousPeriod } from './periods';

export type AggregationKind = 'sum' | 'mean' | 'min' | 'max' | 'latest';

/** One actor's observations of one bucket, rolled up by the server's SQL. */
export interface ObservationPartial {
  actorId: string | null;
  bucket: string;
  sum: number;
  count: number;
  min: number;
  max: number;
  /** The actor's most recent value within the bucket. */
  latest: number;
}

export interface SeriesPoint {
  period: string;
  group: string;
  value: number | null;
  n: number;
}

export type SuppressedPoint = SeriesPoint & { suppressed?: boolean };

export interface PeriodChange {
  /** The value of the same group in the period just before, null when absent or suppressed. */
  previous: number | null;
  /** value − previous, null when either is null. */
  change: number | null;
  /** (value − previous) / |previous|, null when either is null or previous is 0. */
  relativeChange: number | null;
}

interface Cell {
  period: string;
  group: string;
  actors: Set<string>;
}

/** Groups of each actor, asked once per actor and without duplicates (a group listed twice counts once). */
function memoGroups(groupsOf: (actorId: string | null) => string[]): (actorId: string | null) => string[] {
  const memo = new Map<string | null, string[]>();
  return (actorId) => {
    let groups = memo.get(actorId);
    if (groups === undefined) {
      groups = [...new Set(groupsOf(actorId))];
      memo.set(actorId, groups);
    }
    return groups;
  };
}

/** Walks every (partial, group) pair, creating the cell of its (bucket, group) on first sight. */
function spread<C extends Cell>(
  partials: ObservationPartial[],
  groups: (actorId: string | null) => string[],
  cells: Map<string, C>,
  create: (period: string, group: string) => C,
  add: (cell: C, partial: ObservationPartial) => void,
): void {
  for (const partial of partials) {
    for (const group of groups(partial.actorId)) {
      // \u0000 cannot occur in a period, so the key is unambiguous whatever the group id.
      const key = `${partial.bucket}\u0000${group}`;
      let cell = cells.get(key);
      if (cell === undefined) {
        cell = create(partial.bucket, group);
        cells.set(key, cell);
      }
      if (partial.actorId !== null) cell.actors.add(partial.actorId);
      add(cell, partial);
    }
  }
}

/** Sorts by period (chronological), then group; each distinct period is parsed once, not per comparison. */
function sortPoints(points: SeriesPoint[]): SeriesPoint[] {
  const periods = [...new Set(points.map((p) => p.period))].sort(chronological);
  const rank = new Map(periods.map((period, i) => [period, i]));
  return points.sort(
    (a, b) =>
      (rank.get(a.period) ?? 0) - (rank.get(b.period) ?? 0) ||
      (a.group < b.group ? -1 : a.group > b.group ? 1 : 0),
  );
}

interface AggCell extends Cell {
  sum: number;
  count: number;
  min: number;
  max: number;
  latest: number;
}

/** Combines per-actor partials into one point per (bucket, group) with the indicator's aggregation. */
export function combine(
  kind: AggregationKind,
  partials: ObservationPartial[],
  groupsOf: (actorId: string | null) => string[],
): SeriesPoint[] {
  const cells = new Map<string, AggCell>();
  spread(
    partials,
    memoGroups(groupsOf),
    cells,
    (period, group) => ({
      period,
      group,
      actors: new Set(),
      sum: 0,
      count: 0,
      min: Number.POSITIVE_INFINITY,
      max: Number.NEGATIVE_INFINITY,
      latest: 0,
    }),
    (cell, p) => {
      cell.sum += p.sum;
      cell.count += p.count;
      cell.min = Math.min(cell.min, p.min);
      cell.max = Math.max(cell.max, p.max);
      cell.latest += p.latest;
    },
  );
  const points: SeriesPoint[] = [];
  for (const cell of cells.values()) {
    points.push({
      period: cell.period,
      group: cell.group,
      value: cellValue(kind, cell),
      n: cell.actors.size,
    });
  }
  return sortPoints(points);
}

function cellValue(kind: AggregationKind, cell: AggCell): number | null {
  switch (kind) {
    case 'sum':
      return cell.sum;
    case 'mean':
      return cell.count > 0 ? cell.sum / cell.count : null;
    case 'min':
      return Number.isFinite(cell.min) ? cell.min : null;
    case 'max':
      return Number.isFinite(cell.max) ? cell.max : null;
    case 'latest':
      return cell.latest;
  }
}

interface RatioCell extends Cell {
  numerator: number;
  denominator: number;
  hasNumerator: boolean;
  hasDenominator: boolean;
}

/** Ratio of two indicators per (bucket, group): (Σ numerator sums / Σ denominator sums) × factor. */
export function combineRatio(
  numerator: ObservationPartial[],
  denominator: ObservationPartial[],
  factor: number,
  groupsOf: (actorId: string | null) => string[],
): SeriesPoint[] {
  const groups = memoGroups(groupsOf);
  const cells = new Map<string, RatioCell>();
  const create = (period: string, group: string): RatioCell => ({
    period,
    group,
    actors: new Set(),
    numerator: 0,
    denominator: 0,
    hasNumerator: false,
    hasDenominator: false,
  });
  spread(numerator, groups, cells, create, (cell, p) => {
    cell.numerator += p.sum;
    cell.hasNumerator = true;
  });
  spread(denominator, groups, cells, create, (cell, p) => {
    cell.denominator += p.sum;
    cell.hasDenominator = true;
  });
  const points: SeriesPoint[] = [];
  for (const cell of cells.values()) {
    const defined = cell.hasNumerator && cell.hasDenominator && cell.denominator !== 0;
    points.push({
      period: cell.period,
      group: cell.group,
      value: defined ? (cell.numerator / cell.denominator) * factor : null,
      n: cell.actors.size,
    });
  }
  return sortPoints(points);
}

/**
 * Hides every value built from fewer than `k` actors (0 < n < k): value null, `suppressed: true`.
 * n = 0 (chain-level observations only) names no actor, so it is left as is.
 */
export function suppress(points: SeriesPoint[], k: number): SuppressedPoint[] {
  return points.map((p) => (p.n > 0 && p.n < k ? { ...p, value: null, suppressed: true } : { ...p }));
}

/** Each point with the value of the same group in the period just before, and the change since. */
export function compareToPrevious<T extends SeriesPoint>(points: T[]): (T & PeriodChange)[] {
  const values = new Map<string, number | null>();
  for (const p of points) values.set(`${p.period}\u0000${p.group}`, p.value);
  return points.map((p) => {
    const previous = values.get(`${previousPeriod(p.period)}\u0000${p.group}`) ?? null;
    const change = p.value !== null && previous !== null ? p.value - previous : null;
    const relativeChange =
      change !== null && previous !== null && previous !== 0 ? change / Math.abs(previous) : null;
    return { ...p, previous, change, relativeChange };
  });
}
