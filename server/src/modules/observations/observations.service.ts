import type { Observation, ObservationInput } from '@tisserand/core';
import { periodKind, periodStart } from '@tisserand/core/aggregation/periods';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { type Db, queryRows, type Tx } from '../../db/client';
import { actorStages, actors, indicators, observations } from '../../db/schema/index';
import type { ChainContext } from '../../http/context';
import { badRequest, type FieldError, forbidden, HttpError } from '../../http/errors';
import { isoOrNull } from '../../http/types';
import { newId } from '../../lib/ids';
import { type AuditInput, recordAuditMany } from '../audit/audit.service';
import type { IndicatorRow } from '../indicators/indicators.routes';

export type ObservationRow = typeof observations.$inferSelect;

export const toObservation = (row: ObservationRow): Observation => ({
  id: row.id,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  indicatorId: row.indicatorId,
  actorId: row.actorId,
  period: row.period,
  value: row.value,
  note: row.note,
  status: row.status,
  source: row.source,
  rejectReason: row.rejectReason,
  submittedAt: isoOrNull(row.submittedAt),
  approvedAt: isoOrNull(row.approvedAt),
});

/** Checks a value against the indicator's type and range; answers the problem or the number to store. */
export function checkValue(
  indicator: IndicatorRow,
  raw: number | boolean,
): { value: number } | { error: string } {
  if (indicator.valueType === 'boolean') {
    if (typeof raw === 'boolean') return { value: raw ? 1 : 0 };
    if (raw === 0 || raw === 1) return { value: raw };
    return { error: 'expected yes or no (true/false)' };
  }
  if (typeof raw === 'boolean') return { error: 'expected a number' };
  if (indicator.valueType === 'count' && (!Number.isInteger(raw) || raw < 0))
    return { error: 'expected a whole number, 0 or more' };
  const min = indicator.min ?? (indicator.valueType === 'percentage' ? 0 : null);
  const max = indicator.max ?? (indicator.valueType === 'percentage' ? 100 : null);
  if (min !== null && raw < min)
    return { error: `must be at least ${min}${indicator.unit ? ` ${indicator.unit}` : ''}` };
  if (max !== null && raw > max)
    return { error: `must be at most ${max}${indicator.unit ? ` ${indicator.unit}` : ''}` };
  return { value: raw };
}

const keyOf = (o: { indicatorId: string; actorId: string | null; period: string }) =>
  `${o.indicatorId}|${o.actorId ?? ''}|${o.period}`;

/**
 * Writes a batch of observations atomically: every item is checked first and one bad item
 * refuses the whole batch (400 naming each bad item, 403 for another actor, 409 over an approved
 * value); then one upsert writes them all, with an audit entry each.
 */
