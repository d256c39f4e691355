import { describe, expect, it } from 'vitest';
import {
  ALERT_MAINTAIN_TOLERANCE,
  ALERT_OUTLIER_FLAT_SHARE,
  ALERT_OUTLIER_MAD_SCALE,
  ALERT_OUTLIER_MIN_ACTORS,
  ALERT_OUTLIER_Z,
  type AlertInput,
  detectAlerts,
  medianOf,
  outlierFlags,
} from './alerts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

type Indicator = AlertInput['indicator'];

const indicator = (over: Partial<Indicator> = {}): Indicator => ({
  id: 'ind',
  name: 'Local flour',
  unit: 't',
  direction: 'increase',
  target: 100,
  min: null,
  max: null,
  ...over,
});

/** A chain series, one value a year from 2021 on. */
function offTrack(values: (number | null)[], over: Partial<Indicator> = {}, locale: 'fr' | 'en' = 'en') {
  return detectAlerts({
    locale,
    indicator: indicator(over),
    series: values.map((value, i) => ({ period: String(2021 + i), value, n: 3 })),
    latestByActor: [],
  });
}

/** Latest values of actors a1, a2… in 2025-Q2. */
function outliers(values: number[], over: Partial<Indicator> = {}, locale: 'fr' | 'en' = 'en') {
  return detectAlerts({
    locale,
    indicator: indicator({ target: null, ...over }),
    series: [],
    latestByActor: values.map((value, i) => ({
      actorId: `a${i + 1}`,
      actorName: `Actor ${i + 1}`,
      period: '2025-Q2',
      value,
    })),
  });
}

const actorsOf = (alerts: { actorId: string | null }[]) => alerts.map((a) => a.actorId);

describe('constants', () => {
  it('are the documented thresholds', () => {
    expect([
      ALERT_MAINTAIN_TOLERANCE,
      ALERT_OUTLIER_MIN_ACTORS,
      ALERT_OUTLIER_Z,
      ALERT_OUTLIER_MAD_SCALE,
      ALERT_OUTLIER_FLAT_SHARE,
    ]).toEqual([0.1, 5, 3.5, 0.6745, 0.5]);
  });
});

describe('off_track', () => {
  it('warns when an increase indicator is below target and did not rise', () => {
    expect(offTrack([80, 75])).toEqual([
      {
        id: 'off_track:ind:chain:2022',
        kind: 'off_track',
        indicatorId: 'ind',
        actorId: null,
        period: '2022',
        message: `“Local flour” is below its target: 75${NBSP}t in 2022 against a target of 100${NBSP}t, with no progress since 2021 (80${NBSP}t).`,
      },
    ]);
    expect(offTrack([80, 80])).toHaveLength(1);
    expect(offTrack([120, 90])).toHaveLength(1);
  });

  it('stays quiet when the value moves toward the target or meets it', () => {
    expect(offTrack([80, 90])).toEqual([]);
    expect(offTrack([80, 100])).toEqual([]);
    expect(offTrack([100])).toEqual([]);
  });

  it('warns without a previous period, or when the period just before has no value', () => {
    expect(offTrack([90])[0]?.message).toBe(
      `“Local flour” is below its target: 90${NBSP}t in 2021 against a target of 100${NBSP}t.`,
    );
    expect(offTrack([80, null, 90]).map((a) => a.id)).toEqual(['off_track:ind:chain:2023']);
    expect(offTrack([80, 90, null]).map((a) => a.id)).toEqual([]);
  });

  it('reads decrease and maintain targets', () => {
    expect(offTrack([70, 80], { target: 50, direction: 'decrease' })).toHaveLength(1);
    expect(offTrack([70, 60], { target: 50, direction: 'decrease' })).toEqual([]);
    expect(offTrack([40, 50], { target: 50, direction: 'decrease' })).toEqual([]);
    expect(offTrack([111], { direction: 'maintain' })).toHaveLength(1);
    expect(offTrack([89], { direction: 'maintain' })).toHaveLength(1);
    expect(offTrack([110], { direction: 'maintain' })).toEqual([]);
    expect(offTrack([120, 111], { direction: 'maintain' })).toEqual([]);
    expect(offTrack([105, 111], { direction: 'maintain' })).toHaveLength(1);
    expect(offTrack([85, 115], { direction: 'maintain' })).toHaveLength(1);
  });

  it('needs a target and a value', () => {
    expect(offTrack([10, 5], { target: null })).toEqual([]);
    expect(offTrack([null, null])).toEqual([]);
  });

  it('speaks French', () => {
    expect(offTrack([1500, 1200], { target: 2000, unit: 'kg' }, 'fr')[0]?.message).toBe(
      `«${NBSP}Local flour${NBSP}» reste sous son objectif${NBSP}: 1${NNBSP}200${NBSP}kg en 2022 pour un objectif de 2${NNBSP}000${NBSP}kg, sans progrès depuis 2021 (1${NNBSP}500${NBSP}kg).`,
    );
    expect(offTrack([70, 80], { target: 50, direction: 'decrease' }, 'fr')[0]?.message).toContain(
      'reste au-dessus de son objectif',
    );
    expect(offTrack([120], { direction: 'maintain' }, 'fr')[0]?.message).toContain(
      `s’écarte de plus de 10${NBSP}% de son objectif`,
    );
    expect(offTrack([120], { direction: 'maintain' })[0]?.message).toContain(
      'is more than 10% away from its target',
    );
  });
});

