/**
 * Periods of observations: `YYYY` (year), `YYYY-Qn` (quarter), `YYYY-MM` (month), the same syntax as
 * the `Period` contract. Pure string arithmetic (no Date, no time zone), so results never depend on
 * where the code runs. Years run from 0000 to 9999; stepping outside throws.
 */

export type PeriodKind = 'month' | 'quarter' | 'year';
export type DataLocale = 'fr' | 'en';

const PERIOD_RE = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;
const DATE_RE = /^(\d{4})-(0[1-9]|1[0-2])-(\d{2})$/;
const RANK: Record<PeriodKind, number> = { month: 0, quarter: 1, year: 2 };
const PER_YEAR: Record<PeriodKind, number> = { month: 12, quarter: 4, year: 1 };

interface Parsed {
  kind: PeriodKind;
  year: number;
  /** 1-based month or quarter; 1 for a year. */
  sub: number;
}

function parse(p: string): Parsed {
  const m = PERIOD_RE.exec(p);
  if (!m) throw new RangeError(`malformed period "${p}" (expected YYYY, YYYY-Qn or YYYY-MM)`);
  const year = Number(m[1]);
  if (m[2] !== undefined) return { kind: 'quarter', year, sub: Number(m[2]) };
  if (m[3] !== undefined) return { kind: 'month', year, sub: Number(m[3]) };
  return { kind: 'year', year, sub: 1 };
}

const pad = (x: number, width: number) => String(x).padStart(width, '0');

function format({ kind, year, sub }: Parsed): string {
  if (year < 0 || year > 9999) throw new RangeError(`period year ${year} is outside 0000–9999`);
  if (kind === 'year') return pad(year, 4);
  if (kind === 'quarter') return `${pad(year, 4)}-Q${sub}`;
  return `${pad(year, 4)}-${pad(sub, 2)}`;
}

/** Periods of one kind counted from year 0, so that neighbours differ by one. */
const ordinal = ({ kind, year, sub }: Parsed) => year * PER_YEAR[kind] + sub - 1;
const fromOrdinal = (kind: PeriodKind, i: number): Parsed => ({
  kind,
  year: Math.floor(i / PER_YEAR[kind]),
  sub: (((i % PER_YEAR[kind]) + PER_YEAR[kind]) % PER_YEAR[kind]) + 1,
});

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** First and last month (1–12) a period covers. */
function monthSpan({ kind, sub }: Parsed): [number, number] {
  if (kind === 'month') return [sub, sub];
  if (kind === 'quarter') return [sub * 3 - 2, sub * 3];
  return [1, 12];
}

/** The kind of a period; throws on a malformed one. */
export function periodKind(p: string): PeriodKind {
  return parse(p).kind;
}

/** Whether `p` is a well-formed period. */
export function isPeriod(p: string): boolean {
  return PERIOD_RE.test(p);
}

/** The first day (YYYY-MM-DD) of a period. */
export function periodStart(p: string): string {
  const parsed = parse(p);
  return `${pad(parsed.year, 4)}-${pad(monthSpan(parsed)[0], 2)}-01`;
}

/** The last day (YYYY-MM-DD) of a period. */
export function periodEnd(p: string): string {
  const parsed = parse(p);
  const last = monthSpan(parsed)[1];
  return `${pad(parsed.year, 4)}-${pad(last, 2)}-${pad(daysInMonth(parsed.year, last), 2)}`;
}

/** Whether kind `a` is finer than or as fine as `b` (month ≤ quarter ≤ year). */
export function isFinerOrEqual(a: PeriodKind, b: PeriodKind): boolean {
  return RANK[a] <= RANK[b];
}

/** The period of kind `to` that contains `p`; throws when `to` is finer than `p`. */
export function rollUp(p: string, to: PeriodKind): string {
  const parsed = parse(p);
  if (!isFinerOrEqual(parsed.kind, to))
    throw new RangeError(`cannot roll the ${parsed.kind} ${p} up to a ${to}`);
  if (to === parsed.kind) return p;
  const month = monthSpan(parsed)[0];
  return format({ kind: to, year: parsed.year, sub: to === 'quarter' ? Math.ceil(month / 3) : 1 });
}

/** The period of the same kind just before `p`. */
export function previousPeriod(p: string): string {
  const parsed = parse(p);
  return format(fromOrdinal(parsed.kind, ordinal(parsed) - 1));
}

/** The period of the same kind just after `p`. */
export function nextPeriod(p: string): string {
  const parsed = parse(p);
  return format(fromOrdinal(parsed.kind, ordinal(parsed) + 1));
}

/** The same month, quarter or year one year earlier. */
export function samePeriodLastYear(p: string): string {
  const parsed = parse(p);
  return format({ ...parsed, year: parsed.year - 1 });
}

/** Chronological comparison (negative, 0, positive) of two periods of the same kind; throws otherwise. */
export function comparePeriods(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  if (pa.kind !== pb.kind)
    throw new RangeError(`cannot compare the ${pa.kind} ${a} with the ${pb.kind} ${b}`);
  return Math.sign(ordinal(pa) - ordinal(pb));
}

/** Every period from `from` to `to` inclusive (same kind), in order; empty when `from` is after `to`. */
export function periodsBetween(from: string, to: string): string[] {
  const pf = parse(from);
  const pt = parse(to);
  if (pf.kind !== pt.kind) throw new RangeError(`${from} and ${to} are not periods of the same kind`);
  const out: string[] = [];
  for (let i = ordinal(pf); i <= ordinal(pt); i++) out.push(format(fromOrdinal(pf.kind, i)));
  return out;
}

/** The period of kind `kind` containing the calendar date `date` (YYYY-MM-DD); throws on an invalid date. */
export function periodOfDate(date: string, kind: PeriodKind): string {
  const m = DATE_RE.exec(date);
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || day < 1 || day > daysInMonth(year, month)) throw new RangeError(`invalid date "${date}"`);
  return rollUp(format({ kind: 'month', year, sub: month }), kind);
}

const MONTHS: Record<DataLocale, readonly string[]> = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** A period for people: 'T2 2025' / 'Q2 2025', 'mai 2025' / 'May 2025', '2025'. */
export function periodLabel(p: string, locale: DataLocale): string {
  const { kind, year, sub } = parse(p);
  const y = pad(year, 4);
  if (kind === 'year') return y;
  if (kind === 'quarter') return `${locale === 'fr' ? 'T' : 'Q'}${sub} ${y}`;
  return `${MONTHS[locale][sub - 1] ?? ''} ${y}`;
}

/**
 * Chronological order across kinds (by first day, then the shorter period first), for lists that
 * may mix kinds; within one kind it agrees with comparePeriods.
 */
export function chronological(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  const start = (x: Parsed) => x.year * 12 + monthSpan(x)[0];
  return Math.sign(start(pa) - start(pb)) || Math.sign(RANK[pa.kind] - RANK[pb.kind]);
}
