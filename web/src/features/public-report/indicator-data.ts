import { chronological, type PublicPoint, periodsBetween, type ResolvedSection } from '@tisserand/core';

/** An indicator section as the public reads it. */
export type IndicatorSectionData = Extract<ResolvedSection, { type: 'indicator' }>;

/** The group of a whole-chain series (`groupBy: none`). */
export const WHOLE_CHAIN = 'all';

/** The periods of a series, oldest first, with the gaps between its first and last filled (a gap stays a gap). */
export function seriesPeriods(items: readonly PublicPoint[]): string[] {
  const present = [...new Set(items.map((p) => p.period))].sort(chronological);
  const first = present[0];
  const last = present[present.length - 1];
  if (!first || !last) return [];
  try {
    return periodsBetween(first, last);
  } catch {
    return present;
  }
}

/** The latest period that has any figure, published or not. */
export function latestPeriod(items: readonly PublicPoint[]): string | null {
  const periods = [...new Set(items.map((p) => p.period))].sort(chronological);
  return periods[periods.length - 1] ?? null;
}

export interface SeriesGroup {
  key: string;
  label: string;
}

/**
 * The groups that have at least one figure: the whole chain first, then in the order the report gives
 * them (stages by position), then any other by label.
 */
export function seriesGroups(
  section: Pick<IndicatorSectionData, 'groups' | 'items'>,
  wholeChainLabel: string,
  items: readonly PublicPoint[] = section.items,
): SeriesGroup[] {
  const used = new Set(items.map((p) => p.group));
  const order = Object.keys(section.groups);
  const rank = (key: string) => {
    if (key === WHOLE_CHAIN) return -1;
    const at = order.indexOf(key);
    return at === -1 ? order.length : at;
  };
  return [...used]
    .map((key) => ({
      key,
      label: section.groups[key] ?? (key === WHOLE_CHAIN ? wholeChainLabel : key),
    }))
    .sort((a, b) => rank(a.key) - rank(b.key) || a.label.localeCompare(b.label));
}

/** A lookup of the figures by group and period. */
export function pointIndex(
  items: readonly PublicPoint[],
): (group: string, period: string) => PublicPoint | undefined {
  const byKey = new Map(items.map((p) => [`${p.group}\u0000${p.period}`, p]));
  return (group, period) => byKey.get(`${group}\u0000${period}`);
}
