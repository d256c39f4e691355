import { describe, expect, it } from 'vitest';
import {
  combine,
  combineRatio,
  compareToPrevious,
  type ObservationPartial,
  type SeriesPoint,
  suppress,
} from './aggregate';

/** A partial from the raw values of one actor in one bucket, the last value being the latest. */
function partial(actorId: string | null, bucket: string, values: number[]): ObservationPartial {
  return {
    actorId,
    bucket,
    sum: values.reduce((s, v) => s + v, 0),
    count: values.length,
    min: Math.min(...values),
    max: Math.max(...values),
    latest: values.at(-1) ?? 0,
  };
}

const everyone = () => ['all'];
const STAGES: Record<string, string[]> = { a: ['mill'], b: ['mill', 'bakery'], c: ['bakery'], d: [] };
const byStage = (id: string | null) => (id === null ? [] : (STAGES[id] ?? []));

// One quarter: a reports 4 then 6, b reports 5, 10, 15, c reports 7, the chain itself 50.
const Q1 = [
  partial('a', '2025-Q1', [4, 6]),
  partial('b', '2025-Q1', [5, 10, 15]),
  partial('c', '2025-Q1', [7]),
  partial(null, '2025-Q1', [50]),
];

const cellAt = (points: SeriesPoint[], period: string, group: string) =>
  points.find((p) => p.period === period && p.group === group);

describe('combine, one group for the whole chain', () => {
  it('adds the sums', () => {
    expect(combine('sum', Q1, everyone)).toEqual([{ period: '2025-Q1', group: 'all', value: 97, n: 3 }]);
  });

  it('weighs every observation the same in a mean, never a mean of means', () => {
    const [point] = combine('mean', Q1, everyone);
    expect(point?.value).toBeCloseTo(97 / 7, 12);
    // The mean of the four per-actor means would be (5 + 10 + 7 + 50) / 4 = 18.
    expect(point?.value).not.toBeCloseTo(18, 1);
  });

  it('takes the smallest min and the largest max', () => {
    expect(combine('min', Q1, everyone)[0]?.value).toBe(4);
    expect(combine('max', Q1, everyone)[0]?.value).toBe(50);
  });

  it('adds up the latest figure of each actor for stock indicators', () => {
    // 6 (a) + 15 (b) + 7 (c) + 50 (chain): not the sum of every figure (97) nor the last one (50).
    expect(combine('latest', Q1, everyone)[0]?.value).toBe(78);
  });

  it('counts distinct actors, not chain-level observations', () => {
    expect(combine('sum', Q1, everyone)[0]?.n).toBe(3);
    expect(combine('sum', [partial(null, '2025', [5])], everyone)).toEqual([
      { period: '2025', group: 'all', value: 5, n: 0 },
    ]);
  });

  it('answers nothing for no partials', () => {
    expect(combine('sum', [], everyone)).toEqual([]);
  });

  it('gives a mean of null for a cell with no observation counted', () => {
    const empty = { actorId: 'a', bucket: '2025', sum: 0, count: 0, min: 0, max: 0, latest: 0 };
    expect(combine('mean', [empty], everyone)[0]?.value).toBeNull();
  });
});

