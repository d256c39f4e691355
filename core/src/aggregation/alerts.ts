/**
 * Alert detection (ajuster, PRODUCT.md "Role 6"): what the coordinator should act on in an
 * indicator's latest values. Rules, also in docs/aggregation.md "Alerts and successes":
 * - off_track (needs a target): the latest known chain value is on the wrong side of the target
 *   (below for increase, above for decrease, more than ALERT_MAINTAIN_TOLERANCE away for maintain)
 *   and did not move toward it since the period just before: for increase it did not rise, for
 *   decrease it did not fall, for maintain it did not get closer. No value for the period just
 *   before counts as no move.
 * - outlier, per period of `latestByActor`: with at least ALERT_OUTLIER_MIN_ACTORS actors, a value
 *   whose modified z-score |0.6745 (x − median) / MAD| exceeds ALERT_OUTLIER_Z (Iglewicz & Hoaglin);
 *   when MAD = 0 (most actors report the same value), a value more than ALERT_OUTLIER_FLAT_SHARE × |median|
 *   away from a non-zero median. Whatever the number of actors, a value outside the indicator's valid
 *   range [min, max] is an outlier too (it may predate a change of range).
 * Output: off_track first, then outliers by period, actor name, actor id.
 */
import { colon, formatNumber, formatQuantity, quote } from './format';
import { EPSILON, type IndicatorDirection, knownHistory, previousValue } from './history';
import { chronological, type DataLocale, periodLabel, previousPeriod } from './periods';

/** A maintain indicator is off track beyond ±10 % of its target. */
export const ALERT_MAINTAIN_TOLERANCE = 0.1;
/** Below 5 actors a median and MAD say too little to call anyone an outlier. */
export const ALERT_OUTLIER_MIN_ACTORS = 5;
/** Iglewicz & Hoaglin's threshold on the modified z-score. */
export const ALERT_OUTLIER_Z = 3.5;
/** 0.6745 = the 0.75 quantile of the standard normal, making the MAD comparable to a standard deviation. */
export const ALERT_OUTLIER_MAD_SCALE = 0.6745;
/** When MAD = 0, a value further than 50 % of |median| from the median is an outlier. */
export const ALERT_OUTLIER_FLAT_SHARE = 0.5;

export type AlertKind = 'off_track' | 'outlier';

export interface AlertInput {
  locale: DataLocale;
  indicator: {
    id: string;
    name: string;
    unit: string | null;
    direction: IndicatorDirection;
    target: number | null;
    min: number | null;
    max: number | null;
  };
  /** Chain aggregate, any order. */
  series: { period: string; value: number | null; n: number }[];
  /** Values of the latest period, per actor. */
  latestByActor: { actorId: string; actorName: string; period: string; value: number }[];
}

export interface DetectedAlert {
  /** `${kind}:${indicatorId}:${actorId ?? 'chain'}:${period}`, stable while the alert stands. */
  id: string;
  kind: AlertKind;
  indicatorId: string;
  actorId: string | null;
  period: string;
  message: string;
}

type ActorValue = AlertInput['latestByActor'][number];

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The off-track and outlier alerts of one indicator. */
export function detectAlerts(input: AlertInput): DetectedAlert[] {
  const { indicator } = input;
  const texts = alertTexts(input);
  const alert = (
    kind: AlertKind,
    actorId: string | null,
    period: string,
    message: string,
  ): DetectedAlert => ({
    id: `${kind}:${indicator.id}:${actorId ?? 'chain'}:${period}`,
    kind,
    indicatorId: indicator.id,
    actorId,
    period,
    message,
  });
  const out: DetectedAlert[] = [];

  const history = knownHistory(input.series);
  const last = history.at(-1);
  if (last !== undefined && indicator.target !== null) {
    const previous = previousValue(history);
    if (
      offTarget(last.value, indicator.target, indicator.direction) &&
      (previous === null || !movedToward(previous, last.value, indicator.target, indicator.direction))
    ) {
      out.push(
        alert(
          'off_track',
          null,
          last.period,
          texts.offTrack(last.period, last.value, indicator.target, previous),
        ),
      );
    }
  }

  const byPeriod = new Map<string, ActorValue[]>();
  for (const v of input.latestByActor) {
    if (!Number.isFinite(v.value)) continue;
    const list = byPeriod.get(v.period);
    if (list === undefined) byPeriod.set(v.period, [v]);
    else list.push(v);
  }
  const outliers: { v: ActorValue; message: string }[] = [];
  for (const values of byPeriod.values()) {
    const numbers = values.map((v) => v.value);
    const median = medianOf(numbers);
    const flagged = outlierFlags(numbers);
    values.forEach((v, i) => {
      if (outsideRange(v.value, indicator.min, indicator.max))
        outliers.push({ v, message: texts.outOfRange(v) });
      else if (flagged[i]) outliers.push({ v, message: texts.outlier(v, median) });
    });
  }
  outliers.sort(
    (a, b) =>
      chronological(a.v.period, b.v.period) ||
      cmp(a.v.actorName, b.v.actorName) ||
      cmp(a.v.actorId, b.v.actorId),
  );
  for (const { v, message } of outliers) out.push(alert('outlier', v.actorId, v.period, message));
  return out;
}

