import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { auditLog } from '../../db/schema/index';
import { newId } from '../../lib/ids';

type Row = Record<string, unknown>;
export type Changes = Record<string, { before: unknown; after: unknown }>;

const IGNORED = new Set(['version', 'createdAt', 'updatedAt', 'chainId', 'passwordHash']);

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
}

/** The fields that differ between two states of an entity (before/after). */
export function diff(before: Row | null, after: Row | null): Changes {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Changes = {};
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    const b = normalise(before?.[key]);
    const a = normalise(after?.[key]);
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[key] = { before: b, after: a };
  }
  return changes;
}

export interface AuditInput {
  chainId: string;
  userId: string | null;
  action: 'create' | 'update' | 'delete';
  entityType: string;
  entityId: string;
  before: Row | null;
  after: Row | null;
}

/** Appends one entry to the chain's audit journal, in the caller's transaction. */
export async function recordAudit(tx: Db | Tx, input: AuditInput) {
  await tx.insert(auditLog).values({
    chainId: input.chainId,
    id: newId(),
    userId: input.userId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    changes: diff(input.before, input.after),
  });
}

/**
 * Appends many entries at once (observation batches, imports), in the caller's transaction: one
 * INSERT … SELECT FROM unnest(…) per 5,000 entries, each column sent as one array parameter, so
 * that neither Drizzle nor the driver builds a parameter per value.
 */
export async function recordAuditMany(tx: Db | Tx, inputs: AuditInput[]) {
  for (let i = 0; i < inputs.length; i += 5000) {
    const chunk = inputs.slice(i, i + 5000);
    const ids: string[] = [];
    const chainIds: string[] = [];
    const userIds: (string | null)[] = [];
    const actions: string[] = [];
    const entityTypes: string[] = [];
    const entityIds: string[] = [];
    const changes: string[] = [];
    for (const input of chunk) {
      ids.push(newId());
      chainIds.push(input.chainId);
      userIds.push(input.userId);
      actions.push(input.action);
      entityTypes.push(input.entityType);
      entityIds.push(input.entityId);
      changes.push(JSON.stringify(diff(input.before, input.after)));
    }
    await tx.execute(sql`
      insert into audit_log (chain_id, id, user_id, action, entity_type, entity_id, changes)
      select * from unnest(${sql.param(chainIds)}::uuid[], ${sql.param(ids)}::uuid[],
        ${sql.param(userIds)}::uuid[], ${sql.param(actions)}::text[], ${sql.param(entityTypes)}::text[],
        ${sql.param(entityIds)}::uuid[], ${sql.param(changes)}::jsonb[])`);
  }
}

export async function listAudit(
  db: Db,
  chainId: string,
  opts: { entityId?: string; limit: number; beforeId?: string },
) {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.chainId, chainId),
        opts.entityId ? eq(auditLog.entityId, opts.entityId) : undefined,
        opts.beforeId ? lt(auditLog.id, opts.beforeId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(opts.limit + 1);
}
