import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, buildUser, Client, createTestApp, type TestApp } from '../../../test/helpers';
import { type Db, queryRows } from '../../db/client';
import {
  contacts,
  GLOBAL_TABLES,
  gapDismissals,
  introductions,
  reports,
  successStories,
} from '../../db/schema/index';
import { DEMO_PASSWORD, DEMO_USERS, loadDemo } from '../../demo/demo';
import { newId } from '../../lib/ids';
import { EXCLUDED_TABLES } from './backup.catalog';

type Row = Record<string, unknown>;
interface Backup {
  format: string;
  formatVersion: number;
  schema: string;
  exportedAt: string;
  chain: Row;
  users: { id: string; email: string; name: string }[];
  tables: Record<string, Row[]>;
}

const [COORDINATOR, MILLER, BAKER, OBSERVER] = DEMO_USERS;

let source: TestApp;
let target: TestApp;
let chainId: string;
let coordinator: Client;
let backup: Backup;

/** Every table of the public schema, read here independently of the backup module. */
async function publicTables(db: Db) {
  const rows = await queryRows<{ table_name: string; has_chain: boolean }>(
    db,
    sql`select t.table_name, exists (select 1 from information_schema.columns c
          where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'chain_id') as has_chain
        from information_schema.tables t
        where t.table_schema = 'public' and t.table_type = 'BASE TABLE' order by t.table_name`,
  );
  return rows;
}

/** The rows of a chain in a table as JSON, without chain_id, in a stable order. */
async function chainRows(db: Db, table: string, id: string): Promise<Row[]> {
  const rows = await queryRows<{ row: Row }>(
    db,
    sql`select row_to_json(t) as row from ${sql.identifier(table)} t where t.chain_id = ${id}`,
  );
  return sortRows(
    rows.map(({ row }) => {
      const { chain_id: _, ...rest } = row;
      return rest;
    }),
  );
}

