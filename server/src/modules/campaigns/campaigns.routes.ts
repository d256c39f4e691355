import { Campaign, CampaignCreate, CampaignUpdate, CompletionItem, IdParams } from '@tisserand/core';
import { periodKind } from '@tisserand/core/aggregation/periods';
import { and, count, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { actorStages, actors, campaigns, indicators, observations } from '../../db/schema/index';
import { existingIds, registerCollection, withIsoFields } from '../../http/collection';
import type { ChainContext } from '../../http/context';
import { badRequest, type FieldError, notFound, unauthorized } from '../../http/errors';
import type { App, Deps } from '../../http/types';
import { notifyUsers, partnersOf } from '../notifications/notify';

export type CampaignRow = typeof campaigns.$inferSelect;

export const toCampaign = (row: CampaignRow): Campaign =>
  withIsoFields(row, {
    name: row.name,
    period: row.period,
    indicatorIds: row.indicatorIds,
    actorIds: row.actorIds,
    dueDate: row.dueDate,
    status: row.status,
  });

/** For each respondent, how many values the campaign expects, and how many were sent, approved, drafted. */
export async function campaignCompletion(
  db: Db,
  chainId: string,
  campaign: CampaignRow,
): Promise<CompletionItem[]> {
  const [indicatorRows, links, counts] = await Promise.all([
    db
      .select({
        id: indicators.id,
        reporters: indicators.reporters,
        reporterStageIds: indicators.reporterStageIds,
        aggregation: indicators.aggregation,
      })
      .from(indicators)
      .where(and(eq(indicators.chainId, chainId), inArray(indicators.id, campaign.indicatorIds))),
    db
      .select({ actorId: actorStages.actorId, stageId: actorStages.stageId })
      .from(actorStages)
      .where(and(eq(actorStages.chainId, chainId), inArray(actorStages.actorId, campaign.actorIds))),
    db
      .select({ actorId: observations.actorId, status: observations.status, n: count() })
      .from(observations)
      .where(
        and(
          eq(observations.chainId, chainId),
          eq(observations.period, campaign.period),
          inArray(observations.indicatorId, campaign.indicatorIds),
          inArray(observations.actorId, campaign.actorIds),
        ),
      )
      .groupBy(observations.actorId, observations.status),
  ]);
  const stagesOf = new Map<string, Set<string>>();
  for (const l of links) stagesOf.set(l.actorId, (stagesOf.get(l.actorId) ?? new Set()).add(l.stageId));
  return campaign.actorIds.map((actorId) => {
    const mine = stagesOf.get(actorId) ?? new Set<string>();
    const expected = indicatorRows.filter(
      (i) =>
        i.aggregation !== 'ratio' &&
        (i.reporters === 'all' ||
          (i.reporters === 'stages' && (i.reporterStageIds ?? []).some((s) => mine.has(s)))),
    ).length;
    const count = (status: string) =>
      counts.find((c) => c.actorId === actorId && c.status === status)?.n ?? 0;
    return {
      actorId,
      expected,
      submitted: count('submitted') + count('approved'),
      approved: count('approved'),
      drafts: count('draft'),
    };
  });
}

export function campaignRoutes(app: App, deps: Deps) {
  const { db } = deps;
  registerCollection(app, deps, {
    path: 'campaigns',
    entityType: 'campaign',
    tag: 'data collection',
    table: campaigns,
    create: CampaignCreate,
    update: CampaignUpdate,
    entity: Campaign,
    readRoles: ['coordinator', 'partner', 'observer'],
    writeRoles: ['coordinator'],
    toValues: (input) => ({ ...input }),
    check: async ({ tx, chain }, after) => {
      const errors: FieldError[] = [];
      const indicatorIds = (after.indicatorIds as string[]) ?? [];
      const actorIds = (after.actorIds as string[]) ?? [];
      const found = await tx
        .select({ id: indicators.id, periodicity: indicators.periodicity })
        .from(indicators)
        .where(and(eq(indicators.chainId, chain.id), inArray(indicators.id, indicatorIds)));
      const kind = periodKind(String(after.period));
      indicatorIds.forEach((id, i) => {
        const ind = found.find((f) => f.id === id);
        if (!ind) errors.push({ path: `body.indicatorIds.${i}`, message: 'no such indicator in this chain' });
        else if (ind.periodicity !== kind)
          errors.push({
            path: `body.indicatorIds.${i}`,
            message: `collected by ${ind.periodicity}, not by ${kind}`,
          });
      });
      const known = await existingIds(tx, actors, chain.id, actorIds);
      actorIds.forEach((id, i) => {
        if (!known.has(id))
          errors.push({ path: `body.actorIds.${i}`, message: 'no such actor in this chain' });
      });
      if (errors.length > 0) throw badRequest('Invalid campaign.', errors);
    },
    afterWrite: async ({ tx, chain }, id, input) => {
      if (!Array.isArray(input.actorIds) || !('name' in input)) return;
      await notifyUsers(tx, chain.id, await partnersOf(tx, chain.id, input.actorIds as string[]), {
        kind: 'data_requested',
        title: { fr: `Collecte : ${String(input.name)}`, en: `Data collection: ${String(input.name)}` },
        body: {
          fr: `Vos données sont attendues avant le ${String(input.dueDate)}.`,
          en: `Your data is expected by ${String(input.dueDate)}.`,
        },
        link: `/chains/${chain.id}/campaigns/${id}`,
        dedupeKey: `data_requested:${id}`,
      });
    },
    toApi: (row) => toCampaign(row),
  });

  app.route({
    method: 'GET',
    url: '/chains/:chainId/campaigns/:id/completion',
    config: { access: { chain: ['coordinator', 'partner', 'observer'] } },
    schema: { tags: ['data collection'], params: IdParams, response: { 200: z.array(CompletionItem) } },
    handler: async (request) => {
      const chain: ChainContext | null = request.chain;
      if (!chain) throw unauthorized();
      const row = (
        await db
          .select()
          .from(campaigns)
          .where(and(eq(campaigns.chainId, chain.id), eq(campaigns.id, request.params.id)))
          .limit(1)
      )[0];
      if (!row) throw notFound();
      const items = await campaignCompletion(db, chain.id, row);
      // Partners see their own line; coordinators and observers the whole picture of who answered.
      return chain.role === 'partner' ? items.filter((i) => i.actorId === chain.actorId) : items;
    },
  });
}
