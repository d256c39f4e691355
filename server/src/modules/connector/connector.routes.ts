import {
  ChainParams,
  Convening,
  ConveningCreate,
  ConveningUpdate,
  capitalKeys,
  IdParams,
  Interaction,
  InteractionCreate,
  InteractionQuery,
  InteractionUpdate,
  Introduction,
  IntroductionCreate,
  IntroductionUpdate,
  PipelineMove,
  QuietActor,
  QuietQuery,
  Resource,
  ResourceCreate,
  ResourceUpdate,
  Suggestion,
  suggestMatches,
} from '@tisserand/core';
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import {
  actors,
  auditLog,
  convenings,
  flows,
  interactions,
  introductions,
  resources,
} from '../../db/schema/index';
import { existingIds, registerCollection, withIsoFields } from '../../http/collection';
import type { ChainContext } from '../../http/context';
import { badRequest, type FieldError, notFound, unauthorized } from '../../http/errors';
import type { App, Deps } from '../../http/types';
import { todayIso } from '../../lib/dates';
import { loadChainModel } from '../map/map.repository';

const ALL = ['coordinator', 'partner', 'observer'] as const;
const COORDINATOR = ['coordinator'] as const;

function chainOf(request: { chain: ChainContext | null }) {
  if (!request.chain) throw unauthorized();
  return request.chain;
}

async function actorErrors(tx: Db | Tx, chainId: string, ids: unknown, field: string): Promise<FieldError[]> {
  const list = (ids as string[] | undefined) ?? [];
  const found = await existingIds(tx, actors, chainId, list);
  return list.flatMap((id, i) =>
    found.has(id) ? [] : [{ path: `body.${field}.${i}`, message: 'no such actor in this chain' }],
  );
}

/** Escapes a text for an iCalendar property (RFC 5545 §3.3.11). */
const icsText = (s: string) =>
  s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

