import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from './aggregate';
import { maskCoarsePeriods, protectSeries } from './disclosure';

const pt = (period: string, group: string, value: number, n: number): SeriesPoint => ({
  period,
  group,
  value,
  n,
});
const cell = (cells: ReturnType<typeof protectSeries>, period: string, group: string) =>
  cells.find((c) => c.period === period && c.group === group);

describe('protectSeries: primary suppression', () => {
  it('withholds a figure of fewer than k actors, its value and its count', () => {
    const out = protectSeries([pt('2025-Q1', 'all', 100, 2), pt('2025-Q2', 'all', 300, 3)], 3, {
      actorLevel: false,
    });
    expect(out).toEqual([
      { period: '2025-Q1', group: 'all', value: null, n: null, suppressed: true },
      { period: '2025-Q2', group: 'all', value: 300, n: 3, suppressed: false },
    ]);
  });

  it('publishes the chain’s own figures (n = 0) and per-actor values of a public indicator', () => {
    expect(protectSeries([pt('2025', 'all', 7, 0)], 3, { actorLevel: false })[0]?.suppressed).toBe(false);
    const actors = protectSeries([pt('2025', 'a', 7, 1), pt('2025', 'b', 9, 1)], 3, { actorLevel: true });
    expect(actors.every((c) => !c.suppressed && c.n === 1)).toBe(true);
  });

  it('does nothing when k is 1', () => {
    expect(protectSeries([pt('2025', 'all', 7, 1)], 1, { actorLevel: false })[0]?.suppressed).toBe(false);
  });
});

describe('protectSeries: complementary suppression in a breakdown', () => {
  // Total 1000 from 6 actors; the bakery stage has a single actor.
  const stages = [pt('2025', 'mill', 500, 3), pt('2025', 'bakery', 200, 1), pt('2025', 'shop', 300, 2)];

  it('withholds more groups until the hidden ones rest on k actors, so the total cannot reveal one', () => {
    const out = protectSeries(stages, 3, { actorLevel: false });
    expect(cell(out, '2025', 'bakery')?.suppressed).toBe(true);
    // bakery (1) alone is below k: the smallest published group (shop, 2) goes too: 1 + 2 ≥ 3.
    expect(cell(out, '2025', 'shop')?.suppressed).toBe(true);
    expect(cell(out, '2025', 'mill')).toMatchObject({ value: 500, suppressed: false });
    // What an attacker can compute from the total and the published groups: bakery + shop together.
    const derivable = 1000 - out.reduce((s, c) => s + (c.value ?? 0), 0);
    expect(derivable).toBe(500);
    expect(
      out
        .filter((c) => c.suppressed)
        .reduce((s, c) => s + (stages.find((p) => p.group === c.group)?.n ?? 0), 0),
    ).toBeGreaterThanOrEqual(3);
  });

  it('leaves a breakdown alone when nothing is below k, and treats each period apart', () => {
    const out = protectSeries([pt('2024', 'mill', 1, 3), pt('2024', 'shop', 2, 4), ...stages], 3, {
      actorLevel: false,
    });
    expect(out.filter((c) => c.period === '2024').every((c) => !c.suppressed)).toBe(true);
    expect(out.filter((c) => c.period === '2025' && c.suppressed)).toHaveLength(2);
  });

  it('withholds every group when even all of them rest on fewer than k actors', () => {
    const out = protectSeries([pt('2025', 'a', 1, 1), pt('2025', 'b', 2, 1)], 3, { actorLevel: false });
    expect(out.every((c) => c.suppressed)).toBe(true);
  });

  it('is enough when two small hidden groups already reach k together', () => {
    const out = protectSeries([pt('2025', 'a', 1, 2), pt('2025', 'b', 2, 2), pt('2025', 'c', 3, 5)], 3, {
      actorLevel: false,
    });
    expect(out.map((c) => c.suppressed)).toEqual([true, true, false]);
  });
});

describe('maskCoarsePeriods: differences between periods', () => {
  it('withholds a year when one of its quarters is withheld, group by group', () => {
    const quarters = protectSeries(
      [pt('2025-Q1', 'all', 10, 2), pt('2025-Q2', 'all', 20, 4), pt('2024-Q4', 'all', 5, 4)],
      3,
      { actorLevel: false },
    );
    const years = protectSeries([pt('2025', 'all', 30, 4), pt('2024', 'all', 5, 4)], 3, {
      actorLevel: false,
    });
    const out = maskCoarsePeriods(years, quarters, 'year');
    expect(cell(out, '2025', 'all')).toEqual({
      period: '2025',
      group: 'all',
      value: null,
      n: null,
      suppressed: true,
    });
    expect(cell(out, '2024', 'all')?.value).toBe(5);
  });
});