export async function upsertObservations(
  db: Db,
  chain: ChainContext,
  userId: string,
  items: ObservationInput[],
  source: 'form' | 'import' | 'api',
  options: { dryRun?: boolean; bulk?: boolean } = {},
): Promise<Observation[]> {
  return db.transaction(async (tx) => {
    const indicatorIds = [...new Set(items.map((i) => i.indicatorId))];
    const actorIds = [...new Set(items.map((i) => i.actorId).filter((a): a is string => !!a))];
    const indicatorRows = await tx
      .select()
      .from(indicators)
      .where(and(eq(indicators.chainId, chain.id), inArray(indicators.id, indicatorIds)));
    const byId = new Map(indicatorRows.map((r) => [r.id, r]));
    const actorRows = actorIds.length
      ? await tx
          .select({ id: actors.id })
          .from(actors)
          .where(and(eq(actors.chainId, chain.id), inArray(actors.id, actorIds)))
      : [];
    const knownActors = new Set(actorRows.map((r) => r.id));
    const stageLinks = actorIds.length
      ? await tx
          .select({ actorId: actorStages.actorId, stageId: actorStages.stageId })
          .from(actorStages)
          .where(and(eq(actorStages.chainId, chain.id), inArray(actorStages.actorId, actorIds)))
      : [];
    const stagesOf = new Map<string, Set<string>>();
    for (const l of stageLinks)
      stagesOf.set(l.actorId, (stagesOf.get(l.actorId) ?? new Set()).add(l.stageId));

    const errors: FieldError[] = [];
    const values: { item: ObservationInput; value: number; indicator: IndicatorRow }[] = [];
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const at = (field: string) => `body.items.${i}.${field}`;
      if (chain.role === 'partner' && item.actorId !== chain.actorId) {
        throw forbidden(`A partner writes the data of its own actor only (item ${i}).`);
      }
      const indicator = byId.get(item.indicatorId);
      if (!indicator) {
        errors.push({ path: at('indicatorId'), message: 'no such indicator in this chain' });
        return;
      }
      if (indicator.status === 'retired')
        errors.push({ path: at('indicatorId'), message: 'this indicator is retired' });
      if (indicator.aggregation === 'ratio')
        errors.push({
          path: at('indicatorId'),
          message: 'a ratio is computed from its two indicators: enter those',
        });
      if (periodKind(item.period) !== indicator.periodicity) {
        errors.push({
          path: at('period'),
          message: `this indicator is collected by ${indicator.periodicity}`,
        });
      }
      if (item.actorId === null) {
        if (chain.role !== 'coordinator')
          errors.push({ path: at('actorId'), message: 'chain-level values are entered by coordinators' });
      } else if (!knownActors.has(item.actorId)) {
        errors.push({ path: at('actorId'), message: 'no such actor in this chain' });
      } else if (indicator.reporters === 'coordinator' && chain.role !== 'coordinator') {
        errors.push({ path: at('indicatorId'), message: 'this indicator is reported by the coordinators' });
      } else if (indicator.reporters === 'stages') {
        const allowed = indicator.reporterStageIds ?? [];
        const mine = stagesOf.get(item.actorId) ?? new Set<string>();
        if (!allowed.some((s) => mine.has(s)))
          errors.push({ path: at('actorId'), message: 'this actor’s stages do not report this indicator' });
      }
      const checked = checkValue(indicator, item.value);
      if ('error' in checked) errors.push({ path: at('value'), message: checked.error });
      const key = keyOf(item);
      const earlier = seen.get(key);
      if (earlier !== undefined)
        errors.push({ path: at('period'), message: `same indicator, actor and period as item ${earlier}` });
      seen.set(key, i);
      if ('value' in checked) values.push({ item, value: checked.value, indicator });
    });
    if (errors.length > 0) throw badRequest('Some values are not valid; nothing was saved.', errors);

    // Form and API batches lock the rows they replace: a concurrent batch or approval waits, then
    // sees this one's values (its 409 and audit entries stay true). Imports (bulk) do not.
    const existing = await existingFor(tx, chain.id, items, !options.bulk);
    const locked = items.findIndex((i) => existing.get(keyOf(i))?.status === 'approved');
    if (locked >= 0) {
      throw new HttpError(
        409,
        'An approved value is locked until a coordinator reopens its period; nothing was saved.',
        [{ path: `body.items.${locked}`, message: 'approved: locked' }],
      );
    }
    if (options.dryRun) return [];
    const now = new Date();
    const rows = values.map(({ item, value }) => {
      const status = item.status ?? 'submitted';
      return {
        chainId: chain.id,
        id: newId(),
        indicatorId: item.indicatorId,
        actorId: item.actorId,
        period: item.period,
        periodStart: periodStart(item.period),
        value,
        note: item.note ?? null,
        status,
        source,
        rejectReason: null,
        submittedAt: status === 'submitted' ? now : null,
      };
    });
    if (options.bulk) {
      await bulkWrite(tx, chain.id, userId, source, rows);
      return [];
    }
    const written = await upsertBatch(tx, rows);
    const audits: AuditInput[] = written.map((row) => {
      const before = existing.get(keyOf(row));
      return {
        chainId: chain.id,
        userId,
        action: before ? 'update' : 'create',
        entityType: 'observation',
        entityId: row.id,
        before: before ? { value: before.value, status: before.status, note: before.note } : null,
        after: {
          indicatorId: row.indicatorId,
          actorId: row.actorId,
          period: row.period,
          value: row.value,
          status: row.status,
          note: row.note,
        },
      };
    });
    await recordAuditMany(tx, audits);
    return written;
  });
}

/** An ISO 8601 UTC timestamp with milliseconds, as `Date.toISOString` writes it. */
const isoText = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/**
 * The upsert of a form or API batch: one INSERT … SELECT FROM unnest(…), each column one array
 * parameter (a multi-row VALUES built by Drizzle cost more CPU than the database spent on it).
 */
