import {
  type DataLocale,
  FLOW_TYPES,
  FRAMEWORKS,
  GOAL_STATUSES,
  type Locale,
  PERIODICITIES,
  periodLabel,
  REPORT_GROUP_BYS,
} from '@tisserand/core';
import { createContext, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** What every part of a report needs besides its own data. */
export interface ReportSettings {
  /** The report's language: its labels, numbers and dates follow it, whatever the interface language. */
  locale: Locale;
  /** k: an aggregate built from fewer actors is not published. */
  minGroupSize: number;
  /** Shown inside the report builder: headings start one level lower (the builder has its own h1). */
  preview: boolean;
}

export const ReportSettingsContext = createContext<ReportSettings>({
  locale: 'fr',
  minGroupSize: 3,
  preview: false,
});

export type HeadingOrder = 1 | 2 | 3 | 4 | 5 | 6;
const ONE_LOWER = { 1: 2, 2: 3, 3: 4, 4: 5 } as const;

function includes<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** The label of a capital key in either framework; the key itself when unknown. */
export function capitalLabel(key: string, locale: DataLocale): string {
  for (const framework of Object.values(FRAMEWORKS)) {
    const found = framework.find((c) => c.key === key);
    if (found) return found.label[locale];
  }
  return key;
}

/** Texts, numbers and dates in the report's language, and heading levels for where it is shown. */
export function useReportKit() {
  const settings = useContext(ReportSettingsContext);
  const { locale, preview } = settings;
  const { t } = useTranslation('translation', { lng: locale });
  const yes = t('common.yes');
  const no = t('common.no');
  const none = t('common.none');

  const format = useMemo(() => {
    const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
    const number = (x: number) => numberFormat.format(x);
    return {
      number,
      /** A value with its unit (`1 250 t`); yes/no for a yes/no indicator; a dash for nothing. */
      value: (x: number | null, unit: string | null, valueType?: string) => {
        if (x === null) return none;
        if (valueType === 'boolean') return x >= 1 ? yes : x <= 0 ? no : number(x);
        const shown = unit ?? (valueType === 'percentage' ? '%' : '');
        return shown ? `${number(x)}\u00a0${shown}` : number(x);
      },
      period: (p: string) => {
        try {
          return periodLabel(p, locale);
        } catch {
          return p;
        }
      },
      /** A calendar day (`YYYY-MM-DD`, read at noon so that no time zone moves it) or an instant. */
      date: (iso: string) =>
        dateFormat.format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00` : iso)),
    };
  }, [locale, yes, no, none]);

  const labels = {
    flowType: (type: string) => (includes(FLOW_TYPES, type) ? t(`flows.types.${type}`) : type),
    goalStatus: (status: string) =>
      includes(GOAL_STATUSES, status) ? t(`goals.statuses.${status}`) : status,
    goalDimension: (dimension: string) =>
      dimension === 'capital' || dimension === 'ownership' || dimension === 'livelihoods'
        ? t(`goals.dimensions.${dimension}`)
        : dimension,
    periodicity: (p: string) => (includes(PERIODICITIES, p) ? t(`indicators.periodicities.${p}`) : p),
    groupBy: (g: string) => (includes(REPORT_GROUP_BYS, g) ? t(`indicators.dashboard.groupBy.${g}`) : g),
    capital: (key: string) => capitalLabel(key, locale),
  };

  /** A heading level: `level` on the public page, one lower in the builder's preview. */
  const heading = (level: 1 | 2 | 3 | 4): HeadingOrder => (preview ? ONE_LOWER[level] : level);

  return { ...settings, t, format, labels, heading };
}
