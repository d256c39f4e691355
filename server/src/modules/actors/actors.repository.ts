import { and, eq, inArray, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/client';
import { prepared } from '../../db/prepared';
import { actorStages } from '../../db/schema/index';

/** The stage rows of some actors: prepared on the database, built afresh inside a transaction. */
function stagesOfActors(conn: Db | Tx, chainId: string, actorIds: string[]) {
  const columns = { actorId: actorStages.actorId, stageId: actorStages.stageId };
  if (conn instanceof PgTransaction)
    return conn
      .select(columns)
      .from(actorStages)
      .where(and(eq(actorStages.chainId, chainId), inArray(actorStages.actorId, actorIds)));
  return prepared(conn, 'actors.stagesOf', (d, name) =>
    d
      .select(columns)
      .from(actorStages)
      .where(
        and(
          eq(actorStages.chainId, sql.placeholder('chainId')),
          sql`${actorStages.actorId} = any(${sql.placeholder('actorIds')}::uuid[])`,
        ),
      )
      .prepare(name),
  ).execute({ chainId, actorIds });
}

/** The stage ids of each actor, keyed by actor id. */
export async function stageIdsOf(conn: Db | Tx, chainId: string, actorIds: string[]) {
  const map = new Map<string, string[]>();
  if (actorIds.length === 0) return map;
  const rows =
    actorIds.length > 1000
      ? await conn
          .select({ actorId: actorStages.actorId, stageId: actorStages.stageId })
          .from(actorStages)
          .where(eq(actorStages.chainId, chainId))
      : await stagesOfActors(conn, chainId, actorIds);
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
