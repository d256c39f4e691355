import { Intent, IntentCreate, IntentQuery, IntentUpdate } from '@tisserand/core';
import { eq } from 'drizzle-orm';
import { actors, intents } from '../../db/schema/index';
import { existingIds, registerCollection, withIsoFields } from '../../http/collection';
import { badRequest, forbidden } from '../../http/errors';
import type { App, Deps } from '../../http/types';

export const toIntent = (row: typeof intents.$inferSelect): Intent =>
  withIsoFields(row, {
    actorId: row.actorId,
    direction: row.direction,
    resource: row.resource,
    quantity: row.quantity,
    unit: row.unit,
    period: row.period,
    note: row.note,
  });

/** Offers and needs of actors; partners keep their own actor's. */
export function intentRoutes(app: App, deps: Deps) {
  registerCollection(app, deps, {
    path: 'intents',
    entityType: 'intent',
    tag: 'meta vision',
    table: intents,
    create: IntentCreate,
    update: IntentUpdate,
    entity: Intent,
    query: IntentQuery,
    readRoles: ['coordinator', 'partner', 'observer'],
    writeRoles: ['coordinator', 'partner'],
    filters: (q) => [
      typeof q.actorId === 'string' ? eq(intents.actorId, q.actorId) : undefined,
      typeof q.direction === 'string' ? eq(intents.direction, q.direction as 'offer') : undefined,
    ],
    canWrite: (chain, before, after) => {
      if (chain.role !== 'partner') return;
      if ((before && before.actorId !== chain.actorId) || after.actorId !== chain.actorId) {
        throw forbidden('A partner keeps its own actor’s offers and needs only.');
      }
    },
    toValues: (input) => ({ ...input }),
    check: async ({ tx, chain }, after) => {
      const found = await existingIds(tx, actors, chain.id, [String(after.actorId)]);
      if (found.size === 0)
        throw badRequest('Unknown actor.', [
          { path: 'body.actorId', message: 'no such actor in this chain' },
        ]);
    },
    toApi: (row) => toIntent(row),
  });
}
