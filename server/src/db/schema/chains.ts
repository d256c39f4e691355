import { bigint, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The tenant root: distributed by `id` (= every other table's `chain_id`). */
export const chains = pgTable('chains', {
  id: uuid('id').primaryKey(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  name: text('name').notNull(),
  region: text('region').notNull(),
  description: text('description'),
  marketOpportunity: text('market_opportunity'),
  capitalFramework: text('capital_framework', { enum: ['permacomptable', 'wealthworks'] })
    .notNull()
    .default('permacomptable'),
  publicMinGroupSize: integer('public_min_group_size').notNull().default(3),
  /**
   * Raised by a statement trigger on every write to the chain's entity tables (migration 0012):
   * list answers are cached under it, so a write makes them stale at once on every server
   * (`http/answer-cache.ts`). Not part of any API answer.
   */
  dataRevision: bigint('data_revision', { mode: 'number' }).notNull().default(0),
});
