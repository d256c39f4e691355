import {
  type DataLocale,
  type Indicator,
  periodLabel,
  previousPeriod,
  type SeriesAnswer,
} from '@tisserand/core';
import { useTranslation } from 'react-i18next';

/** Badge colours, so that a status or a confidentiality reads the same on every page. */
export const INDICATOR_STATUS_COLOR = { proposed: 'yellow', adopted: 'teal', retired: 'gray' } as const;
export const CONFIDENTIALITY_COLOR = { public: 'blue', aggregate: 'violet', private: 'red' } as const;
export const OBSERVATION_STATUS_COLOR = {
  draft: 'gray',
  submitted: 'blue',
  approved: 'teal',
  rejected: 'red',
} as const;

type Point = SeriesAnswer['items'][number];

/** The value of a point, with the one of the same group in the period just before (none when that period has no value). */
export interface LatestChange {
  period: string;
  value: number;
  n: number;
  previous: number | null;
  /** (value − previous) / |previous|; null when previous is 0 or missing. */
  relativeChange: number | null;
}

/**
 * The latest known value of one group of a series and how it moved since the period just before,
 * the way the server's alerts and successes read a series (docs/aggregation.md): a gap is not skipped.
 */
export function latestChange(items: readonly Point[], group = 'all'): LatestChange | null {
  const known = items.filter((p) => p.group === group && p.value !== null);
  const last = known[known.length - 1];
  if (!last || last.value === null) return null;
  const before = previousPeriod(last.period);
  const previous = known.find((p) => p.period === before)?.value ?? null;
  const relativeChange =
    previous === null || previous === 0 ? null : (last.value - previous) / Math.abs(previous);
  return { period: last.period, value: last.value, n: last.n, previous, relativeChange };
}

/** Values, changes and periods written in the interface language (Intl). */
export function useDataFormat() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const locale: DataLocale = language === 'en' ? 'en' : 'fr';
  const numberFormat = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const percentFormat = new Intl.NumberFormat(language, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const number = (x: number) => numberFormat.format(x);
  /** A value with the indicator's unit; yes/no for a boolean indicator. */
  const value = (indicator: Pick<Indicator, 'unit' | 'valueType'>, x: number | null) => {
    if (x === null) return t('common.none');
    if (indicator.valueType === 'boolean')
      return x >= 1 ? t('common.yes') : x <= 0 ? t('common.no') : number(x);
    const unit = indicator.unit ?? (indicator.valueType === 'percentage' ? '%' : '');
    return unit ? `${number(x)}\u00a0${unit}` : number(x);
  };
  return {
    locale,
    number,
    value,
    /** A signed relative change: `+12,5 %`. */
    change: (ratio: number) => percentFormat.format(ratio),
    period: (p: string) => periodLabel(p, locale),
    /** A calendar day (`YYYY-MM-DD`, read at noon so no time zone moves it) or an instant. */
    date: (iso: string) =>
      new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(
        new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00` : iso),
      ),
  };
}
