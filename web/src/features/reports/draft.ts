import type { Locale, Periodicity, Report, ReportSection, ReportUpdate } from '@tisserand/core';
import type { GroupBy } from '../indicators/api';
import type { Chart, SectionType } from './labels';

/** A section being edited: the contract's shape, a key to keep its editor across moves, and no indicator yet allowed. */
export type DraftSection =
  | { key: string; type: 'text'; markdown: string }
  | {
      key: string;
      type: 'indicator';
      indicatorId: string | null;
      groupBy: GroupBy;
      periodicity: Periodicity;
      chart: Chart;
    }
  | { key: string; type: 'capitals' | 'map' | 'successes' | 'goals' };

/** The builder's form. */
export interface ReportValues extends Record<string, unknown> {
  title: string;
  slug: string;
  summary: string;
  locale: Locale;
  sections: DraftSection[];
}

let lastKey = 0;
/** A key for a section's editor (sections have no id of their own). */
export function newSectionKey(): string {
  lastKey += 1;
  return `section-${lastKey}`;
}

/** A new, empty section of the given type. */
export function emptySection(type: SectionType): DraftSection {
  const key = newSectionKey();
  switch (type) {
    case 'text':
      return { key, type, markdown: '' };
    case 'indicator':
      return { key, type, indicatorId: null, groupBy: 'none', periodicity: 'year', chart: 'series' };
    default:
      return { key, type };
  }
}

function draftOf(section: ReportSection, key: string): DraftSection {
  switch (section.type) {
    case 'text':
      return { key, type: 'text', markdown: section.markdown };
    case 'indicator':
      return {
        key,
        type: 'indicator',
        indicatorId: section.indicatorId,
        groupBy: section.groupBy,
        periodicity: section.periodicity,
        chart: section.chart,
      };
    default:
      return { key, type: section.type };
  }
}

/** The form's values for a report; `keys` keeps the editors of the sections already shown. */
export function valuesOf(report: Report, keys: readonly string[] = []): ReportValues {
  return {
    title: report.title,
    slug: report.slug,
    summary: report.summary ?? '',
    locale: report.locale,
    sections: report.sections.map((s, i) => draftOf(s, keys[i] ?? newSectionKey())),
  };
}

function sectionOf(draft: DraftSection): ReportSection {
  switch (draft.type) {
    case 'text':
      return { type: 'text', markdown: draft.markdown };
    case 'indicator':
      return {
        type: 'indicator',
        // Never empty once validated: the form refuses an indicator section without its indicator.
        indicatorId: draft.indicatorId ?? '',
        groupBy: draft.groupBy,
        periodicity: draft.periodicity,
        chart: draft.chart,
      };
    default:
      return { type: draft.type };
  }
}

/** The PATCH body of the whole form. */
export function bodyOf(values: ReportValues): ReportUpdate {
  return {
    title: values.title.trim(),
    slug: values.slug,
    summary: values.summary.trim() || null,
    locale: values.locale,
    sections: values.sections.map(sectionOf),
  };
}

/** True when the form holds something the saved report does not. */
export function hasChanges(values: ReportValues, report: Report): boolean {
  const saved = valuesOf(
    report,
    report.sections.map(() => ''),
  );
  return JSON.stringify(bodyOf(values)) !== JSON.stringify(bodyOf(saved));
}
