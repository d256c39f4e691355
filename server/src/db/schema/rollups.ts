import { date, doublePrecision, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { chainIdColumn } from './columns';

/**
 * Incremental roll-ups of the observations (submitted and approved ones), per indicator, actor,
 * periodicity and bucket, kept exact by statement-level triggers on `observations` in the same
 * transaction as every write (migration 0011): a series reads a few rows per actor and bucket
 * instead of every observation, and new data is visible in the very next query. Derived data:
 * not in backups, rebuilt by the triggers. `actor_key` is the actor, or the nil UUID for values
 * the coordination reports for the whole chain.
 */
export const observationRollups = pgTable(
  'observation_rollups',
  {
    chainId: chainIdColumn(),
    indicatorId: uuid('indicator_id').notNull(),
    periodicity: text('periodicity', { enum: ['month', 'quarter', 'year'] }).notNull(),
    bucket: text('bucket').notNull(),
    actorKey: uuid('actor_key').notNull(),
    status: text('status', { enum: ['submitted', 'approved'] }).notNull(),
    bucketStart: date('bucket_start', { mode: 'string' }).notNull(),
    /** First day of the year the bucket is in: the unit the triggers recompute. */
    yearStart: date('year_start', { mode: 'string' }).notNull(),
    sum: doublePrecision('sum').notNull(),
    count: integer('count').notNull(),
    min: doublePrecision('min').notNull(),
    max: doublePrecision('max').notNull(),
    /** The actor's most recent value in the bucket, and the first day of its period. */
    latest: doublePrecision('latest').notNull(),
    latestStart: date('latest_start', { mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.indicatorId, t.periodicity, t.bucket, t.actorKey, t.status] }),
    index('observation_rollups_actor_year_idx').on(t.chainId, t.indicatorId, t.actorKey, t.yearStart),
  ],
);
