import { sql } from 'drizzle-orm';
import { type Db, queryRows } from './client';
import { GLOBAL_TABLES, TENANT_ROOT } from './schema/index';

export interface SchemaShape {
  tables: { name: string; columns: string[]; primaryKey: string[] }[];
  foreignKeys: { table: string; columns: string[]; refTable: string; refColumns: string[] }[];
}

/** Reads tables, primary keys and foreign keys of the public schema from the live database. */
export async function readSchemaShape(db: Db): Promise<SchemaShape> {
  const cols = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' order by table_name, ordinal_position`,
  );
  const cons = await queryRows<{
    table: string;
    type: string;
    cols: string[];
    ref_table: string | null;
    ref_cols: string[] | null;
  }>(
    db,
    sql`
    select c.relname as table, con.contype as type,
      array(select a.attname::text from unnest(con.conkey) with ordinality k(n, o)
            join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.o) as cols,
      rc.relname as ref_table,
      case when con.contype = 'f' then array(select a.attname::text from unnest(con.confkey) with ordinality k(n, o)
            join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.o) end as ref_cols
    from pg_constraint con
    join pg_class c on c.oid = con.conrelid
    join pg_namespace ns on ns.oid = c.relnamespace
    left join pg_class rc on rc.oid = con.confrelid
    where ns.nspname = 'public' and con.contype in ('p', 'f')`,
  );
  const tables = new Map<string, { name: string; columns: string[]; primaryKey: string[] }>();
  for (const r of cols) {
    const t = tables.get(r.table_name) ?? { name: r.table_name, columns: [], primaryKey: [] };
    t.columns.push(r.column_name);
    tables.set(r.table_name, t);
  }
  const foreignKeys: SchemaShape['foreignKeys'] = [];
  for (const c of cons) {
    if (c.type === 'p') {
      const t = tables.get(c.table);
      if (t) t.primaryKey = c.cols;
    } else if (c.ref_table && c.ref_cols) {
      foreignKeys.push({ table: c.table, columns: c.cols, refTable: c.ref_table, refColumns: c.ref_cols });
    }
  }
  return { tables: [...tables.values()], foreignKeys };
}

/**
 * The Citus rules of QUALITY.md: every tenant table carries `chain_id` leading its primary key,
 * every foreign key between tenant tables includes `chain_id` on both sides, and no global table
 * points into tenant data. Answers the violations in plain words (empty when the schema is ready).
 */
export function tenancyViolations(shape: SchemaShape): string[] {
  const global = new Set<string>(GLOBAL_TABLES);
  const isTenant = (name: string) => !global.has(name) && name !== TENANT_ROOT;
  const problems: string[] = [];
  for (const t of shape.tables) {
    if (!isTenant(t.name)) continue;
    if (!t.columns.includes('chain_id')) problems.push(`${t.name} has no chain_id column`);
    if (t.primaryKey[0] !== 'chain_id')
      problems.push(`${t.name}'s primary key (${t.primaryKey.join(', ')}) does not lead with chain_id`);
  }
  for (const fk of shape.foreignKeys) {
    const from = `${fk.table}(${fk.columns.join(', ')}) → ${fk.refTable}(${fk.refColumns.join(', ')})`;
    if (global.has(fk.table) && (isTenant(fk.refTable) || fk.refTable === TENANT_ROOT)) {
      problems.push(`global table ${fk.table} references tenant data: ${from}`);
    }
    if (isTenant(fk.table) && isTenant(fk.refTable)) {
      const i = fk.columns.indexOf('chain_id');
      if (i < 0 || fk.refColumns[i] !== 'chain_id')
        problems.push(`foreign key without chain_id on both sides: ${from}`);
    }
  }
  return problems;
}