function offTarget(value: number, target: number, direction: IndicatorDirection): boolean {
  if (direction === 'increase') return value < target - EPSILON;
  if (direction === 'decrease') return value > target + EPSILON;
  return Math.abs(value - target) > ALERT_MAINTAIN_TOLERANCE * Math.abs(target) + EPSILON;
}

function movedToward(
  previous: number,
  value: number,
  target: number,
  direction: IndicatorDirection,
): boolean {
  if (direction === 'increase') return value > previous;
  if (direction === 'decrease') return value < previous;
  return Math.abs(value - target) < Math.abs(previous - target);
}

function outsideRange(value: number, min: number | null, max: number | null): boolean {
  return (min !== null && value < min) || (max !== null && value > max);
}

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const hi = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? hi) + hi) / 2;
}

/** For each value, whether the robust rule (modified z-score, or the flat rule when MAD = 0) flags it. */
export function outlierFlags(values: number[]): boolean[] {
  if (values.length < ALERT_OUTLIER_MIN_ACTORS) return values.map(() => false);
  const median = medianOf(values);
  const mad = medianOf(values.map((x) => Math.abs(x - median)));
  if (mad === 0) {
    return values.map(
      (x) => median !== 0 && Math.abs(x - median) > ALERT_OUTLIER_FLAT_SHARE * Math.abs(median) + EPSILON,
    );
  }
  return values.map((x) => Math.abs((ALERT_OUTLIER_MAD_SCALE * (x - median)) / mad) > ALERT_OUTLIER_Z);
}

function alertTexts({ locale, indicator }: AlertInput) {
  const fr = locale === 'fr';
  const name = quote(indicator.name, locale);
  const qty = (x: number) => formatQuantity(x, indicator.unit, locale);
  const label = (p: string) => periodLabel(p, locale);
  const c = colon(locale);
  const range = () => {
    const lo = indicator.min === null ? null : qty(indicator.min);
    const hi = indicator.max === null ? null : qty(indicator.max);
    if (lo !== null && hi !== null) return fr ? `${lo} à ${hi}` : `${lo} to ${hi}`;
    if (lo !== null) return fr ? `au moins ${lo}` : `at least ${lo}`;
    return fr ? `au plus ${hi ?? ''}` : `at most ${hi ?? ''}`;
  };
  return {
    offTrack: (period: string, value: number, target: number, previous: number | null) => {
      const side = {
        increase: fr ? 'reste sous son objectif' : 'is below its target',
        decrease: fr ? 'reste au-dessus de son objectif' : 'is above its target',
        maintain: fr
          ? `s’écarte de plus de ${formatNumber(ALERT_MAINTAIN_TOLERANCE * 100, locale)}\u00a0% de son objectif`
          : `is more than ${formatNumber(ALERT_MAINTAIN_TOLERANCE * 100, locale)}% away from its target`,
      }[indicator.direction];
      const since =
        previous === null
          ? ''
          : fr
            ? `, sans progrès depuis ${label(previousPeriod(period))} (${qty(previous)})`
            : `, with no progress since ${label(previousPeriod(period))} (${qty(previous)})`;
      return fr
        ? `${name} ${side}${c} ${qty(value)} en ${label(period)} pour un objectif de ${qty(target)}${since}.`
        : `${name} ${side}: ${qty(value)} in ${label(period)} against a target of ${qty(target)}${since}.`;
    },
    outlier: (v: ActorValue, median: number) =>
      fr
        ? `Valeur atypique de ${name} chez ${quote(v.actorName, locale)} en ${label(v.period)}${c} ${qty(v.value)}, alors que la médiane des acteurs est de ${qty(median)}.`
        : `Unusual value of ${name} at ${quote(v.actorName, locale)} in ${label(v.period)}: ${qty(v.value)}, while the actors’ median is ${qty(median)}.`,
    outOfRange: (v: ActorValue) =>
      fr
        ? `Valeur hors plage de ${name} chez ${quote(v.actorName, locale)} en ${label(v.period)}${c} ${qty(v.value)}, en dehors de la plage valide (${range()}).`
        : `Out-of-range value of ${name} at ${quote(v.actorName, locale)} in ${label(v.period)}: ${qty(v.value)}, outside the valid range (${range()}).`,
  };
}
