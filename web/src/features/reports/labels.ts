import { PERIODICITIES, type Periodicity, type ReportSection } from '@tisserand/core';

/** The six kinds of section, in the order the "Add a section" menu offers them. */
export const SECTION_TYPES = [
  'text',
  'indicator',
  'capitals',
  'map',
  'successes',
  'goals',
] as const satisfies readonly ReportSection['type'][];
export type SectionType = (typeof SECTION_TYPES)[number];

/** The chart shapes of an indicator section. */
export const CHARTS = ['series', 'breakdown'] as const;
export type Chart = (typeof CHARTS)[number];

/**
 * The periodicities a report may show an indicator at: its own, or a coarser one
 * (month < quarter < year); values are never split finer than they are collected.
 */
export function periodicitiesFor(indicatorPeriodicity: Periodicity): Periodicity[] {
  return PERIODICITIES.slice(PERIODICITIES.indexOf(indicatorPeriodicity));
}

/**
 * A public address derived from a title: lower-case ASCII letters and digits, accents stripped,
 * every other run of characters one dash ("Bilan 2025 — Filière blé" → "bilan-2025-filiere-ble").
 */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** The same rule as the server's `Slug` (core/src/contracts/reports.ts). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The public page of a report. */
export function publicPath(slug: string): string {
  return `/r/${slug}`;
}

/** The public page of a report as a full address, to copy and send. */
export function publicUrl(slug: string): string {
  return `${window.location.origin}${publicPath(slug)}`;
}
