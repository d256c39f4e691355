import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { chainIdColumn, entityColumns } from './columns';

/** Stages (maillons), ordered from producer to consumer. */
export const stages = pgTable(
  'stages',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    description: text('description'),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] })],
);

export const actors = pgTable(
  'actors',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    name: text('name').notNull(),
    kind: text('kind', {
      enum: ['business', 'organisation', 'agency', 'collective', 'person', 'community'],
    }).notNull(),
    role: text('role', { enum: ['demand', 'transactional', 'support'] }).notNull(),
    status: text('status', { enum: ['potential', 'engaged', 'committed', 'inactive'] }).notNull(),
    selfInterest: text('self_interest'),
    description: text('description'),
    municipality: text('municipality'),
    postalCode: text('postal_code'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    inRegion: boolean('in_region').notNull().default(true),
    localOwnershipPct: doublePrecision('local_ownership_pct').notNull().default(100),
    lowIncomeFocus: boolean('low_income_focus').notNull().default(false),
    employees: integer('employees'),
    tags: text('tags').array().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] }), index('actors_name_idx').on(t.chainId, t.name)],
);

/** The stages an actor works in. */
export const actorStages = pgTable(
  'actor_stages',
  {
    chainId: chainIdColumn(),
    actorId: uuid('actor_id').notNull(),
    stageId: uuid('stage_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.actorId, t.stageId] }),
    foreignKey({ columns: [t.chainId, t.actorId], foreignColumns: [actors.chainId, actors.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.chainId, t.stageId], foreignColumns: [stages.chainId, stages.id] }).onDelete(
      'cascade',
    ),
    index('actor_stages_stage_idx').on(t.chainId, t.stageId),
  ],
);

export const flows = pgTable(
  'flows',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    sourceId: uuid('source_id').notNull(),
    targetId: uuid('target_id').notNull(),
    type: text('type', { enum: ['product', 'money', 'service', 'information', 'support'] }).notNull(),
    supportKind: text('support_kind', {
      enum: ['finance', 'technical_assistance', 'training', 'research', 'policy', 'other'],
    }),
    product: text('product'),
    quantity: doublePrecision('quantity'),
    unit: text('unit'),
    value: doublePrecision('value'),
    status: text('status', { enum: ['active', 'planned', 'broken'] }).notNull(),
    since: date('since', { mode: 'string' }),
    until: date('until', { mode: 'string' }),
    description: text('description'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    foreignKey({ columns: [t.chainId, t.sourceId], foreignColumns: [actors.chainId, actors.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.chainId, t.targetId], foreignColumns: [actors.chainId, actors.id] }).onDelete(
      'cascade',
    ),
    index('flows_source_idx').on(t.chainId, t.sourceId),
    index('flows_target_idx').on(t.chainId, t.targetId),
  ],
);
