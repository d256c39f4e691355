import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import {
  actors,
  apiTokens,
  auditLog,
  chains,
  contacts,
  members,
  rateLimits,
  sessions,
  users,
} from '../../db/schema/index';
import { staleVersion } from '../../http/concurrency';
import type { ChainContext } from '../../http/context';
import { conflict, forbidden, notFound } from '../../http/errors';
import { type Changes, recordAudit } from '../audit/audit.service';
import * as repo from './personal-data.repository';

export const EXPORT_FORMAT = 'tisserand-personal-data';
export const EXPORT_FORMAT_VERSION = 1;
/** What an erased account is called from then on (its e-mail becomes `erased-<id>@invalid`). */
export const ERASED_NAME = 'Compte effacé';
/** No argon2 hash looks like this: nobody can sign in to an erased account. */
const UNUSABLE_PASSWORD_HASH = '!erased';

const erasedEmail = (userId: string) => `erased-${userId}@invalid`;

/** Contacts are personal data: coordinators, and the partners of the contact's own actor. */
function mayReadContactsOf(chain: ChainContext, actorId: string) {
  if (chain.role === 'coordinator') return;
  if (chain.role === 'partner' && chain.actorId === actorId) return;
  throw forbidden('Only coordinators and the partners of this actor see its contacts.');
}

async function findContact(conn: Db | Tx, chainId: string, actorId: string, id: string) {
  const rows = await conn
    .select()
    .from(contacts)
    .where(and(eq(contacts.chainId, chainId), eq(contacts.actorId, actorId), eq(contacts.id, id)))
    .limit(1);
  return rows[0];
}

/** Right of access for a contact: its fields and every audit entry about it, with the changes. */
export async function exportContact(db: Db, chain: ChainContext, actorId: string, contactId: string) {
  mayReadContactsOf(chain, actorId);
  return db.transaction(async (tx) => {
    const contact = await findContact(tx, chain.id, actorId, contactId);
    if (!contact) throw notFound('No such contact.');
    const [chainRow] = await tx
      .select({ id: chains.id, name: chains.name })
      .from(chains)
      .where(eq(chains.id, chain.id));
    const [actor] = await tx
      .select({ id: actors.id, name: actors.name })
      .from(actors)
      .where(and(eq(actors.chainId, chain.id), eq(actors.id, actorId)));
    const entries = await tx
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.chainId, chain.id),
          eq(auditLog.entityType, 'contact'),
          eq(auditLog.entityId, contactId),
        ),
      )
      .orderBy(asc(auditLog.id));
    return {
      format: EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION,
      subject: 'contact' as const,
      exportedAt: new Date().toISOString(),
      chain: chainRow ?? { id: chain.id, name: '' },
      actor: actor ?? { id: actorId, name: '' },
      contact: {
        id: contact.id,
        version: contact.version,
        createdAt: contact.createdAt.toISOString(),
        updatedAt: contact.updatedAt.toISOString(),
        name: contact.name,
        role: contact.role,
        email: contact.email,
        phone: contact.phone,
      },
      auditEntries: entries.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        userId: e.userId,
        action: e.action,
        changes: e.changes as Changes,
      })),
    };
  });
}

/**
 * Erases a contact: the row is deleted and the changes of every audit entry about it are replaced by
 * the erased marker (entries kept, pseudonymised); the erasure itself is audited without personal data.
 */
export async function eraseContact(
  db: Db,
  chain: ChainContext,
  userId: string,
  actorId: string,
  contactId: string,
  version: number,
) {
  return db.transaction(async (tx) => {
    const contact = await findContact(tx, chain.id, actorId, contactId);
    if (!contact) throw notFound('No such contact.');
    const deleted = await tx
      .delete(contacts)
      .where(and(eq(contacts.chainId, chain.id), eq(contacts.id, contactId), eq(contacts.version, version)))
      .returning({ id: contacts.id });
    if (deleted.length === 0) throw staleVersion();
    await repo.allowErasure(tx);
    const pseudonymised = await repo.pseudonymiseEntityAudit(tx, chain.id, 'contact', contactId);
    await recordAudit(tx, {
      chainId: chain.id,
      userId,
      action: 'delete',
      entityType: 'contact',
      entityId: contactId,
      before: null,
      after: { erased: true },
    });
    return { pseudonymisedAuditEntries: pseudonymised };
  });
}

