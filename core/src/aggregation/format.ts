/**
 * Number and quantity texts of the data messages. Written by hand rather than with Intl so the
 * messages are byte-for-byte the same whatever ICU data the runtime ships.
 */
import type { DataLocale } from './periods';

const NBSP = '\u00a0';
/** French thousands separator: the narrow no-break space of the Imprimerie nationale rules. */
const NNBSP = '\u202f';

/** `x` with at most `maxFraction` decimals: French `12 345,6`, English `12,345.6`. */
export function formatNumber(x: number, locale: DataLocale, maxFraction = 2): string {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return String(x);
  const fixed = Math.abs(x).toFixed(maxFraction);
  const [int = '0', frac = ''] = fixed.split('.');
  const trimmed = frac.replace(/0+$/, '');
  const sep = locale === 'fr' ? NNBSP : ',';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  // A value that rounds to zero is written without a sign ("-0" means nothing to a reader).
  const sign = x < 0 && /[1-9]/.test(fixed) ? '-' : '';
  return `${sign}${grouped}${trimmed ? (locale === 'fr' ? ',' : '.') + trimmed : ''}`;
}

/** A value with its unit, if any: `1 250 kg`, `12,5 %` (English `12.5%`). */
export function formatQuantity(x: number, unit: string | null, locale: DataLocale): string {
  const n = formatNumber(x, locale);
  if (unit === null || unit.trim() === '') return n;
  if (unit === '%' && locale === 'en') return `${n}%`;
  return `${n}${NBSP}${unit}`;
}

/** A signed percentage change: `+25 %`, `-12,5 %` (English `+25%`). */
export function formatChange(ratio: number, locale: DataLocale): string {
  const pct = formatNumber(ratio * 100, locale, 1);
  const signed = pct.startsWith('-') || pct === '0' ? pct : `+${pct}`;
  return locale === 'fr' ? `${signed}${NBSP}%` : `${signed}%`;
}

/** A name in quotes: `« Blé »` / `“Wheat”`. */
export function quote(s: string, locale: DataLocale): string {
  return locale === 'fr' ? `«${NBSP}${s}${NBSP}»` : `“${s}”`;
}

/** French puts a no-break space before a colon. */
export function colon(locale: DataLocale): string {
  return locale === 'fr' ? `${NBSP}:` : ':';
}
