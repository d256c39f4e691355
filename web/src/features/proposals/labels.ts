import { PositionValue, type Proposal } from '@tisserand/core';
import { useTranslation } from 'react-i18next';

/** The four positions, from assent to objection (the order of the form and of the spread bar). */
export const POSITIONS = PositionValue.options;

/** Colours of the positions; each is always shown with its word too (the legend, the badges). */
export const POSITION_COLOR: Record<(typeof POSITIONS)[number], string> = {
  agree: 'teal',
  abstain: 'blue',
  disagree: 'orange',
  block: 'red',
};

export const OUTCOME_COLOR: Record<NonNullable<Proposal['outcome']>, string> = {
  consensus: 'teal',
  no_consensus: 'gray',
  blocked: 'red',
};

/** Whether a position needs its reason (PRODUCT.md: required to disagree or block). */
export function needsReason(position: string): boolean {
  return position === 'disagree' || position === 'block';
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 3 days", "2 hours ago": a date relative to now, in the interface language. */
export function useRelativeTime() {
  const { i18n } = useTranslation();
  const format = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' });
  return (iso: string, now = Date.now()) => {
    const delta = new Date(iso).getTime() - now;
    for (const [unit, ms] of UNITS) {
      if (Math.abs(delta) >= ms || unit === 'minute') return format.format(Math.round(delta / ms), unit);
    }
    return format.format(0, 'minute');
  };
}

/** The `datetime-local` value of an ISO instant, in the browser's time zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
