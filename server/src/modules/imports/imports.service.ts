import { setImmediate as yieldToOthers } from 'node:timers/promises';
import {
  ActorCreate,
  ActorUpdate,
  FlowCreate,
  FlowUpdate,
  type ImportError,
  type ImportJob,
  type ImportKind,
  IntentCreate,
  IntentUpdate,
  ObservationInput,
} from '@tisserand/core';
import { normalizeResource } from '@tisserand/core/text/normalize';
import { and, eq, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { actorStages, actors, flows, imports, indicators, intents, stages } from '../../db/schema/index';
import type { ChainContext } from '../../http/context';
import { HttpError } from '../../http/errors';
import { newId } from '../../lib/ids';
import { type AuditInput, recordAuditMany } from '../audit/audit.service';
import { flowProblems } from '../flows/flows.routes';
import { upsertObservations } from '../observations/observations.service';
import type { Cell, ParsedTable } from './parse';

type FieldKind = 'string' | 'number' | 'boolean' | 'list' | 'date' | 'ref';
type Fields = Record<string, FieldKind>;

/** The columns each kind of file may have: the API's field names, plus names for references. */
export const COLUMNS: Record<ImportKind, Fields> = {
  actors: {
    name: 'string',
    kind: 'string',
    role: 'string',
    stages: 'list',
    stageIds: 'list',
    status: 'string',
    selfInterest: 'string',
    description: 'string',
    municipality: 'string',
    postalCode: 'string',
    lat: 'number',
    lon: 'number',
    inRegion: 'boolean',
    localOwnershipPct: 'number',
    lowIncomeFocus: 'boolean',
    employees: 'number',
    tags: 'list',
  },
  flows: {
    source: 'ref',
    sourceId: 'ref',
    target: 'ref',
    targetId: 'ref',
    type: 'string',
    supportKind: 'string',
    product: 'string',
    quantity: 'number',
    unit: 'string',
    value: 'number',
    status: 'string',
    since: 'date',
    until: 'date',
    description: 'string',
  },
  observations: {
    indicator: 'ref',
    indicatorId: 'ref',
    actor: 'ref',
    actorId: 'ref',
    period: 'string',
    value: 'string',
    note: 'string',
    status: 'string',
  },
  intents: {
    actor: 'ref',
    actorId: 'ref',
    direction: 'string',
    resource: 'string',
    quantity: 'number',
    unit: 'string',
    period: 'string',
    note: 'string',
  },
};
/** Columns that name the same field: `stages` or `stageIds`, `source` or `sourceId`… */
const FIELD_OF: Record<string, string> = {
  stages: 'stageIds',
  source: 'sourceId',
  target: 'targetId',
  actor: 'actorId',
  indicator: 'indicatorId',
};

const PROGRESS_EVERY = 500;
const BATCH = 500;
/** An import whose heartbeat is older than this was cut short by a stopped server. */
export const STALE_AFTER_MS = 2 * 60 * 1000;

const TRUE = new Set(['true', 'vrai', 'oui', 'yes', '1', 'x']);
const FALSE = new Set(['false', 'faux', 'non', 'no', '0']);

function convert(cell: Cell, kind: FieldKind): { value?: unknown; error?: string } {
  if (cell === null) return {};
  const text = String(cell).trim();
  if (text === '') return {};
  switch (kind) {
    case 'number': {
      if (typeof cell === 'number') return { value: cell };
      const n = Number(text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
      return Number.isFinite(n) ? { value: n } : { error: 'not a number' };
    }
    case 'boolean': {
      if (typeof cell === 'boolean') return { value: cell };
      const b = text.toLowerCase();
      if (TRUE.has(b)) return { value: true };
      if (FALSE.has(b)) return { value: false };
      return { error: 'expected yes/no (oui/non, true/false, 1/0)' };
    }
    case 'list':
      return {
        value: text
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean),
      };
    case 'date': {
      const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
      if (fr)
        return { value: `${fr[3]}-${(fr[2] ?? '').padStart(2, '0')}-${(fr[1] ?? '').padStart(2, '0')}` };
      return { value: text.slice(0, 10) };
    }
    default:
      return { value: text };
  }
}

interface Prepared {
  line: number;
  /** The natural key (normalised name, flow or intent key) that matched `existingId`. */
  key: string;
  /** The entity this row updates (matched by name or natural key), or null for a new one. */
  existingId: string | null;
  values: Record<string, unknown>;
  stageIds?: string[];
}

/** Lookup of a chain's entities by id and by normalised name. */
function index<T extends { id: string }>(rows: T[], name: (r: T) => string) {
  const byKey = new Map<string, T>();
  for (const r of rows) {
    byKey.set(r.id, r);
    byKey.set(normalizeResource(name(r)), r);
  }
  return (ref: string) => byKey.get(ref) ?? byKey.get(normalizeResource(ref));
}

const flowKey = (f: {
  sourceId: unknown;
  targetId: unknown;
  type: unknown;
  product?: unknown;
  since?: unknown;
}) => [f.sourceId, f.targetId, f.type, normalizeResource(String(f.product ?? '')), f.since ?? ''].join('|');
const intentKey = (i: { actorId: unknown; direction: unknown; resource?: unknown; unit?: unknown }) =>
  [
    i.actorId,
    i.direction,
    normalizeResource(String(i.resource ?? '')),
    normalizeResource(String(i.unit ?? '')),
  ].join('|');

async function loadContext(db: Db | Tx, chainId: string, kind: EntityKind) {
  const [stageRows, actorRows] = await Promise.all([
    db.select({ id: stages.id, name: stages.name }).from(stages).where(eq(stages.chainId, chainId)),
    db.select({ id: actors.id, name: actors.name }).from(actors).where(eq(actors.chainId, chainId)),
  ]);
  const existing = new Map<string, string>();
  if (kind === 'flows') {
    const rows = await db.select().from(flows).where(eq(flows.chainId, chainId));
    for (const f of rows) existing.set(flowKey(f), f.id);
  } else if (kind === 'intents') {
    const rows = await db.select().from(intents).where(eq(intents.chainId, chainId));
    for (const i of rows) existing.set(intentKey(i), i.id);
  } else {
    for (const a of actorRows) existing.set(normalizeResource(a.name), a.id);
  }
  return { stage: index(stageRows, (s) => s.name), actor: index(actorRows, (a) => a.name), existing };
}

type EntityKind = Exclude<ImportKind, 'observations'>;
type Schemas = { create: z.ZodType; update: z.ZodType };
const SCHEMAS: Record<EntityKind, Schemas> = {
  actors: { create: ActorCreate, update: ActorUpdate },
  flows: { create: FlowCreate, update: FlowUpdate },
  intents: { create: IntentCreate, update: IntentUpdate },
};

/** Validates one row: typed values, references resolved, the API's rules; answers its problems. */
function prepareRow(
  kind: EntityKind,
  line: number,
  cells: Record<string, Cell>,
  ctx: Awaited<ReturnType<typeof loadContext>>,
  seen: Map<string, number>,
): { prepared?: Prepared; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const columns = COLUMNS[kind];
  const body: Record<string, unknown> = {};
  const columnOf: Record<string, string> = {};
  for (const [column, fieldKind] of Object.entries(columns)) {
    if (!(column in cells)) continue;
    const { value, error } = convert(cells[column] ?? null, fieldKind);
    if (error) errors.push({ row: line, column, message: error });
    if (value === undefined) continue;
    const field = FIELD_OF[column] ?? column;
    body[field] = value;
    columnOf[field] = column;
  }
  // References by name or id.
  const resolve = (field: string, lookup: (ref: string) => { id: string } | undefined, what: string) => {
    const ref = body[field];
    if (ref === undefined) return;
    const found = lookup(String(ref));
    if (found) body[field] = found.id;
    else {
      errors.push({
        row: line,
        column: columnOf[field] ?? field,
        message: `no ${what} named “${String(ref)}” in this chain`,
      });
      delete body[field];
    }
  };
  let stageIds: string[] | undefined;
  if (kind === 'actors' && Array.isArray(body.stageIds)) {
    stageIds = [];
    for (const ref of body.stageIds as string[]) {
      const s = ctx.stage(ref);
      if (s) stageIds.push(s.id);
      else
        errors.push({
          row: line,
          column: columnOf.stageIds ?? 'stages',
          message: `no stage named “${ref}” in this chain`,
        });
    }
    body.stageIds = stageIds;
  }
  if (kind === 'flows') {
    resolve('sourceId', ctx.actor, 'actor');
    resolve('targetId', ctx.actor, 'actor');
  }
  if (kind === 'intents') resolve('actorId', ctx.actor, 'actor');

  const naturalKey =
    kind === 'actors'
      ? normalizeResource(String(body.name ?? ''))
      : kind === 'flows'
        ? flowKey(body as never)
        : intentKey(body as never);
  const existingId = ctx.existing.get(naturalKey) ?? null;
  const schema = existingId ? SCHEMAS[kind].update : SCHEMAS[kind].create;
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (errors.some((e) => e.column === (columnOf[field] ?? field))) continue;
      errors.push({ row: line, column: columnOf[field] ?? (field || '*'), message: issue.message });
    }
  }
  if (kind === 'flows' && parsed.success) {
    for (const p of flowProblems(parsed.data as Record<string, unknown>)) {
      const field = p.path.replace('body.', '');
      errors.push({ row: line, column: columnOf[field] ?? field, message: p.message });
    }
  }
  const earlier = seen.get(naturalKey);
  if (earlier !== undefined && naturalKey !== '') {
    errors.push({ row: line, column: '*', message: `same ${kind.slice(0, -1)} as row ${earlier}` });
  }
  seen.set(naturalKey, line);
  if (errors.length > 0 || !parsed.success) return { errors };
  const { stageIds: _s, ...values } = parsed.data as Record<string, unknown>;
  return {
    prepared: { line, key: naturalKey, existingId, values, ...(stageIds ? { stageIds } : {}) },
    errors,
  };
}

