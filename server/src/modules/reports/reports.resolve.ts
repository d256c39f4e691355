import {
  goalProgress,
  type PublicIndicator,
  type PublicReport,
  type ReportSection,
  type ResolvedSection,
} from '@tisserand/core';
import { maskCoarsePeriods, type PublicCell, protectSeries } from '@tisserand/core/aggregation/disclosure';
import { isFinerOrEqual, periodEnd, periodStart } from '@tisserand/core/aggregation/periods';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { type chains, goals, indicators, type reports, successStories } from '../../db/schema/index';
import type { ChainContext } from '../../http/context';
import { todayIso } from '../../lib/dates';
import type { IndicatorRow } from '../indicators/indicators.routes';
import { loadChainModel } from '../map/map.repository';
import { groupLabels, seriesPoints } from '../observations/series.service';
import { loadCapitalBalance } from '../wealth/wealth.routes';

type ChainRow = typeof chains.$inferSelect;
type ReportRow = typeof reports.$inferSelect;
type Periodicity = 'month' | 'quarter' | 'year';
type GroupBy = 'none' | 'stage' | 'role' | 'actor' | 'capital';

/**
 * What the public may see of a chain: nothing of a member, only what a report publishes. The
 * context is an observer's without an actor, so every per-member rule already denies it.
 */
const publicContext = (chain: ChainRow): ChainContext => ({
  id: chain.id,
  role: 'observer',
  actorId: null,
  capitalFramework: chain.capitalFramework,
  publicMinGroupSize: chain.publicMinGroupSize,
});

const toPublicIndicator = (row: IndicatorRow): PublicIndicator => ({
  id: row.id,
  code: row.code,
  name: row.name,
  description: row.description,
  unit: row.unit,
  valueType: row.valueType,
  aggregation: row.aggregation,
  direction: row.direction,
  target: row.target,
  capitals: row.capitals,
});

/** An indicator's series from approved values only: what has been checked may leave the chain. */
async function approvedSeries(
  db: Db,
  chain: ChainContext,
  locale: 'fr' | 'en',
  indicator: IndicatorRow,
  groupBy: GroupBy,
  periodicity: Periodicity,
) {
  const [groups, points] = await Promise.all([
    groupLabels(db, chain, locale, indicator, groupBy),
    seriesPoints(db, chain.id, indicator, groupBy, periodicity, { approvedOnly: true }),
  ]);
  return { groups, points };
}

/**
 * The public figures of one indicator by group and period: the disclosure rules of
 * core/aggregation/disclosure applied at the indicator's own periodicity, then carried to the
 * periodicity asked for.
 */
export async function publicSeries(
  db: Db,
  chain: ChainContext,
  locale: 'fr' | 'en',
  indicator: IndicatorRow,
  groupBy: GroupBy,
  periodicity: Periodicity,
): Promise<{
  groups: Record<string, string>;
  items: PublicCell[];
  withheld: 'private' | 'actor_level' | null;
}> {
  if (indicator.confidentiality === 'private') return { groups: {}, items: [], withheld: 'private' };
  const actorLevel = groupBy === 'actor';
  if (actorLevel && indicator.confidentiality !== 'public')
    return { groups: {}, items: [], withheld: 'actor_level' };
  const k = chain.publicMinGroupSize;
  const native = indicator.periodicity;
  const asked = isFinerOrEqual(native, periodicity) ? periodicity : native;
  const { groups, points } = await approvedSeries(db, chain, locale, indicator, groupBy, asked);
  let items = protectSeries(points, k, { actorLevel });
  if (asked !== native && !actorLevel) {
    const fine = await approvedSeries(db, chain, locale, indicator, groupBy, native);
    items = maskCoarsePeriods(items, protectSeries(fine.points, k, { actorLevel }), asked);
  }
  // Groups without any figure are not named (an actor with no published value stays unnamed).
  const used = new Set(items.map((i) => i.group));
  const named = Object.fromEntries(Object.entries(groups).filter(([key]) => used.has(key)));
  return { groups: named, items, withheld: null };
}

/** Resolves every section of a report as the public sees it. */
export async function resolveReport(db: Db, chain: ChainRow, report: ReportRow): Promise<PublicReport> {
  const ctx = publicContext(chain);
  const locale = report.locale;
  const sections = report.sections as ReportSection[];
  const indicatorIds = sections.flatMap((s) => (s.type === 'indicator' ? [s.indicatorId] : []));
  const indicatorRows =
    indicatorIds.length > 0
      ? await db
          .select()
          .from(indicators)
          .where(and(eq(indicators.chainId, chain.id), inArray(indicators.id, indicatorIds)))
      : [];
  const indicatorById = new Map(indicatorRows.map((r) => [r.id, r]));
  const resolved: ResolvedSection[] = [];
  for (const section of sections) {
    resolved.push(await resolveSection(db, ctx, locale, section, indicatorById));
  }
  return {
    slug: report.slug,
    title: report.title,
    summary: report.summary,
    locale,
    publishedAt: report.publishedAt ? report.publishedAt.toISOString() : null,
    updatedAt: report.updatedAt.toISOString(),
    chain: { name: chain.name, region: chain.region, publicMinGroupSize: chain.publicMinGroupSize },
    sections: resolved,
  };
}

