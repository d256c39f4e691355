import { describe, expect, it } from 'vitest';
import {
  chronological,
  comparePeriods,
  isFinerOrEqual,
  isPeriod,
  nextPeriod,
  periodEnd,
  periodKind,
  periodLabel,
  periodOfDate,
  periodStart,
  periodsBetween,
  previousPeriod,
  rollUp,
  samePeriodLastYear,
} from './periods';

describe('periodKind and isPeriod', () => {
  it('recognises years, quarters and months', () => {
    expect(periodKind('2025')).toBe('year');
    expect(periodKind('2025-Q1')).toBe('quarter');
    expect(periodKind('2025-Q4')).toBe('quarter');
    expect(periodKind('2025-01')).toBe('month');
    expect(periodKind('2025-12')).toBe('month');
  });

  it.each([
    '',
    '25',
    '20255',
    '2025-13',
    '2025-00',
    '2025-1',
    '2025-Q0',
    '2025-Q5',
    '2025-q2',
    '2025-05-01',
    ' 2025',
    '2025-M05',
  ])('rejects %j', (p) => {
    expect(isPeriod(p)).toBe(false);
    expect(() => periodKind(p)).toThrow(/malformed period/);
  });

  it('accepts what it can parse', () => {
    for (const p of ['0000', '9999-12', '1999-Q3']) expect(isPeriod(p)).toBe(true);
  });
});

