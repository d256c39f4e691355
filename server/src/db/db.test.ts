import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, TEST_DB } from '../../test/helpers';
import { type Database, DatabaseStartError, MIGRATIONS_FOLDER, openDatabase, queryRows } from './client';
import { GLOBAL_TABLES } from './schema/index';
import { readSchemaShape, tenancyViolations } from './tenancy';

describe('schema (Citus-ready tenancy)', () => {
  let database: Database & { drop(): Promise<void> };
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('has chain_id leading every tenant primary key and in every tenant foreign key', async () => {
    const shape = await readSchemaShape(database.db);
    expect(shape.tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['chains', 'members', 'actors', 'flows', 'audit_log']),
    );
    expect(tenancyViolations(shape)).toEqual([]);
  });

  it('is distributed table by table in docs/scaling.md, with no table left out', async () => {
    const shape = await readSchemaShape(database.db);
    const doc = readFileSync(new URL('../../../docs/scaling.md', import.meta.url), 'utf8');
    const reference = [...doc.matchAll(/create_reference_table\('(\w+)'\)/g)].map((m) => m[1]);
    const distributed = [...doc.matchAll(/create_distributed_table\('(\w+)',\s*'(\w+)'/g)].map((m) => [
      m[1],
      m[2],
    ]);
    const tables = shape.tables
      .map((t) => t.name)
      .filter((n) => n !== '__drizzle_migrations')
      .sort();
    expect([...reference, ...distributed.map(([t]) => t)].sort()).toEqual(tables);
    expect(reference.sort()).toEqual([...GLOBAL_TABLES].sort());
    for (const [table, column] of distributed)
      expect(column, table).toBe(table === 'chains' ? 'id' : 'chain_id');
  });

  it('gives every entity id, version, created_at and updated_at', async () => {
    const shape = await readSchemaShape(database.db);
    for (const name of ['users', 'chains', 'members', 'stages', 'actors', 'flows']) {
      const t = shape.tables.find((x) => x.name === name);
      expect(t?.columns, name).toEqual(expect.arrayContaining(['id', 'version', 'created_at', 'updated_at']));
    }
  });

  it('catches a table or a foreign key that breaks the rules', () => {
    const violations = tenancyViolations({
      tables: [
        { name: 'chains', columns: ['id'], primaryKey: ['id'] },
        { name: 'notes', columns: ['id', 'chain_id'], primaryKey: ['id'] },
        { name: 'tags', columns: ['id'], primaryKey: ['id'] },
        { name: 'actors', columns: ['chain_id', 'id'], primaryKey: ['chain_id', 'id'] },
      ],
      foreignKeys: [
        { table: 'notes', columns: ['actor_id'], refTable: 'actors', refColumns: ['id'] },
        { table: 'users', columns: ['chain_id'], refTable: 'chains', refColumns: ['id'] },
      ],
    });
    expect(violations).toEqual([
      "notes's primary key (id) does not lead with chain_id",
      'tags has no chain_id column',
      "tags's primary key (id) does not lead with chain_id",
      'foreign key without chain_id on both sides: notes(actor_id) → actors(id)',
      'global table users references tenant data: users(chain_id) → chains(id)',
    ]);
  });

  it('runs the same migrations on this engine and answers queries', async () => {
    const rows = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'));
    expect(rows[0]?.n).toBe(journal.entries.length);
    expect(database.kind).toBe(TEST_DB);
  });
});

describe.runIf(TEST_DB === 'pglite')('embedded database lock', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tisserand-lock-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second opening of the same data directory with a clear message, then frees it on close', async () => {
    const first = await openDatabase({ dataDir: dir });
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(
      /already in use by another Tisserand process/,
    );
    await first.close();
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });

  it('refuses a directory locked by another live process and takes over a stale lock', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dir, 'tisserand.lock'), `${other.pid}\n`);
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(new RegExp(`pid ${other.pid}`));
    } finally {
      other.kill('SIGKILL');
      await new Promise((r) => other.once('exit', r));
    }
    // The holder is dead: its lock is stale and the directory opens.
    const db = await openDatabase({ dataDir: dir });
    await db.close();
  });
});

describe('DATABASE_URL', () => {
  it('stops with a clear message when it is not a PostgreSQL URL', async () => {
    await expect(openDatabase({ url: 'mysql://localhost/x' })).rejects.toBeInstanceOf(DatabaseStartError);
  });

  it('stops with a clear message, and no fall-back, when the server cannot be reached', async () => {
    const err = await openDatabase({ url: 'postgres://nobody:secret@127.0.0.1:1/nowhere' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DatabaseStartError);
    expect(String((err as Error).message)).toMatch(/does not fall back/);
    expect(String((err as Error).message)).not.toContain('secret');
  });
});
