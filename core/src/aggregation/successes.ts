/**
 * Success detection (célébrer, PRODUCT.md "Role 6"): news worth celebrating in an indicator's latest
 * known value. Rules, also in docs/aggregation.md "Alerts and successes":
 * - target_reached (chain only): the latest chain value meets the target (≥ for increase, ≤ for
 *   decrease, within ±SUCCESS_MAINTAIN_TOLERANCE of it for maintain) while the value of the period just
 *   before did not. Only the crossing is news, so it needs that previous value.
 * - record (chain and each actor; not for maintain): the latest value is strictly the best of its
 *   history (highest for increase, lowest for decrease) with at least SUCCESS_RECORD_MIN_HISTORY earlier
 *   known periods; `previous` is the record it beats.
 * - strong_growth (chain and each actor; not for maintain): the latest value improves on the period
 *   just before by at least SUCCESS_STRONG_GROWTH in the desired direction, relative to |previous|,
 *   previous ≠ 0.
 * "Latest" is the latest period with a value; null values are ignored. Output: chain first, then
 * actors by name and id; within each, target_reached, record, strong_growth.
 */
import { colon, formatChange, formatQuantity, quote } from './format';
import { EPSILON, type IndicatorDirection, type Known, knownHistory, previousValue } from './history';
import { type DataLocale, periodLabel, previousPeriod } from './periods';

/** A maintain indicator meets its target within ±5 % of it. */
export const SUCCESS_MAINTAIN_TOLERANCE = 0.05;
/** A record needs at least 4 earlier known periods, else every young series would break records. */
export const SUCCESS_RECORD_MIN_HISTORY = 4;
/** Strong growth: an improvement of at least 20 % on the period just before. */
export const SUCCESS_STRONG_GROWTH = 0.2;

export type SuccessKind = 'target_reached' | 'record' | 'strong_growth';

export interface SuccessInput {
  locale: DataLocale;
  indicator: {
    id: string;
    name: string;
    unit: string | null;
    direction: IndicatorDirection;
    target: number | null;
  };
  /** Chain aggregate, any order. */
  series: { period: string; value: number | null; n: number }[];
  /** Per actor; empty when per-actor values may not be shown to the reader. */
  actorSeries: { actorId: string; actorName: string; points: { period: string; value: number }[] }[];
}