const TABLES = { actors, flows, intents } as const;
const ENTITY = { actors: 'actor', flows: 'flow', intents: 'intent' } as const;

/** Writes every prepared row in one transaction: all or nothing. */
async function write(tx: Tx, chain: ChainContext, userId: string, kind: EntityKind, rows: Prepared[]) {
  const table = TABLES[kind];
  const audits: AuditInput[] = [];
  const fresh = rows.filter((r) => !r.existingId).map((r) => ({ ...r, id: newId() }));
  for (let i = 0; i < fresh.length; i += BATCH) {
    const chunk = fresh.slice(i, i + BATCH);
    await tx.insert(table).values(chunk.map((r) => ({ ...r.values, chainId: chain.id, id: r.id }) as never));
  }
  for (const r of fresh) {
    audits.push({
      chainId: chain.id,
      userId,
      action: 'create',
      entityType: ENTITY[kind],
      entityId: r.id,
      before: null,
      after: { ...r.values, ...(r.stageIds ? { stageIds: r.stageIds } : {}) },
    });
  }
  const updates = rows.filter((r) => r.existingId);
  for (const r of updates) {
    const id = r.existingId ?? '';
    const before = (
      await tx
        .select()
        .from(table)
        .where(and(eq(table.chainId, chain.id), eq(table.id, id)))
    )[0];
    if (Object.keys(r.values).length > 0) {
      await tx
        .update(table)
        .set({ ...r.values, version: sql`${table.version} + 1`, updatedAt: new Date() } as never)
        .where(and(eq(table.chainId, chain.id), eq(table.id, id)));
    }
    audits.push({
      chainId: chain.id,
      userId,
      action: 'update',
      entityType: ENTITY[kind],
      entityId: id,
      before: (before ?? null) as Record<string, unknown> | null,
      after: { ...(before ?? {}), ...r.values },
    });
  }
  if (kind === 'actors') {
    const withStages = [...fresh, ...updates.map((r) => ({ ...r, id: r.existingId ?? '' }))].filter(
      (r) => r.stageIds,
    );
    for (const r of withStages) {
      if (r.existingId)
        await tx
          .delete(actorStages)
          .where(and(eq(actorStages.chainId, chain.id), eq(actorStages.actorId, r.id)));
    }
    const links = withStages.flatMap((r) =>
      [...new Set(r.stageIds ?? [])].map((stageId) => ({ chainId: chain.id, actorId: r.id, stageId })),
    );
    for (let i = 0; i < links.length; i += BATCH)
      await tx.insert(actorStages).values(links.slice(i, i + BATCH));
  }
  await recordAuditMany(tx, audits);
  return { imported: rows.length, updated: updates.length };
}

