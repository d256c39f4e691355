import {
  CapitalBalanceItem,
  ChainParams,
  Commitment,
  CommitmentCreate,
  CommitmentQuery,
  CommitmentUpdate,
  capitalBalance,
  capitalKeys,
  Goal,
  GoalCreate,
  GoalProgress,
  GoalUpdate,
  goalProgress,
  harmsOf,
  IdParams,
  Initiative,
  InitiativeCreate,
  InitiativeUpdate,
  listCapitals,
  negativeKeys,
} from '@tisserand/core';
import { periodEnd, periodStart } from '@tisserand/core/aggregation/periods';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { actors, commitments, goals, indicators, initiatives } from '../../db/schema/index';
import { existingIds, registerCollection, withIsoFields } from '../../http/collection';
import type { ChainContext } from '../../http/context';
import { badRequest, type FieldError, forbidden, HttpError, notFound, unauthorized } from '../../http/errors';
import type { App, Deps } from '../../http/types';
import { todayIso } from '../../lib/dates';
import { getSeries } from '../observations/series.service';

const ALL = ['coordinator', 'partner', 'observer'] as const;

function capitalErrors(chain: ChainContext, capitals: unknown, path: string): FieldError[] {
  const known = new Set(capitalKeys(chain.capitalFramework));
  return ((capitals as string[] | undefined) ?? []).flatMap((c, i) =>
    known.has(c)
      ? []
      : [
          {
            path: `${path}.${i}`,
            message: `not a capital of the chain’s framework (${[...known].join(', ')})`,
          },
        ],
  );
}

async function idErrors(
  tx: Parameters<typeof existingIds>[0],
  table: Parameters<typeof existingIds>[1],
  chainId: string,
  ids: string[],
  path: (i: number) => string,
  what: string,
) {
  const found = await existingIds(tx, table, chainId, ids);
  return ids.flatMap((id, i) =>
    found.has(id) ? [] : [{ path: path(i), message: `no such ${what} in this chain` }],
  );
}

export const toGoal = (row: typeof goals.$inferSelect): Goal =>
  withIsoFields(row, {
    title: row.title,
    description: row.description,
    dimension: row.dimension,
    capitals: row.capitals,
    indicatorId: row.indicatorId,
    baseline: row.baseline,
    targetValue: row.targetValue,
    targetDate: row.targetDate,
    status: row.status,
  });

export const toInitiative = (row: typeof initiatives.$inferSelect): Initiative =>
  withIsoFields(row, {
    title: row.title,
    description: row.description,
    leadActorId: row.leadActorId,
    actorIds: row.actorIds,
    goalIds: row.goalIds,
    status: row.status,
    startDate: row.startDate,
    endDate: row.endDate,
    budget: row.budget,
    wealthMatrix: row.wealthMatrix,
    ownershipEffect: row.ownershipEffect,
    livelihoodsEffect: row.livelihoodsEffect,
    harmAcceptances: row.harmAcceptances,
    harms: harmsOf(row),
  });

/** A goal's progress from its indicator's chain series, as the caller may see it. */
export async function progressOf(
  db: Db,
  chain: ChainContext,
  locale: 'fr' | 'en',
  goal: typeof goals.$inferSelect,
) {
  let series: { period: string; start: string; end: string; value: number | null }[] = [];
  if (goal.indicatorId) {
    try {
      const s = await getSeries(db, chain, locale, goal.indicatorId, { groupBy: 'none' });
      series = s.items.map((p) => ({
        period: p.period,
        start: periodStart(p.period),
        end: periodEnd(p.period),
        value: p.value,
      }));
    } catch (err) {
      if (!(err instanceof HttpError && err.status === 403)) throw err;
    }
  }
  return goalProgress({
    baseline: goal.baseline,
    targetValue: goal.targetValue,
    targetDate: goal.targetDate,
    series,
    today: todayIso(),
  });
}

/** The capital balance of a chain: its goals, indicators and initiatives per capital (core `capitalBalance`). */
export async function loadCapitalBalance(
  db: Db,
  chain: Pick<ChainContext, 'id' | 'capitalFramework'>,
  locale: 'fr' | 'en',
) {
  const [goalRows, indicatorRows, initiativeRows] = await Promise.all([
    db
      .select({ status: goals.status, capitals: goals.capitals })
      .from(goals)
      .where(eq(goals.chainId, chain.id)),
    db
      .select({ status: indicators.status, capitals: indicators.capitals })
      .from(indicators)
      .where(eq(indicators.chainId, chain.id)),
    db
      .select({ status: initiatives.status, wealthMatrix: initiatives.wealthMatrix })
      .from(initiatives)
      .where(eq(initiatives.chainId, chain.id)),
  ]);
  return capitalBalance({
    capitals: listCapitals(chain.capitalFramework, locale),
    goals: goalRows,
    indicators: indicatorRows,
    initiatives: initiativeRows,
  });
}

