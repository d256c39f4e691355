import { describe, expect, it } from 'vitest';
import {
  type DetectedSuccess,
  detectSuccesses,
  meetsTarget,
  SUCCESS_MAINTAIN_TOLERANCE,
  SUCCESS_RECORD_MIN_HISTORY,
  SUCCESS_STRONG_GROWTH,
  type SuccessInput,
} from './successes';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

type Indicator = SuccessInput['indicator'];

function input(
  values: (number | null)[],
  over: Partial<Indicator> = {},
  extra: Partial<Omit<SuccessInput, 'indicator'>> = {},
): SuccessInput {
  // One value per quarter, from 2024-Q1 on.
  const series = values.map((value, i) => ({
    period: `${2024 + Math.floor(i / 4)}-Q${(i % 4) + 1}`,
    value,
    n: 4,
  }));
  return {
    locale: 'en',
    indicator: { id: 'ind', name: 'Flour sold', unit: 't', direction: 'increase', target: null, ...over },
    series,
    actorSeries: [],
    ...extra,
  };
}

const kinds = (found: DetectedSuccess[]) => found.map((s) => `${s.kind}:${s.actorId ?? 'chain'}`);

describe('constants', () => {
  it('are the documented thresholds', () => {
    expect([SUCCESS_MAINTAIN_TOLERANCE, SUCCESS_RECORD_MIN_HISTORY, SUCCESS_STRONG_GROWTH]).toEqual([
      0.05, 4, 0.2,
    ]);
  });
});

describe('meetsTarget', () => {
  it('reads the target by direction', () => {
    expect(meetsTarget(100, 100, 'increase')).toBe(true);
    expect(meetsTarget(99, 100, 'increase')).toBe(false);
    expect(meetsTarget(100, 100, 'decrease')).toBe(true);
    expect(meetsTarget(101, 100, 'decrease')).toBe(false);
    expect(meetsTarget(105, 100, 'maintain')).toBe(true);
    expect(meetsTarget(95, 100, 'maintain')).toBe(true);
    expect(meetsTarget(105.1, 100, 'maintain')).toBe(false);
    expect(meetsTarget(94.9, 100, 'maintain')).toBe(false);
    expect(meetsTarget(0.1 + 0.2, 0.3, 'increase')).toBe(true);
  });
});

describe('target_reached', () => {
  it('celebrates the crossing of the target', () => {
    const found = detectSuccesses(input([90, 105], { target: 100 }));
    expect(found.find((s) => s.kind === 'target_reached')).toEqual({
      key: 'target_reached:ind:chain:2024-Q2',
      kind: 'target_reached',
      indicatorId: 'ind',
      actorId: null,
      period: '2024-Q2',
      value: 105,
      previous: 90,
      message: `Target reached for “Flour sold”: 105${NBSP}t in Q2 2024 (target: 100${NBSP}t).`,
    });
  });

  it('is not news when the target was already met, or is not met', () => {
    expect(kinds(detectSuccesses(input([100, 101], { target: 100 })))).not.toContain('target_reached:chain');
    expect(kinds(detectSuccesses(input([80, 99], { target: 100 })))).not.toContain('target_reached:chain');
    expect(kinds(detectSuccesses(input([110, 90], { target: 100 })))).not.toContain('target_reached:chain');
  });

  it('needs the value of the period just before and a target', () => {
    expect(kinds(detectSuccesses(input([105], { target: 100 })))).toEqual([]);
    expect(kinds(detectSuccesses(input([90, null, 105], { target: 100 })))).not.toContain(
      'target_reached:chain',
    );
    expect(kinds(detectSuccesses(input([90, 95], { target: null })))).not.toContain('target_reached:chain');
  });

  it('reads downward targets and maintain targets', () => {
    expect(kinds(detectSuccesses(input([120, 95], { target: 100, direction: 'decrease' })))).toContain(
      'target_reached:chain',
    );
    expect(kinds(detectSuccesses(input([80, 96], { target: 100, direction: 'maintain' })))).toEqual([
      'target_reached:chain',
    ]);
    expect(kinds(detectSuccesses(input([120, 104], { target: 100, direction: 'maintain' })))).toEqual([
      'target_reached:chain',
    ]);
    expect(kinds(detectSuccesses(input([80, 94], { target: 100, direction: 'maintain' })))).toEqual([]);
  });

  it('takes the latest known value, whatever the order of the series', () => {
    const found = detectSuccesses({
      ...input([], { target: 100 }),
      series: [
        { period: '2025-03', value: null, n: 0 },
        { period: '2025-02', value: 100, n: 3 },
        { period: '2025-01', value: 99, n: 3 },
      ],
    });
    expect(found.map((s) => s.key)).toEqual(['target_reached:ind:chain:2025-02']);
  });

  it('refuses a series that mixes kinds of periods', () => {
    const mixed = {
      ...input([], { target: 100 }),
      series: [
        { period: '2025-01', value: 1, n: 1 },
        { period: '2025-Q1', value: 2, n: 1 },
      ],
    };
    expect(() => detectSuccesses(mixed)).toThrow(/mixes month and quarter/);
  });
});

