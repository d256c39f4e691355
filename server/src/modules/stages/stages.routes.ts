import { Stage, StageCreate, StageUpdate } from '@tisserand/core';
import { stages } from '../../db/schema/index';
import { registerCollection, withIsoFields } from '../../http/collection';
import type { App, Deps } from '../../http/types';

export const toStage = (row: typeof stages.$inferSelect): Stage =>
  withIsoFields(row, {
    name: row.name,
    position: row.position,
    description: row.description,
  });

/** Stages (maillons), ordered by `position` from producer to consumer. */
export function stageRoutes(app: App, deps: Deps) {
  registerCollection(app, deps, {
    path: 'stages',
    entityType: 'stage',
    tag: 'meta vision',
    table: stages,
    create: StageCreate,
    update: StageUpdate,
    entity: Stage,
    readRoles: ['coordinator', 'partner', 'observer'],
    writeRoles: ['coordinator'],
    toValues: (input) => ({ ...input }),
    toApi: (row) => toStage(row),
  });
}
