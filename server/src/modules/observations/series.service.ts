import { listCapitals, type SeriesAnswer } from '@tisserand/core';
import {
  combine,
  combineRatio,
  type ObservationPartial,
  suppress,
} from '@tisserand/core/aggregation/aggregate';
import { isFinerOrEqual, periodEnd, periodStart } from '@tisserand/core/aggregation/periods';
import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client';
import { actorStages, actors, indicators, stages } from '../../db/schema/index';
import type { ChainContext } from '../../http/context';
import { badRequest, forbidden, notFound } from '../../http/errors';
import type { IndicatorRow } from '../indicators/indicators.routes';
import { aggregatesVisible } from './visibility';

export type GroupBy = 'none' | 'stage' | 'role' | 'actor' | 'capital';

const ROLE_LABELS = {
  fr: { demand: 'Demande', transactional: 'Transactionnel', support: 'Soutien' },
  en: { demand: 'Demand', transactional: 'Transactional', support: 'Support' },
} as const;

const NIL_ACTOR = '00000000-0000-0000-0000-000000000000';

/**
 * Per (actor, bucket) partials of one indicator, read from the incremental roll-ups
 * (`observation_rollups`, kept exact by triggers in the same transaction as every write, so new
 * data shows in the next query). Submitted and approved values count (drafts and rejected ones
 * never do); `approvedOnly` keeps the approved ones (public output). A range keeps the buckets
 * that start in it, whole: from the bucket holding `from` to the one holding `to`.
 */
export async function loadPartials(
  db: Db,
  chainId: string,
  indicatorId: string,
  periodicity: 'month' | 'quarter' | 'year',
  range: {
    from?: string | undefined;
    to?: string | undefined;
    actorId?: string | undefined;
    /** Approved values only (public output), instead of submitted and approved ones. */
    approvedOnly?: boolean;
  },
): Promise<ObservationPartial[]> {
  const rows = await queryRows<{
    actor_key: string;
    bucket: string;
    sum: number;
    count: number;
    min: number;
    max: number;
    latest: number;
  }>(
    db,
    sql`select actor_key, bucket, sum(sum)::float8 as sum, sum(count)::int as count,
          min(min)::float8 as min, max(max)::float8 as max,
          (array_agg(latest order by latest_start desc))[1]::float8 as latest
        from observation_rollups
        where chain_id = ${chainId} and indicator_id = ${indicatorId} and periodicity = ${periodicity}
          and ${range.approvedOnly ? sql`status = 'approved'` : sql`status in ('submitted', 'approved')`}
          ${range.from ? sql`and bucket_start >= date_trunc(${periodicity}, ${range.from}::date)::date` : sql``}
          ${range.to ? sql`and bucket_start <= ${range.to}::date` : sql``}
          ${range.actorId ? sql`and actor_key = ${range.actorId}` : sql``}
        group by actor_key, bucket`,
  );
  return rows.map((r) => ({
    actorId: r.actor_key === NIL_ACTOR ? null : r.actor_key,
    bucket: r.bucket,
    sum: Number(r.sum),
    count: Number(r.count),
    min: Number(r.min),
    max: Number(r.max),
    latest: Number(r.latest),
  }));
}

export async function getIndicator(db: Db, chainId: string, id: string): Promise<IndicatorRow | undefined> {
  return (
    await db
      .select()
      .from(indicators)
      .where(and(eq(indicators.chainId, chainId), eq(indicators.id, id)))
      .limit(1)
  )[0];
}

