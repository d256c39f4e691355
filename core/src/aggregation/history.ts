/** Helpers shared by success and alert detection: a series reduced to its known values, in order. */
import { periodKind, previousPeriod } from './periods';

export type IndicatorDirection = 'increase' | 'decrease' | 'maintain';

export interface Known {
  period: string;
  value: number;
}

/**
 * The points that carry a finite value, oldest first. Null values (no data, suppressed, a ratio over
 * 0) say nothing about a trend, so they are dropped rather than read as 0.
 */
export function knownHistory(points: { period: string; value: number | null }[]): Known[] {
  const known: Known[] = [];
  let kind: string | null = null;
  for (const p of points) {
    if (p.value === null || !Number.isFinite(p.value)) continue;
    const k = periodKind(p.period);
    if (kind !== null && k !== kind) throw new RangeError(`a series mixes ${kind} and ${k} periods`);
    kind = k;
    known.push({ period: p.period, value: p.value });
  }
  // Zero-padded periods of one kind sort chronologically as plain strings.
  return known.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}

/** The value of the period just before the last known one, or null when that period has none. */
export function previousValue(history: Known[]): number | null {
  const last = history.at(-1);
  const before = history.at(-2);
  if (last === undefined || before === undefined) return null;
  return before.period === previousPeriod(last.period) ? before.value : null;
}

/** Tolerance for comparisons of computed values (a mean, a ratio) against thresholds. */
export const EPSILON = 1e-9;