describe('record', () => {
  it('needs 4 earlier periods and a strictly better value', () => {
    expect(kinds(detectSuccesses(input([10, 11, 12, 13, 14])))).toEqual(['record:chain']);
    expect(kinds(detectSuccesses(input([10, 11, 12, 14])))).toEqual([]);
    expect(kinds(detectSuccesses(input([10, 14, 12, 13, 14])))).toEqual([]);
    expect(kinds(detectSuccesses(input([10, 15, 12, 13, 14])))).toEqual([]);
  });

  it('names the record it beats', () => {
    const [record] = detectSuccesses(input([10, 13, 11, 12, 13.5]));
    expect(record?.previous).toBe(13);
    expect(record?.message).toBe(
      `Record for “Flour sold”: 13.5${NBSP}t in Q1 2025, the highest value ever recorded (previous record: 13${NBSP}t).`,
    );
  });

  it('counts only known values as history', () => {
    expect(kinds(detectSuccesses(input([10, null, null, 11, 12, 13])))).toEqual([]);
    expect(kinds(detectSuccesses(input([10, null, 11, 12, 13, 14])))).toEqual(['record:chain']);
  });

  it('looks for the lowest value of a decrease indicator, never for maintain', () => {
    const found = detectSuccesses(input([50, 48, 49, 47, 46], { direction: 'decrease' }));
    expect(kinds(found)).toEqual(['record:chain']);
    expect(found[0]?.message).toContain('the lowest value ever recorded (previous record: 47');
    expect(kinds(detectSuccesses(input([10, 11, 12, 13, 20], { direction: 'maintain' })))).toEqual([]);
  });
});

describe('strong_growth', () => {
  it('needs 20 % on the period just before, in the desired direction', () => {
    const found = detectSuccesses(input([100, 120]));
    expect(found).toEqual([
      {
        key: 'strong_growth:ind:chain:2024-Q2',
        kind: 'strong_growth',
        indicatorId: 'ind',
        actorId: null,
        period: '2024-Q2',
        value: 120,
        previous: 100,
        message: `Strong rise in “Flour sold”: 120${NBSP}t in Q2 2024, +20% on Q1 2024 (100${NBSP}t).`,
      },
    ]);
    expect(kinds(detectSuccesses(input([1, 1.2])))).toEqual(['strong_growth:chain']);
    expect(kinds(detectSuccesses(input([100, 119.9])))).toEqual([]);
    expect(kinds(detectSuccesses(input([100, 60])))).toEqual([]);
  });

  it('celebrates a fall of a decrease indicator, never maintain', () => {
    const found = detectSuccesses(input([100, 80], { direction: 'decrease' }));
    expect(kinds(found)).toEqual(['strong_growth:chain']);
    expect(found[0]?.message).toBe(
      `Sharp fall in “Flour sold”: 80${NBSP}t in Q2 2024, -20% on Q1 2024 (100${NBSP}t).`,
    );
    expect(kinds(detectSuccesses(input([100, 120], { direction: 'decrease' })))).toEqual([]);
    expect(kinds(detectSuccesses(input([100, 200], { direction: 'maintain' })))).toEqual([]);
  });

  it('needs a previous value that is not 0, in the period just before', () => {
    expect(kinds(detectSuccesses(input([0, 50])))).toEqual([]);
    expect(kinds(detectSuccesses(input([100, null, 150])))).toEqual([]);
  });

  it('reads growth relative to the size of a negative value', () => {
    expect(kinds(detectSuccesses(input([-100, -80])))).toEqual(['strong_growth:chain']);
    expect(kinds(detectSuccesses(input([-100, -120])))).toEqual([]);
  });
});

