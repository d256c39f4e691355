import {
  ApprovalAnswer,
  ApprovalBody,
  ChainParams,
  IdParams,
  listOf,
  Observation,
  ObservationBatch,
  ObservationBatchAnswer,
  ObservationQuery,
  RejectionBody,
  SeriesAnswer,
  SeriesQuery,
} from '@tisserand/core';
import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { observations } from '../../db/schema/index';
import { expectedVersion, setEtag, staleVersion } from '../../http/concurrency';
import type { ChainContext } from '../../http/context';
import { conflict, notFound, unauthorized } from '../../http/errors';
import { decodeCursor, page } from '../../http/pagination';
import type { App, Deps } from '../../http/types';
import { recordAudit } from '../audit/audit.service';
import { toObservation, transition, upsertObservations } from './observations.service';
import { getSeries } from './series.service';

const ALL = ['coordinator', 'partner', 'observer'] as const;
const WRITERS = ['coordinator', 'partner'] as const;
const COORDINATOR = ['coordinator'] as const;

function ctx(request: { chain: ChainContext | null; auth: { user: { id: string }; via: string } | null }) {
  if (!request.chain || !request.auth) throw unauthorized();
  return { chain: request.chain, userId: request.auth.user.id, via: request.auth.via };
}

/** Which observations a member may read, as a SQL condition (confidentiality of PRODUCT.md). */
function readable(chain: ChainContext) {
  if (chain.role === 'coordinator') return undefined;
  const isPublic = sql`exists (select 1 from indicators i where i.chain_id = "observations"."chain_id" and i.id = "observations"."indicator_id" and i.confidentiality = 'public')`;
  if (chain.role === 'partner' && chain.actorId) return or(eq(observations.actorId, chain.actorId), isPublic);
  return isPublic;
}

export function observationRoutes(app: App, { db }: Deps) {
  app.route({
    method: 'GET',
    url: '/chains/:chainId/observations',
    config: { access: { chain: ALL } },
    schema: {
      tags: ['data collection'],
      params: ChainParams,
      querystring: ObservationQuery,
      response: { 200: listOf(Observation) },
    },
    handler: async (request) => {
      const { chain } = ctx(request);
      const q = request.query;
      const after = decodeCursor(q.cursor);
      const rows = await db
        .select()
        .from(observations)
        .where(
          and(
            eq(observations.chainId, chain.id),
            readable(chain),
            after ? gt(observations.id, after) : undefined,
            q.indicatorId ? eq(observations.indicatorId, q.indicatorId) : undefined,
            q.actorId ? eq(observations.actorId, q.actorId) : undefined,
            q.period ? eq(observations.period, q.period) : undefined,
            q.status ? eq(observations.status, q.status) : undefined,
          ),
        )
        .orderBy(asc(observations.id))
        .limit(q.limit + 1);
      const result = page(rows, q.limit);
      return { items: result.items.map(toObservation), nextCursor: result.nextCursor };
    },
  });

  app.route({
    method: 'PUT',
    url: '/chains/:chainId/observations',
    config: { access: { chain: WRITERS } },
    schema: {
      tags: ['data collection'],
      params: ChainParams,
      body: ObservationBatch,
      response: { 200: ObservationBatchAnswer },
    },
    handler: async (request) => {
      const { chain, userId, via } = ctx(request);
      const items = await upsertObservations(
        db,
        chain,
        userId,
        request.body.items,
        via === 'token' ? 'api' : 'form',
      );
      return { items };
    },
  });

  app.route({
    method: 'GET',
    url: '/chains/:chainId/observations/:id',
    config: { access: { chain: ALL } },
    schema: { tags: ['data collection'], params: IdParams, response: { 200: Observation } },
    handler: async (request, reply) => {
      const { chain } = ctx(request);
      const row = (
        await db
          .select()
          .from(observations)
          .where(
            and(eq(observations.chainId, chain.id), eq(observations.id, request.params.id), readable(chain)),
          )
          .limit(1)
      )[0];
      if (!row) throw notFound();
      setEtag(reply, row);
      return toObservation(row);
    },
  });

  app.route({
    method: 'DELETE',
    url: '/chains/:chainId/observations/:id',
    config: { access: { chain: WRITERS } },
    schema: { tags: ['data collection'], params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      const { chain, userId } = ctx(request);
      const version = expectedVersion(request);
      await db.transaction(async (tx) => {
        const row = (
          await tx
            .select()
            .from(observations)
            .where(
              and(
                eq(observations.chainId, chain.id),
                eq(observations.id, request.params.id),
                readable(chain),
              ),
            )
            .limit(1)
        )[0];
        if (!row) throw notFound();
        if (chain.role === 'partner' && row.actorId !== chain.actorId) throw notFound();
        if (row.status === 'approved')
          throw conflict('An approved value is locked until a coordinator reopens its period.');
        const deleted = await tx
          .delete(observations)
          .where(
            and(
              eq(observations.chainId, chain.id),
              eq(observations.id, row.id),
              eq(observations.version, version),
            ),
          )
          .returning({ id: observations.id });
        if (deleted.length === 0) throw staleVersion();
        await recordAudit(tx, {
          chainId: chain.id,
          userId,
          action: 'delete',
          entityType: 'observation',
          entityId: row.id,
          before: {
            indicatorId: row.indicatorId,
            actorId: row.actorId,
            period: row.period,
            value: row.value,
            status: row.status,
          },
          after: null,
        });
      });
      return reply.code(204).send(null);
    },
  });

  const moves = [
    { path: 'approval', from: ['submitted'] as const, to: 'approved' as const, body: ApprovalBody },
    { path: 'reopen', from: ['approved'] as const, to: 'submitted' as const, body: ApprovalBody },
    { path: 'rejection', from: ['submitted'] as const, to: 'rejected' as const, body: RejectionBody },
  ];
  for (const move of moves) {
    app.route({
      method: 'POST',
      url: `/chains/:chainId/observations/${move.path}`,
      config: { access: { chain: COORDINATOR } },
      schema: {
        tags: ['data collection'],
        params: ChainParams,
        body: move.body,
        response: { 200: ApprovalAnswer },
      },
      handler: async (request) => {
        const { chain, userId } = ctx(request);
        const body = request.body as {
          period: string;
          indicatorId?: string;
          actorId?: string;
          reason?: string;
        };
        const count = await transition(db, chain, userId, body, [...move.from], move.to, body.reason);
        return { count };
      },
    });
  }

  app.route({
    method: 'GET',
    url: '/chains/:chainId/indicators/:id/series',
    config: { access: { chain: ALL } },
    schema: {
      tags: ['data collection'],
      params: IdParams,
      querystring: SeriesQuery,
      response: { 200: SeriesAnswer },
    },
    handler: async (request) => {
      const { chain } = ctx(request);
      return getSeries(db, chain, request.locale, request.params.id, request.query);
    },
  });
}