/** Right of access for the caller: the account, and every row of every table that refers to them. */
export async function exportUser(db: Db, userId: string, currentSessionId: string | undefined) {
  return db.transaction(async (tx) => {
    const account = await repo.accountRow(tx, userId);
    if (!account) throw notFound();
    const sessionRows = await tx
      .select({
        id: sessions.id,
        createdAt: sessions.createdAt,
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
      })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(asc(sessions.createdAt));
    const tokens = await tx
      .select({
        name: apiTokens.name,
        createdAt: apiTokens.createdAt,
        expiresAt: apiTokens.expiresAt,
        lastUsedAt: apiTokens.lastUsedAt,
      })
      .from(apiTokens)
      .where(eq(apiTokens.userId, userId))
      .orderBy(asc(apiTokens.createdAt));
    const memberships = await tx
      .select({
        chainId: members.chainId,
        chainName: chains.name,
        role: members.role,
        actorId: members.actorId,
        actorName: actors.name,
        since: members.createdAt,
      })
      .from(members)
      .innerJoin(chains, eq(chains.id, members.chainId))
      .leftJoin(actors, and(eq(actors.chainId, members.chainId), eq(actors.id, members.actorId)))
      .where(eq(members.userId, userId))
      .orderBy(asc(chains.name));

    const references: Record<string, Record<string, unknown>[]> = {};
    for (const table of await repo.readUserReferenceTables(tx)) {
      const rows = await repo.rowsReferring(tx, table, userId);
      if (rows.length === 0) continue;
      const types = new Map(table.columns.map((c) => [c.name, c.type]));
      references[table.name] = rows.map((row) => {
        const entries = Object.entries(row).filter(([k]) => {
          // Outside the chains, a column may hold a secret (second factor…): dates and flags only.
          if (!table.tenant && !repo.PLAIN_TYPES.has(types.get(k) ?? '') && !table.userColumns.includes(k))
            return false;
          // The details of an audit entry may hold other people's data: they stay in the chain's journal.
          if (table.name === 'audit_log' && k === 'changes') return false;
          return true;
        });
        return Object.fromEntries(entries);
      });
    }
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    return {
      format: EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION,
      subject: 'user' as const,
      exportedAt: new Date().toISOString(),
      account,
      sessions: sessionRows.map((s) => ({
        current: s.id === currentSessionId,
        createdAt: s.createdAt.toISOString(),
        lastSeenAt: s.lastSeenAt.toISOString(),
        expiresAt: s.expiresAt.toISOString(),
      })),
      apiTokens: tokens.map((t) => ({
        name: t.name,
        createdAt: t.createdAt.toISOString(),
        expiresAt: iso(t.expiresAt),
        lastUsedAt: iso(t.lastUsedAt),
      })),
      memberships: memberships.map((m) => ({ ...m, since: m.since.toISOString() })),
      references,
      auditEntriesAboutYou: (await repo.auditMentioning(tx, userId)).map((e) => ({
        ...e,
        at: e.at instanceof Date ? e.at.toISOString() : e.at,
      })),
    };
  });
}

/**
 * Erases a user (instance admins, never themselves): the account stays as a pseudonymous tombstone so
 * that every user id in the chains' history still points somewhere; sessions, tokens, notifications,
 * memberships (audited) and sign-in counters go; audit entries holding their e-mail or name are
 * pseudonymised.
 */
export async function eraseUser(db: Db, adminId: string, userId: string) {
  if (adminId === userId) throw conflict('Erase your own account from another instance admin’s account.');
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!user) throw notFound('No such user.');
    const alreadyErased = user.email === erasedEmail(userId);
    await repo.allowErasure(tx);

    // Memberships: removed, each audited in its chain like any member removal (ids only).
    const memberships = await tx.delete(members).where(eq(members.userId, userId)).returning();
    for (const m of memberships) {
      await recordAudit(tx, {
        chainId: m.chainId,
        userId: adminId,
        action: 'delete',
        entityType: 'member',
        entityId: m.id,
        before: { userId, role: m.role, actorId: m.actorId },
        after: null,
      });
    }
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx.delete(apiTokens).where(eq(apiTokens.userId, userId));
    // Sign-in counters are keyed by the e-mail address.
    await tx.delete(rateLimits).where(sql`position(${user.email.toLowerCase()} in ${rateLimits.key}) > 0`);

    // Rows addressed to the user only (notifications), and account data outside the chains
    // (e.g. second-factor tables), go; chain history keeps the id, now pseudonymous.
    for (const table of await repo.readUserReferenceTables(tx)) {
      if (!table.tenant || table.name === 'notifications') await repo.deleteRowsReferring(tx, table, userId);
    }

    const pseudonymised = alreadyErased ? 0 : await repo.pseudonymiseUserAudit(tx, user.email, user.name);

    // Every column the erasure does not set by name goes back to its default (or null): a column
    // added later (second factor…) is cleared without touching this code.
    const KEPT = new Set(['id', 'created_at', 'email', 'name', 'password_hash', 'version', 'updated_at']);
    const resets = (await repo.accountColumns(tx))
      .filter((c) => !KEPT.has(c.column_name) && (c.column_default !== null || c.is_nullable === 'YES'))
      .map((c) =>
        c.column_default !== null
          ? sql`${sql.identifier(c.column_name)} = default`
          : sql`${sql.identifier(c.column_name)} = null`,
      );
    await tx.execute(
      sql`update users set email = ${erasedEmail(userId)}, name = ${ERASED_NAME},
        password_hash = ${UNUSABLE_PASSWORD_HASH}, version = version + 1, updated_at = now()
        ${resets.length > 0 ? sql`, ${sql.join(resets, sql`, `)}` : sql``}
        where id = ${userId}`,
    );
    return { removedMemberships: memberships.length, pseudonymisedAuditEntries: pseudonymised };
  });
}