async function setProgress(db: Db, chainId: string, id: string, patch: Partial<typeof imports.$inferInsert>) {
  await db
    .update(imports)
    .set({ ...patch, heartbeatAt: new Date(), updatedAt: new Date(), version: sql`${imports.version} + 1` })
    .where(and(eq(imports.chainId, chainId), eq(imports.id, id)));
}

const MAX_ERRORS = 1000;

/** Records a new import job and runs it after the answer (off the request path); answers its id. */
export async function startImport(
  db: Db,
  chain: ChainContext,
  userId: string,
  kind: ImportKind,
  dryRun: boolean,
  table: ParsedTable,
): Promise<string> {
  const id = newId();
  await db.insert(imports).values({
    chainId: chain.id,
    id,
    kind,
    dryRun,
    status: 'running',
    total: table.rows.length,
    createdBy: userId,
  });
  setImmediate(() => {
    runImport(db, chain, userId, id, kind, dryRun, table).catch(async (err: unknown) => {
      await setProgress(db, chain.id, id, {
        status: 'failed',
        finishedAt: new Date(),
        errors: [
          {
            row: 0,
            column: '*',
            message: `import stopped: ${err instanceof Error ? err.message : String(err)}`,
          },
        ],
      }).catch(() => {});
    });
  });
  return id;
}

