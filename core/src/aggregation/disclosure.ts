/**
 * Statistical disclosure control for public output (reports, open data, PDF). A figure built from
 * fewer than k actors is never published (primary suppression); in a breakdown, further cells are
 * withheld until the hidden ones together rest on at least k actors, so that no hidden value can be
 * found by subtracting the published groups from the total (complementary suppression); and a
 * coarse period is withheld when one of its finer periods is, so that a year minus its published
 * quarters cannot reveal the missing quarter (the mask comes from the indicator's own periodicity,
 * whatever the report shows, so two reports cannot be played against each other).
 */
import type { SeriesPoint } from './aggregate';
import { type PeriodKind, rollUp } from './periods';

export interface PublicCell {
  period: string;
  group: string;
  value: number | null;
  /** Actors behind the value; null when the cell is withheld. */
  n: number | null;
  suppressed: boolean;
}

const withheld = (p: SeriesPoint): PublicCell => ({
  period: p.period,
  group: p.group,
  value: null,
  n: null,
  suppressed: true,
});
const shown = (p: SeriesPoint): PublicCell => ({
  period: p.period,
  group: p.group,
  value: p.value,
  n: p.n,
  suppressed: false,
});

/**
 * Protects one series (one periodicity, one grouping). `actorLevel` marks per-actor values of a
 * `public` indicator, which are published as they are. Values with n = 0 come from the chain
 * itself (reported by the coordination, no partner behind them) and are published.
 */
export function protectSeries(
  points: SeriesPoint[],
  k: number,
  options: { actorLevel: boolean },
): PublicCell[] {
  if (options.actorLevel || k <= 1) return points.map(shown);
  const hidden = new Set<SeriesPoint>(points.filter((p) => p.n > 0 && p.n < k));
  const byPeriod = new Map<string, SeriesPoint[]>();
  for (const p of points) byPeriod.set(p.period, [...(byPeriod.get(p.period) ?? []), p]);
  for (const cells of byPeriod.values()) {
    if (cells.length < 2) continue;
    const mine = cells.filter((c) => hidden.has(c));
    let actors = mine.reduce((s, c) => s + c.n, 0);
    if (mine.length === 0) continue;
    // The smallest published groups go first: they cost the least information.
    const candidates = cells
      .filter((c) => !hidden.has(c) && c.n > 0)
      .sort((a, b) => a.n - b.n || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
    for (const c of candidates) {
      if (actors >= k) break;
      hidden.add(c);
      actors += c.n;
    }
  }
  return points.map((p) => (hidden.has(p) ? withheld(p) : shown(p)));
}

/**
 * Withholds every coarse cell that contains a withheld cell of the same group at a finer
 * periodicity (`fine` is the same grouping at the indicator's own periodicity).
 */
export function maskCoarsePeriods(
  coarse: PublicCell[],
  fine: PublicCell[],
  coarseKind: PeriodKind,
): PublicCell[] {
  const blocked = new Set<string>();
  for (const f of fine) if (f.suppressed) blocked.add(`${rollUp(f.period, coarseKind)}\u0000${f.group}`);
  if (blocked.size === 0) return coarse;
  return coarse.map((c) =>
    blocked.has(`${c.period}\u0000${c.group}`) ? { ...c, value: null, n: null, suppressed: true } : c,
  );
}
