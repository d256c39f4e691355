import { listCapitals, type SeriesAnswer } from '@tisserand/core';
import { type ObservationPartial, type SeriesPoint, suppress } from '@tisserand/core/aggregation/aggregate';
import { chronological, isFinerOrEqual, periodEnd, periodStart } from '@tisserand/core/aggregation/periods';
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

type SeriesRange = {
  from?: string | undefined;
  to?: string | undefined;
  actorId?: string | undefined;
  approvedOnly?: boolean;
};

/** The group of a roll-up row in SQL; `null` when the row has no group (a chain-level value by actor). */
function groupExpr(groupBy: Exclude<GroupBy, 'capital'>) {
  switch (groupBy) {
    case 'none':
      return { select: sql`'all'`, join: sql``, where: sql`` };
    case 'actor':
      return { select: sql`r.actor_key::text`, join: sql``, where: sql`and r.actor_key <> ${NIL_ACTOR}` };
    case 'role':
      return {
        select: sql`a.role`,
        join: sql`join actors a on a.chain_id = r.chain_id and a.id = r.actor_key`,
        where: sql``,
      };
    case 'stage':
      return {
        select: sql`s.stage_id::text`,
        join: sql`join actor_stages s on s.chain_id = r.chain_id and s.actor_id = r.actor_key`,
        where: sql``,
      };
  }
}

const rangeFilter = (periodicity: 'month' | 'quarter' | 'year', range: SeriesRange) => sql`
  and ${range.approvedOnly ? sql`r.status = 'approved'` : sql`r.status in ('submitted', 'approved')`}
  ${range.from ? sql`and r.bucket_start >= date_trunc(${periodicity}, ${range.from}::date)::date` : sql``}
  ${range.to ? sql`and r.bucket_start <= ${range.to}::date` : sql``}
  ${range.actorId ? sql`and r.actor_key = ${range.actorId}` : sql``}`;

const byPeriodThenGroup = (a: SeriesPoint, b: SeriesPoint) =>
  chronological(a.period, b.period) || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0);

/**
 * An indicator's points by bucket and group, aggregated by the database from the roll-ups: the
 * same answer as `combine`/`combineRatio` over `loadPartials` (a test holds them equal), without
 * carrying one row per actor and bucket out of the database. Capitals group like the whole chain:
 * every capital of the indicator gets the chain's figure.
 */