describe('actors', () => {
  const actorSeries = [
    {
      actorId: 'b',
      actorName: 'Moulin',
      points: [
        { period: '2024-Q1', value: 5 },
        { period: '2024-Q2', value: 5 },
        { period: '2024-Q3', value: 5 },
        { period: '2024-Q4', value: 5 },
        { period: '2025-Q1', value: 7 },
      ],
    },
    {
      actorId: 'a',
      actorName: 'Ferme',
      points: [
        { period: '2024-Q4', value: 10 },
        { period: '2025-Q1', value: 13 },
      ],
    },
    { actorId: 'c', actorName: 'Boulangerie', points: [] },
  ];

  it('finds records and growth per actor, after the chain, actors by name', () => {
    const found = detectSuccesses(input([100, 100, 100, 80, 99], { target: 90 }, { actorSeries }));
    expect(found.map((s) => s.key)).toEqual([
      'target_reached:ind:chain:2025-Q1',
      'strong_growth:ind:chain:2025-Q1',
      'strong_growth:ind:a:2025-Q1',
      'record:ind:b:2025-Q1',
      'strong_growth:ind:b:2025-Q1',
    ]);
    expect(found.find((s) => s.key === 'strong_growth:ind:a:2025-Q1')?.message).toBe(
      `Strong rise in “Flour sold” at “Ferme”: 13${NBSP}t in Q1 2025, +30% on Q4 2024 (10${NBSP}t).`,
    );
  });

  it('is deterministic whatever the input order', () => {
    const a = detectSuccesses(input([100, 130], {}, { actorSeries }));
    const b = detectSuccesses({
      ...input([100, 130], {}, { actorSeries: [...actorSeries].reverse() }),
      series: input([100, 130]).series.reverse(),
    });
    expect(b).toEqual(a);
  });
});

describe('French messages', () => {
  const fr = (values: number[], over: Partial<Indicator>, actorName?: string) =>
    detectSuccesses({
      ...input(values, over),
      locale: 'fr',
      ...(actorName
        ? {
            series: [],
            actorSeries: [
              {
                actorId: 'x',
                actorName,
                points: values.map((value, i) => ({
                  period: `2025-${String(i + 1).padStart(2, '0')}`,
                  value,
                })),
              },
            ],
          }
        : {}),
    }).map((s) => s.message);

  it('format numbers, units, periods and names the French way', () => {
    expect(fr([900, 1250.5], { target: 1000, unit: 'kg' })).toEqual([
      `Objectif atteint pour «${NBSP}Flour sold${NBSP}»${NBSP}: 1${NNBSP}250,5${NBSP}kg en T2 2024 (objectif${NBSP}: 1${NNBSP}000${NBSP}kg).`,
      `Forte progression de «${NBSP}Flour sold${NBSP}»${NBSP}: 1${NNBSP}250,5${NBSP}kg en T2 2024, +38,9${NBSP}% par rapport à T1 2024 (900${NBSP}kg).`,
    ]);
  });

  it('name the actor and the month', () => {
    expect(fr([10, 11, 12, 13, 9], { direction: 'decrease', unit: '%' }, 'Moulin de Pré')).toEqual([
      `Record pour «${NBSP}Flour sold${NBSP}» chez «${NBSP}Moulin de Pré${NBSP}»${NBSP}: 9${NBSP}% en mai 2025, la valeur la plus basse jamais relevée (précédent record${NBSP}: 10${NBSP}%).`,
      `Forte baisse de «${NBSP}Flour sold${NBSP}» chez «${NBSP}Moulin de Pré${NBSP}»${NBSP}: 9${NBSP}% en mai 2025, -30,8${NBSP}% par rapport à avril 2025 (13${NBSP}%).`,
    ]);
  });

  it('write a value without a unit on its own', () => {
    expect(fr([10, 20], { unit: null })[0]).toContain(': 20 en T2 2024');
  });
});
