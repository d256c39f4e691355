import {
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { chainIdColumn, entityColumns } from './columns';
import { indicators } from './data';
import { actors } from './meta';

/** Shared goals (objectifs partagés) of the region's wealth creation. */
export const goals = pgTable(
  'goals',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    title: text('title').notNull(),
    description: text('description'),
    dimension: text('dimension', { enum: ['capital', 'ownership', 'livelihoods'] }).notNull(),
    capitals: text('capitals').array().notNull().default([]),
    indicatorId: uuid('indicator_id'),
    baseline: doublePrecision('baseline'),
    targetValue: doublePrecision('target_value'),
    targetDate: date('target_date', { mode: 'string' }),
    status: text('status', { enum: ['proposed', 'adopted', 'achieved', 'abandoned'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    foreignKey({ columns: [t.chainId, t.indicatorId], foreignColumns: [indicators.chainId, indicators.id] }),
  ],
);

/** Commitments (engagements): an actor acts toward a goal. */
export const commitments = pgTable(
  'commitments',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    goalId: uuid('goal_id').notNull(),
    actorId: uuid('actor_id').notNull(),
    description: text('description').notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status', { enum: ['pledged', 'in_progress', 'fulfilled', 'lapsed'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    foreignKey({ columns: [t.chainId, t.goalId], foreignColumns: [goals.chainId, goals.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.chainId, t.actorId], foreignColumns: [actors.chainId, actors.id] }).onDelete(
      'cascade',
    ),
    index('commitments_goal_idx').on(t.chainId, t.goalId),
  ],
);

/** Initiatives (actions and investments) with their wealth matrix. */
export const initiatives = pgTable(
  'initiatives',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    title: text('title').notNull(),
    description: text('description'),
    leadActorId: uuid('lead_actor_id'),
    actorIds: uuid('actor_ids').array().notNull().default([]),
    goalIds: uuid('goal_ids').array().notNull().default([]),
    status: text('status', { enum: ['planned', 'active', 'done', 'stopped'] }).notNull(),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    budget: doublePrecision('budget'),
    wealthMatrix: jsonb('wealth_matrix')
      .$type<Record<string, { effect: number; note?: string }>>()
      .notNull()
      .default({}),
    ownershipEffect: integer('ownership_effect').notNull().default(0),
    livelihoodsEffect: integer('livelihoods_effect').notNull().default(0),
    harmAcceptances: jsonb('harm_acceptances').$type<Record<string, string>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    foreignKey({ columns: [t.chainId, t.leadActorId], foreignColumns: [actors.chainId, actors.id] }),
  ],
);