describe('combine by group', () => {
  it('counts an actor in each of its groups and drops those in none', () => {
    const partials = [...Q1, partial('d', '2025-Q1', [1000])];
    const sums = combine('sum', partials, byStage);
    expect(sums).toEqual([
      { period: '2025-Q1', group: 'bakery', value: 37, n: 2 },
      { period: '2025-Q1', group: 'mill', value: 40, n: 2 },
    ]);
    expect(cellAt(combine('mean', partials, byStage), '2025-Q1', 'mill')?.value).toBe(8);
    expect(cellAt(combine('mean', partials, byStage), '2025-Q1', 'bakery')?.value).toBe(9.25);
    expect(cellAt(combine('min', partials, byStage), '2025-Q1', 'bakery')?.value).toBe(5);
    expect(cellAt(combine('max', partials, byStage), '2025-Q1', 'mill')?.value).toBe(15);
    expect(cellAt(combine('latest', partials, byStage), '2025-Q1', 'mill')?.value).toBe(21);
    expect(cellAt(combine('latest', partials, byStage), '2025-Q1', 'bakery')?.value).toBe(22);
  });

  it('puts chain-level observations where groupsOf(null) says', () => {
    const points = combine('sum', Q1, (id) => (id === null ? ['chain'] : ['actors']));
    expect(points).toEqual([
      { period: '2025-Q1', group: 'actors', value: 47, n: 3 },
      { period: '2025-Q1', group: 'chain', value: 50, n: 0 },
    ]);
  });

  it('asks groupsOf once per actor and counts a group listed twice once', () => {
    const asked: (string | null)[] = [];
    const points = combine(
      'sum',
      [partial('a', '2025-01', [1]), partial('a', '2025-02', [2]), partial('b', '2025-01', [3])],
      (id) => {
        asked.push(id);
        return ['g', 'g'];
      },
    );
    expect(asked).toEqual(['a', 'b']);
    expect(points).toEqual([
      { period: '2025-01', group: 'g', value: 4, n: 2 },
      { period: '2025-02', group: 'g', value: 2, n: 1 },
    ]);
  });

  it('sorts by period chronologically, then by group', () => {
    const points = combine(
      'sum',
      [
        partial('c', '2025-Q2', [1]),
        partial('a', '2024-Q4', [1]),
        partial('b', '2025-Q1', [1]),
        partial('a', '2025-Q2', [1]),
      ],
      byStage,
    );
    expect(points.map((p) => `${p.period} ${p.group}`)).toEqual([
      '2024-Q4 mill',
      '2025-Q1 bakery',
      '2025-Q1 mill',
      '2025-Q2 bakery',
      '2025-Q2 mill',
    ]);
  });

  it('sorts months across a year boundary and groups by code point', () => {
    const points = combine(
      'sum',
      [partial('a', '2025-01', [1]), partial('a', '2024-12', [1]), partial('b', '2024-12', [1])],
      (id) => [id === 'a' ? 'b-group' : 'B-group'],
    );
    expect(points.map((p) => `${p.period} ${p.group}`)).toEqual([
      '2024-12 B-group',
      '2024-12 b-group',
      '2025-01 b-group',
    ]);
  });
});

describe('combineRatio', () => {
  it('divides the sums, never averages the per-actor ratios', () => {
    // a keeps 90 of 100 in the region (90 %), b 1 of 10 (10 %): the mean of ratios would be 50 %.
    const points = combineRatio(
      [partial('a', '2025', [90]), partial('b', '2025', [1])],
      [partial('a', '2025', [100]), partial('b', '2025', [10])],
      100,
      everyone,
    );
    expect(points).toHaveLength(1);
    expect(points[0]?.value).toBeCloseTo((91 / 110) * 100, 12);
    expect(points[0]?.value).not.toBeCloseTo(50, 1);
    expect(points[0]?.n).toBe(2);
  });

  it('uses every observation of the bucket, not only the latest', () => {
    const points = combineRatio(
      [partial('a', '2025-Q1', [10, 20])],
      [partial('a', '2025-Q1', [100, 100])],
      1000,
      everyone,
    );
    expect(points[0]?.value).toBeCloseTo(150, 12);
  });

  it('counts actors present in the numerator or the denominator', () => {
    const points = combineRatio(
      [partial('a', '2025', [50])],
      [partial('a', '2025', [100]), partial('b', '2025', [100]), partial(null, '2025', [200])],
      100,
      everyone,
    );
    expect(points).toEqual([{ period: '2025', group: 'all', value: 12.5, n: 2 }]);
  });

  it('is null when the denominator sums to 0 or is missing, or no numerator was reported', () => {
    const points = combineRatio(
      [partial('a', '2025-01', [5]), partial('a', '2025-02', [5]), partial('a', '2025-03', [0])],
      [
        partial('a', '2025-01', [0]),
        partial('b', '2025-02', [10]),
        partial('c', '2025-02', [-10]),
        partial('a', '2025-03', [10]),
        partial('b', '2025-04', [10]),
      ],
      100,
      everyone,
    );
    expect(points).toEqual([
      { period: '2025-01', group: 'all', value: null, n: 1 },
      { period: '2025-02', group: 'all', value: null, n: 3 },
      { period: '2025-03', group: 'all', value: 0, n: 1 },
      { period: '2025-04', group: 'all', value: null, n: 1 },
    ]);
    expect(combineRatio([partial('a', '2025', [5])], [], 100, everyone)).toEqual([
      { period: '2025', group: 'all', value: null, n: 1 },
    ]);
  });

  it('computes each group from its own sums', () => {
    const points = combineRatio(
      [partial('a', '2025', [30]), partial('b', '2025', [20]), partial('c', '2025', [10])],
      [partial('a', '2025', [60]), partial('b', '2025', [40]), partial('c', '2025', [40])],
      100,
      byStage,
    );
    expect(points).toEqual([
      { period: '2025', group: 'bakery', value: 37.5, n: 2 },
      { period: '2025', group: 'mill', value: 50, n: 2 },
    ]);
  });
});

