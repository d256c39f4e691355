import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';
import { chains } from './chains';

/** `id`, `version`, `createdAt`, `updatedAt`: the fields every entity carries (API.md). */
export const entityColumns = () => ({
  id: uuid('id').notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** The tenant column: leads every tenant table's primary key (Citus distribution column). */
export const chainIdColumn = () =>
  uuid('chain_id')
    .notNull()
    .references(() => chains.id, { onDelete: 'cascade' });
