import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, MIGRATIONS_FOLDER, queryRows, type Tx } from '../../db/client';
import { badRequest, type FieldError } from '../../http/errors';
import { newId } from '../../lib/ids';
import { recordAudit } from '../audit/audit.service';
import { type ChainRow, getChain } from '../chains/chains.repository';
import { REPORT_SLUG_LOCK } from '../reports/reports.routes';
import { type ColumnInfo, EXCLUDED_CHAIN_COLUMNS, readBackupCatalog, type TableInfo } from './backup.catalog';

export const BACKUP_FORMAT = 'tisserand-backup';
/** Bumped when a backup could no longer be read by an older Tisserand (docs/backup.md). */
export const BACKUP_FORMAT_VERSION = 1;

/** Rows per INSERT: keeps each statement's JSON parameter a few megabytes at most. */
const CHUNK_ROWS = 1000;
/** The lock the reports module takes to check slugs: slugs are unique in the whole instance. */
const SLUG_MAX = 80;

type Row = Record<string, unknown>;

const BackupRow = z.record(z.string(), z.unknown());
export const BackupUser = z.strictObject({ id: z.uuid(), email: z.string(), name: z.string() });

/** A whole-chain backup (`exports/backup.json`). */
export const BackupDocument = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1).max(BACKUP_FORMAT_VERSION),
  /** The newest migration of the instance that wrote it. */
  schema: z.string(),
  exportedAt: z.string(),
  /** The chain's row, snake_case columns. */
  chain: BackupRow,
  /** Every user the rows refer to, matched by e-mail on restore. */
  users: z.array(BackupUser),
  /** Every row of every backed-up table, as `row_to_json` writes it, without `chain_id`. */
  tables: z.record(z.string(), z.array(BackupRow)),
});
export type BackupDocument = z.infer<typeof BackupDocument>;

let schemaTag: string | undefined;
/** The newest migration's tag: the schema this instance runs (migrations apply at start). */
export function currentSchemaTag(): string {
  if (schemaTag === undefined) {
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    schemaTag = journal.entries.at(-1)?.tag ?? 'none';
  }
  return schemaTag;
}

/** A 400 for a backup from a newer Tisserand, or undefined when this instance can read its version. */
export function newerFormatError(input: unknown) {
  const version = (input as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version !== 'number' || version <= BACKUP_FORMAT_VERSION) return undefined;
  return badRequest(
    `This backup has format version ${version}, written by a newer Tisserand; this instance reads up to version ${BACKUP_FORMAT_VERSION}. Upgrade Tisserand, then restore.`,
    [{ path: 'body.formatVersion', message: `at most ${BACKUP_FORMAT_VERSION}` }],
  );
}