async function runImport(
  db: Db,
  chain: ChainContext,
  userId: string,
  id: string,
  kind: ImportKind,
  dryRun: boolean,
  table: ParsedTable,
) {
  if (kind === 'observations') return runObservationImport(db, chain, userId, id, dryRun, table);
  const errors: ImportError[] = [...missingColumns(kind, table.headers), ...extraCellErrors(table)];
  const ctx = await loadContext(db, chain.id, kind);
  const seen = new Map<string, number>();
  const prepared: Prepared[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i];
    if (!row) continue;
    const result = prepareRow(kind, row.line, row.cells, ctx, seen);
    if (result.prepared) prepared.push(result.prepared);
    if (errors.length < MAX_ERRORS) errors.push(...result.errors.slice(0, MAX_ERRORS - errors.length));
    if ((i + 1) % PROGRESS_EVERY === 0) {
      await setProgress(db, chain.id, id, { processed: i + 1 });
      await yieldToOthers();
    }
  }
  if (errors.length > 0) {
    await setProgress(db, chain.id, id, {
      status: 'failed',
      processed: table.rows.length,
      errors,
      finishedAt: new Date(),
    });
    return;
  }
  if (dryRun) {
    const updated = prepared.filter((p) => p.existingId).length;
    await setProgress(db, chain.id, id, {
      status: 'succeeded',
      processed: table.rows.length,
      imported: 0,
      updated,
      finishedAt: new Date(),
    });
    return;
  }
  let result: Awaited<ReturnType<typeof write>>;
  try {
    result = await db.transaction(async (tx) => {
      // Imports of one chain write one at a time; the rows were matched to existing entities before
      // the lock, so a concurrent import may have created some since: then they are matched again.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`tisserand:imports:${chain.id}`}))`);
      const counts = await write(tx, chain, userId, kind, await rematch(tx, chain.id, kind, table, prepared));
      await tx
        .update(imports)
        .set({
          status: 'succeeded',
          processed: table.rows.length,
          imported: counts.imported,
          updated: counts.updated,
          finishedAt: new Date(),
          heartbeatAt: new Date(),
        })
        .where(and(eq(imports.chainId, chain.id), eq(imports.id, id)));
      return counts;
    });
  } catch (err) {
    if (!(err instanceof RematchFailed)) throw err;
    await setProgress(db, chain.id, id, {
      status: 'failed',
      processed: table.rows.length,
      errors: err.errors,
      finishedAt: new Date(),
    });
    return;
  }
  return result;
}

class RematchFailed extends Error {
  constructor(readonly errors: ImportError[]) {
    super('the rows no longer fit the chain');
  }
}

