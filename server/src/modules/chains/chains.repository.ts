import { and, asc, count, eq, gt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { actors, chains, members, users } from '../../db/schema/index';
import type { AuthUser, ChainContext } from '../../http/context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ChainRow = typeof chains.$inferSelect;
export type MemberRow = typeof members.$inferSelect;

/** The chain row and the caller's membership as read by the access layer. */
export interface ChainRowWithMember {
  chainId: string | null;
  capitalFramework: ChainRow['capitalFramework'] | null;
  publicMinGroupSize: number | null;
  dataRevision: number | null;
  role: MemberRow['role'] | null;
  actorId: string | null;
}

/**
 * The caller's context in a chain from its row and membership; null when the chain does not exist
 * or the caller is not a member. Instance admins act as coordinators of every chain.
 */
export function chainContextOf(row: ChainRowWithMember, user: AuthUser): ChainContext | null {
  if (row.chainId === null || row.capitalFramework === null || row.publicMinGroupSize === null) return null;
  const base = {
    id: row.chainId,
    capitalFramework: row.capitalFramework,
    publicMinGroupSize: row.publicMinGroupSize,
    dataRevision: row.dataRevision ?? 0,
  };
  if (user.isAdmin)
    return { ...base, role: 'coordinator', actorId: row.role === 'partner' ? row.actorId : null };
  if (!row.role) return null;
  return { ...base, role: row.role, actorId: row.actorId };
}

/** Whether a chain id can name a chain at all (a UUID): anything else is 404 without a query. */
export const isChainId = (chainId: string) => UUID.test(chainId);

export async function listChainsFor(db: Db, user: AuthUser) {
  const query = db
    .select({ chain: chains, role: members.role, actorId: members.actorId })
    .from(chains)
    .leftJoin(members, and(eq(members.chainId, chains.id), eq(members.userId, user.id)));
  const rows = await (user.isAdmin ? query : query.where(sql`${members.userId} is not null`)).orderBy(
    asc(chains.name),
  );
  return rows;
}

export async function getChainWithRole(db: Db, chainId: string, userId: string) {
  const rows = await db
    .select({ chain: chains, role: members.role, actorId: members.actorId })
    .from(chains)
    .leftJoin(members, and(eq(members.chainId, chains.id), eq(members.userId, userId)))
    .where(eq(chains.id, chainId))
    .limit(1);
  return rows[0];
}

export async function insertChain(tx: Tx, row: typeof chains.$inferInsert) {
  const rows = await tx.insert(chains).values(row).returning();
  const chain = rows[0];
  if (!chain) throw new Error('chain insert returned nothing');
  return chain;
}

export async function updateChain(
  tx: Tx,
  id: string,
  version: number,
  patch: Partial<typeof chains.$inferInsert>,
) {
  const rows = await tx
    .update(chains)
    .set({ ...patch, version: sql`${chains.version} + 1`, updatedAt: new Date() })
    .where(and(eq(chains.id, id), eq(chains.version, version)))
    .returning();
  return rows[0];
}

export async function getChain(db: Db | Tx, id: string) {
  const rows = await db.select().from(chains).where(eq(chains.id, id)).limit(1);
  return rows[0];
}

/** Deletes a chain and, by cascade, all its data, including its audit journal. */
export async function deleteChain(tx: Tx, id: string, version: number) {
  await tx.execute(sql`select set_config('tisserand.audit_purge', 'on', true)`);
  const rows = await tx
    .delete(chains)
    .where(and(eq(chains.id, id), eq(chains.version, version)))
    .returning({ id: chains.id });
  return rows.length > 0;
}

const memberColumns = {
  chainId: members.chainId,
  id: members.id,
  version: members.version,
  createdAt: members.createdAt,
  updatedAt: members.updatedAt,
  userId: members.userId,
  role: members.role,
  actorId: members.actorId,
  email: users.email,
  name: users.name,
};
export type MemberView = {
  chainId: string;
  id: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  userId: string;
  role: 'coordinator' | 'partner' | 'observer';
  actorId: string | null;
  email: string;
  name: string;
};

export async function listMembers(
  db: Db,
  chainId: string,
  limit: number,
  afterId?: string,
): Promise<MemberView[]> {
  return db
    .select(memberColumns)
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.chainId, chainId), afterId ? gt(members.id, afterId) : undefined))
    .orderBy(asc(members.id))
    .limit(limit + 1);
}

export async function getMember(
  db: Db | Tx,
  chainId: string,
  userId: string,
): Promise<MemberView | undefined> {
  const rows = await db
    .select(memberColumns)
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.chainId, chainId), eq(members.userId, userId)))
    .limit(1);
  return rows[0];
}

export async function insertMember(tx: Tx, row: typeof members.$inferInsert) {
  const rows = await tx.insert(members).values(row).onConflictDoNothing().returning();
  return rows[0];
}

export async function updateMember(
  tx: Tx,
  chainId: string,
  userId: string,
  version: number,
  patch: { role?: MemberRow['role']; actorId?: string | null },
) {
  const rows = await tx
    .update(members)
    .set({ ...patch, version: sql`${members.version} + 1`, updatedAt: new Date() })
    .where(and(eq(members.chainId, chainId), eq(members.userId, userId), eq(members.version, version)))
    .returning();
  return rows[0];
}

export async function deleteMember(tx: Tx, chainId: string, userId: string, version: number) {
  const rows = await tx
    .delete(members)
    .where(and(eq(members.chainId, chainId), eq(members.userId, userId), eq(members.version, version)))
    .returning({ id: members.id });
  return rows.length > 0;
}

export async function countCoordinators(tx: Tx, chainId: string) {
  const rows = await tx
    .select({ n: count() })
    .from(members)
    .where(and(eq(members.chainId, chainId), eq(members.role, 'coordinator')));
  return rows[0]?.n ?? 0;
}

export async function actorExists(db: Db | Tx, chainId: string, actorId: string) {
  const rows = await db
    .select({ id: actors.id })
    .from(actors)
    .where(and(eq(actors.chainId, chainId), eq(actors.id, actorId)))
    .limit(1);
  return rows.length > 0;
}

export async function findUserIdByEmail(db: Db | Tx, email: string) {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email.toLowerCase()))
    .limit(1);
  return rows[0]?.id;
}

export async function userExists(db: Db | Tx, id: string) {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.id, id)).limit(1);
  return rows.length > 0;
}
