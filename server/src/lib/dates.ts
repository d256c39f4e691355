/** Today's date in UTC, `YYYY-MM-DD`. */
export const todayIso = () => new Date().toISOString().slice(0, 10);

/** A calendar date (`YYYY-MM-DD`) moved by a number of days. */
export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
