import type { Actor, Campaign, Indicator } from '@tisserand/core';

/** Today as `YYYY-MM-DD` in the user's time zone. */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** An open campaign whose due date has passed. */
export function isLate(campaign: Pick<Campaign, 'status' | 'dueDate'>): boolean {
  return campaign.status === 'open' && campaign.dueDate < todayIso();
}

/**
 * The indicators of a campaign that one respondent reports, as the server counts them (completion):
 * not a ratio (computed), not retired, reported by every partner or by the actor's stages. With
 * `actor` null (chain-level values), the indicators the coordinators report.
 */
export function indicatorsFor(
  indicators: readonly Indicator[],
  campaign: Pick<Campaign, 'indicatorIds'>,
  actor: Pick<Actor, 'stageIds'> | null,
): Indicator[] {
  const order = new Map(campaign.indicatorIds.map((id, i) => [id, i]));
  return indicators
    .filter((i) => order.has(i.id) && i.aggregation !== 'ratio' && i.status !== 'retired')
    .filter((i) => {
      if (actor === null) return i.reporters === 'coordinator';
      if (i.reporters === 'all') return true;
      if (i.reporters === 'stages') return (i.reporterStageIds ?? []).some((s) => actor.stageIds.includes(s));
      return false;
    })
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}
