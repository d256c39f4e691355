import { and, count, desc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { prepared } from '../../db/prepared';
import {
  apiTokens,
  chains,
  loginChallenges,
  members,
  rateLimits,
  recoveryCodes,
  sessions,
  users,
} from '../../db/schema/index';
import type { ChainRowWithMember } from '../chains/chains.repository';

type SessionUser = { id: string; email: string; name: string; locale: 'fr' | 'en'; isAdmin: boolean };

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  locale: users.locale,
  isAdmin: users.isAdmin,
};

export async function findUserByEmail(db: Db, email: string) {
  const rows = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return rows[0];
}

export async function findUserById(db: Db, id: string) {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}

/**
 * The chain a chain route names, read in the same query as the caller's credentials (one round
 * trip instead of two on every chain request): the chain's row, if it exists, and the caller's
 * membership, if any. `chainContextOf` (chains.repository) turns it into the request's chain context.
 */
const chainColumns = {
  chainId: chains.id,
  capitalFramework: chains.capitalFramework,
  publicMinGroupSize: chains.publicMinGroupSize,
  dataRevision: chains.dataRevision,
  role: members.role,
  actorId: members.actorId,
};

const sessionColumns = {
  user: userColumns,
  csrfToken: sessions.csrfToken,
  lastSeenAt: sessions.lastSeenAt,
  twoFactorEnabled: sql<boolean>`${users.totpSecret} is not null`,
};
const sessionWhere = and(
  eq(sessions.id, sql.placeholder('idHash')),
  gt(sessions.expiresAt, sql.placeholder('now')),
  gt(sessions.lastSeenAt, sql.placeholder('idleSince')),
);

/** A live session and its user; with `chainId`, the chain and the user's membership too. */
export async function findSession(
  db: Db,
  idHash: string,
  now: Date,
  idleSince: Date,
  chainId?: string,
): Promise<
  | {
      user: SessionUser;
      csrfToken: string;
      lastSeenAt: Date;
      twoFactorEnabled: boolean;
      chain?: ChainRowWithMember;
    }
  | undefined
> {
  if (chainId === undefined) {
    const statement = prepared(db, 'auth.findSession', (d, name) =>
      d
        .select(sessionColumns)
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(sessionWhere)
        .limit(1)
        .prepare(name),
    );
    return (await statement.execute({ idHash, now, idleSince }))[0];
  }
  const statement = prepared(db, 'auth.findSessionInChain', (d, name) =>
    d
      .select({ ...sessionColumns, ...chainColumns })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(chains, eq(chains.id, sql.placeholder('chainId')))
      .leftJoin(members, and(eq(members.chainId, chains.id), eq(members.userId, users.id)))
      .where(sessionWhere)
      .limit(1)
      .prepare(name),
  );
  const row = (await statement.execute({ idHash, now, idleSince, chainId }))[0];
  if (!row) return undefined;
  const { chainId: id, capitalFramework, publicMinGroupSize, dataRevision, role, actorId, ...rest } = row;
  return {
    ...rest,
    chain: { chainId: id, capitalFramework, publicMinGroupSize, dataRevision, role, actorId },
  };
}

export async function touchSession(db: Db, idHash: string, now: Date) {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, idHash));
}

export async function insertSession(
  db: Db,
  row: { id: string; userId: string; csrfToken: string; expiresAt: Date },
) {
  await db.insert(sessions).values(row);
}

export async function deleteSession(db: Db, idHash: string) {
  await db.delete(sessions).where(eq(sessions.id, idHash));
}