/** Checks that a parsed JSON value is a backup this instance can read (the CLI's entry; HTTP validates by schema). */
export function parseBackup(input: unknown): BackupDocument {
  const newer = newerFormatError(input);
  if (newer) throw newer;
  const parsed = BackupDocument.safeParse(input);
  if (parsed.success) return parsed.data;
  throw badRequest(
    'This is not a Tisserand backup.',
    parsed.error.issues.slice(0, 20).map((issue) => ({
      path: ['body', ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
}

const ident = (name: string) => sql.identifier(name);
const columnList = (names: string[], prefix?: string): SQL =>
  sql.join(
    names.map((n) => (prefix ? sql`${ident(prefix)}.${ident(n)}` : ident(n))),
    sql`, `,
  );

/**
 * The whole chain as a backup document, read in one snapshot; undefined when no such chain.
 * Generic over the live schema: every table with a `chain_id` except EXCLUDED_TABLES.
 */
export async function createBackup(db: Db, chainId: string): Promise<BackupDocument | undefined> {
  return db.transaction(
    async (tx) => {
      const chain = (
        await queryRows<{ row: Row }>(
          tx,
          sql`select row_to_json(c) as row from chains c where c.id = ${chainId}`,
        )
      )[0]?.row;
      if (!chain) return undefined;
      for (const column of EXCLUDED_CHAIN_COLUMNS) delete chain[column];
      const catalog = await readBackupCatalog(tx);
      const tables: Record<string, Row[]> = {};
      const userIds = new Set<string>();
      for (const table of catalog.tables) {
        const order = table.primaryKey.length > 0 ? table.primaryKey : table.columns.map((c) => c.name);
        const rows = await queryRows<{ row: Row }>(
          tx,
          sql`select row_to_json(t) as row from ${ident(table.name)} t
            where t.chain_id = ${chainId} order by ${columnList(order, 't')}`,
        );
        tables[table.name] = rows.map(({ row }) => {
          // The chain's id is in `chain`; every row belongs to it.
          const { chain_id: _chainId, ...rest } = row;
          for (const c of table.userColumns) {
            const value = rest[c.name];
            if (typeof value === 'string') userIds.add(value);
          }
          return rest;
        });
      }
      const users = await queryRows<{ id: string; email: string; name: string }>(
        tx,
        sql`select id, email, name from users
          where id in (select json_array_elements_text(${JSON.stringify([...userIds])}::json)::uuid)
          order by email`,
      );
      return {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        schema: currentSchemaTag(),
        exportedAt: new Date().toISOString(),
        chain,
        users,
        tables,
      } satisfies BackupDocument;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

export interface RestoreResult {
  chain: ChainRow;
  /** The chain id in the backup. */
  fromChainId: string | null;
  /** Members whose e-mail has no account on this instance: not restored. */
  skippedMembers: { email: string; name: string; role: string }[];
  /** Rows of other tables left out because a required user reference had no account here. */
  skippedRows: Record<string, number>;
  /** Optional user references (author, signer…) set to null: their user has no account here. */
  clearedUserReferences: number;
  /** Report slugs already taken by another chain, and the ones given instead. */
  renamedReports: { from: string; to: string }[];
}

/**
 * Restores a backup as a NEW chain, in one transaction (all or nothing). Entity ids are kept:
 * every tenant key starts with `chain_id`. Users are matched by e-mail (docs/backup.md).
 */
export async function restoreBackup(
  db: Db,
  doc: BackupDocument,
  options: { userId: string | null },
): Promise<RestoreResult> {
  const newer = newerFormatError(doc);
  if (newer) throw newer;
  return db.transaction(async (tx) => {
    const catalog = await readBackupCatalog(tx);
    const byName = new Map(catalog.tables.map((t) => [t.name, t]));
    const plan = new Map<string, string[]>();
    for (const [name, rows] of Object.entries(doc.tables)) {
      const table = byName.get(name);
      if (!table) {
        throw badRequest(
          `The backup holds table "${name}", which this instance does not restore (backup schema ${doc.schema}, this instance ${currentSchemaTag()}). Nothing was restored: upgrade Tisserand first rather than lose data.`,
          [{ path: `body.tables.${name}`, message: 'unknown table' }],
        );
      }
      plan.set(name, checkColumns(doc, `tables.${name}`, table.columns, rows));
    }
    const chainColumns = checkColumns(doc, 'chain', catalog.chainColumns, [doc.chain]).filter(
      (c) => c !== 'id' && !EXCLUDED_CHAIN_COLUMNS.has(c),
    );

    const userMap = await mapUsers(tx, doc.users);
    const emails = new Map(doc.users.map((u) => [u.id, u]));
    const result: Omit<RestoreResult, 'chain'> = {
      fromChainId: typeof doc.chain.id === 'string' ? doc.chain.id : null,
      skippedMembers: [],
      skippedRows: {},
      clearedUserReferences: 0,
      renamedReports: [],
    };

    const chainId = newId();
    const chainValues = sql.join([sql`${chainId}::uuid`, ...chainColumns.map(ident)], sql`, `);
    await guarded('chains', () =>
      tx.execute(
        sql`insert into chains (${columnList(['id', ...chainColumns])})
          select ${chainValues} from json_populate_record(null::chains, ${JSON.stringify(doc.chain)}::json)`,
      ),
    );

    for (const table of catalog.tables) {
      const columns = plan.get(table.name);
      const source = doc.tables[table.name];
      if (!columns || !source || source.length === 0) continue;
      const rows: Row[] = [];
      for (const row of source) {
        const mapped = mapUserColumns(row, table.userColumns, userMap);
        if (mapped === 'skip') {
          if (table.name === 'members') {
            const user = emails.get(String(row.user_id));
            result.skippedMembers.push({
              email: user?.email ?? String(row.user_id),
              name: user?.name ?? '',
              role: String(row.role),
            });
          } else {
            result.skippedRows[table.name] = (result.skippedRows[table.name] ?? 0) + 1;
          }
          continue;
        }
        result.clearedUserReferences += mapped.cleared;
        rows.push(mapped.row);
      }
      if (table.name === 'reports') result.renamedReports = await freeReportSlugs(tx, rows);
      await insertRows(tx, table, chainId, columns, rows);
    }

    await recordAudit(tx, {
      chainId,
      userId: options.userId,
      action: 'create',
      entityType: 'chain',
      entityId: chainId,
      before: null,
      after: {
        restoredFrom: result.fromChainId,
        backupExportedAt: doc.exportedAt,
        backupSchema: doc.schema,
        skippedMembers: result.skippedMembers.map((m) => m.email),
      },
    });
    const chain = await getChain(tx, chainId);
    if (!chain) throw new Error('restored chain vanished');
    return { chain, ...result };
  });
}

/**
 * The columns the backup gives for a table. A column unknown here means the backup comes from a
 * newer schema: refused rather than dropped. Generated columns are computed again, not written.
 */
function checkColumns(doc: BackupDocument, path: string, live: ColumnInfo[], rows: Row[]): string[] {
  const known = new Map(live.map((c) => [c.name, c]));
  const present = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) present.add(key);
  const unknown = [...present].filter((k) => !known.has(k));
  if (unknown.length > 0) {
    throw badRequest(
      `The backup's ${path} has columns this instance does not know (backup schema ${doc.schema}, this instance ${currentSchemaTag()}). Nothing was restored: upgrade Tisserand first rather than lose data.`,
      unknown.map((k): FieldError => ({ path: `body.${path}`, message: `unknown column ${k}` })),
    );
  }
  // Columns missing from an older backup are left out of the INSERT and take their defaults.
  return live.filter((c) => present.has(c.name) && c.name !== 'chain_id' && !c.generated).map((c) => c.name);
}

/** Backup user id → this instance's user id with the same e-mail. */
async function mapUsers(tx: Tx, users: BackupDocument['users']): Promise<Map<string, string>> {
  const here = await queryRows<{ id: string; email: string }>(
    tx,
    sql`select id, lower(email) as email from users
      where lower(email) in (select lower(json_array_elements_text(${JSON.stringify(users.map((u) => u.email))}::json)))`,
  );
  const byEmail = new Map(here.map((u) => [u.email, u.id]));
  const map = new Map<string, string>();
  for (const u of users) {
    const id = byEmail.get(u.email.toLowerCase());
    if (id) map.set(u.id, id);
  }
  return map;
}

/** Maps a row's user ids; an unknown user becomes null when the column allows it, else the row is skipped. */
function mapUserColumns(
  row: Row,
  userColumns: ColumnInfo[],
  userMap: Map<string, string>,
): { row: Row; cleared: number } | 'skip' {
  if (userColumns.length === 0) return { row, cleared: 0 };
  const out: Row = { ...row };
  let cleared = 0;
  for (const c of userColumns) {
    const value = out[c.name];
    if (value === null || value === undefined) continue;
    const mapped = typeof value === 'string' ? userMap.get(value) : undefined;
    if (mapped) {
      out[c.name] = mapped;
    } else if (c.nullable) {
      out[c.name] = null;
      cleared += 1;
    } else {
      return 'skip';
    }
  }
  return { row: out, cleared };
}

/** Gives a new slug (`slug-2`, `slug-3`…) to each report whose slug another chain already uses. */
async function freeReportSlugs(tx: Tx, rows: Row[]): Promise<{ from: string; to: string }[]> {
  if (rows.length === 0) return [];
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${REPORT_SLUG_LOCK}))`);
  const own = new Set(rows.map((r) => String(r.slug)));
  const takenElsewhere = async (slug: string) =>
    (await queryRows(tx, sql`select 1 from reports where slug = ${slug} limit 1`)).length > 0;
  const renamed: { from: string; to: string }[] = [];
  for (const row of rows) {
    const slug = String(row.slug);
    if (!(await takenElsewhere(slug))) continue;
    for (let n = 2; ; n++) {
      const suffix = `-${n}`;
      const candidate = `${slug.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
      if (own.has(candidate) || (await takenElsewhere(candidate))) continue;
      own.add(candidate);
      row.slug = candidate;
      renamed.push({ from: slug, to: candidate });
      break;
    }
  }
  return renamed;
}

/** Inserts rows under the new chain id; PostgreSQL converts every JSON value to its column type. */
async function insertRows(tx: Tx, table: TableInfo, chainId: string, columns: string[], rows: Row[]) {
  if (rows.length === 0) return;
  if (columns.length === 0) {
    throw badRequest(`The backup's rows of ${table.name} hold no column.`, [
      { path: `body.tables.${table.name}`, message: 'rows without columns' },
    ]);
  }
  // A self-referencing table goes in one statement: its keys are checked once every row is in.
  const size = table.selfReferencing ? rows.length : CHUNK_ROWS;
  const list = columnList(columns);
  for (let i = 0; i < rows.length; i += size) {
    const chunk = JSON.stringify(rows.slice(i, i + size));
    await guarded(table.name, () =>
      tx.execute(
        sql`insert into ${ident(table.name)} (chain_id, ${list})
          select ${chainId}::uuid, ${list} from json_populate_recordset(null::${ident(table.name)}, ${chunk}::json)`,
      ),
    );
  }
}

/** Turns a data error of PostgreSQL (bad value, missing reference, duplicate) into a 400 naming the table. */
async function guarded<T>(table: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const pg = databaseError(err);
    if (pg && (pg.code.startsWith('22') || pg.code.startsWith('23'))) {
      throw badRequest(
        `The backup cannot be restored: ${table}: ${pg.message}${pg.detail ? ` (${pg.detail})` : ''}. Nothing was restored.`,
        [{ path: table === 'chains' ? 'body.chain' : `body.tables.${table}`, message: pg.message }],
      );
    }
    throw err;
  }
}

function databaseError(error: unknown): { code: string; message: string; detail?: string } | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const { code, message, detail } = e as { code?: unknown; message?: unknown; detail?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code))
      return {
        code,
        message: typeof message === 'string' ? message : code,
        ...(typeof detail === 'string' ? { detail } : {}),
      };
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
