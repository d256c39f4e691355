/** Today as `YYYY-MM-DD` in the browser's time zone (the calendar day people mean). */
export function todayIso(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whole days from today to a `YYYY-MM-DD` date: negative when past, 0 today. */
export function daysFromToday(isoDate: string): number {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  const target = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  const [ty, tm, td] = todayIso().split('-').map(Number);
  const today = Date.UTC(ty ?? 1970, (tm ?? 1) - 1, td ?? 1);
  return Math.round((target - today) / 86_400_000);
}

/** Formats a `YYYY-MM-DD` date as a calendar day, without a time-zone shift. */
export function formatDay(isoDate: string, language: string, style: 'medium' | 'full' = 'medium'): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(language, { dateStyle: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)),
  );
}
