import { Flow, FlowCreate, FlowQuery, FlowUpdate } from '@tisserand/core';
import { eq, or } from 'drizzle-orm';
import { actors, flows } from '../../db/schema/index';
import { existingIds, registerCollection, withIsoFields } from '../../http/collection';
import { badRequest, type FieldError } from '../../http/errors';
import type { App, Deps } from '../../http/types';

export const toFlow = (row: typeof flows.$inferSelect): Flow =>
  withIsoFields(row, {
    sourceId: row.sourceId,
    targetId: row.targetId,
    type: row.type,
    supportKind: row.supportKind,
    product: row.product,
    quantity: row.quantity,
    unit: row.unit,
    value: row.value,
    status: row.status,
    since: row.since,
    until: row.until,
    description: row.description,
  });

/** The rules of a flow that do not need the database (its ends are checked apart). */
export function flowProblems(f: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  if (f.sourceId === f.targetId)
    errors.push({ path: 'body.targetId', message: 'a flow links two different actors' });
  if (f.supportKind && f.type !== 'support')
    errors.push({ path: 'body.supportKind', message: 'only for support flows' });
  if (f.since && f.until && String(f.until) < String(f.since)) {
    errors.push({ path: 'body.until', message: 'must not be before since' });
  }
  return errors;
}

/** Flows between actors: product, money, service, information or support. */
export function flowRoutes(app: App, deps: Deps) {
  registerCollection(app, deps, {
    path: 'flows',
    entityType: 'flow',
    tag: 'meta vision',
    table: flows,
    create: FlowCreate,
    update: FlowUpdate,
    entity: Flow,
    query: FlowQuery,
    readRoles: ['coordinator', 'partner', 'observer'],
    writeRoles: ['coordinator'],
    filters: (q) => [
      typeof q.actorId === 'string'
        ? or(eq(flows.sourceId, q.actorId), eq(flows.targetId, q.actorId))
        : undefined,
      typeof q.type === 'string' ? eq(flows.type, q.type as 'product') : undefined,
      typeof q.status === 'string' ? eq(flows.status, q.status as 'active') : undefined,
    ],
    toValues: (input) => ({ ...input }),
    check: async ({ tx, chain }, after) => {
      const errors = flowProblems(after);
      const ends = [String(after.sourceId), String(after.targetId)];
      const found = await existingIds(tx, actors, chain.id, ends);
      if (!found.has(ends[0] ?? ''))
        errors.push({ path: 'body.sourceId', message: 'no such actor in this chain' });
      if (!found.has(ends[1] ?? ''))
        errors.push({ path: 'body.targetId', message: 'no such actor in this chain' });
      if (errors.length > 0) throw badRequest('Invalid flow.', errors);
    },
    toApi: (row) => toFlow(row),
  });
}