async function upsertBatch(
  tx: Tx,
  rows: (StagedRow & { chainId: string; source: string })[],
): Promise<Observation[]> {
  const col = <T>(f: (r: (typeof rows)[number]) => T) => sql.param(rows.map(f));
  const chainId = rows[0]?.chainId;
  const source = rows[0]?.source;
  if (!chainId || !source) return [];
  const result = await queryRows<{
    id: string;
    version: number;
    created_at: string;
    updated_at: string;
    indicator_id: string;
    actor_id: string | null;
    period: string;
    value: number;
    note: string | null;
    status: Observation['status'];
    source: Observation['source'];
    reject_reason: string | null;
    submitted_at: string | null;
    approved_at: string | null;
  }>(
    tx,
    sql`insert into observations as o
        (chain_id, id, indicator_id, actor_id, period, period_start, value, note, status, source, submitted_at)
      select ${chainId}::uuid, k.id, k.indicator_id, k.actor_id, k.period, k.period_start, k.value, k.note,
        k.status, ${source}, k.submitted_at from unnest(
        ${col((r) => r.id)}::uuid[], ${col((r) => r.indicatorId)}::uuid[], ${col((r) => r.actorId)}::uuid[],
        ${col((r) => r.period)}::text[], ${col((r) => r.periodStart)}::date[], ${col((r) => r.value)}::float8[],
        ${col((r) => r.note)}::text[], ${col((r) => r.status)}::text[],
        ${col((r) => (r.submittedAt ? r.submittedAt.toISOString() : null))}::timestamptz[]
      ) as k(id, indicator_id, actor_id, period, period_start, value, note, status, submitted_at)
      on conflict (chain_id, indicator_id, actor_id, period) do update set
        value = excluded.value, note = excluded.note, status = excluded.status, source = excluded.source,
        reject_reason = null, submitted_at = excluded.submitted_at,
        version = o.version + 1, updated_at = now()
      returning o.id, o.version, ${isoText('o.created_at')} as created_at, ${isoText('o.updated_at')} as updated_at,
        o.indicator_id, o.actor_id, o.period, o.value, o.note, o.status, o.source, o.reject_reason,
        ${isoText('o.submitted_at')} as submitted_at, ${isoText('o.approved_at')} as approved_at`,
  );
  return result.map((r) => ({
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    indicatorId: r.indicator_id,
    actorId: r.actor_id,
    period: r.period,
    value: r.value,
    note: r.note,
    status: r.status,
    source: r.source,
    rejectReason: r.reject_reason,
    submittedAt: r.submitted_at,
    approvedAt: r.approved_at,
  }));
}

async function existingFor(tx: Tx, chainId: string, items: ObservationInput[], lock: boolean) {
  const map = new Map<string, ObservationRow>();
  const indicatorIds = [...new Set(items.map((i) => i.indicatorId))];
  const periods = [...new Set(items.map((i) => i.period))];
  const actorIds = [...new Set(items.map((i) => i.actorId).filter((a): a is string => a !== null))];
  const chainLevel = items.some((i) => i.actorId === null);
  // Only the batch's actors: the other actors' rows of the same indicators and periods are
  // neither read nor locked (two partners saving the same month do not wait for each other).
  const query = tx
    .select()
    .from(observations)
    .where(
      and(
        eq(observations.chainId, chainId),
        inArray(observations.indicatorId, indicatorIds),
        inArray(observations.period, periods),
        or(
          actorIds.length > 0 ? inArray(observations.actorId, actorIds) : undefined,
          chainLevel ? isNull(observations.actorId) : undefined,
        ),
      ),
    );
  // In id order, so that two batches lock their common rows in the same order (no deadlock).
  const rows = lock ? await query.orderBy(observations.id).for('update') : await query;
  for (const r of rows) map.set(keyOf(r), r);
  return map;
}

