import { listOf, type MemberRole } from '@tisserand/core';
import { and, asc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { z } from 'zod';
import type { Db, Tx } from '../db/client';
import { prepared } from '../db/prepared';
import { newId } from '../lib/ids';
import { recordAudit } from '../modules/audit/audit.service';
import { AnswerCache } from './answer-cache';
import { expectedVersion, setEtag, staleVersion } from './concurrency';
import type { ChainContext } from './context';
import { notFound, unauthorized } from './errors';
import { decodeCursor, page } from './pagination';
import type { App, Deps } from './types';

/** A tenant table: `(chain_id, id)` primary key and the entity columns. */
export type TenantTable = PgTable & {
  chainId: PgColumn;
  id: PgColumn;
  version: PgColumn;
  createdAt: PgColumn;
  updatedAt: PgColumn;
};
type Row<T extends TenantTable> = T['$inferSelect'] & { id: string; chainId: string; version: number };

type ListQueryShape = z.ZodObject<{
  limit: z.ZodDefault<z.ZodCoercedNumber<unknown>>;
  cursor: z.ZodOptional<z.ZodString>;
}>;

export interface WriteContext {
  tx: Tx;
  chain: ChainContext;
  userId: string;
}

/**
 * One chain collection under `/chains/:chainId/<path>`: list, create, read, update, delete, with
 * pagination, ETag/If-Match, audit entries, and hooks for the rules of each entity.
 */
export interface CollectionSpec<
  T extends TenantTable,
  C extends z.ZodType,
  U extends z.ZodType,
  O extends z.ZodType,
> {
  /** URL below `/chains/:chainId/`, e.g. `stages` or `actors/:actorId/contacts`. */
  path: string;
  entityType: string;
  tag: string;
  table: T;
  create: C;
  update: U;
  entity: O;
  /** List query: must include `limit` and `cursor`; other keys are filters handled by `filters`. */
  query?: ListQueryShape;
  readRoles: readonly MemberRole[];
  writeRoles: readonly MemberRole[];
  /** Extra conditions from the list query or the path params (e.g. `actorId`). */
  filters?: (
    query: Record<string, unknown>,
    params: Record<string, string>,
    chain: ChainContext,
  ) => (SQL | undefined)[];
  /** Can the caller see this row (e.g. contacts of its own actor only)? Throws 403/404 otherwise. */
  canRead?: (chain: ChainContext, params: Record<string, string>) => void;
  /**
   * For a nested path (`actors/:actorId/contacts`): does the parent exist in the chain, and may the
   * caller see it? 404 otherwise, as for any id of another chain or out of the caller's sight.
   */
  parentVisible?: (db: Db, chain: ChainContext, params: Record<string, string>) => Promise<boolean>;
  /** Can the caller write this row? `before` is null on create; `after` is the merged values. */
  canWrite?: (
    chain: ChainContext,
    before: Row<T> | null,
    after: Record<string, unknown>,
    action: 'create' | 'update' | 'delete',
  ) => void;
  /** Column values from a create or update body (`params` for nested paths). */
  toValues: (input: Record<string, unknown>, params: Record<string, string>) => Record<string, unknown>;
  /** Referential and cross-field checks on the merged values, inside the transaction. */
  check?: (
    ctx: WriteContext,
    after: Record<string, unknown>,
    before: Row<T> | null,
    input: Record<string, unknown>,
  ) => Promise<void>;
  /** Writes to side tables (e.g. actor stages), inside the transaction. */
  afterWrite?: (ctx: WriteContext, id: string, input: Record<string, unknown>) => Promise<void>;
  /** Loads extra data for rows (e.g. `stageIds`), keyed by id. */
  extras?: (db: Db | Tx, chainId: string, ids: string[]) => Promise<Map<string, Record<string, unknown>>>;
  toApi: (row: Row<T>, extra: Record<string, unknown> | undefined) => z.infer<O>;
}

const idParams = (path: string) => {
  const names = [...path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
  return z.strictObject(
    Object.fromEntries([['chainId', z.uuid()], ...names.map((n) => [n, z.uuid()]), ['id', z.uuid()]]),
  );
};
const listParams = (path: string) => {
  const names = [...path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
  return z.strictObject(Object.fromEntries([['chainId', z.uuid()], ...names.map((n) => [n, z.uuid()])]));
};

const asSchema = (schema: FastifySchema) => schema;
const JSON_TYPE = 'application/json; charset=utf-8';

const DefaultListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});

/**
 * An entity's answer: `id`, `version` and ISO timestamps first, then `fields`. The spread comes
 * last on purpose: V8 builds `{ ...a, x, y, … }` (a spread followed by many properties) through
 * its slow path, about 15 µs an object, which made list answers CPU-bound (docs/performance.md).
 */
export function withIsoFields<R extends Record<string, unknown>, F extends Record<string, unknown>>(
  row: R,
  fields: F,
) {
  return {
    id: row.id as string,
    version: row.version as number,
    createdAt: (row.createdAt as Date).toISOString(),
    updatedAt: (row.updatedAt as Date).toISOString(),
    ...fields,
  };
}

/** Registers the five routes of a collection and answers its service functions for reuse. */
export function registerCollection<
  T extends TenantTable,
  C extends z.ZodType,
  U extends z.ZodType,
  O extends z.ZodType,
>(app: App, { db, answers }: Deps, spec: CollectionSpec<T, C, U, O>) {
  // Generic handlers: the zod schemas validate at run time; static types come from the spec's hooks.
  const router = app as unknown as FastifyInstance;
  const t = spec.table;
  const base = `/chains/:chainId/${spec.path}`;
  const ListQuery = spec.query ?? DefaultListQuery;
  const NoContent = z.null().describe('No content');

  async function withExtras(conn: Db | Tx, chainId: string, rows: Row<T>[]) {
    const extras = spec.extras
      ? await spec.extras(
          conn,
          chainId,
          rows.map((r) => r.id),
        )
      : undefined;
    return rows.map((r) => spec.toApi(r, extras?.get(r.id)));
  }

  /** A page of the collection without filters, first page or after a cursor (db/prepared.ts). */
  const listStatement = (afterCursor: boolean) =>
    prepared(db, `list:${spec.path}:${afterCursor ? 'after' : 'first'}`, (d, name) =>
      d
        .select()
        .from(t as PgTable)
        .where(
          and(
            eq(t.chainId, sql.placeholder('chainId')),
            afterCursor ? gt(t.id, sql.placeholder('after')) : undefined,
          ),
        )
        .orderBy(asc(t.id))
        .limit(sql.placeholder('limit'))
        .prepare(name),
    );

  async function getRow(conn: Db | Tx, chain: ChainContext, id: string, params: Record<string, string>) {
    const conditions = [eq(t.chainId, chain.id), eq(t.id, id), ...(spec.filters?.({}, params, chain) ?? [])];
    const rows = (await conn
      .select()
      .from(t as PgTable)
      .where(and(...conditions))
      .limit(1)) as Row<T>[];
    return rows[0];
  }

  /** The checks on the path before any row is read or written: `canRead`, then the parent. */
  async function mayUse(chain: ChainContext, params: Record<string, string>) {
    spec.canRead?.(chain, params);
    if (spec.parentVisible && !(await spec.parentVisible(db, chain, params))) throw notFound();
  }

  function chainOf(request: { chain: ChainContext | null; auth: { user: { id: string } } | null }) {
    if (!request.chain || !request.auth) throw unauthorized();
    return { chain: request.chain, userId: request.auth.user.id };
  }

  router.route({
    method: 'GET',
    url: base,
    config: { access: { chain: spec.readRoles } },
    schema: asSchema({
      tags: [spec.tag],
      params: listParams(spec.path),
      querystring: ListQuery,
      response: { 200: listOf(spec.entity) },
    }),
    handler: async (request, reply) => {
      const { chain } = chainOf(request);
      const params = request.params as Record<string, string>;
      await mayUse(chain, params);
      // A page already serialized under the chain's current data revision (http/answer-cache.ts).
      const key = AnswerCache.key(chain, request.locale, request.url);
      const cached = key === null ? undefined : answers.get(chain, key);
      if (cached !== undefined) return reply.type(JSON_TYPE).send(cached);
      const query = request.query as Record<string, unknown> & { limit: number; cursor?: string };
      const after = decodeCursor(query.cursor);
      const conditions = (spec.filters?.(query, params, chain) ?? []).filter((c) => c !== undefined);
      const rows = (
        conditions.length === 0
          ? // The plain page (no filter) is the hot path: a prepared statement.
            await listStatement(after !== undefined).execute({
              chainId: chain.id,
              after,
              limit: query.limit + 1,
            })
          : await db
              .select()
              .from(t as PgTable)
              .where(and(eq(t.chainId, chain.id), after ? gt(t.id, after) : undefined, ...conditions))
              .orderBy(asc(t.id))
              .limit(query.limit + 1)
      ) as Row<T>[];
      const result = page(rows, query.limit);
      const body = reply.serialize({
        items: await withExtras(db, chain.id, result.items),
        nextCursor: result.nextCursor,
      }) as string;
      if (key !== null) answers.set(chain, key, body);
      return reply.type(JSON_TYPE).send(body);
    },
  });

  async function create(ctx: WriteContext, input: Record<string, unknown>, params: Record<string, string>) {
    const values = spec.toValues(input, params);
    spec.canWrite?.(ctx.chain, null, values, 'create');
    await spec.check?.(ctx, values, null, input);
    const id = newId();
    const inserted = (await ctx.tx
      .insert(t)
      .values({ ...values, chainId: ctx.chain.id, id } as T['$inferInsert'])
      .returning()) as Row<T>[];
    const row = inserted[0];
    if (!row) throw new Error(`${spec.entityType} insert returned nothing`);
    await spec.afterWrite?.(ctx, id, input);
    const [out] = await withExtras(ctx.tx, ctx.chain.id, [row]);
    await recordAudit(ctx.tx, {
      chainId: ctx.chain.id,
      userId: ctx.userId,
      action: 'create',
      entityType: spec.entityType,
      entityId: id,
      before: null,
      after: out as Record<string, unknown>,
    });
    return out as z.infer<O>;
  }

  router.route({
    method: 'POST',
    url: base,
    config: { access: { chain: spec.writeRoles } },
    schema: asSchema({
      tags: [spec.tag],
      params: listParams(spec.path),
      body: spec.create,
      response: { 201: spec.entity },
    }),
    handler: async (request, reply) => {
      const { chain, userId } = chainOf(request);
      const params = request.params as Record<string, string>;
      await mayUse(chain, params);
      const out = await db.transaction((tx) =>
        create({ tx, chain, userId }, request.body as Record<string, unknown>, params),
      );
      setEtag(reply, out as { version: number });
      return reply.code(201).send(out);
    },
  });

  router.route({
    method: 'GET',
    url: `${base}/:id`,
    config: { access: { chain: spec.readRoles } },
    schema: asSchema({ tags: [spec.tag], params: idParams(spec.path), response: { 200: spec.entity } }),
    handler: async (request, reply) => {
      const { chain } = chainOf(request);
      const params = request.params as Record<string, string>;
      await mayUse(chain, params);
      const row = await getRow(db, chain, params.id ?? '', params);
      if (!row) throw notFound();
      const [out] = await withExtras(db, chain.id, [row]);
      setEtag(reply, row);
      return out;
    },
  });

  async function update(
    ctx: WriteContext,
    id: string,
    version: number,
    input: Record<string, unknown>,
    params: Record<string, string>,
  ) {
    const before = await getRow(ctx.tx, ctx.chain, id, params);
    if (!before) throw notFound();
    const [beforeOut] = await withExtras(ctx.tx, ctx.chain.id, [before]);
    const values = spec.toValues(input, params);
    const merged = { ...before, ...values };
    spec.canWrite?.(ctx.chain, before, merged, 'update');
    await spec.check?.(ctx, merged, before, input);
    const rows = (await ctx.tx
      .update(t)
      .set({ ...values, version: sql`${t.version} + 1`, updatedAt: new Date() } as never)
      .where(and(eq(t.chainId, ctx.chain.id), eq(t.id, id), eq(t.version, version)))
      .returning()) as Row<T>[];
    const row = rows[0];
    if (!row) throw staleVersion();
    await spec.afterWrite?.(ctx, id, input);
    const [out] = await withExtras(ctx.tx, ctx.chain.id, [row]);
    await recordAudit(ctx.tx, {
      chainId: ctx.chain.id,
      userId: ctx.userId,
      action: 'update',
      entityType: spec.entityType,
      entityId: id,
      before: beforeOut as Record<string, unknown>,
      after: out as Record<string, unknown>,
    });
    return out as z.infer<O>;
  }

  router.route({
    method: 'PATCH',
    url: `${base}/:id`,
    config: { access: { chain: spec.writeRoles } },
    schema: asSchema({
      tags: [spec.tag],
      params: idParams(spec.path),
      body: spec.update,
      response: { 200: spec.entity },
    }),
    handler: async (request, reply) => {
      const { chain, userId } = chainOf(request);
      const params = request.params as Record<string, string>;
      await mayUse(chain, params);
      const version = expectedVersion(request);
      const out = await db.transaction((tx) =>
        update(
          { tx, chain, userId },
          params.id ?? '',
          version,
          request.body as Record<string, unknown>,
          params,
        ),
      );
      setEtag(reply, out as { version: number });
      return out;
    },
  });

  async function remove(ctx: WriteContext, id: string, version: number, params: Record<string, string>) {
    const before = await getRow(ctx.tx, ctx.chain, id, params);
    if (!before) throw notFound();
    spec.canWrite?.(ctx.chain, before, before, 'delete');
    const [beforeOut] = await withExtras(ctx.tx, ctx.chain.id, [before]);
    const rows = await ctx.tx
      .delete(t)
      .where(and(eq(t.chainId, ctx.chain.id), eq(t.id, id), eq(t.version, version)))
      .returning({ id: t.id });
    if (rows.length === 0) throw staleVersion();
    await recordAudit(ctx.tx, {
      chainId: ctx.chain.id,
      userId: ctx.userId,
      action: 'delete',
      entityType: spec.entityType,
      entityId: id,
      before: beforeOut as Record<string, unknown>,
      after: null,
    });
  }

  router.route({
    method: 'DELETE',
    url: `${base}/:id`,
    config: { access: { chain: spec.writeRoles } },
    schema: asSchema({ tags: [spec.tag], params: idParams(spec.path), response: { 204: NoContent } }),
    handler: async (request, reply) => {
      const { chain, userId } = chainOf(request);
      const params = request.params as Record<string, string>;
      await mayUse(chain, params);
      const version = expectedVersion(request);
      await db.transaction((tx) => remove({ tx, chain, userId }, params.id ?? '', version, params));
      return reply.code(204).send(null);
    },
  });

  return { create, update, remove, getRow, withExtras };
}

/** Ids among `ids` that exist in a tenant table of the chain. */
export async function existingIds(
  conn: Db | Tx,
  table: TenantTable,
  chainId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = (await conn
    .select({ id: table.id })
    .from(table as PgTable)
    .where(and(eq(table.chainId, chainId), inArray(table.id, ids)))) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}