describe('suppress', () => {
  const points: SeriesPoint[] = [
    { period: '2025', group: 'one', value: 10, n: 1 },
    { period: '2025', group: 'two', value: 20, n: 2 },
    { period: '2025', group: 'three', value: 30, n: 3 },
    { period: '2025', group: 'chain', value: 40, n: 0 },
  ];

  it('hides values built from fewer than k actors', () => {
    expect(suppress(points, 3)).toEqual([
      { period: '2025', group: 'one', value: null, n: 1, suppressed: true },
      { period: '2025', group: 'two', value: null, n: 2, suppressed: true },
      { period: '2025', group: 'three', value: 30, n: 3 },
      { period: '2025', group: 'chain', value: 40, n: 0 },
    ]);
  });

  it('follows k and leaves the input untouched', () => {
    expect(
      suppress(points, 2)
        .filter((p) => p.suppressed)
        .map((p) => p.group),
    ).toEqual(['one']);
    expect(suppress(points, 1).some((p) => p.suppressed)).toBe(false);
    expect(suppress(points, 4).filter((p) => p.suppressed)).toHaveLength(3);
    expect(points[0]?.value).toBe(10);
  });
});

describe('compareToPrevious', () => {
  it('compares each point with the same group in the period just before', () => {
    const compared = compareToPrevious([
      { period: '2025-Q2', group: 'mill', value: 150, n: 3 },
      { period: '2025-Q1', group: 'mill', value: 120, n: 3 },
      { period: '2025-Q1', group: 'bakery', value: 80, n: 4 },
      { period: '2025-Q2', group: 'bakery', value: 60, n: 4 },
      { period: '2024-Q4', group: 'mill', value: 0, n: 3 },
    ]);
    expect(compared.map((p) => [p.period, p.group, p.previous, p.change, p.relativeChange])).toEqual([
      ['2025-Q2', 'mill', 120, 30, 0.25],
      ['2025-Q1', 'mill', 0, 120, null],
      ['2025-Q1', 'bakery', null, null, null],
      ['2025-Q2', 'bakery', 80, -20, -0.25],
      ['2024-Q4', 'mill', null, null, null],
    ]);
  });

  it('skips a missing period rather than comparing with an older one', () => {
    const compared = compareToPrevious([
      { period: '2025-01', group: 'g', value: 10, n: 1 },
      { period: '2025-03', group: 'g', value: 20, n: 1 },
      { period: '2024-12', group: 'g', value: 5, n: 1 },
    ]);
    expect(compared.map((p) => p.previous)).toEqual([5, null, null]);
  });

  it('measures relative change against the size of a negative previous value', () => {
    const [, point] = compareToPrevious([
      { period: '2024', group: 'g', value: -100, n: 2 },
      { period: '2025', group: 'g', value: -50, n: 2 },
    ]);
    expect(point?.change).toBe(50);
    expect(point?.relativeChange).toBe(0.5);
  });

  it('has no change where a value is suppressed, and keeps extra fields', () => {
    const compared = compareToPrevious(
      suppress(
        [
          { period: '2024', group: 'g', value: 10, n: 1 },
          { period: '2025', group: 'g', value: 12, n: 5 },
        ],
        3,
      ),
    );
    expect(compared[1]).toEqual({
      period: '2025',
      group: 'g',
      value: 12,
      n: 5,
      previous: null,
      change: null,
      relativeChange: null,
    });
    expect(compared[0]?.suppressed).toBe(true);
  });
});
