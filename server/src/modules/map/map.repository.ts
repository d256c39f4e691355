import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  actorStages,
  actors,
  flows,
  gapDismissals,
  goals,
  indicators,
  intents,
  resources,
  stages,
} from '../../db/schema/index';

/** Everything the map and the gap analysis need of one chain, in one round of parallel queries. */
export async function loadChainModel(db: Db, chainId: string) {
  const [stageRows, actorRows, linkRows, flowRows, intentRows, indicatorRows, goalRows, resourceRows] =
    await Promise.all([
      db
        .select()
        .from(stages)
        .where(eq(stages.chainId, chainId))
        .orderBy(asc(stages.position), asc(stages.id)),
      db.select().from(actors).where(eq(actors.chainId, chainId)).orderBy(asc(actors.id)),
      db
        .select({ actorId: actorStages.actorId, stageId: actorStages.stageId })
        .from(actorStages)
        .where(eq(actorStages.chainId, chainId)),
      db.select().from(flows).where(eq(flows.chainId, chainId)).orderBy(asc(flows.id)),
      db.select().from(intents).where(eq(intents.chainId, chainId)).orderBy(asc(intents.id)),
      db
        .select({ id: indicators.id, status: indicators.status, capitals: indicators.capitals })
        .from(indicators)
        .where(eq(indicators.chainId, chainId)),
      db
        .select({ id: goals.id, status: goals.status, capitals: goals.capitals })
        .from(goals)
        .where(eq(goals.chainId, chainId)),
      db
        .select({
          id: resources.id,
          name: resources.name,
          kind: resources.kind,
          capitals: resources.capitals,
          gapKeys: resources.gapKeys,
          status: resources.status,
        })
        .from(resources)
        .where(eq(resources.chainId, chainId)),
    ]);
  const stageIds = new Map<string, string[]>();
  for (const l of linkRows) {
    const list = stageIds.get(l.actorId) ?? [];
    list.push(l.stageId);
    stageIds.set(l.actorId, list);
  }
  return {
    stages: stageRows,
    actors: actorRows,
    stageIds,
    flows: flowRows,
    intents: intentRows,
    indicators: indicatorRows,
    goals: goalRows,
    resources: resourceRows,
  };
}
export type ChainModel = Awaited<ReturnType<typeof loadChainModel>>;

export async function listDismissals(db: Db, chainId: string) {
  return db.select().from(gapDismissals).where(eq(gapDismissals.chainId, chainId));
}

export async function getDismissal(db: Db, chainId: string, key: string) {
  const rows = await db
    .select()
    .from(gapDismissals)
    .where(and(eq(gapDismissals.chainId, chainId), eq(gapDismissals.key, key)))
    .limit(1);
  return rows[0];
}
