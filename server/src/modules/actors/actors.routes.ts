import {
  Actor,
  ActorCreate,
  ActorQuery,
  ActorUpdate,
  Contact,
  ContactCreate,
  ContactUpdate,
} from '@tisserand/core';
import { eq, ilike, sql } from 'drizzle-orm';
import { actors, contacts, stages } from '../../db/schema/index';
import { existingIds, registerCollection, withIsoFields } from '../../http/collection';
import type { ChainContext } from '../../http/context';
import { badRequest, forbidden, notFound } from '../../http/errors';
import type { App, Deps } from '../../http/types';
import { setActorStages, stageIdsOf } from './actors.repository';

export const toActor = (row: typeof actors.$inferSelect, stageIds: string[]): Actor =>
  withIsoFields(row, {
    name: row.name,
    kind: row.kind,
    role: row.role,
    stageIds,
    status: row.status,
    selfInterest: row.selfInterest,
    description: row.description,
    municipality: row.municipality,
    postalCode: row.postalCode,
    lat: row.lat,
    lon: row.lon,
    inRegion: row.inRegion,
    localOwnershipPct: row.localOwnershipPct,
    lowIncomeFocus: row.lowIncomeFocus,
    employees: row.employees,
    tags: row.tags,
  });

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A partner speaks for its own actor only. */
function ownActorOnly(chain: ChainContext, actorId: unknown) {
  if (chain.role === 'partner' && chain.actorId !== actorId)
    throw forbidden('A partner changes its own actor only.');
}

export function actorRoutes(app: App, deps: Deps) {
  registerCollection(app, deps, {
    path: 'actors',
    entityType: 'actor',
    tag: 'meta vision',
    table: actors,
    create: ActorCreate,
    update: ActorUpdate,
    entity: Actor,
    query: ActorQuery,
    readRoles: ['coordinator', 'partner', 'observer'],
    writeRoles: ['coordinator', 'partner'],
    filters: (q) => [
      typeof q.q === 'string' && q.q.trim() ? ilike(actors.name, `%${escapeLike(q.q.trim())}%`) : undefined,
      typeof q.role === 'string' ? eq(actors.role, q.role as 'demand') : undefined,
      typeof q.status === 'string' ? eq(actors.status, q.status as 'engaged') : undefined,
      typeof q.stageId === 'string'
        ? sql`exists (select 1 from actor_stages s where s.chain_id = "actors"."chain_id" and s.actor_id = "actors"."id" and s.stage_id = ${q.stageId})`
        : undefined,
    ],
    canWrite: (chain, before, after, action) => {
      if (chain.role !== 'partner') return;
      if (!before || action !== 'update') throw forbidden('Only coordinators add or remove actors.');
      ownActorOnly(chain, before.id);
      // The engagement pipeline is the coordinators' to move.
      if (after.status !== before.status)
        throw forbidden('Only coordinators change an actor’s engagement status.');
    },
    toValues: ({ stageIds: _stageIds, ...rest }) => rest,
    check: async ({ tx, chain }, _after, _before, input) => {
      const ids = (input.stageIds as string[] | undefined) ?? [];
      const found = await existingIds(tx, stages, chain.id, ids);
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length > 0) {
        throw badRequest(
          'Unknown stages.',
          missing.map((id) => ({
            path: `body.stageIds.${ids.indexOf(id)}`,
            message: 'no such stage in this chain',
          })),
        );
      }
    },
    afterWrite: async ({ tx, chain }, id, input) => {
      if (Array.isArray(input.stageIds)) await setActorStages(tx, chain.id, id, input.stageIds as string[]);
    },
    extras: async (conn, chainId, ids) => {
      const map = await stageIdsOf(conn, chainId, ids);
      return new Map(ids.map((id) => [id, { stageIds: map.get(id) ?? [] }]));
    },
    toApi: (row, extra) => toActor(row, (extra?.stageIds as string[] | undefined) ?? []),
  });

  registerCollection(app, deps, {
    path: 'actors/:actorId/contacts',
    entityType: 'contact',
    tag: 'meta vision',
    table: contacts,
    create: ContactCreate,
    update: ContactUpdate,
    entity: Contact,
    // Personal data: coordinators and the actor's own partners only.
    readRoles: ['coordinator', 'partner'],
    writeRoles: ['coordinator', 'partner'],
    canRead: (chain, params) => ownActorOnly(chain, params.actorId),
    parentVisible: async (db, chain, params) =>
      (await existingIds(db, actors, chain.id, [params.actorId ?? ''])).size > 0,
    filters: (_q, params) => [params.actorId ? eq(contacts.actorId, params.actorId) : undefined],
    toValues: (input, params) => ({ ...input, actorId: params.actorId }),
    check: async ({ tx, chain }, after) => {
      const found = await existingIds(tx, actors, chain.id, [String(after.actorId)]);
      if (found.size === 0) throw notFound('No such actor.');
    },
    toApi: (row) =>
      withIsoFields(row, {
        actorId: row.actorId,
        name: row.name,
        role: row.role,
        email: row.email,
        phone: row.phone,
      }),
  });
}
