import { sql } from 'drizzle-orm';
import { type Db, queryRows, type Tx } from '../../db/client';
import { type ColumnInfo, isUserColumn } from '../backup/backup.catalog';

/**
 * What replaces the `changes` of an audit entry whose personal data was erased. It keeps the shape of
 * every other entry (field → before/after), so the journal still reads; the append-only trigger
 * (migration 0010) accepts exactly this value, and only in an erasure transaction.
 */
export const ERASED_CHANGES = { erased: { before: null, after: true } } as const;

/** Account tables handled one by one: never dumped whole (they hold secrets). */
const ACCOUNT_TABLES = new Set(['users', 'sessions', 'api_tokens']);

/** Column names that hold a secret or a hash of one: never in an export. */
export const SECRET_COLUMN = /password|hash|salt|secret|token|csrf|recovery|code|key/i;

/** Outside the chains, only dates, flags and numbers of an account table are exported (the rest may be secrets). */
export const PLAIN_TYPES = new Set(['timestamptz', 'timestamp', 'date', 'bool', 'int2', 'int4', 'int8']);

export interface UserReferenceTable {
  name: string;
  /** A tenant table (`chain_id`): its rows are chain history, kept with the pseudonymous id. */
  tenant: boolean;
  columns: ColumnInfo[];
  /** The columns holding a user id (same rule as the backup: foreign key to users or by name). */
  userColumns: string[];
}

/**
 * Every table of the live schema that refers to a user, besides the account tables themselves.
 * Read from the schema on every call, so a table added later is covered without touching this module.
 */
export async function readUserReferenceTables(db: Db | Tx): Promise<UserReferenceTable[]> {
  const columns = await queryRows<{
    table_name: string;
    column_name: string;
    is_nullable: string;
    udt_name: string;
    is_generated: string;
  }>(
    db,
    sql`select c.table_name, c.column_name, c.is_nullable, c.udt_name, c.is_generated
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      order by c.table_name, c.ordinal_position`,
  );
  const fks = await queryRows<{ table: string; cols: string[] }>(
    db,
    sql`select c.relname as table,
      array(select a.attname::text from unnest(con.conkey) k(n)
            join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n) as cols
    from pg_constraint con
    join pg_class c on c.oid = con.conrelid
    join pg_namespace ns on ns.oid = c.relnamespace
    join pg_class rc on rc.oid = con.confrelid
    where ns.nspname = 'public' and con.contype = 'f' and rc.relname = 'users'`,
  );
  const fkColumns = new Set(fks.flatMap((f) => f.cols.map((c) => `${f.table}.${c}`)));
  const byTable = new Map<string, ColumnInfo[]>();
  for (const c of columns) {
    const list = byTable.get(c.table_name) ?? [];
    list.push({
      name: c.column_name,
      nullable: c.is_nullable === 'YES',
      type: c.udt_name,
      generated: c.is_generated === 'ALWAYS',
    });
    byTable.set(c.table_name, list);
  }
  const tables: UserReferenceTable[] = [];
  for (const [name, cols] of [...byTable.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (ACCOUNT_TABLES.has(name)) continue;
    const userColumns = cols
      .filter((c) => isUserColumn(c, fkColumns.has(`${name}.${c.name}`)))
      .map((c) => c.name);
    if (userColumns.length === 0) continue;
    tables.push({ name, tenant: cols.some((c) => c.name === 'chain_id'), columns: cols, userColumns });
  }
  return tables;
}

/** `col1 = id or col2 = id …` on a table's user columns. */
function refersTo(table: UserReferenceTable, userId: string) {
  return sql.join(
    table.userColumns.map((c) => sql`${sql.identifier(c)} = ${userId}`),
    sql` or `,
  );
}

/** The rows of a table that refer to a user, as JSON objects (snake_case, every column). */
export async function rowsReferring(db: Db | Tx, table: UserReferenceTable, userId: string) {
  const rows = await queryRows<{ row: Record<string, unknown> }>(
    db,
    sql`select row_to_json(t) as row from ${sql.identifier(table.name)} t
      where ${refersTo(table, userId)}`,
  );
  return rows.map((r) => (typeof r.row === 'string' ? JSON.parse(r.row) : r.row) as Record<string, unknown>);
}

export async function deleteRowsReferring(tx: Tx, table: UserReferenceTable, userId: string) {
  await tx.execute(sql`delete from ${sql.identifier(table.name)} where ${refersTo(table, userId)}`);
}

/** Lets this transaction pseudonymise audit entries (the narrow exception of migration 0010). */
export async function allowErasure(tx: Tx) {
  await tx.execute(sql`select set_config('tisserand.erasure', 'on', true)`);
}

/** Replaces the changes of a contact's audit entries by the erased marker. */
export async function pseudonymiseEntityAudit(tx: Tx, chainId: string, entityType: string, entityId: string) {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update audit_log set changes = ${JSON.stringify(ERASED_CHANGES)}::jsonb
      where chain_id = ${chainId} and entity_type = ${entityType} and entity_id = ${entityId}
        and changes <> ${JSON.stringify(ERASED_CHANGES)}::jsonb
      returning id`,
  );
  return rows.length;
}

/**
 * Pseudonymises every audit entry, in any chain, whose changes hold a user's e-mail address (anywhere
 * in the text) or their name (as a whole value): the entries keep their user id, action and entity.
 */
export async function pseudonymiseUserAudit(tx: Tx, email: string, name: string) {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`update audit_log set changes = ${JSON.stringify(ERASED_CHANGES)}::jsonb
      where changes <> ${JSON.stringify(ERASED_CHANGES)}::jsonb
        and (position(${email.toLowerCase()} in lower(changes::text)) > 0
          or jsonb_path_exists(changes, '$.** ? (@ == $name)', jsonb_build_object('name', ${name}::text)))
      returning id`,
  );
  return rows.length;
}

/** The audit entries whose changes name a user id (their membership, a position recorded for them…). */
export async function auditMentioning(db: Db | Tx, userId: string) {
  return queryRows<Record<string, unknown>>(
    db,
    sql`select chain_id as "chainId", id, at, user_id as "userId", action, entity_type as "entityType",
        entity_id as "entityId"
      from audit_log where position(${userId}::text in changes::text) > 0
      order by id`,
  );
}

/** The account row, every column but the secrets (a column added later is exported unless it is one). */
export async function accountRow(db: Db | Tx, userId: string) {
  const rows = await queryRows<{ row: Record<string, unknown> | string }>(
    db,
    sql`select row_to_json(u) as row from users u where id = ${userId}`,
  );
  const row = rows[0]?.row;
  if (!row) return undefined;
  const object = (typeof row === 'string' ? JSON.parse(row) : row) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(object).filter(([k]) => !SECRET_COLUMN.test(k)));
}

/** The columns of `users`, to reset every one the erasure does not set by name. */
export async function accountColumns(tx: Tx) {
  return queryRows<{ column_name: string; is_nullable: string; column_default: string | null }>(
    tx,
    sql`select column_name, is_nullable, column_default from information_schema.columns
      where table_schema = 'public' and table_name = 'users'`,
  );
}
