import { Alert, ChainParams, Success, SuccessStoryCreate } from '@tisserand/core';
import { detectAlerts } from '@tisserand/core/aggregation/alerts';
import { periodEnd } from '@tisserand/core/aggregation/periods';
import { detectSuccesses } from '@tisserand/core/aggregation/successes';
import { and, desc, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { actors, campaigns, indicators, successStories } from '../../db/schema/index';
import { existingIds } from '../../http/collection';
import type { ChainContext } from '../../http/context';
import { badRequest, type FieldError, HttpError, unauthorized } from '../../http/errors';
import type { App, Deps } from '../../http/types';
import { todayIso } from '../../lib/dates';
import { newId } from '../../lib/ids';
import { recordAudit } from '../audit/audit.service';
import { campaignCompletion } from '../campaigns/campaigns.routes';
import { getSeries } from '../observations/series.service';

const ALL = ['coordinator', 'partner', 'observer'] as const;

function ctx(request: { chain: ChainContext | null; auth: { user: { id: string } } | null }) {
  if (!request.chain || !request.auth) throw unauthorized();
  return { chain: request.chain, userId: request.auth.user.id };
}

/**
 * Drops trailing periods with fewer contributors than the period before: a quarter still being
 * collected would otherwise read as a fall (successes and alerts wait until its data is in).
 */
export function completePeriods<T extends { period: string; n: number }>(points: T[]): T[] {
  const sorted = [...points].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  while (sorted.length > 1) {
    const last = sorted[sorted.length - 1];
    const before = sorted[sorted.length - 2];
    if (!last || !before || last.n >= before.n) break;
    sorted.pop();
  }
  return sorted;
}

/** The chain series and the per-actor series of an indicator, as far as the caller may see them. */
async function seriesFor(db: Db, chain: ChainContext, locale: 'fr' | 'en', indicatorId: string) {
  try {
    const [whole, byActor] = await Promise.all([
      getSeries(db, chain, locale, indicatorId, { groupBy: 'none' }),
      getSeries(db, chain, locale, indicatorId, { groupBy: 'actor' }),
    ]);
    return { whole, byActor };
  } catch (err) {
    if (err instanceof HttpError && err.status === 403) return null;
    throw err;
  }
}

const adoptedIndicators = (db: Db, chainId: string) =>
  db
    .select()
    .from(indicators)
    .where(and(eq(indicators.chainId, chainId), eq(indicators.status, 'adopted')));

/** Successes detected in the data (target reached, record, strong growth) and the stories told. */
export async function listSuccesses(db: Db, chain: ChainContext, locale: 'fr' | 'en'): Promise<Success[]> {
  const items: Success[] = [];
  for (const indicator of await adoptedIndicators(db, chain.id)) {
    const s = await seriesFor(db, chain, locale, indicator.id);
    if (!s) continue;
    const actorSeries = Object.entries(s.byActor.groups)
      .map(([actorId, actorName]) => ({
        actorId,
        actorName,
        points: s.byActor.items
          .filter((p) => p.group === actorId && p.value !== null)
          .map((p) => ({ period: p.period, value: p.value ?? 0 })),
      }))
      .filter((a) => a.points.length > 0);
    const detected = detectSuccesses({
      locale,
      indicator: {
        id: indicator.id,
        name: indicator.name,
        unit: indicator.unit,
        direction: indicator.direction,
        target: indicator.target,
      },
      series: completePeriods(s.whole.items).map((p) => ({ period: p.period, value: p.value, n: p.n })),
      actorSeries,
    });
    for (const d of detected) {
      items.push({
        key: d.key,
        kind: d.kind,
        indicatorId: d.indicatorId,
        actorIds: d.actorId ? [d.actorId] : [],
        period: d.period,
        value: d.value,
        title: indicator.name,
        message: d.message,
        at: periodEnd(d.period),
      });
    }
  }
  const stories = await db
    .select()
    .from(successStories)
    .where(eq(successStories.chainId, chain.id))
    .orderBy(desc(successStories.date));
  for (const st of stories) {
    items.push({
      key: `story:${st.id}`,
      kind: 'story',
      indicatorId: st.indicatorId,
      actorIds: st.actorIds,
      period: st.period,
      value: null,
      title: st.title,
      message: st.story,
      at: st.date,
    });
  }
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.key.localeCompare(b.key)));
}