/** Wealth-creation advocacy: goals, commitments, initiatives with their wealth matrix, capital balance. */
export function wealthRoutes(app: App, deps: Deps) {
  const { db } = deps;
  registerCollection(app, deps, {
    path: 'goals',
    entityType: 'goal',
    tag: 'wealth creation',
    table: goals,
    create: GoalCreate,
    update: GoalUpdate,
    entity: Goal,
    readRoles: ALL,
    writeRoles: ['coordinator'],
    toValues: (input) => ({ ...input }),
    check: async ({ tx, chain }, after) => {
      const errors = capitalErrors(chain, after.capitals, 'body.capitals');
      if (after.dimension === 'capital' && ((after.capitals as string[] | undefined) ?? []).length === 0) {
        errors.push({ path: 'body.capitals', message: 'name the capitals this goal raises' });
      }
      if (after.indicatorId)
        errors.push(
          ...(await idErrors(
            tx,
            indicators,
            chain.id,
            [String(after.indicatorId)],
            () => 'body.indicatorId',
            'indicator',
          )),
        );
      if (errors.length > 0) throw badRequest('Invalid goal.', errors);
    },
    toApi: (row) => toGoal(row),
  });

  app.route({
    method: 'GET',
    url: '/chains/:chainId/goals/:id/progress',
    config: { access: { chain: ALL } },
    schema: { tags: ['wealth creation'], params: IdParams, response: { 200: GoalProgress } },
    handler: async (request) => {
      const chain = request.chain;
      if (!chain) throw unauthorized();
      const goal = (
        await db
          .select()
          .from(goals)
          .where(and(eq(goals.chainId, chain.id), eq(goals.id, request.params.id)))
          .limit(1)
      )[0];
      if (!goal) throw notFound();
      return progressOf(db, chain, request.locale, goal);
    },
  });

  registerCollection(app, deps, {
    path: 'commitments',
    entityType: 'commitment',
    tag: 'wealth creation',
    table: commitments,
    create: CommitmentCreate,
    update: CommitmentUpdate,
    entity: Commitment,
    query: CommitmentQuery,
    readRoles: ALL,
    writeRoles: ['coordinator', 'partner'],
    filters: (q) => [
      typeof q.goalId === 'string' ? eq(commitments.goalId, q.goalId) : undefined,
      typeof q.actorId === 'string' ? eq(commitments.actorId, q.actorId) : undefined,
    ],
    canWrite: (chain, before, after) => {
      if (chain.role !== 'partner') return;
      if ((before && before.actorId !== chain.actorId) || after.actorId !== chain.actorId) {
        throw forbidden('A partner commits for its own actor only.');
      }
    },
    toValues: (input) => ({ ...input }),
    check: async ({ tx, chain }, after) => {
      const errors = [
        ...(await idErrors(tx, goals, chain.id, [String(after.goalId)], () => 'body.goalId', 'goal')),
        ...(await idErrors(tx, actors, chain.id, [String(after.actorId)], () => 'body.actorId', 'actor')),
      ];
      if (errors.length > 0) throw badRequest('Invalid commitment.', errors);
    },
    toApi: (row) =>
      withIsoFields(row, {
        goalId: row.goalId,
        actorId: row.actorId,
        description: row.description,
        dueDate: row.dueDate,
        status: row.status,
      }),
  });

  registerCollection(app, deps, {
    path: 'initiatives',
    entityType: 'initiative',
    tag: 'wealth creation',
    table: initiatives,
    create: InitiativeCreate,
    update: InitiativeUpdate,
    entity: Initiative,
    readRoles: ALL,
    writeRoles: ['coordinator'],
    toValues: (input) => ({ ...input }),
    check: async ({ tx, chain }, after) => {
      const matrix = (after.wealthMatrix as Record<string, { effect: number }>) ?? {};
      const known = new Set(capitalKeys(chain.capitalFramework));
      const errors: FieldError[] = Object.keys(matrix)
        .filter((k) => !known.has(k))
        .map((k) => ({ path: `body.wealthMatrix.${k}`, message: 'not a capital of the chain’s framework' }));
      const negatives = new Set(
        negativeKeys({
          wealthMatrix: matrix,
          ownershipEffect: Number(after.ownershipEffect ?? 0),
          livelihoodsEffect: Number(after.livelihoodsEffect ?? 0),
        }),
      );
      for (const key of Object.keys((after.harmAcceptances as Record<string, string>) ?? {})) {
        if (!negatives.has(key))
          errors.push({
            path: `body.harmAcceptances.${key}`,
            message: 'only a negative effect can be accepted',
          });
      }
      const actorIds = [
        ...((after.actorIds as string[]) ?? []),
        ...(after.leadActorId ? [String(after.leadActorId)] : []),
      ];
      errors.push(
        ...(await idErrors(
          tx,
          actors,
          chain.id,
          actorIds,
          (i) =>
            i < ((after.actorIds as string[]) ?? []).length ? `body.actorIds.${i}` : 'body.leadActorId',
          'actor',
        )),
      );
      errors.push(
        ...(await idErrors(
          tx,
          goals,
          chain.id,
          (after.goalIds as string[]) ?? [],
          (i) => `body.goalIds.${i}`,
          'goal',
        )),
      );
      if (after.startDate && after.endDate && String(after.endDate) < String(after.startDate)) {
        errors.push({ path: 'body.endDate', message: 'must not be before startDate' });
      }
      if (errors.length > 0) throw badRequest('Invalid initiative.', errors);
    },
    toApi: (row) => toInitiative(row),
  });

  app.route({
    method: 'GET',
    url: '/chains/:chainId/capital-balance',
    config: { access: { chain: ALL } },
    schema: {
      tags: ['wealth creation'],
      params: ChainParams,
      response: { 200: z.array(CapitalBalanceItem) },
    },
    handler: async (request) => {
      const chain = request.chain;
      if (!chain) throw unauthorized();
      return loadCapitalBalance(db, chain, request.locale);
    },
  });
}
