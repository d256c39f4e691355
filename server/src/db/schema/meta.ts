import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
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

/** People of an actor: personal data, seen by coordinators and the actor's own partners only. */
export const contacts = pgTable(
  'contacts',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    actorId: uuid('actor_id').notNull(),
    name: text('name').notNull(),
    role: text('role'),
    email: text('email'),
    phone: text('phone'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    foreignKey({ columns: [t.chainId, t.actorId], foreignColumns: [actors.chainId, actors.id] }).onDelete(
      'cascade',
    ),
    index('contacts_actor_idx').on(t.chainId, t.actorId),
  ],
);

/** Offers and needs (offres et besoins) of actors. */
export const intents = pgTable(
  'intents',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    actorId: uuid('actor_id').notNull(),
    direction: text('direction', { enum: ['offer', 'need'] }).notNull(),
    resource: text('resource').notNull(),
    quantity: doublePrecision('quantity'),
    unit: text('unit'),
    period: text('period'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    foreignKey({ columns: [t.chainId, t.actorId], foreignColumns: [actors.chainId, actors.id] }).onDelete(
      'cascade',
    ),
    index('intents_actor_idx').on(t.chainId, t.actorId),
  ],
);

/** A gap the coordinators chose to set aside, with their reason (keyed by the gap's stable key). */
export const gapDismissals = pgTable(
  'gap_dismissals',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    key: text('key').notNull(),
    reason: text('reason').notNull(),
    dismissedBy: uuid('dismissed_by'),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.key] })],
);

/** Import jobs: their state lives in the database so that any server can report their progress. */
export const imports = pgTable(
  'imports',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    kind: text('kind').notNull(),
    dryRun: boolean('dry_run').notNull(),
    status: text('status', { enum: ['running', 'succeeded', 'failed'] }).notNull(),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    imported: integer('imported').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    errors: jsonb('errors').notNull().default([]),
    createdBy: uuid('created_by'),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] })],
);
