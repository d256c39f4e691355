import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index';

export type Schema = typeof schema;
/** The Drizzle database, whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A Drizzle transaction (same query surface as `Db`). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Where the data lives, for the start-up log (password masked). */
  location: string;
  /** The embedded engine and its data directory (PGlite only): scheduled data-directory backups use it. */
  embedded?: { client: PGlite; dataDir: string | undefined };
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, the embedded PGlite database. */
  url?: string | undefined;
  /** PGlite data directory; `undefined` with `memory: true` keeps everything in memory (tests). */
  dataDir?: string | undefined;
  memory?: boolean;
  poolSize?: number;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** A start-up error with a message meant for the person running Tisserand. */
export class DatabaseStartError extends Error {
  override name = 'DatabaseStartError';
}

/** Opens the database the configuration names: PostgreSQL when `url` is set, never a fall-back. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
  if (options.memory) return openPglite(undefined);
  return openPglite(resolve(options.dataDir ?? './data'));
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  let location: string;
  try {
    const u = new URL(url);
    if (!['postgres:', 'postgresql:'].includes(u.protocol)) throw new Error('protocol');
    if (u.password) u.password = '***';
    location = u.toString();
  } catch {
    throw new DatabaseStartError(
      'DATABASE_URL is not a PostgreSQL connection string (expected postgres://user:password@host:5432/database).',
    );
  }
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    throw new DatabaseStartError(
      `Cannot connect to the PostgreSQL database named by DATABASE_URL (${location}): ${(err as Error).message}. ` +
        'Tisserand does not fall back to the embedded database; fix DATABASE_URL or unset it.',
    );
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    location,
    migrate: () => migratePg(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  let releaseLock = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    releaseLock = acquireLock(dataDir);
  }
  let client: PGlite;
  try {
    // Durability: with a data directory PGlite writes through Node's `fs.writeSync` (the `nodefs`
    // file system), so a commit's WAL is in the operating system before the query answers and
    // survives the process being killed. `relaxedDurability: false` (the default, kept explicit)
    // makes PGlite wait for its file system sync before answering; never turn it on.
    client = new PGlite(dataDir, { relaxedDurability: false });
    await client.waitReady;
  } catch (err) {
    releaseLock();
    throw new DatabaseStartError(
      `Cannot open the embedded database in ${dataDir}: ${(err as Error).message}`,
    );
  }
  // PGlite has a single connection and runs every query under its own transaction mutex, so
  // concurrent requests queue behind an open transaction instead of interleaving with it.
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    location: dataDir ?? 'memory',
    embedded: { client, dataDir },
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

export const LOCK_FILE = 'tisserand.lock';
/** Lock files this process holds (a second open in the same process is refused too). */
const heldLocks = new Set<string>();

/** Locks a PGlite data directory for this process; a second process is refused with a clear message. */
export function acquireLock(dataDir: string): () => void {
  const path = resolve(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      heldLocks.add(path);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        heldLocks.delete(path);
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder, heldLocks.has(path))) {
        throw new DatabaseStartError(
          `The embedded database in ${dataDir} is already in use by another Tisserand process (pid ${holder}). ` +
            'PGlite serves one process only: stop the other process, give this one another DATA_DIR, ' +
            'or use PostgreSQL (DATABASE_URL) to run several servers.',
        );
      }
      // A stale lock left by a killed or crashed process: take it over. (PostgreSQL's own
      // `postmaster.pid` inside the directory is PGlite's business: it starts over it.)
      if (existsSync(path)) unlinkSync(path);
    }
  }
  throw new DatabaseStartError(`Cannot lock the data directory ${dataDir}.`);
}

/**
 * Whether the process holding a lock still runs. Our own pid counts only when this process holds
 * the lock: after a restart (a container's process often gets the same pid again) a lock naming
 * our pid was left by the previous, dead incarnation.
 */
function isAlive(pid: number, heldHere: boolean): boolean {
  if (pid === process.pid) return heldHere;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs raw SQL and answers its rows (both drivers answer `{ rows }`). */
export async function queryRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