/** Moves matching observations from one status to another (approve, reopen, reject), audited. */
export async function transition(
  db: Db,
  chain: ChainContext,
  userId: string,
  filter: { period: string; indicatorId?: string | undefined; actorId?: string | undefined },
  from: ObservationRow['status'][],
  to: ObservationRow['status'],
  reason?: string,
): Promise<number> {
  if (chain.role !== 'coordinator') throw forbidden();
  return db.transaction(async (tx) => {
    const now = new Date();
    const rows = await tx
      .update(observations)
      .set({
        status: to,
        version: sql`${observations.version} + 1`,
        updatedAt: now,
        ...(to === 'approved'
          ? { approvedAt: now, approvedBy: userId }
          : { approvedAt: null, approvedBy: null }),
        ...(to === 'rejected' ? { rejectReason: reason ?? null } : {}),
      })
      .where(
        and(
          eq(observations.chainId, chain.id),
          eq(observations.period, filter.period),
          inArray(observations.status, from),
          filter.indicatorId ? eq(observations.indicatorId, filter.indicatorId) : undefined,
          filter.actorId ? eq(observations.actorId, filter.actorId) : undefined,
        ),
      )
      .returning();
    await recordAuditMany(
      tx,
      rows.map((r) => ({
        chainId: chain.id,
        userId,
        action: 'update' as const,
        entityType: 'observation',
        entityId: r.id,
        before: { status: from.join('|') },
        after: { status: to, ...(reason ? { rejectReason: reason } : {}) },
      })),
    );
    return rows.length;
  });
}

type StagedRow = {
  id: string;
  indicatorId: string;
  actorId: string | null;
  period: string;
  periodStart: string;
  value: number;
  note: string | null;
  status: string;
  submittedAt: Date | null;
};

/**
 * Large batches (imports): rows go to a temporary table in big multi-row inserts, then one
 * INSERT … SELECT writes their audit entries (with the values they replace) and one upsert writes
 * them, so the database does the work in a few statements instead of one per row.
 */
async function bulkWrite(tx: Tx, chainId: string, userId: string, source: string, rows: StagedRow[]) {
  await tx.execute(sql`create temp table obs_stage (
    id uuid, audit_id uuid, indicator_id uuid, actor_id uuid, period text, period_start date,
    value float8, note text, status text, submitted_at timestamptz) on commit drop`);
  // One array per column: a handful of parameters however many rows (unnest zips them back).
  for (let i = 0; i < rows.length; i += 50_000) {
    const chunk = rows.slice(i, i + 50_000);
    // sql.param keeps an array as one parameter (a bare array would be spread into a list).
    const col = <T>(f: (r: StagedRow) => T) => sql.param(chunk.map(f));
    await tx.execute(sql`insert into obs_stage
      select * from unnest(
        ${col((r) => r.id)}::uuid[], ${col(() => newId())}::uuid[], ${col((r) => r.indicatorId)}::uuid[],
        ${col((r) => r.actorId)}::uuid[], ${col((r) => r.period)}::text[], ${col((r) => r.periodStart)}::date[],
        ${col((r) => r.value)}::float8[], ${col((r) => r.note)}::text[], ${col((r) => r.status)}::text[],
        ${col((r) => (r.submittedAt ? r.submittedAt.toISOString() : null))}::timestamptz[])`);
  }
  await tx.execute(sql`insert into audit_log (chain_id, id, user_id, action, entity_type, entity_id, changes)
    select ${chainId}::uuid, s.audit_id, ${userId}::uuid,
      case when o.id is null then 'create' else 'update' end, 'observation', coalesce(o.id, s.id),
      case when o.id is null then jsonb_build_object(
          'indicatorId', jsonb_build_object('before', null, 'after', s.indicator_id),
          'actorId', jsonb_build_object('before', null, 'after', s.actor_id),
          'period', jsonb_build_object('before', null, 'after', s.period),
          'value', jsonb_build_object('before', null, 'after', s.value),
          'status', jsonb_build_object('before', null, 'after', s.status))
        else jsonb_build_object(
          'value', jsonb_build_object('before', o.value, 'after', s.value),
          'status', jsonb_build_object('before', o.status, 'after', s.status)) end
    from obs_stage s
    left join observations o on o.chain_id = ${chainId}::uuid and o.indicator_id = s.indicator_id
      and o.actor_id is not distinct from s.actor_id and o.period = s.period`);
  await tx.execute(sql`insert into observations
      (chain_id, id, indicator_id, actor_id, period, period_start, value, note, status, source, submitted_at)
    select ${chainId}::uuid, id, indicator_id, actor_id, period, period_start, value, note, status, ${source}, submitted_at
    from obs_stage
    on conflict (chain_id, indicator_id, actor_id, period) do update set
      value = excluded.value, note = excluded.note, status = excluded.status, source = excluded.source,
      reject_reason = null, submitted_at = excluded.submitted_at,
      version = observations.version + 1, updated_at = now()`);
}