export async function deleteUserSessions(db: Db | Tx, userId: string, exceptIdHash?: string) {
  await db
    .delete(sessions)
    .where(
      exceptIdHash
        ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${exceptIdHash}`)
        : eq(sessions.userId, userId),
    );
}

const tokenColumns = { user: userColumns, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt };
const tokenWhere = and(
  eq(apiTokens.tokenHash, sql.placeholder('tokenHash')),
  sql`(${apiTokens.expiresAt} is null or ${apiTokens.expiresAt} > ${sql.placeholder('now')})`,
);

/** A live API token and its user; with `chainId`, the chain and the user's membership too. */
export async function findToken(
  db: Db,
  tokenHash: string,
  now: Date,
  chainId?: string,
): Promise<
  { user: SessionUser; tokenId: string; lastUsedAt: Date | null; chain?: ChainRowWithMember } | undefined
> {
  if (chainId === undefined) {
    const statement = prepared(db, 'auth.findToken', (d, name) =>
      d
        .select(tokenColumns)
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(tokenWhere)
        .limit(1)
        .prepare(name),
    );
    return (await statement.execute({ tokenHash, now }))[0];
  }
  const statement = prepared(db, 'auth.findTokenInChain', (d, name) =>
    d
      .select({ ...tokenColumns, ...chainColumns })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .leftJoin(chains, eq(chains.id, sql.placeholder('chainId')))
      .leftJoin(members, and(eq(members.chainId, chains.id), eq(members.userId, users.id)))
      .where(tokenWhere)
      .limit(1)
      .prepare(name),
  );
  const row = (await statement.execute({ tokenHash, now, chainId }))[0];
  if (!row) return undefined;
  const { chainId: id, capitalFramework, publicMinGroupSize, dataRevision, role, actorId, ...rest } = row;
  return {
    ...rest,
    chain: { chainId: id, capitalFramework, publicMinGroupSize, dataRevision, role, actorId },
  };
}

export async function touchToken(db: Db, tokenId: string, now: Date) {
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, tokenId));
}

export async function insertToken(
  db: Db,
  row: { id: string; userId: string; name: string; tokenHash: string; expiresAt: Date | null },
) {
  const rows = await db.insert(apiTokens).values(row).returning();
  return rows[0];
}

export async function listTokens(db: Db, userId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt));
}

export async function deleteToken(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(apiTokens)
    .where(and(eq(apiTokens.userId, userId), eq(apiTokens.id, id)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

/** Counts one event in a fixed window; answers the count in the current window. */
export async function hitRateLimit(db: Db, key: string, windowSeconds: number): Promise<number> {
  const expired = sql`${rateLimits.windowStart} < now() - make_interval(secs => ${windowSeconds})`;
  const rows = await db
    .insert(rateLimits)
    .values({ key, count: 1, windowStart: sql`now()` })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${expired} then now() else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count });
  return rows[0]?.count ?? 1;
}

/** The count in the current window (0 when the window has passed). */
export async function peekRateLimit(db: Db, key: string, windowSeconds: number): Promise<number> {
  const rows = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(
      and(
        eq(rateLimits.key, key),
        sql`${rateLimits.windowStart} >= now() - make_interval(secs => ${windowSeconds})`,
      ),
    );
  return rows[0]?.count ?? 0;
}

export async function clearRateLimit(db: Db, key: string) {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

export async function insertUser(
  db: Db,
  row: {
    id: string;
    email: string;
    name: string;
    passwordHash: string;
    locale: 'fr' | 'en';
    isAdmin: boolean;
  },
) {
  const rows = await db
    .insert(users)
    .values(row)
    .onConflictDoNothing({ target: users.email })
    .returning(userColumns);
  return rows[0];
}

export async function updateUser(
  db: Db,
  id: string,
  patch: Partial<{ name: string; locale: 'fr' | 'en'; passwordHash: string }>,
) {
  const rows = await db
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning(userColumns);
  return rows[0];
}

export async function listUsers(db: Db, limit: number, afterId?: string) {
  return db
    .select({ ...userColumns, createdAt: users.createdAt })
    .from(users)
    .where(afterId ? gt(users.id, afterId) : undefined)
    .orderBy(users.id)
    .limit(limit + 1);
}

// Second factor (TOTP, recovery codes, sign-in challenges).

export async function setPendingTotp(db: Db, userId: string, secret: string) {
  await db.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, userId));
}

/** Makes the pending secret active, provided it is still the one the code was checked against. */
export async function activateTotp(tx: Tx, userId: string, secret: string, step: number) {
  const rows = await tx
    .update(users)
    .set({
      totpSecret: secret,
      totpPendingSecret: null,
      totpEnabledAt: new Date(),
      totpLastStep: step,
      version: sql`${users.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(users.id, userId), eq(users.totpPendingSecret, secret), isNull(users.totpSecret)))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Records that a step's code was used; false when that step (or a later one) was used already. */
export async function consumeTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), sql`(${users.totpLastStep} is null or ${users.totpLastStep} < ${step})`))
    .returning({ id: users.id });
  return rows.length > 0;
}

export async function disableTotp(tx: Tx, userId: string) {
  await tx
    .update(users)
    .set({
      totpSecret: null,
      totpPendingSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
      version: sql`${users.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(users.id, userId));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

export async function replaceRecoveryCodes(
  tx: Tx,
  userId: string,
  rows: { id: string; salt: string; codeHash: string }[],
) {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (rows.length > 0) await tx.insert(recoveryCodes).values(rows.map((r) => ({ ...r, userId })));
}

export async function unusedRecoveryCodes(db: Db, userId: string) {
  return db
    .select({ id: recoveryCodes.id, salt: recoveryCodes.salt, codeHash: recoveryCodes.codeHash })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
}

export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(rows[0]?.n ?? 0);
}

/** Spends a recovery code; false when it was spent meanwhile. */
export async function spendRecoveryCode(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.id, id), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

export async function insertChallenge(db: Db, row: { id: string; userId: string; expiresAt: Date }) {
  await db.delete(loginChallenges).where(lte(loginChallenges.expiresAt, new Date()));
  await db.insert(loginChallenges).values(row);
}

export async function findChallenge(db: Db, idHash: string, now: Date) {
  const rows = await db
    .select({ userId: loginChallenges.userId })
    .from(loginChallenges)
    .where(and(eq(loginChallenges.id, idHash), gt(loginChallenges.expiresAt, now)))
    .limit(1);
  return rows[0];
}

/** Uses up a challenge; false when it was used (or expired) meanwhile. */
export async function spendChallenge(db: Db, idHash: string, now: Date): Promise<boolean> {
  const rows = await db
    .delete(loginChallenges)
    .where(and(eq(loginChallenges.id, idHash), gt(loginChallenges.expiresAt, now)))
    .returning({ id: loginChallenges.id });
  return rows.length > 0;
}