/** What the coordinator should act on: off-track indicators, outliers, missing data after a due date. */
export async function listAlerts(db: Db, chain: ChainContext, locale: 'fr' | 'en'): Promise<Alert[]> {
  const alerts: Alert[] = [];
  const names = new Map(
    (
      await db.select({ id: actors.id, name: actors.name }).from(actors).where(eq(actors.chainId, chain.id))
    ).map((a) => [a.id, a.name]),
  );
  for (const indicator of await adoptedIndicators(db, chain.id)) {
    const s = await seriesFor(db, chain, locale, indicator.id);
    if (!s) continue;
    const latestPeriod = s.byActor.items
      .map((p) => p.period)
      .sort()
      .at(-1);
    const latestByActor = s.byActor.items
      .filter((p) => p.period === latestPeriod && p.value !== null)
      .map((p) => ({
        actorId: p.group,
        actorName: s.byActor.groups[p.group] ?? p.group,
        period: p.period,
        value: p.value ?? 0,
      }));
    for (const a of detectAlerts({
      locale,
      indicator: {
        id: indicator.id,
        name: indicator.name,
        unit: indicator.unit,
        direction: indicator.direction,
        target: indicator.target,
        min: indicator.min,
        max: indicator.max,
      },
      series: completePeriods(s.whole.items).map((p) => ({ period: p.period, value: p.value, n: p.n })),
      latestByActor,
    })) {
      alerts.push({
        id: a.id,
        kind: a.kind,
        indicatorId: a.indicatorId,
        ...(a.actorId ? { actorId: a.actorId } : {}),
        period: a.period,
        message: a.message,
      });
    }
  }
  const overdue = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.chainId, chain.id), lt(campaigns.dueDate, todayIso())));
  for (const campaign of overdue) {
    for (const c of await campaignCompletion(db, chain.id, campaign)) {
      const missing = c.expected - c.submitted;
      if (missing <= 0) continue;
      const name = names.get(c.actorId) ?? c.actorId;
      alerts.push({
        id: `missing_data:${campaign.id}:${c.actorId}`,
        kind: 'missing_data',
        campaignId: campaign.id,
        actorId: c.actorId,
        period: campaign.period,
        message:
          locale === 'fr'
            ? `« ${name} » n’a pas envoyé ${missing} valeur${missing > 1 ? 's' : ''} sur ${c.expected} de la campagne « ${campaign.name} », attendue${missing > 1 ? 's' : ''} le ${campaign.dueDate}.`
            : `“${name}” has not sent ${missing} of ${c.expected} value${c.expected > 1 ? 's' : ''} for the campaign “${campaign.name}”, due on ${campaign.dueDate}.`,
      });
    }
  }
  return alerts;
}

export function successRoutes(app: App, { db }: Deps) {
  app.route({
    method: 'GET',
    url: '/chains/:chainId/successes',
    config: { access: { chain: ALL } },
    schema: {
      tags: ['data collection'],
      params: ChainParams,
      response: { 200: z.object({ items: z.array(Success) }) },
    },
    handler: async (request) => ({ items: await listSuccesses(db, ctx(request).chain, request.locale) }),
  });

  app.route({
    method: 'POST',
    url: '/chains/:chainId/successes',
    config: { access: { chain: ['coordinator'] } },
    schema: {
      tags: ['data collection'],
      params: ChainParams,
      body: SuccessStoryCreate,
      response: { 201: Success },
    },
    handler: async (request, reply) => {
      const { chain, userId } = ctx(request);
      const body = request.body;
      const errors: FieldError[] = [];
      const known = await existingIds(db, actors, chain.id, body.actorIds);
      body.actorIds.forEach((id, i) => {
        if (!known.has(id))
          errors.push({ path: `body.actorIds.${i}`, message: 'no such actor in this chain' });
      });
      if (body.indicatorId && (await existingIds(db, indicators, chain.id, [body.indicatorId])).size === 0) {
        errors.push({ path: 'body.indicatorId', message: 'no such indicator in this chain' });
      }
      if (errors.length > 0) throw badRequest('Invalid story.', errors);
      const row = {
        chainId: chain.id,
        id: newId(),
        title: body.title,
        story: body.story,
        actorIds: body.actorIds,
        indicatorId: body.indicatorId ?? null,
        period: body.period ?? null,
        date: body.date ?? todayIso(),
        createdBy: userId,
      };
      await db.transaction(async (tx) => {
        await tx.insert(successStories).values(row);
        await recordAudit(tx, {
          chainId: chain.id,
          userId,
          action: 'create',
          entityType: 'success_story',
          entityId: row.id,
          before: null,
          after: row,
        });
      });
      return reply.code(201).send({
        key: `story:${row.id}`,
        kind: 'story' as const,
        indicatorId: row.indicatorId,
        actorIds: row.actorIds,
        period: row.period,
        value: null,
        title: row.title,
        message: row.story,
        at: row.date,
      });
    },
  });

  app.route({
    method: 'GET',
    url: '/chains/:chainId/alerts',
    config: { access: { chain: ['coordinator'] } },
    schema: {
      tags: ['data collection'],
      params: ChainParams,
      response: { 200: z.object({ items: z.array(Alert) }) },
    },
    handler: async (request) => ({ items: await listAlerts(db, ctx(request).chain, request.locale) }),
  });
}
