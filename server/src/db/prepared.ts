import type { Db } from './client';

/**
 * Prepared statements of the hot read paths (authentication, chain context, list pages), built
 * once per database instead of on every request: Drizzle then skips building the SQL, and
 * PostgreSQL parses and plans each one once per connection (a named statement). Reads only, on
 * the database itself: a prepared statement never runs inside a caller's transaction.
 */
const byDatabase = new WeakMap<Db, Map<string, unknown>>();
const names = new Map<string, string>();

export function prepared<T>(db: Db, key: string, build: (db: Db, name: string) => T): T {
  let statements = byDatabase.get(db);
  if (!statements) {
    statements = new Map();
    byDatabase.set(db, statements);
  }
  let statement = statements.get(key) as T | undefined;
  if (statement === undefined) {
    // Statement names are per connection and at most 63 bytes: a short, stable name per key.
    let name = names.get(key);
    if (!name) {
      name = `tis_${names.size}`;
      names.set(key, name);
    }
    statement = build(db, name);
    statements.set(key, statement);
  }
  return statement;
}