/**
 * Inside the import's transaction, under its lock: the prepared rows when every one still matches
 * the entity it matched before (or still none), else every row prepared again against the chain
 * as it is now; problems then fail the whole import (nothing written).
 */
async function rematch(tx: Tx, chainId: string, kind: EntityKind, table: ParsedTable, prepared: Prepared[]) {
  const ctx = await loadContext(tx, chainId, kind);
  if (prepared.every((p) => (ctx.existing.get(p.key) ?? null) === p.existingId)) return prepared;
  const again: Prepared[] = [];
  const errors: ImportError[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const result = prepareRow(kind, row.line, row.cells, ctx, seen);
    if (result.prepared) again.push(result.prepared);
    errors.push(...result.errors);
  }
  if (errors.length > 0) throw new RematchFailed(errors.slice(0, MAX_ERRORS));
  return again;
}

const REQUIRED: Record<ImportKind, string[][]> = {
  actors: [['name'], ['kind'], ['role']],
  flows: [['source', 'sourceId'], ['target', 'targetId'], ['type']],
  intents: [['actor', 'actorId'], ['direction'], ['resource']],
  observations: [['indicator', 'indicatorId'], ['period'], ['value']],
};

/** Rows with more cells than the header has columns: a separator inside an unquoted value. */
function extraCellErrors(table: ParsedTable): ImportError[] {
  return table.rows
    .filter((r) => r.extraCells)
    .map((r) => ({
      row: r.line,
      column: '*',
      message: 'more cells than columns: put values that contain the separator in quotes',
    }));
}

function missingColumns(kind: ImportKind, headers: string[]): ImportError[] {
  const errors: ImportError[] = [];
  for (const h of headers) {
    if (!(h in COLUMNS[kind]))
      errors.push({
        row: 1,
        column: h,
        message: `unknown column; expected: ${Object.keys(COLUMNS[kind]).join(', ')}`,
      });
  }
  for (const names of REQUIRED[kind]) {
    if (!names.some((n) => headers.includes(n)))
      errors.push({ row: 1, column: names[0] ?? '', message: 'required column missing' });
  }
  return errors;
}

/**
 * Observations: references resolved (indicator by code or id, actor by name or id; no actor is a
 * chain-level value), then the same atomic batch as `PUT …/observations` checks and writes them.
 */