export interface DetectedSuccess {
  /** `${kind}:${indicatorId}:${actorId ?? 'chain'}:${period}`, stable while the success stands. */
  key: string;
  kind: SuccessKind;
  indicatorId: string;
  actorId: string | null;
  period: string;
  value: number;
  /** The value it is measured against: the previous period's value, or the record it beats. */
  previous: number | null;
  message: string;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whether `value` meets `target` for the indicator's direction. */
export function meetsTarget(value: number, target: number, direction: IndicatorDirection): boolean {
  if (direction === 'increase') return value >= target - EPSILON;
  if (direction === 'decrease') return value <= target + EPSILON;
  return Math.abs(value - target) <= SUCCESS_MAINTAIN_TOLERANCE * Math.abs(target) + EPSILON;
}

/** The successes of one indicator in its latest known period, chain first, then actors. */
export function detectSuccesses(input: SuccessInput): DetectedSuccess[] {
  const { indicator } = input;
  const out: DetectedSuccess[] = [];
  const found = (
    kind: SuccessKind,
    actor: { id: string; name: string } | null,
    last: Known,
    previous: number | null,
    message: string,
  ) =>
    out.push({
      key: `${kind}:${indicator.id}:${actor?.id ?? 'chain'}:${last.period}`,
      kind,
      indicatorId: indicator.id,
      actorId: actor?.id ?? null,
      period: last.period,
      value: last.value,
      previous,
      message,
    });

  const texts = successTexts(input);
  const chain = knownHistory(input.series);
  const chainLast = chain.at(-1);
  if (chainLast !== undefined && indicator.target !== null) {
    const previous = previousValue(chain);
    if (
      previous !== null &&
      meetsTarget(chainLast.value, indicator.target, indicator.direction) &&
      !meetsTarget(previous, indicator.target, indicator.direction)
    ) {
      found('target_reached', null, chainLast, previous, texts.targetReached(chainLast, indicator.target));
    }
  }

  const trends = (history: Known[], actor: { id: string; name: string } | null) => {
    const last = history.at(-1);
    if (last === undefined || indicator.direction === 'maintain') return;
    const record = formerRecord(history, indicator.direction);
    if (record !== null)
      found('record', actor, last, record, texts.record(last, record, actor?.name ?? null));
    const previous = previousValue(history);
    if (previous !== null && previous !== 0) {
      const sign = indicator.direction === 'increase' ? 1 : -1;
      const gain = (sign * (last.value - previous)) / Math.abs(previous);
      if (gain >= SUCCESS_STRONG_GROWTH - EPSILON) {
        found(
          'strong_growth',
          actor,
          last,
          previous,
          texts.strongGrowth(last, previous, actor?.name ?? null),
        );
      }
    }
  };

  trends(chain, null);
  const actors = [...input.actorSeries].sort(
    (a, b) => cmp(a.actorName, b.actorName) || cmp(a.actorId, b.actorId),
  );
  for (const a of actors) trends(knownHistory(a.points), { id: a.actorId, name: a.actorName });
  return out;
}

/** The record the latest value beats, or null when it beats none or the history is too short. */
function formerRecord(history: Known[], direction: 'increase' | 'decrease'): number | null {
  const last = history.at(-1);
  if (last === undefined || history.length - 1 < SUCCESS_RECORD_MIN_HISTORY) return null;
  let best = direction === 'increase' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  for (let i = 0; i < history.length - 1; i++) {
    const v = history[i]?.value ?? best;
    best = direction === 'increase' ? Math.max(best, v) : Math.min(best, v);
  }
  const beats = direction === 'increase' ? last.value > best : last.value < best;
  return beats ? best : null;
}

function successTexts({ locale, indicator }: SuccessInput) {
  const name = quote(indicator.name, locale);
  const qty = (x: number) => formatQuantity(x, indicator.unit, locale);
  const label = (p: string) => periodLabel(p, locale);
  const c = colon(locale);
  const up = indicator.direction === 'increase';
  const fr = locale === 'fr';
  const who = (actor: string | null) =>
    actor === null ? '' : fr ? ` chez ${quote(actor, locale)}` : ` at ${quote(actor, locale)}`;
  return {
    targetReached: (last: Known, target: number) =>
      fr
        ? `Objectif atteint pour ${name}${c} ${qty(last.value)} en ${label(last.period)} (objectif${c} ${qty(target)}).`
        : `Target reached for ${name}${c} ${qty(last.value)} in ${label(last.period)} (target${c} ${qty(target)}).`,
    record: (last: Known, record: number, actor: string | null) =>
      fr
        ? `Record pour ${name}${who(actor)}${c} ${qty(last.value)} en ${label(last.period)}, la valeur la plus ${up ? 'haute' : 'basse'} jamais relevée (précédent record${c} ${qty(record)}).`
        : `Record for ${name}${who(actor)}${c} ${qty(last.value)} in ${label(last.period)}, the ${up ? 'highest' : 'lowest'} value ever recorded (previous record${c} ${qty(record)}).`,
    strongGrowth: (last: Known, previous: number, actor: string | null) => {
      const change = formatChange((last.value - previous) / Math.abs(previous), locale);
      const before = label(previousPeriod(last.period));
      return fr
        ? `${up ? 'Forte progression' : 'Forte baisse'} de ${name}${who(actor)}${c} ${qty(last.value)} en ${label(last.period)}, ${change} par rapport à ${before} (${qty(previous)}).`
        : `${up ? 'Strong rise' : 'Sharp fall'} in ${name}${who(actor)}${c} ${qty(last.value)} in ${label(last.period)}, ${change} on ${before} (${qty(previous)}).`;
    },
  };
}