/** An indicator series by period and group, as the caller may see it (confidentiality, k). */
export async function getSeries(
  db: Db,
  chain: ChainContext,
  locale: 'fr' | 'en',
  indicatorId: string,
  query: {
    groupBy: GroupBy;
    periodicity?: 'month' | 'quarter' | 'year' | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
): Promise<SeriesAnswer> {
  const indicator = await getIndicator(db, chain.id, indicatorId);
  if (!indicator) throw notFound('No such indicator.');
  const periodicity = query.periodicity ?? indicator.periodicity;
  if (!isFinerOrEqual(indicator.periodicity, periodicity)) {
    throw badRequest(
      `This indicator is collected by ${indicator.periodicity}: it cannot be shown by ${periodicity}.`,
      [{ path: 'querystring.periodicity', message: `${indicator.periodicity} or coarser` }],
    );
  }
  const visible = aggregatesVisible(chain, indicator.confidentiality);
  if (visible.kind === 'none')
    throw forbidden('This indicator is private: only coordinators and the reporting actors see it.');
  const groupBy = query.groupBy;
  // Per-actor breakdowns of a non-public indicator: a partner sees its own actor only, an observer nothing.
  const ownOnly =
    visible.kind === 'own' ||
    (groupBy === 'actor' && chain.role !== 'coordinator' && indicator.confidentiality !== 'public');
  if (ownOnly && chain.role === 'observer')
    return { indicatorId, periodicity, groupBy, groups: {}, items: [] };
  const ownActor = ownOnly ? (chain.actorId ?? undefined) : undefined;
  if (ownOnly && !ownActor) return { indicatorId, periodicity, groupBy, groups: {}, items: [] };

  const range = {
    from: query.from ? periodStart(query.from) : undefined,
    to: query.to ? periodEnd(query.to) : undefined,
    actorId: ownActor,
  };
  const { groupsOf, groups } = await grouping(db, chain, locale, indicator, groupBy);
  let points: ReturnType<typeof combine>;
  if (indicator.aggregation === 'ratio') {
    if (!indicator.numeratorId || !indicator.denominatorId)
      throw badRequest('This ratio has no numerator or denominator.', [
        { path: 'params.id', message: 'a ratio without its numerator or denominator' },
      ]);
    const [num, den] = await Promise.all([
      loadPartials(db, chain.id, indicator.numeratorId, periodicity, range),
      loadPartials(db, chain.id, indicator.denominatorId, periodicity, range),
    ]);
    points = combineRatio(num, den, indicator.factor ?? 1, groupsOf);
  } else {
    points = combine(
      indicator.aggregation,
      await loadPartials(db, chain.id, indicator.id, periodicity, range),
      groupsOf,
    );
  }
  const k = visible.kind === 'all' && !ownActor ? visible.suppressBelow : 0;
  return { indicatorId, periodicity, groupBy, groups, items: k > 0 ? suppress(points, k) : points };
}

/** The groups of a breakdown, their labels, and the groups each actor's values count in. */
export async function grouping(
  db: Db,
  chain: ChainContext,
  locale: 'fr' | 'en',
  indicator: IndicatorRow,
  groupBy: GroupBy,
) {
  const groups: Record<string, string> = {};
  if (groupBy === 'none') {
    groups.all = locale === 'fr' ? 'Toute la chaîne' : 'Whole chain';
    return { groups, groupsOf: () => ['all'] };
  }
  if (groupBy === 'capital') {
    const labels = new Map(listCapitals(chain.capitalFramework, locale).map((c) => [c.key, c.label]));
    for (const c of indicator.capitals) groups[c] = labels.get(c) ?? c;
    return { groups, groupsOf: () => indicator.capitals };
  }
  const actorRows = await db
    .select({ id: actors.id, name: actors.name, role: actors.role })
    .from(actors)
    .where(eq(actors.chainId, chain.id));
  if (groupBy === 'actor') {
    for (const a of actorRows) groups[a.id] = a.name;
    return { groups, groupsOf: (actorId: string | null) => (actorId ? [actorId] : []) };
  }
  if (groupBy === 'role') {
    const roleOf = new Map(actorRows.map((a) => [a.id, a.role]));
    for (const [role, label] of Object.entries(ROLE_LABELS[locale])) groups[role] = label;
    return {
      groups,
      groupsOf: (actorId: string | null) => {
        const role = actorId ? roleOf.get(actorId) : undefined;
        return role ? [role] : [];
      },
    };
  }
  const [stageRows, links] = await Promise.all([
    db.select({ id: stages.id, name: stages.name }).from(stages).where(eq(stages.chainId, chain.id)),
    db
      .select({ actorId: actorStages.actorId, stageId: actorStages.stageId })
      .from(actorStages)
      .where(eq(actorStages.chainId, chain.id)),
  ]);
  for (const s of stageRows) groups[s.id] = s.name;
  const stagesOf = new Map<string, string[]>();
  for (const l of links) stagesOf.set(l.actorId, [...(stagesOf.get(l.actorId) ?? []), l.stageId]);
  return { groups, groupsOf: (actorId: string | null) => (actorId ? (stagesOf.get(actorId) ?? []) : []) };
}
