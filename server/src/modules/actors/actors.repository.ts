import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { actorStages } from '../../db/schema/index';

/** The stage ids of each actor, keyed by actor id. */
export async function stageIdsOf(conn: Db | Tx, chainId: string, actorIds: string[]) {
  const map = new Map<string, string[]>();
  if (actorIds.length === 0) return map;
  const rows = await conn
    .select({ actorId: actorStages.actorId, stageId: actorStages.stageId })
    .from(actorStages)
    .where(
      and(
        eq(actorStages.chainId, chainId),
        actorIds.length > 1000 ? undefined : inArray(actorStages.actorId, actorIds),
      ),
    );
  const wanted = new Set(actorIds);
  for (const r of rows) {
    if (!wanted.has(r.actorId)) continue;
    const list = map.get(r.actorId) ?? [];
    list.push(r.stageId);
    map.set(r.actorId, list);
  }
  return map;
}

/** Replaces the stages an actor works in. */
export async function setActorStages(tx: Tx, chainId: string, actorId: string, stageIds: string[]) {
  await tx.delete(actorStages).where(and(eq(actorStages.chainId, chainId), eq(actorStages.actorId, actorId)));
  const unique = [...new Set(stageIds)];
  if (unique.length > 0)
    await tx.insert(actorStages).values(unique.map((stageId) => ({ chainId, actorId, stageId })));
}