describe('medianOf and outlierFlags', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(medianOf([3, 1, 2])).toBe(2);
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
    expect(medianOf([7])).toBe(7);
  });

  it('flags modified z-scores above 3.5', () => {
    // median 12, MAD 1: 17.2 scores 0.6745 × 5.2 = 3.51, 17.1 scores 3.44.
    expect(outlierFlags([10, 11, 12, 13, 17.2])).toEqual([false, false, false, false, true]);
    expect(outlierFlags([10, 11, 12, 13, 17.1])).toEqual([false, false, false, false, false]);
    expect(outlierFlags([100, 101, 102, 103, 1])).toEqual([false, false, false, false, true]);
  });

  it('needs 5 values', () => {
    expect(outlierFlags([10, 11, 12, 1000])).toEqual([false, false, false, false]);
  });

  it('falls back on 50 % of the median when MAD is 0', () => {
    expect(outlierFlags([10, 10, 10, 10, 16])).toEqual([false, false, false, false, true]);
    expect(outlierFlags([10, 10, 10, 10, 4])).toEqual([false, false, false, false, true]);
    expect(outlierFlags([10, 10, 10, 10, 15])).toEqual([false, false, false, false, false]);
    expect(outlierFlags([-10, -10, -10, -10, -16])).toEqual([false, false, false, false, true]);
    expect(outlierFlags([0, 0, 0, 0, 5])).toEqual([false, false, false, false, false]);
  });
});

describe('outlier', () => {
  it('names the actor, its value and the median', () => {
    expect(outliers([1, 2, 3, 4, 5, 100])).toEqual([
      {
        id: 'outlier:ind:a6:2025-Q2',
        kind: 'outlier',
        indicatorId: 'ind',
        actorId: 'a6',
        period: '2025-Q2',
        message: `Unusual value of “Local flour” at “Actor 6” in Q2 2025: 100${NBSP}t, while the actors’ median is 3.5${NBSP}t.`,
      },
    ]);
    expect(outliers([1, 2, 3, 4, 5, 100], {}, 'fr')[0]?.message).toBe(
      `Valeur atypique de «${NBSP}Local flour${NBSP}» chez «${NBSP}Actor 6${NBSP}» en T2 2025${NBSP}: 100${NBSP}t, alors que la médiane des acteurs est de 3,5${NBSP}t.`,
    );
  });

  it('says nothing below 5 actors', () => {
    expect(outliers([10, 11, 12, 1000])).toEqual([]);
  });

  it('flags values outside the valid range whatever the number of actors', () => {
    const alerts = outliers([50, 150], { min: 0, max: 100, unit: '%' });
    expect(actorsOf(alerts)).toEqual(['a2']);
    expect(alerts[0]?.message).toBe(
      'Out-of-range value of “Local flour” at “Actor 2” in Q2 2025: 150%, outside the valid range (0% to 100%).',
    );
    expect(outliers([-1, 5], { min: 0, unit: '%' }, 'fr')[0]?.message).toBe(
      `Valeur hors plage de «${NBSP}Local flour${NBSP}» chez «${NBSP}Actor 1${NBSP}» en T2 2025${NBSP}: -1${NBSP}%, en dehors de la plage valide (au moins 0${NBSP}%).`,
    );
    expect(outliers([5, 12], { max: 10 })[0]?.message).toContain('(at most 10');
    expect(outliers([0, 100], { min: 0, max: 100 })).toEqual([]);
  });

  it('gives one alert per actor even when both rules flag it', () => {
    expect(actorsOf(outliers([10, 11, 12, 13, 500], { max: 100 }))).toEqual(['a5']);
  });

  it('judges each period on its own and sorts by period, name, id', () => {
    const row = (actorId: string, actorName: string, period: string, value: number) => ({
      actorId,
      actorName,
      period,
      value,
    });
    const alerts = detectAlerts({
      locale: 'en',
      indicator: indicator({ target: null }),
      series: [],
      latestByActor: [
        row('z', 'Bakery', '2025-02', 10),
        row('y', 'Bakery', '2025-02', 10),
        row('x', 'Mill', '2025-02', 10),
        row('w', 'Farm', '2025-02', 10),
        row('v', 'Shop', '2025-02', 10),
        row('u', 'Zeta', '2025-02', 10),
        row('k1', 'K', '2025-01', 1),
        row('k2', 'K', '2025-01', 1),
        row('k3', 'K', '2025-01', 1),
        row('k4', 'K', '2025-01', 1),
        row('k5', 'Ultra', '2025-01', 9),
        row('q', 'Q', '2025-02', Number.NaN),
      ],
    });
    // In 2025-02 every value equals the median: nobody stands out; the 10s there do not make 9 normal in 2025-01.
    expect(alerts.map((a) => a.id)).toEqual(['outlier:ind:k5:2025-01']);

    const sorted = detectAlerts({
      locale: 'en',
      indicator: indicator({ target: null, max: 5 }),
      series: [],
      latestByActor: [
        row('b', 'Bakery', '2025-02', 10),
        row('a', 'Bakery', '2025-02', 10),
        row('c', 'Arc', '2025-02', 10),
        row('d', 'Zeta', '2025-01', 10),
      ],
    });
    expect(sorted.map((a) => a.id)).toEqual([
      'outlier:ind:d:2025-01',
      'outlier:ind:c:2025-02',
      'outlier:ind:a:2025-02',
      'outlier:ind:b:2025-02',
    ]);
  });

  it('lists off_track before outliers', () => {
    const alerts = detectAlerts({
      locale: 'en',
      indicator: indicator(),
      series: [{ period: '2025-Q2', value: 50, n: 5 }],
      latestByActor: [10, 10, 11, 9, 40].map((value, i) => ({
        actorId: `a${i}`,
        actorName: `A${i}`,
        period: '2025-Q2',
        value,
      })),
    });
    expect(alerts.map((a) => a.id)).toEqual(['off_track:ind:chain:2025-Q2', 'outlier:ind:a4:2025-Q2']);
  });
});