export function convening2ics(c: typeof convenings.$inferSelect, url: string): string {
  const day = c.date.replaceAll('-', '');
  const next = new Date(Date.parse(`${c.date}T00:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replaceAll('-', '');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tisserand//Rencontres//FR',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${c.id}@tisserand`,
    `DTSTAMP:${c.updatedAt
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '')}`,
    `DTSTART;VALUE=DATE:${day}`,
    `DTEND;VALUE=DATE:${next}`,
    `SUMMARY:${icsText(c.title)}`,
    ...(c.location ? [`LOCATION:${icsText(c.location)}`] : []),
    ...(c.purpose || c.commonInterest
      ? [`DESCRIPTION:${icsText([c.purpose, c.commonInterest].filter(Boolean).join('\n\n'))}`]
      : []),
    `URL:${url}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  // Lines are CRLF-terminated; long lines are folded at 75 octets.
  return `${lines.map((l) => (l.length > 75 ? (l.match(/.{1,74}/g)?.join('\r\n ') ?? l) : l)).join('\r\n')}\r\n`;
}

/** Connector and organizer: convenings, exchanges, matchmaking, introductions, outside resources, pipeline. */
export function connectorRoutes(app: App, deps: Deps) {
  const { db } = deps;

  registerCollection(app, deps, {
    path: 'convenings',
    entityType: 'convening',
    tag: 'connector',
    table: convenings,
    create: ConveningCreate,
    update: ConveningUpdate,
    entity: Convening,
    readRoles: ALL,
    writeRoles: COORDINATOR,
    toValues: (input) => ({ ...input }),
    check: async ({ tx, chain }, after) => {
      const errors = [
        ...(await actorErrors(tx, chain.id, after.invitedActorIds, 'invitedActorIds')),
        ...(await actorErrors(tx, chain.id, after.attendeeActorIds, 'attendeeActorIds')),
      ];
      const flowIds = (after.flowIds as string[] | undefined) ?? [];
      const found = await existingIds(tx, flows, chain.id, flowIds);
      flowIds.forEach((id, i) => {
        if (!found.has(id)) errors.push({ path: `body.flowIds.${i}`, message: 'no such flow in this chain' });
      });
      if (errors.length > 0) throw badRequest('Invalid convening.', errors);
    },
    toApi: (row) =>
      withIsoFields(row, {
        title: row.title,
        date: row.date,
        location: row.location,
        purpose: row.purpose,
        commonInterest: row.commonInterest,
        invitedActorIds: row.invitedActorIds,
        attendeeActorIds: row.attendeeActorIds,
        notes: row.notes,
        outcomes: row.outcomes,
        flowIds: row.flowIds,
      }),
  });

  app.route({
    method: 'GET',
    url: '/chains/:chainId/convenings/:id/calendar.ics',
    config: { access: { chain: ALL } },
    schema: { tags: ['connector'], params: IdParams },
    handler: async (request, reply) => {
      const chain = chainOf(request);
      const row = (
        await db
          .select()
          .from(convenings)
          .where(and(eq(convenings.chainId, chain.id), eq(convenings.id, request.params.id)))
          .limit(1)
      )[0];
      if (!row) throw notFound();
      const url = `${request.protocol}://${request.host}/chains/${chain.id}/convenings/${row.id}`;
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="rencontre-${row.date}.ics"`)
        .send(convening2ics(row, url));
    },
  });

  registerCollection(app, deps, {
    path: 'interactions',
    entityType: 'interaction',
    tag: 'connector',
    table: interactions,
    create: InteractionCreate,
    update: InteractionUpdate,
    entity: Interaction,
    query: InteractionQuery,
    readRoles: ALL,
    writeRoles: COORDINATOR,
    filters: (q) => [
      typeof q.actorId === 'string' ? sql`${q.actorId}::uuid = any(${interactions.actorIds})` : undefined,
    ],
    toValues: (input) => ({ ...input }),
    check: async ({ tx, chain }, after) => {
      const errors = await actorErrors(tx, chain.id, after.actorIds, 'actorIds');
      if (errors.length > 0) throw badRequest('Invalid interaction.', errors);
    },
    toApi: (row) =>
      withIsoFields(row, {
        date: row.date,
        kind: row.kind,
        actorIds: row.actorIds,
        summary: row.summary,
        followUpDate: row.followUpDate,
      }),
  });

  app.route({
    method: 'GET',
    url: '/chains/:chainId/interactions/quiet',
    config: { access: { chain: ALL } },
    schema: {
      tags: ['connector'],
      params: ChainParams,
      querystring: QuietQuery,
      response: { 200: z.array(QuietActor) },
    },
    handler: async (request) => {
      const chain = chainOf(request);
      const today = todayIso();
      const rows = await db
        .select({
          actorId: actors.id,
          name: actors.name,
          status: actors.status, // Qualified by hand: inside a one-table select Drizzle writes bare column names.
          last: sql<
            string | null
          >`(select max(i.date)::text from interactions i where i.chain_id = "actors"."chain_id" and "actors"."id" = any(i.actor_ids))`,
        })
        .from(actors)
        .where(and(eq(actors.chainId, chain.id), sql`${actors.status} in ('engaged', 'committed')`));
      const limit = request.query.days;
      return rows
        .map((r) => ({
          actorId: r.actorId,
          name: r.name,
          status: r.status,
          lastInteraction: r.last,
          days: r.last
            ? Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${r.last}T00:00:00Z`)) / 86_400_000)
            : null,
        }))
        .filter((r) => r.days === null || r.days >= limit)
        .sort(
          (a, b) =>
            (b.days ?? Number.POSITIVE_INFINITY) - (a.days ?? Number.POSITIVE_INFINITY) ||
            a.name.localeCompare(b.name),
        );
    },
  });

  app.route({
    method: 'GET',
    url: '/chains/:chainId/suggestions',
    config: { access: { chain: ALL } },
    schema: {
      tags: ['connector'],
      params: ChainParams,
      response: { 200: z.object({ items: z.array(Suggestion) }) },
    },
    handler: async (request) => {
      const chain = chainOf(request);
      const [model, declined] = await Promise.all([
        loadChainModel(db, chain.id),
        db
          .select({ fromActorId: introductions.fromActorId, toActorId: introductions.toActorId })
          .from(introductions)
          .where(and(eq(introductions.chainId, chain.id), eq(introductions.status, 'declined'))),
      ]);
      const items = suggestMatches({
        today: todayIso(),
        locale: request.locale,
        stages: model.stages.map((s) => ({ id: s.id, position: s.position })),
        actors: model.actors.map((a) => ({
          id: a.id,
          name: a.name,
          status: a.status,
          stageIds: model.stageIds.get(a.id) ?? [],
          lat: a.lat,
          lon: a.lon,
          localOwnershipPct: a.localOwnershipPct,
        })),
        flows: model.flows,
        intents: model.intents,
        declined,
      });
      return { items };
    },
  });

  registerCollection(app, deps, {
    path: 'introductions',
    entityType: 'introduction',
    tag: 'connector',
    table: introductions,
    create: IntroductionCreate,
    update: IntroductionUpdate,
    entity: Introduction,
    readRoles: ALL,
    writeRoles: COORDINATOR,
    toValues: (input) => ({ ...input }),
    check: async ({ tx, chain }, after) => {
      const errors = await actorErrors(tx, chain.id, [after.fromActorId, after.toActorId], 'actorIds');
      const fix = errors.map((e) => ({
        ...e,
        path: e.path.endsWith('.0') ? 'body.fromActorId' : 'body.toActorId',
      }));
      if (after.fromActorId === after.toActorId)
        fix.push({ path: 'body.toActorId', message: 'an introduction links two different actors' });
      if (after.flowId) {
        const flow = (
          await tx
            .select()
            .from(flows)
            .where(and(eq(flows.chainId, chain.id), eq(flows.id, String(after.flowId))))
            .limit(1)
        )[0];
        const ends = new Set([after.fromActorId, after.toActorId]);
        if (!flow) fix.push({ path: 'body.flowId', message: 'no such flow in this chain' });
        else if (!ends.has(flow.sourceId) || !ends.has(flow.targetId))
          fix.push({ path: 'body.flowId', message: 'the flow does not link the two actors' });
      }
      if (after.status === 'relationship_formed' && !after.flowId)
        fix.push({ path: 'body.flowId', message: 'a formed relationship is a flow: name it' });
      if (fix.length > 0) throw badRequest('Invalid introduction.', fix);
    },
    toApi: (row) =>
      withIsoFields(row, {
        fromActorId: row.fromActorId,
        toActorId: row.toActorId,
        reason: row.reason,
        status: row.status,
        flowId: row.flowId,
      }),
  });

  registerCollection(app, deps, {
    path: 'resources',
    entityType: 'resource',
    tag: 'connector',
    table: resources,
    create: ResourceCreate,
    update: ResourceUpdate,
    entity: Resource,
    readRoles: ALL,
    writeRoles: COORDINATOR,
    toValues: (input) => ({ ...input }),
    check: async ({ tx, chain }, after) => {
      const known = new Set(capitalKeys(chain.capitalFramework));
      const errors: FieldError[] = ((after.capitals as string[] | undefined) ?? []).flatMap((c, i) =>
        known.has(c)
          ? []
          : [{ path: `body.capitals.${i}`, message: 'not a capital of the chain’s framework' }],
      );
      errors.push(...(await actorErrors(tx, chain.id, after.actorIds, 'actorIds')));
      if (errors.length > 0) throw badRequest('Invalid resource.', errors);
    },
    toApi: (row) =>
      withIsoFields(row, {
        kind: row.kind,
        name: row.name,
        organization: row.organization,
        description: row.description,
        url: row.url,
        deadline: row.deadline,
        amount: row.amount,
        capitals: row.capitals,
        actorIds: row.actorIds,
        gapKeys: row.gapKeys,
        status: row.status,
      }),
  });

  app.route({
    method: 'GET',
    url: '/chains/:chainId/pipeline/moves',
    config: { access: { chain: COORDINATOR } },
    schema: {
      tags: ['connector'],
      params: ChainParams,
      response: { 200: z.object({ items: z.array(PipelineMove) }) },
    },
    handler: async (request) => {
      const chain = chainOf(request);
      // The history of engagement moves is read from the audit journal: every status change is there.
      const rows = await db
        .select()
        .from(auditLog)
        .where(
          and(
            eq(auditLog.chainId, chain.id),
            eq(auditLog.entityType, 'actor'),
            sql`${auditLog.changes} ? 'status'`,
          ),
        )
        .orderBy(desc(auditLog.id))
        .limit(500);
      return {
        items: rows.map((r) => {
          const change = (r.changes as Record<string, { before: unknown; after: unknown }>).status;
          return {
            actorId: r.entityId,
            from: typeof change?.before === 'string' ? change.before : null,
            to: String(change?.after ?? ''),
            userId: r.userId,
            at: r.at.toISOString(),
          };
        }),
      };
    },
  });
}
