import { describe, expect, it } from 'vitest';
import { capitalBalance, goalProgress, harmsOf, negativeKeys } from './wealth';

describe('harms', () => {
  const matrix = {
    wealthMatrix: { living: { effect: -1 }, social: { effect: 2 }, material: { effect: -2 } },
    ownershipEffect: -1,
    livelihoodsEffect: 1,
  };
  it('flag every negative effect not accepted with a reason', () => {
    expect(harmsOf({ ...matrix, harmAcceptances: {} })).toEqual(['living', 'material', 'ownership']);
    expect(
      harmsOf({ ...matrix, harmAcceptances: { material: 'Un bâtiment de plus, compensé ailleurs' } }),
    ).toEqual(['living', 'ownership']);
    expect(
      harmsOf({
        wealthMatrix: { social: { effect: 0 } },
        ownershipEffect: 0,
        livelihoodsEffect: 0,
        harmAcceptances: {},
      }),
    ).toEqual([]);
  });
  it('know which keys may carry an acceptance', () => {
    expect(negativeKeys(matrix)).toEqual(['living', 'material', 'ownership']);
  });
});

const q = (period: string, start: string, end: string, value: number | null) => ({
  period,
  start,
  end,
  value,
});

describe('goal progress', () => {
  const series = [
    q('2025-Q1', '2025-01-01', '2025-03-31', 10),
    q('2025-Q2', '2025-04-01', '2025-06-30', 14),
    q('2025-Q3', '2025-07-01', '2025-09-30', 15),
  ];
  it('is on track when the latest value is at or above the straight line to the target', () => {
    // From 10 on 2025-01-01 to 30 on 2026-01-01: on 2025-10-01 the line stands at about 25.
    const p = goalProgress({
      baseline: null,
      targetValue: 30,
      targetDate: '2026-01-01',
      series,
      today: '2025-10-15',
    });
    expect(p.baseline).toBe(10);
    expect(p.latest).toBe(15);
    expect(p.latestPeriod).toBe('2025-Q3');
    expect(p.expected).toBeCloseTo(10 + 20 * (273 / 365), 6);
    expect(p.progress).toBeCloseTo(0.25, 6);
    expect(p.onTrack).toBe(false);
    const fast = goalProgress({
      baseline: 10,
      targetValue: 16,
      targetDate: '2026-01-01',
      series,
      today: '2025-10-15',
    });
    expect(fast.onTrack).toBe(true);
  });
  it('works downward, after the target date, and answers null without what it needs', () => {
    const down = [q('2025', '2025-01-01', '2025-12-31', 20), q('2026', '2026-01-01', '2026-12-31', 12)];
    expect(
      goalProgress({
        baseline: null,
        targetValue: 8,
        targetDate: '2028-12-31',
        series: down,
        today: '2027-01-10',
      }).onTrack,
    ).toBe(true);
    expect(
      goalProgress({
        baseline: null,
        targetValue: 8,
        targetDate: '2026-06-30',
        series: down,
        today: '2027-01-10',
      }).onTrack,
    ).toBe(false);
    expect(
      goalProgress({
        baseline: null,
        targetValue: 12,
        targetDate: '2026-06-30',
        series: down,
        today: '2027-01-10',
      }).onTrack,
    ).toBe(true);
    expect(
      goalProgress({ baseline: 5, targetValue: null, targetDate: null, series, today: '2025-10-15' }).onTrack,
    ).toBeNull();
    expect(
      goalProgress({
        baseline: 5,
        targetValue: 10,
        targetDate: '2026-01-01',
        series: [],
        today: '2025-10-15',
      }).onTrack,
    ).toBeNull();
    expect(
      goalProgress({ baseline: 5, targetValue: 10, targetDate: null, series, today: '2025-10-15' }),
    ).toMatchObject({ onTrack: null, progress: 2 });
  });
});

describe('capital balance', () => {
  it('scores coverage and initiative effects, and finds blind spots', () => {
    const balance = capitalBalance({
      capitals: [
        { key: 'living', label: 'Vivant' },
        { key: 'social', label: 'Social' },
        { key: 'spiritual', label: 'Spirituel' },
      ],
      goals: [
        { status: 'adopted', capitals: ['living'] },
        { status: 'proposed', capitals: ['spiritual'] },
      ],
      indicators: [{ status: 'adopted', capitals: ['living', 'social'] }],
      initiatives: [
        { status: 'active', wealthMatrix: { living: { effect: 2 }, social: { effect: -2 } } },
        { status: 'done', wealthMatrix: { living: { effect: 0 } } },
        { status: 'stopped', wealthMatrix: { spiritual: { effect: 2 } } },
      ],
    });
    expect(balance).toEqual([
      {
        capital: 'living',
        label: 'Vivant',
        goals: 1,
        indicators: 1,
        initiatives: 2,
        initiativesEffect: 2,
        score: 25 + 25 + 38,
        blindSpot: false,
      },
      {
        capital: 'social',
        label: 'Social',
        goals: 0,
        indicators: 1,
        initiatives: 1,
        initiativesEffect: -2,
        score: 25,
        blindSpot: false,
      },
      {
        capital: 'spiritual',
        label: 'Spirituel',
        goals: 0,
        indicators: 0,
        initiatives: 0,
        initiativesEffect: 0,
        score: 25,
        blindSpot: true,
      },
    ]);
  });
});