async function resolveSection(
  db: Db,
  ctx: ChainContext,
  locale: 'fr' | 'en',
  section: ReportSection,
  indicatorById: Map<string, IndicatorRow>,
): Promise<ResolvedSection> {
  switch (section.type) {
    case 'text':
      return { type: 'text', markdown: section.markdown };
    case 'indicator': {
      const indicator = indicatorById.get(section.indicatorId);
      const base = {
        type: 'indicator' as const,
        groupBy: section.groupBy,
        periodicity: section.periodicity,
        chart: section.chart,
      };
      if (!indicator) return { ...base, indicator: null, withheld: 'missing', groups: {}, items: [] };
      const series = await publicSeries(db, ctx, locale, indicator, section.groupBy, section.periodicity);
      return { ...base, indicator: toPublicIndicator(indicator), ...series };
    }
    case 'capitals':
      return { type: 'capitals', items: await capitalsOf(db, ctx, locale) };
    case 'map':
      return { type: 'map', ...(await mapOf(db, ctx.id)) };
    case 'successes': {
      const rows = await db
        .select({ title: successStories.title, story: successStories.story, date: successStories.date })
        .from(successStories)
        .where(eq(successStories.chainId, ctx.id))
        .orderBy(desc(successStories.date), asc(successStories.id));
      return { type: 'successes', items: rows };
    }
    case 'goals':
      return { type: 'goals', items: await goalsOf(db, ctx, locale) };
  }
}

async function capitalsOf(db: Db, ctx: ChainContext, locale: 'fr' | 'en') {
  const balance = await loadCapitalBalance(db, ctx, locale);
  return balance.map(({ initiativesEffect: _effect, ...item }) => item);
}

/** The chain by stage: counts of actors and of active relationships between stages, no actor named. */
async function mapOf(db: Db, chainId: string) {
  const model = await loadChainModel(db, chainId);
  const today = todayIso();
  const live = model.actors.filter((a) => a.status !== 'inactive' && a.status !== 'potential');
  const liveIds = new Set(live.map((a) => a.id));
  const stagesOf = model.stageIds;
  const flowsLive = model.flows.filter(
    (f) =>
      f.status === 'active' &&
      (!f.since || f.since <= today) &&
      (!f.until || f.until >= today) &&
      liveIds.has(f.sourceId) &&
      liveIds.has(f.targetId),
  );
  const links = new Map<
    string,
    { fromStageId: string; toStageId: string; flows: number; types: Set<string> }
  >();
  for (const f of flowsLive) {
    for (const from of stagesOf.get(f.sourceId) ?? []) {
      for (const to of stagesOf.get(f.targetId) ?? []) {
        const key = `${from}>${to}`;
        const link = links.get(key) ?? {
          fromStageId: from,
          toStageId: to,
          flows: 0,
          types: new Set<string>(),
        };
        link.flows += 1;
        link.types.add(f.type);
        links.set(key, link);
      }
    }
  }
  return {
    stages: model.stages.map((s) => ({
      id: s.id,
      name: s.name,
      position: s.position,
      actors: live.filter((a) => (stagesOf.get(a.id) ?? []).includes(s.id)).length,
    })),
    links: [...links.values()].map((l) => ({ ...l, types: [...l.types].sort() })),
    totals: {
      actors: live.length,
      flows: flowsLive.length,
      inRegion: live.filter((a) => a.inRegion).length,
      lowIncomeFocus: live.filter((a) => a.lowIncomeFocus).length,
    },
  };
}

/** Adopted and achieved goals with their progress from the indicator's public chain-wide figures. */
async function goalsOf(db: Db, ctx: ChainContext, locale: 'fr' | 'en') {
  const rows = await db
    .select()
    .from(goals)
    .where(and(eq(goals.chainId, ctx.id), inArray(goals.status, ['adopted', 'achieved'])))
    .orderBy(asc(goals.createdAt), asc(goals.id));
  // The goals' indicators in one query, not one per goal.
  const indicatorIds = [...new Set(rows.flatMap((g) => (g.indicatorId ? [g.indicatorId] : [])))];
  const indicatorRows =
    indicatorIds.length > 0
      ? await db
          .select()
          .from(indicators)
          .where(and(eq(indicators.chainId, ctx.id), inArray(indicators.id, indicatorIds)))
      : [];
  const indicatorById = new Map(indicatorRows.map((r) => [r.id, r]));
  const out = [];
  for (const goal of rows) {
    const indicator = goal.indicatorId ? indicatorById.get(goal.indicatorId) : undefined;
    let cells: PublicCell[] = [];
    let hidden = false;
    if (indicator) {
      const series = await publicSeries(db, ctx, locale, indicator, 'none', indicator.periodicity);
      cells = series.items;
      hidden = series.withheld !== null;
    }
    const progress = goalProgress({
      baseline: goal.baseline,
      targetValue: goal.targetValue,
      targetDate: goal.targetDate,
      // Only published figures: a withheld latest period is not replaced by an older one silently.
      series: cells.map((c) => ({
        period: c.period,
        start: periodStart(c.period),
        end: periodEnd(c.period),
        value: c.value,
      })),
      today: todayIso(),
    });
    const lastCell = [...cells]
      .sort((a, b) => (periodStart(a.period) < periodStart(b.period) ? -1 : 1))
      .at(-1);
    const suppressed = hidden || (lastCell?.suppressed ?? false);
    out.push({
      title: goal.title,
      description: goal.description,
      dimension: goal.dimension,
      capitals: goal.capitals,
      status: goal.status,
      indicatorName: indicator?.name ?? null,
      unit: indicator?.unit ?? null,
      baseline: goal.baseline,
      target: goal.targetValue,
      targetDate: goal.targetDate,
      latest: suppressed ? null : progress.latest,
      latestPeriod: suppressed ? (lastCell?.period ?? null) : progress.latestPeriod,
      suppressed,
      onTrack: suppressed ? null : progress.onTrack,
    });
  }
  return out;
}