const sortRows = (rows: Row[]) =>
  [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

async function chainRow(db: Db, id: string) {
  const rows = await queryRows<{ row: Row }>(
    db,
    sql`select row_to_json(c) as row from chains c where c.id = ${id}`,
  );
  // The data revision is the answer caches' counter, not chain data: it is not backed up.
  const { id: _, data_revision: revision, ...rest } = rows[0]?.row ?? {};
  expect(typeof revision).toBe('number');
  return rest;
}

/** Rows the demo leaves empty, written straight to the database so that every table is exercised. */
async function fillEmptyTables(t: TestApp, id: string) {
  const db = t.database.db;
  const [a, b] = await queryRows<{ id: string }>(
    db,
    sql`select id from actors where chain_id = ${id} order by id limit 2`,
  );
  const users = await queryRows<{ id: string; email: string }>(db, sql`select id, email from users`);
  const userId = (email: string) => users.find((u) => u.email === email)?.id ?? null;
  await db.insert(gapDismissals).values({
    chainId: id,
    id: newId(),
    key: 'test:backup',
    reason: 'Covered by the neighbouring valley',
    dismissedBy: userId(MILLER.email),
  });
  // Written by the observer, who has no account on the target: the reference comes back empty.
  await db.insert(successStories).values({
    chainId: id,
    id: newId(),
    title: 'Le pain des cantines',
    story: 'Trois cantines servent du pain de la vallée.',
    actorIds: a && b ? [a.id, b.id] : [],
    date: '2026-06-30',
    createdBy: userId(OBSERVER.email),
  });
  if (a)
    await db.insert(contacts).values({
      chainId: id,
      id: newId(),
      actorId: a.id,
      name: 'Lucie Martin',
      role: 'meunière',
      email: 'lucie@example.org',
      phone: '+33 4 75 00 00 00',
    });
  if (a && b)
    await db.insert(introductions).values({
      chainId: id,
      id: newId(),
      fromActorId: a.id,
      toActorId: b.id,
      reason: 'Same flour, two mills',
      status: 'made',
    });
  await db.insert(reports).values({
    chainId: id,
    id: newId(),
    title: 'Bilan 2026',
    slug: 'bilan-sauvegarde',
    sections: [{ type: 'text', markdown: '# Bilan' }, { type: 'capitals' }],
    published: true,
    publishedAt: new Date('2026-07-01T08:00:00Z'),
  });
}

beforeAll(async () => {
  source = await createTestApp();
  target = await createTestApp();
  chainId = await loadDemo(source.database.db);
  await fillEmptyTables(source, chainId);
  coordinator = await Client.signIn(source.app, COORDINATOR.email, DEMO_PASSWORD);
  const res = await coordinator.get(`/chains/${chainId}/exports/backup.json`);
  expect(res.statusCode).toBe(200);
  backup = res.json();
}, 120_000);
afterAll(async () => {
  await source?.close();
  await target?.close();
});

describe('backup.json', () => {
  it('is a download holding the chain, its users and every tenant table of the live schema', async () => {
    const res = await coordinator.get(`/chains/${chainId}/exports/backup.json`);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="ble-paysan-du-val-de-drome-backup-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(backup).toMatchObject({ format: 'tisserand-backup', formatVersion: 1, chain: { id: chainId } });
    expect(backup.schema).toMatch(/^\d{4}_/);
    expect(new Date(backup.exportedAt).toISOString()).toBe(backup.exportedAt);
    expect(backup.users.map((u) => u.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());

    // Every table is global, the tenant root, backed up or excluded on purpose: nothing falls through.
    const tables = await publicTables(source.database.db);
    const accounted = new Set<string>([...GLOBAL_TABLES, 'chains', ...Object.keys(EXCLUDED_TABLES)]);
    const missing = tables.filter((t) => !accounted.has(t.table_name) && !(t.table_name in backup.tables));
    expect(missing.map((t) => t.table_name)).toEqual([]);
    const tenant = tables
      .filter((t) => t.has_chain && !(t.table_name in EXCLUDED_TABLES))
      .map((t) => t.table_name);
    expect(Object.keys(backup.tables).sort()).toEqual(tenant.sort());
    // The round trip below compares real rows in every table (add fixture rows for a new table here).
    const empty = Object.entries(backup.tables).filter(([, rows]) => rows.length === 0);
    expect(empty.map(([name]) => name)).toEqual([]);
    for (const [name, rows] of Object.entries(backup.tables)) {
      expect(rows).toEqual(await chainRows(source.database.db, name, chainId));
    }
  });

  it('keeps entity ids valid in any chain: no tenant unique constraint or index leaves chain_id out', async () => {
    const loose = await queryRows<{ index: string }>(
      source.database.db,
      sql`select i.relname as index from pg_index x
        join pg_class i on i.oid = x.indexrelid
        join pg_class t on t.oid = x.indrelid
        join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = 'public' and x.indisunique
          and exists (select 1 from pg_attribute a where a.attrelid = t.oid and a.attname = 'chain_id')
          and not exists (select 1 from pg_attribute a where a.attrelid = t.oid and a.attname = 'chain_id'
                          and a.attnum = any(x.indkey))`,
    );
    expect(loose).toEqual([]);
  });
});

describe('restore', () => {
  it('rebuilds the chain in an empty instance: every table equal, users matched by e-mail', async () => {
    const admin = await buildUser(target.database, { isAdmin: true });
    const here = new Map<string, string>();
    for (const u of [COORDINATOR, MILLER, BAKER]) {
      const created = await buildUser(target.database, { email: u.email, name: u.name });
      here.set(u.email, created.id);
    }
    expect(backup.chain).not.toHaveProperty('data_revision');
    const client = await Client.signIn(target.app, admin.email);
    const res = await client.post('/chains/restore', backup);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      name: backup.chain.name,
      region: backup.chain.region,
      myRole: 'coordinator',
      restore: {
        fromChainId: chainId,
        skippedMembers: [{ email: OBSERVER.email, name: OBSERVER.name, role: 'observer' }],
        renamedReports: [],
      },
    });
    expect(body.id).not.toBe(chainId);
    expect(body.restore.clearedUserReferences).toBeGreaterThan(0);
    expect(await chainRow(target.database.db, body.id)).toEqual(await chainRow(source.database.db, chainId));

    // Expected rows: the source's, each user id replaced by the account with the same e-mail here
    // (none: null), members without an account left out. Compared in every table of the target's schema.
    const emailOf = new Map(backup.users.map((u) => [u.id, u.email]));
    const mapUsers = (row: Row): Row =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => {
          const email = typeof v === 'string' ? emailOf.get(v) : undefined;
          return [k, email === undefined ? v : (here.get(email) ?? null)];
        }),
      );
    const tables = (await publicTables(target.database.db)).filter(
      (t) => t.has_chain && !(t.table_name in EXCLUDED_TABLES),
    );
    expect(tables.length).toBe(Object.keys(backup.tables).length);
    for (const { table_name: table } of tables) {
      let expected = (await chainRows(source.database.db, table, chainId)).map(mapUsers);
      if (table === 'members') expected = expected.filter((m) => m.user_id !== null);
      let actual = await chainRows(target.database.db, table, body.id);
      if (table === 'audit_log') {
        // One more entry: the restore itself, on the new chain.
        const restoreEntry = actual.filter((r) => r.entity_id === body.id);
        expect(restoreEntry).toHaveLength(1);
        expect(restoreEntry[0]).toMatchObject({
          user_id: admin.id,
          action: 'create',
          entity_type: 'chain',
          changes: { restoredFrom: { before: null, after: chainId } },
        });
        actual = actual.filter((r) => r.entity_id !== body.id);
      }
      expect({ table, rows: actual }).toEqual({ table, rows: sortRows(expected) });
    }

    // The miller signs in with its account on this instance and finds its chain, as partner.
    const miller = await Client.signIn(target.app, MILLER.email);
    const chains = (await miller.get('/chains')).json().items;
    expect(chains).toEqual([expect.objectContaining({ id: body.id, myRole: 'partner' })]);
  });

  it('restores into the same instance beside the original, giving taken report slugs a suffix', async () => {
    const slugs = (backup.tables.reports ?? []).map((r) => String(r.slug));
    const first = await coordinator.post('/chains/restore', backup);
    expect(first.statusCode).toBe(201);
    expect(first.json().restore).toMatchObject({
      skippedMembers: [],
      clearedUserReferences: 0,
      renamedReports: slugs.map((slug) => ({ from: slug, to: `${slug}-2` })),
    });
    const second = await coordinator.post('/chains/restore', backup);
    expect(second.json().restore.renamedReports).toEqual(
      slugs.map((slug) => ({ from: slug, to: `${slug}-3` })),
    );

    const ids = (await coordinator.get('/chains')).json().items.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining([chainId, first.json().id, second.json().id]));
    for (const table of Object.keys(backup.tables)) {
      const original = await chainRows(source.database.db, table, chainId);
      const copy = await chainRows(source.database.db, table, first.json().id);
      if (table === 'audit_log') expect(copy.length).toBe(original.length + 1);
      else if (table === 'reports')
        expect(sortRows(copy.map((r) => ({ ...r, slug: String(r.slug).replace(/-2$/, '') })))).toEqual(
          original,
        );
      else expect({ table, rows: copy }).toEqual({ table, rows: original });
    }
    // The original is untouched and the copies are independent: a change in one stays there.
    const actor = (await coordinator.get(`/chains/${first.json().id}/actors?limit=1`)).json().items[0];
    const patched = await coordinator.patch(
      `/chains/${first.json().id}/actors/${actor.id}`,
      { name: 'Renamed in the copy' },
      actor.version,
    );
    expect(patched.statusCode).toBe(200);
    const original = await coordinator.get(`/chains/${chainId}/actors/${actor.id}`);
    expect(original.json().name).toBe(actor.name);
  });

  it('lets an older backup fill the columns it lacks with their defaults, whatever the row order', async () => {
    const older = structuredClone(backup);
    // Ratio indicators point at their numerator and denominator: children first must work too.
    for (const rows of Object.values(older.tables)) rows.reverse();
    const actors = older.tables.actors ?? [];
    for (const row of actors) {
      delete row.tags;
      delete row.in_region;
    }
    const res = await coordinator.post('/chains/restore', older);
    expect(res.statusCode).toBe(201);
    const rows = await chainRows(source.database.db, 'actors', res.json().id);
    expect(rows.length).toBe(actors.length);
    expect(rows.every((r) => Array.isArray(r.tags) && r.tags.length === 0 && r.in_region === true)).toBe(
      true,
    );
  });

  it('refuses what it cannot restore faithfully, and then restores nothing', async () => {
    const admin = await buildUser(target.database, { isAdmin: true });
    const client = await Client.signIn(target.app, admin.email);
    const count = async () =>
      (
        await queryRows<{ chains: number; actors: number; audit: number }>(
          target.database.db,
          sql`select (select count(*) from chains)::int as chains, (select count(*) from actors)::int as actors,
            (select count(*) from audit_log)::int as audit`,
        )
      )[0];
    const before = await count();

    const newer = await client.post('/chains/restore', { ...backup, formatVersion: 2, somethingNew: [] });
    expect(newer.statusCode).toBe(400);
    expect(newer.headers['content-type']).toContain('application/problem+json');
    expect(newer.json().detail).toContain('newer Tisserand');

    const garbage = await client.post('/chains/restore', { hello: 'world' });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.headers['content-type']).toContain('application/problem+json');
    expect(garbage.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.format', 'body.tables']),
    );
    const notJson = await client.request('POST', '/chains/restore', '{"format": "tisserand-b', {
      'content-type': 'application/json',
    });
    expect(notJson.statusCode).toBe(400);

    const unknownTable = await client.post('/chains/restore', {
      ...backup,
      tables: { ...backup.tables, harvest_forecasts: [{ id: newId() }] },
    });
    expect(unknownTable.statusCode).toBe(400);
    expect(unknownTable.json().errors).toEqual([
      { path: 'body.tables.harvest_forecasts', message: 'unknown table' },
    ]);

    const withColumn = structuredClone(backup);
    const firstActor = withColumn.tables.actors?.[0];
    if (firstActor) firstActor.soil_type = 'clay';
    const unknownColumn = await client.post('/chains/restore', withColumn);
    expect(unknownColumn.statusCode).toBe(400);
    expect(unknownColumn.json().errors).toEqual([
      { path: 'body.tables.actors', message: 'unknown column soil_type' },
    ]);

    // One flow from an actor that is not in the backup: the whole restore is refused.
    const corrupt = structuredClone(backup);
    const flow = corrupt.tables.flows?.at(-1);
    if (flow) flow.source_id = newId();
    const refused = await client.post('/chains/restore', corrupt);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toContain('flows');
    expect(refused.json().detail).toContain('Nothing was restored');

    expect(await count()).toEqual(before);
  });
});

// Last: it adds a member to the source chain, which the round trips above compare against.
describe('access', () => {
  it('is for coordinators: partners and observers get 403, outsiders 404, anonymous 401', async () => {
    const url = `/chains/${chainId}/exports/backup.json`;
    for (const u of [MILLER, OBSERVER]) {
      const client = await Client.signIn(source.app, u.email, DEMO_PASSWORD);
      expect((await client.get(url)).statusCode).toBe(403);
    }
    const outsider = await buildUser(source.database);
    expect((await (await Client.signIn(source.app, outsider.email)).get(url)).statusCode).toBe(404);
    expect((await Client.anonymous(source.app).get(url)).statusCode).toBe(401);
    const { client: second } = await addMember(source, coordinator, chainId, 'coordinator');
    expect((await second.get(url)).statusCode).toBe(200);
    // A coordinator who is not an instance admin may back up but not restore.
    const refused = await second.post('/chains/restore', backup);
    expect(refused.statusCode).toBe(403);
  });
});
