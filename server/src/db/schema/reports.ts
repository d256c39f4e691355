import {
  boolean,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { chainIdColumn, entityColumns } from './columns';

/** A report section as stored (the contract in core/src/contracts/reports.ts validates it). */
export type StoredReportSection = { type: string } & Record<string, unknown>;

/**
 * Reports (rapports) composed by the coordinators and published at `/r/{slug}`. The slug is
 * unique in the whole instance; that is checked by the application under an advisory lock,
 * since a distributed (Citus) table cannot hold a unique index without its `chain_id`.
 */
export const reports = pgTable(
  'reports',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    title: text('title').notNull(),
    slug: text('slug').notNull(),
    summary: text('summary'),
    locale: text('locale', { enum: ['fr', 'en'] })
      .notNull()
      .default('fr'),
    sections: jsonb('sections').$type<StoredReportSection[]>().notNull().default([]),
    published: boolean('published').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    uniqueIndex('reports_chain_slug_key').on(t.chainId, t.slug),
    index('reports_slug_idx').on(t.slug),
  ],
);