async function runObservationImport(
  db: Db,
  chain: ChainContext,
  userId: string,
  id: string,
  dryRun: boolean,
  table: ParsedTable,
) {
  const errors: ImportError[] = [...missingColumns('observations', table.headers), ...extraCellErrors(table)];
  const [indicatorRows, actorRows] = await Promise.all([
    db
      .select({ id: indicators.id, code: indicators.code, valueType: indicators.valueType })
      .from(indicators)
      .where(eq(indicators.chainId, chain.id)),
    db.select({ id: actors.id, name: actors.name }).from(actors).where(eq(actors.chainId, chain.id)),
  ]);
  const indicatorOf = index(indicatorRows, (i) => i.code);
  const actorOf = index(actorRows, (a) => a.name);
  const items: ObservationInput[] = [];
  const lines: number[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i];
    if (!row) continue;
    const cell = (a: string, b?: string) => {
      const v = row.cells[a] ?? (b ? row.cells[b] : null) ?? null;
      return v === null ? '' : String(v).trim();
    };
    const rowErrors: ImportError[] = [];
    const indicatorRef = cell('indicator', 'indicatorId');
    const indicator = indicatorRef ? indicatorOf(indicatorRef) : undefined;
    if (!indicator)
      rowErrors.push({
        row: row.line,
        column: 'indicator' in row.cells ? 'indicator' : 'indicatorId',
        message: indicatorRef ? `no indicator with the code “${indicatorRef}” in this chain` : 'required',
      });
    const actorRef = cell('actor', 'actorId');
    const actor = actorRef ? actorOf(actorRef) : null;
    if (actorRef && !actor)
      rowErrors.push({
        row: row.line,
        column: 'actor' in row.cells ? 'actor' : 'actorId',
        message: `no actor named “${actorRef}” in this chain`,
      });
    const raw = row.cells.value ?? null;
    let value: number | boolean | undefined;
    if (indicator?.valueType === 'boolean') {
      const b = convert(raw, 'boolean');
      if (b.error) rowErrors.push({ row: row.line, column: 'value', message: b.error });
      else if (typeof b.value === 'boolean') value = b.value;
    } else {
      const n = convert(raw, 'number');
      if (n.error) rowErrors.push({ row: row.line, column: 'value', message: n.error });
      else if (typeof n.value === 'number') value = n.value;
    }
    if (value === undefined && !rowErrors.some((e) => e.column === 'value'))
      rowErrors.push({ row: row.line, column: 'value', message: 'required' });
    const status = cell('status');
    if (status && status !== 'draft' && status !== 'submitted')
      rowErrors.push({ row: row.line, column: 'status', message: 'draft or submitted' });
    if (rowErrors.length === 0 && indicator && value !== undefined) {
      const note = cell('note');
      items.push({
        indicatorId: indicator.id,
        actorId: actor ? actor.id : null,
        period: cell('period'),
        value,
        ...(note ? { note } : {}),
        ...(status ? { status: status as 'draft' | 'submitted' } : {}),
      });
      lines.push(row.line);
    } else if (errors.length < MAX_ERRORS) errors.push(...rowErrors);
    if ((i + 1) % (PROGRESS_EVERY * 10) === 0) {
      await setProgress(db, chain.id, id, { processed: i + 1 });
      await yieldToOthers();
    }
  }
  const finish = (patch: Partial<typeof imports.$inferInsert>) =>
    setProgress(db, chain.id, id, { processed: table.rows.length, finishedAt: new Date(), ...patch });
  if (errors.length > 0) return finish({ status: 'failed', errors });
  try {
    // Period formats are checked by the batch's contract, everything else by the batch itself.
    const parsed = z.array(ObservationInput).safeParse(items);
    if (!parsed.success) {
      return finish({
        status: 'failed',
        errors: parsed.error.issues.slice(0, MAX_ERRORS).map((issue) => ({
          row: lines[Number(issue.path[0])] ?? 0,
          column: String(issue.path[1] ?? '*'),
          message: issue.message,
        })),
      });
    }
    await upsertObservations(db, chain, userId, items, 'import', { dryRun, bulk: true });
    return finish({ status: 'succeeded', imported: dryRun ? 0 : items.length });
  } catch (err) {
    if (err instanceof HttpError && err.errors) {
      return finish({
        status: 'failed',
        errors: err.errors.slice(0, MAX_ERRORS).map((e) => {
          const [, , index, field] = e.path.split('.');
          return { row: lines[Number(index)] ?? 0, column: field ?? '*', message: e.message };
        }),
      });
    }
    throw err;
  }
}

export async function getImport(db: Db, chainId: string, id: string): Promise<ImportJob | undefined> {
  const row = (
    await db
      .select()
      .from(imports)
      .where(and(eq(imports.chainId, chainId), eq(imports.id, id)))
      .limit(1)
  )[0];
  if (!row) return undefined;
  return {
    id: row.id,
    kind: row.kind as ImportKind,
    dryRun: row.dryRun,
    status: row.status,
    total: row.total,
    processed: row.processed,
    imported: row.imported,
    updated: row.updated,
    errors: row.errors as ImportError[],
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
  };
}

/**
 * Marks imports cut short by a stopped server as failed (their transaction never committed).
 * `olderThanMs`: how long without a heartbeat makes a running import stale. At the start of the
 * embedded database it is 0 (the lock file guarantees no other process runs one); on PostgreSQL
 * another server may be running it, so only imports silent for `STALE_AFTER_MS` are failed, at
 * start and every minute.
 */
export async function failStaleImports(db: Db, olderThanMs = STALE_AFTER_MS): Promise<number> {
  const failed = await db
    .update(imports)
    .set({
      status: 'failed',
      finishedAt: new Date(),
      errors: [
        {
          row: 0,
          column: '*',
          message: 'the server stopped during the import; nothing was written, run it again',
        },
      ],
    })
    .where(and(eq(imports.status, 'running'), lt(imports.heartbeatAt, new Date(Date.now() - olderThanMs))))
    .returning({ id: imports.id });
  return failed.length;
}
