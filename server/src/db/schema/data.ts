import {
  date,
  doublePrecision,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { chainIdColumn, entityColumns } from './columns';
import { actors } from './meta';

/** Shared indicators (indicateurs partagés), developed with the partners. */
export const indicators = pgTable(
  'indicators',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    unit: text('unit'),
    category: text('category', { enum: ['context', 'process', 'impact', 'supply', 'demand'] }).notNull(),
    capitals: text('capitals').array().notNull().default([]),
    dimension: text('dimension', { enum: ['capital', 'ownership', 'livelihoods'] }),
    valueType: text('value_type', {
      enum: ['number', 'percentage', 'currency', 'count', 'boolean'],
    }).notNull(),
    aggregation: text('aggregation', { enum: ['sum', 'mean', 'min', 'max', 'latest', 'ratio'] }).notNull(),
    numeratorId: uuid('numerator_id'),
    denominatorId: uuid('denominator_id'),
    factor: doublePrecision('factor'),
    periodicity: text('periodicity', { enum: ['month', 'quarter', 'year'] }).notNull(),
    direction: text('direction', { enum: ['increase', 'decrease', 'maintain'] }).notNull(),
    target: doublePrecision('target'),
    min: doublePrecision('min'),
    max: doublePrecision('max'),
    reporters: text('reporters', { enum: ['all', 'stages', 'coordinator'] }).notNull(),
    reporterStageIds: uuid('reporter_stage_ids').array(),
    status: text('status', { enum: ['proposed', 'adopted', 'retired'] }).notNull(),
    confidentiality: text('confidentiality', { enum: ['public', 'aggregate', 'private'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('indicators_code_unique').on(t.chainId, t.code),
    foreignKey({ columns: [t.chainId, t.numeratorId], foreignColumns: [t.chainId, t.id] }),
    foreignKey({ columns: [t.chainId, t.denominatorId], foreignColumns: [t.chainId, t.id] }),
  ],
);

/** Observations: one value per (indicator, actor, period); a null actor is a chain-level value. */
export const observations = pgTable(
  'observations',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    indicatorId: uuid('indicator_id').notNull(),
    actorId: uuid('actor_id'),
    period: text('period').notNull(),
    /** First day of the period: what range queries and roll-ups work on. */
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    value: doublePrecision('value').notNull(),
    note: text('note'),
    status: text('status', { enum: ['draft', 'submitted', 'approved', 'rejected'] }).notNull(),
    source: text('source', { enum: ['form', 'import', 'api'] }).notNull(),
    rejectReason: text('reject_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    approvedBy: uuid('approved_by'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('observations_key').on(t.chainId, t.indicatorId, t.actorId, t.period).nullsNotDistinct(),
    foreignKey({
      columns: [t.chainId, t.indicatorId],
      foreignColumns: [indicators.chainId, indicators.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.chainId, t.actorId], foreignColumns: [actors.chainId, actors.id] }).onDelete(
      'cascade',
    ),
    // The series query reads (indicator, period range) and groups by actor.
    index('observations_series_idx').on(t.chainId, t.indicatorId, t.periodStart, t.actorId),
    index('observations_actor_idx').on(t.chainId, t.actorId, t.period),
  ],
);

/** Collection campaigns: a period, its indicators, its respondents, a due date. */
export const campaigns = pgTable(
  'campaigns',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    name: text('name').notNull(),
    period: text('period').notNull(),
    indicatorIds: uuid('indicator_ids').array().notNull(),
    actorIds: uuid('actor_ids').array().notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] })],
);

/** Success stories written by coordinators (detected successes are computed from the data). */
export const successStories = pgTable(
  'success_stories',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    title: text('title').notNull(),
    story: text('story').notNull(),
    actorIds: uuid('actor_ids').array().notNull().default([]),
    indicatorId: uuid('indicator_id'),
    period: text('period'),
    date: date('date', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] })],
);

/** In-app notifications (reminders, requests); `dedupeKey` keeps a reminder from being sent twice. */
export const notifications = pgTable(
  'notifications',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    dedupeKey: text('dedupe_key').notNull(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
    emailedAt: timestamp('emailed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    unique('notifications_dedupe').on(t.chainId, t.userId, t.dedupeKey),
    index('notifications_user_idx').on(t.chainId, t.userId, t.readAt),
  ],
);