describe('periodStart and periodEnd', () => {
  it.each([
    ['2025', '2025-01-01', '2025-12-31'],
    ['2025-Q1', '2025-01-01', '2025-03-31'],
    ['2025-Q2', '2025-04-01', '2025-06-30'],
    ['2025-Q3', '2025-07-01', '2025-09-30'],
    ['2025-Q4', '2025-10-01', '2025-12-31'],
    ['2025-02', '2025-02-01', '2025-02-28'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2000-02', '2000-02-01', '2000-02-29'],
    ['1900-02', '1900-02-01', '1900-02-28'],
    ['2025-04', '2025-04-01', '2025-04-30'],
    ['2025-07', '2025-07-01', '2025-07-31'],
    ['2025-11', '2025-11-01', '2025-11-30'],
  ])('%s runs from %s to %s', (p, start, end) => {
    expect(periodStart(p)).toBe(start);
    expect(periodEnd(p)).toBe(end);
  });

  it('throws on a malformed period', () => {
    expect(() => periodStart('2025-13')).toThrow();
    expect(() => periodEnd('x')).toThrow();
  });
});

describe('rollUp and isFinerOrEqual', () => {
  it('rolls months up to quarters and years', () => {
    const quarters = ['Q1', 'Q1', 'Q1', 'Q2', 'Q2', 'Q2', 'Q3', 'Q3', 'Q3', 'Q4', 'Q4', 'Q4'];
    quarters.forEach((q, i) => {
      const month = `2025-${String(i + 1).padStart(2, '0')}`;
      expect(rollUp(month, 'quarter')).toBe(`2025-${q}`);
      expect(rollUp(month, 'year')).toBe('2025');
    });
  });

  it('rolls quarters up to years and keeps the same kind', () => {
    expect(rollUp('2025-Q3', 'year')).toBe('2025');
    expect(rollUp('2025-05', 'month')).toBe('2025-05');
    expect(rollUp('2025-Q2', 'quarter')).toBe('2025-Q2');
    expect(rollUp('2025', 'year')).toBe('2025');
  });

  it('refuses to roll down to a finer kind', () => {
    expect(() => rollUp('2025', 'quarter')).toThrow(/cannot roll/);
    expect(() => rollUp('2025', 'month')).toThrow(/cannot roll/);
    expect(() => rollUp('2025-Q2', 'month')).toThrow(/cannot roll/);
  });

  it('orders month ≤ quarter ≤ year', () => {
    expect(isFinerOrEqual('month', 'month')).toBe(true);
    expect(isFinerOrEqual('month', 'quarter')).toBe(true);
    expect(isFinerOrEqual('month', 'year')).toBe(true);
    expect(isFinerOrEqual('quarter', 'year')).toBe(true);
    expect(isFinerOrEqual('quarter', 'quarter')).toBe(true);
    expect(isFinerOrEqual('quarter', 'month')).toBe(false);
    expect(isFinerOrEqual('year', 'quarter')).toBe(false);
    expect(isFinerOrEqual('year', 'month')).toBe(false);
  });
});

describe('stepping through periods', () => {
  it.each([
    ['2025-05', '2025-04', '2025-06'],
    ['2025-01', '2024-12', '2025-02'],
    ['2025-12', '2025-11', '2026-01'],
    ['2025-Q1', '2024-Q4', '2025-Q2'],
    ['2025-Q4', '2025-Q3', '2026-Q1'],
    ['2025', '2024', '2026'],
    ['0999', '0998', '1000'],
  ])('%s comes after %s and before %s', (p, prev, next) => {
    expect(previousPeriod(p)).toBe(prev);
    expect(nextPeriod(p)).toBe(next);
    expect(nextPeriod(previousPeriod(p))).toBe(p);
  });

  it('throws outside years 0000–9999', () => {
    expect(() => previousPeriod('0000-01')).toThrow(/outside/);
    expect(() => nextPeriod('9999-Q4')).toThrow(/outside/);
    expect(nextPeriod('9998')).toBe('9999');
  });

  it('finds the same period a year earlier', () => {
    expect(samePeriodLastYear('2025-05')).toBe('2024-05');
    expect(samePeriodLastYear('2025-Q3')).toBe('2024-Q3');
    expect(samePeriodLastYear('2025')).toBe('2024');
  });
});

describe('comparePeriods and periodsBetween', () => {
  it('compares chronologically within a kind', () => {
    expect(comparePeriods('2024-12', '2025-01')).toBe(-1);
    expect(comparePeriods('2025-01', '2024-12')).toBe(1);
    expect(comparePeriods('2025-Q2', '2025-Q2')).toBe(0);
    expect(comparePeriods('2024', '2025')).toBe(-1);
    expect(['2025-Q1', '2024-Q4', '2025-Q3', '2024-Q1'].sort(comparePeriods)).toEqual([
      '2024-Q1',
      '2024-Q4',
      '2025-Q1',
      '2025-Q3',
    ]);
  });

  it('refuses to compare different kinds', () => {
    expect(() => comparePeriods('2025', '2025-01')).toThrow(/cannot compare/);
    expect(() => comparePeriods('2025-Q1', '2025-01')).toThrow(/cannot compare/);
  });

  it('lists the periods between two, inclusive', () => {
    expect(periodsBetween('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(periodsBetween('2024-Q3', '2025-Q1')).toEqual(['2024-Q3', '2024-Q4', '2025-Q1']);
    expect(periodsBetween('2023', '2025')).toEqual(['2023', '2024', '2025']);
    expect(periodsBetween('2025-05', '2025-05')).toEqual(['2025-05']);
    expect(periodsBetween('2025-06', '2025-05')).toEqual([]);
    expect(periodsBetween('2020-01', '2024-12')).toHaveLength(60);
  });

  it('refuses a range across kinds', () => {
    expect(() => periodsBetween('2025-01', '2025-Q2')).toThrow(/same kind/);
  });

  it('orders mixed kinds by first day, shorter first', () => {
    expect(['2025-Q2', '2025', '2025-04', '2024-12', '2025-01', '2025-Q1'].sort(chronological)).toEqual([
      '2024-12',
      '2025-01',
      '2025-Q1',
      '2025',
      '2025-04',
      '2025-Q2',
    ]);
  });
});

describe('periodOfDate', () => {
  it('finds the month, quarter and year of a date', () => {
    expect(periodOfDate('2025-05-17', 'month')).toBe('2025-05');
    expect(periodOfDate('2025-05-17', 'quarter')).toBe('2025-Q2');
    expect(periodOfDate('2025-05-17', 'year')).toBe('2025');
    expect(periodOfDate('2025-12-31', 'quarter')).toBe('2025-Q4');
    expect(periodOfDate('2024-02-29', 'month')).toBe('2024-02');
  });

  it.each(['2025-02-29', '2025-04-31', '2025-13-01', '2025-01-00', '2025-5-1', '2025-05', 'hier'])(
    'rejects the date %j',
    (d) => {
      expect(() => periodOfDate(d, 'month')).toThrow(/invalid date/);
    },
  );
});

describe('periodLabel', () => {
  it('labels periods in French and English', () => {
    expect(periodLabel('2025-Q2', 'fr')).toBe('T2 2025');
    expect(periodLabel('2025-Q2', 'en')).toBe('Q2 2025');
    expect(periodLabel('2025-05', 'fr')).toBe('mai 2025');
    expect(periodLabel('2025-05', 'en')).toBe('May 2025');
    expect(periodLabel('2025-08', 'fr')).toBe('août 2025');
    expect(periodLabel('2025-02', 'fr')).toBe('février 2025');
    expect(periodLabel('2025-12', 'en')).toBe('December 2025');
    expect(periodLabel('2025-01', 'en')).toBe('January 2025');
    expect(periodLabel('2025', 'fr')).toBe('2025');
    expect(periodLabel('2025', 'en')).toBe('2025');
  });

  it('throws on a malformed period', () => {
    expect(() => periodLabel('2025-13', 'fr')).toThrow();
  });
});