export async function seriesPoints(
  db: Db,
  chainId: string,
  indicator: Pick<
    IndicatorRow,
    'id' | 'aggregation' | 'numeratorId' | 'denominatorId' | 'factor' | 'capitals'
  >,
  groupBy: GroupBy,
  periodicity: 'month' | 'quarter' | 'year',
  range: SeriesRange,
): Promise<SeriesPoint[]> {
  if (groupBy === 'capital') {
    const all = await seriesPoints(db, chainId, indicator, 'none', periodicity, range);
    const capitals = [...new Set(indicator.capitals)];
    return all.flatMap((p) => capitals.map((group) => ({ ...p, group }))).sort(byPeriodThenGroup);
  }
  const g = groupExpr(groupBy);
  // Two levels: per (group, bucket, actor) first, then per (group, bucket), so that counting the
  // actors is a plain count of hashed groups rather than a sorted count(distinct).
  const actors = sql`count(*) filter (where p.actor_key <> ${NIL_ACTOR})::int`;
  let points: SeriesPoint[];
  if (indicator.aggregation === 'ratio') {
    if (!indicator.numeratorId || !indicator.denominatorId) return [];
    const rows = await queryRows<{
      grp: string;
      bucket: string;
      num: number | null;
      den: number | null;
      n: number;
    }>(
      db,
      sql`select p.grp, p.bucket, sum(p.num)::float8 as num, sum(p.den)::float8 as den, ${actors} as n
          from (select ${g.select} as grp, r.bucket, r.actor_key,
                  sum(r.sum) filter (where r.indicator_id = ${indicator.numeratorId}) as num,
                  sum(r.sum) filter (where r.indicator_id = ${indicator.denominatorId}) as den
                from observation_rollups r ${g.join}
                where r.chain_id = ${chainId} and r.indicator_id in (${indicator.numeratorId}, ${indicator.denominatorId})
                  and r.periodicity = ${periodicity} ${rangeFilter(periodicity, range)} ${g.where}
                group by 1, 2, 3) p
          group by 1, 2`,
    );
    const factor = indicator.factor ?? 1;
    points = rows.map((r) => {
      const defined = r.num !== null && r.den !== null && Number(r.den) !== 0;
      return {
        period: r.bucket,
        group: r.grp,
        value: defined ? (Number(r.num) / Number(r.den)) * factor : null,
        n: Number(r.n),
      };
    });
  } else if (indicator.aggregation === 'latest') {
    // Each actor's latest value in the bucket (whatever its status), then their sum per group.
    const rows = await queryRows<{ grp: string; bucket: string; value: number; n: number }>(
      db,
      sql`select ${g.select} as grp, r.bucket, sum(r.latest)::float8 as value,
            count(*) filter (where r.actor_key <> ${NIL_ACTOR})::int as n
          from (select distinct on (r.actor_key, r.bucket) r.chain_id, r.actor_key, r.bucket, r.latest
                from observation_rollups r
                where r.chain_id = ${chainId} and r.indicator_id = ${indicator.id}
                  and r.periodicity = ${periodicity} ${rangeFilter(periodicity, range)}
                order by r.actor_key, r.bucket, r.latest_start desc) r ${g.join}
          where true ${g.where}
          group by 1, 2`,
    );
    points = rows.map((r) => ({ period: r.bucket, group: r.grp, value: Number(r.value), n: Number(r.n) }));
  } else {
    const rows = await queryRows<{
      grp: string;
      bucket: string;
      sum: number;
      count: number;
      min: number;
      max: number;
      n: number;
    }>(
      db,
      sql`select p.grp, p.bucket, sum(p.sum)::float8 as sum, sum(p.count)::int as count,
            min(p.min)::float8 as min, max(p.max)::float8 as max, ${actors} as n
          from (select ${g.select} as grp, r.bucket, r.actor_key, sum(r.sum) as sum, sum(r.count) as count,
                  min(r.min) as min, max(r.max) as max
                from observation_rollups r ${g.join}
                where r.chain_id = ${chainId} and r.indicator_id = ${indicator.id}
                  and r.periodicity = ${periodicity} ${rangeFilter(periodicity, range)} ${g.where}
                group by 1, 2, 3) p
          group by 1, 2`,
    );
    const kind = indicator.aggregation;
    points = rows.map((r) => ({
      period: r.bucket,
      group: r.grp,
      value:
        kind === 'sum'
          ? Number(r.sum)
          : kind === 'mean'
            ? Number(r.count) > 0
              ? Number(r.sum) / Number(r.count)
              : null
            : kind === 'min'
              ? Number(r.min)
              : Number(r.max),
      n: Number(r.n),
    }));
  }
  return points.sort(byPeriodThenGroup);
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
  if (indicator.aggregation === 'ratio' && (!indicator.numeratorId || !indicator.denominatorId))
    throw badRequest('This ratio has no numerator or denominator.', [
      { path: 'params.id', message: 'a ratio without its numerator or denominator' },
    ]);
  const [groups, points] = await Promise.all([
    groupLabels(db, chain, locale, indicator, groupBy),
    seriesPoints(db, chain.id, indicator, groupBy, periodicity, range),
  ]);
  const k = visible.kind === 'all' && !ownActor ? visible.suppressBelow : 0;
  return { indicatorId, periodicity, groupBy, groups, items: k > 0 ? suppress(points, k) : points };
}

/** The labels of a breakdown's groups (stage, role, actor or capital names). */
export async function groupLabels(
  db: Db,
  chain: Pick<ChainContext, 'id' | 'capitalFramework'>,
  locale: 'fr' | 'en',
  indicator: Pick<IndicatorRow, 'capitals'>,
  groupBy: GroupBy,
): Promise<Record<string, string>> {
  switch (groupBy) {
    case 'none':
      return { all: locale === 'fr' ? 'Toute la chaîne' : 'Whole chain' };
    case 'capital': {
      const labels = new Map(listCapitals(chain.capitalFramework, locale).map((c) => [c.key, c.label]));
      return Object.fromEntries(indicator.capitals.map((c) => [c, labels.get(c) ?? c]));
    }
    case 'role':
      return { ...ROLE_LABELS[locale] };
    case 'stage': {
      const rows = await db
        .select({ id: stages.id, name: stages.name })
        .from(stages)
        .where(eq(stages.chainId, chain.id));
      return Object.fromEntries(rows.map((r) => [r.id, r.name]));
    }
    case 'actor': {
      const rows = await db
        .select({ id: actors.id, name: actors.name })
        .from(actors)
        .where(eq(actors.chainId, chain.id));
      return Object.fromEntries(rows.map((r) => [r.id, r.name]));
    }
  }
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
