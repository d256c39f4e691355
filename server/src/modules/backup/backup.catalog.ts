import { sql } from 'drizzle-orm';
import { type Db, queryRows, type Tx } from '../../db/client';
import { GLOBAL_TABLES, TENANT_ROOT } from '../../db/schema/index';

/**
 * Tenant tables left out of a backup on purpose (docs/backup.md). Everything else that carries a
 * `chain_id` is backed up, so a table added later is included without touching this module.
 */
export const EXCLUDED_TABLES: Readonly<Record<string, string>> = {
  imports: 'import jobs: the progress and errors of past uploads, not chain data',
  observation_rollups:
    'derived from the observations: the triggers of migration 0011 rebuild them as the observations are restored',
  notifications:
    'per-user in-app notifications: transient, and their links name the old chain id; reminders of an open campaign may be sent once more',
};

/**
 * Columns of the chain row that are operational state, not chain data: the data revision keys the
 * servers' answer caches (http/answer-cache.ts) and starts afresh for a restored chain.
 */
export const EXCLUDED_CHAIN_COLUMNS: ReadonlySet<string> = new Set(['data_revision']);

/** Never chain data, whatever columns they hold. */
const NEVER_BACKED_UP = new Set<string>(['__drizzle_migrations', ...GLOBAL_TABLES, TENANT_ROOT]);

export interface ColumnInfo {
  name: string;
  nullable: boolean;
  /** PostgreSQL type name (`uuid`, `text`, `_uuid` for uuid[]…). */
  type: string;
  generated: boolean;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  /** Other backed-up tables this one points to (inserted before it). */
  dependsOn: string[];
  /** A foreign key to itself: its rows go in one statement, where PostgreSQL checks keys at the end. */
  selfReferencing: boolean;
  /** Columns holding a user id (mapped by e-mail on restore). */
  userColumns: ColumnInfo[];
}

export interface BackupCatalog {
  /** The backed-up tenant tables, parents before children. */
  tables: TableInfo[];
  /** The tenant root's columns (`chains`). */
  chainColumns: ColumnInfo[];
}

/**
 * A user id column: a foreign key to `users`, or by naming rule a uuid column called `user_id`,
 * `…_user_id` or `…_by` (most user references carry no foreign key, so that erasing a user keeps
 * the chain's history).
 */
export function isUserColumn(column: ColumnInfo, foreignKeyToUsers: boolean): boolean {
  if (foreignKeyToUsers) return true;
  if (column.type !== 'uuid') return false;
  return column.name === 'user_id' || column.name.endsWith('_user_id') || column.name.endsWith('_by');
}

/** Reads the backed-up tables from the live schema, in foreign-key dependency order. */
export async function readBackupCatalog(db: Db | Tx): Promise<BackupCatalog> {
  const columns = await queryRows<{
    table_name: string;
    column_name: string;
    is_nullable: string;
    udt_name: string;
    is_generated: string;
  }>(
    db,
    sql`select table_name, column_name, is_nullable, udt_name, is_generated
      from information_schema.columns
      where table_schema = 'public'
      order by table_name, ordinal_position`,
  );
  const constraints = await queryRows<{
    table: string;
    type: string;
    cols: string[];
    ref_table: string | null;
  }>(
    db,
    sql`select c.relname as table, con.contype as type,
      array(select a.attname::text from unnest(con.conkey) with ordinality k(n, o)
            join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.o) as cols,
      rc.relname as ref_table
    from pg_constraint con
    join pg_class c on c.oid = con.conrelid
    join pg_namespace ns on ns.oid = c.relnamespace
    left join pg_class rc on rc.oid = con.confrelid
    where ns.nspname = 'public' and con.contype in ('p', 'f')
    order by c.relname, con.conname`,
  );

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
  const backedUp = new Set(
    [...byTable.entries()]
      .filter(
        ([name, cols]) =>
          !NEVER_BACKED_UP.has(name) && !(name in EXCLUDED_TABLES) && cols.some((c) => c.name === 'chain_id'),
      )
      .map(([name]) => name),
  );

  const tables = new Map<string, TableInfo>();
  for (const name of backedUp) {
    tables.set(name, {
      name,
      columns: byTable.get(name) ?? [],
      primaryKey: [],
      dependsOn: [],
      selfReferencing: false,
      userColumns: [],
    });
  }
  const userFkColumns = new Set<string>();
  for (const con of constraints) {
    const table = tables.get(con.table);
    if (!table) continue;
    if (con.type === 'p') table.primaryKey = con.cols;
    else if (con.ref_table === con.table) table.selfReferencing = true;
    else if (con.ref_table && backedUp.has(con.ref_table) && !table.dependsOn.includes(con.ref_table))
      table.dependsOn.push(con.ref_table);
    else if (con.ref_table === 'users') for (const c of con.cols) userFkColumns.add(`${con.table}.${c}`);
  }
  for (const table of tables.values()) {
    table.userColumns = table.columns.filter((c) =>
      isUserColumn(c, userFkColumns.has(`${table.name}.${c.name}`)),
    );
  }
  return { tables: dependencyOrder(tables), chainColumns: byTable.get(TENANT_ROOT) ?? [] };
}

/** Parents before children (Kahn's algorithm, alphabetical among equals so backups read the same). */
function dependencyOrder(tables: Map<string, TableInfo>): TableInfo[] {
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const pending = [...tables.values()].sort((a, b) => a.name.localeCompare(b.name));
  while (pending.length > 0) {
    const index = pending.findIndex((t) => t.dependsOn.every((d) => placed.has(d)));
    if (index < 0) {
      // Two tables pointing at each other cannot be filled one after the other.
      throw new Error(`Foreign-key cycle between tables: ${pending.map((t) => t.name).join(', ')}`);
    }
    const [next] = pending.splice(index, 1);
    if (!next) break;
    ordered.push(next);
    placed.add(next.name);
  }
  return ordered;
}
