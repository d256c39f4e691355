/**
 * Wealth-creation rules (PRODUCT.md, role 1): harms of an initiative, goal progress on a straight
 * trajectory, and the capital balance. Pure functions, documented in docs/wealth.md.
 */

export interface MatrixInput {
  wealthMatrix: Record<string, { effect: number; note?: string | undefined }>;
  ownershipEffect: number;
  livelihoodsEffect: number;
  harmAcceptances: Record<string, string>;
}

/** Every negative effect not accepted with a reason: "raise every capital while harming none". */
export function harmsOf(i: MatrixInput): string[] {
  const harms: string[] = [];
  for (const [capital, cell] of Object.entries(i.wealthMatrix)) {
    if (cell.effect < 0 && !i.harmAcceptances[capital]) harms.push(capital);
  }
  if (i.ownershipEffect < 0 && !i.harmAcceptances.ownership) harms.push('ownership');
  if (i.livelihoodsEffect < 0 && !i.harmAcceptances.livelihoods) harms.push('livelihoods');
  return harms;
}

/** The keys that carry a negative effect, accepted or not (acceptances are only valid for these). */
export function negativeKeys(i: Omit<MatrixInput, 'harmAcceptances'>): string[] {
  const keys = Object.entries(i.wealthMatrix)
    .filter(([, c]) => c.effect < 0)
    .map(([k]) => k);
  if (i.ownershipEffect < 0) keys.push('ownership');
  if (i.livelihoodsEffect < 0) keys.push('livelihoods');
  return keys;
}

const DAY = 86_400_000;
const time = (date: string) => Date.parse(`${date}T00:00:00Z`);

export interface ProgressInput {
  baseline: number | null;
  targetValue: number | null;
  targetDate: string | null;
  /** The linked indicator's chain series: period, its first and last day, value (any order). */
  series: { period: string; start: string; end: string; value: number | null }[];
  today: string;
}

export interface ProgressResult {
  baseline: number | null;
  latest: number | null;
  latestPeriod: string | null;
  target: number | null;
  targetDate: string | null;
  expected: number | null;
  progress: number | null;
  onTrack: boolean | null;
}

/**
 * Goal progress: the baseline (or, when none is set, the first value of the series) stands at the
 * start of the first period with data; a straight line leads from it to the target on the target
 * date. On track when the latest value is at least where the line stands at the end of the latest
 * period (at most, for a target below the baseline); after the target date, when the target is met.
 * Unknown (null) without a target, a target date or data.
 */
export function goalProgress(input: ProgressInput): ProgressResult {
  const known = input.series.filter((p) => p.value !== null).sort((a, b) => (a.start < b.start ? -1 : 1));
  const first = known[0];
  const last = known[known.length - 1];
  const baseline = input.baseline ?? first?.value ?? null;
  const latest = last?.value ?? null;
  const base: ProgressResult = {
    baseline,
    latest,
    latestPeriod: last?.period ?? null,
    target: input.targetValue,
    targetDate: input.targetDate,
    expected: null,
    progress: null,
    onTrack: null,
  };
  if (input.targetValue === null || baseline === null || latest === null || !first || !last) return base;
  const span = input.targetValue - baseline;
  const progress = span === 0 ? (latest === input.targetValue ? 1 : 0) : (latest - baseline) / span;
  const rising = span >= 0;
  const met = rising ? latest >= input.targetValue : latest <= input.targetValue;
  if (!input.targetDate) return { ...base, progress, onTrack: null };
  const t0 = time(first.start);
  const t1 = time(input.targetDate);
  const now = Math.min(time(last.end) + DAY, t1);
  const share = t1 <= t0 ? 1 : Math.max(0, Math.min(1, (now - t0) / (t1 - t0)));
  const expected = baseline + span * share;
  if (input.today > input.targetDate) return { ...base, expected: input.targetValue, progress, onTrack: met };
  const onTrack = met || (rising ? latest >= expected - 1e-9 : latest <= expected + 1e-9);
  return { ...base, expected, progress, onTrack };
}

export interface BalanceInput {
  capitals: { key: string; label: string }[];
  goals: { status: string; capitals: string[] }[];
  indicators: { status: string; capitals: string[] }[];
  initiatives: { status: string; wealthMatrix: Record<string, { effect: number }> }[];
}

/**
 * Capital balance: per capital, the adopted goals and indicators that cover it and the effects of
 * the initiatives under way (planned, active or done; stopped ones do not count). Score 0–100:
 * 25 points for an adopted goal, 25 for an adopted indicator, and 0–50 from the mean effect of
 * the initiatives on it (−2 → 0, none or 0 → 25, +2 → 50). No goal and no indicator: a blind spot.
 */
export function capitalBalance(input: BalanceInput) {
  return input.capitals.map(({ key, label }) => {
    const goals = input.goals.filter((g) => g.status === 'adopted' && g.capitals.includes(key)).length;
    const indicators = input.indicators.filter(
      (i) => i.status === 'adopted' && i.capitals.includes(key),
    ).length;
    const effects = input.initiatives
      .filter((i) => i.status !== 'stopped' && i.wealthMatrix[key] !== undefined)
      .map((i) => i.wealthMatrix[key]?.effect ?? 0);
    const initiativesEffect = effects.reduce((a, b) => a + b, 0);
    const mean = effects.length > 0 ? initiativesEffect / effects.length : 0;
    const score = Math.round((goals > 0 ? 25 : 0) + (indicators > 0 ? 25 : 0) + ((mean + 2) / 4) * 50);
    return {
      capital: key,
      label,
      goals,
      indicators,
      initiatives: effects.length,
      initiativesEffect,
      score,
      blindSpot: goals === 0 && indicators === 0,
    };
  });
}
