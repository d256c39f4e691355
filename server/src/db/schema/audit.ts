import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { chainIdColumn } from './columns';

/**
 * Append-only journal of every write (QUALITY.md "Audit"). A trigger (migrations 0001, 0010) refuses
 * UPDATE and DELETE, except DELETE when the transaction purges a whole chain and an UPDATE that only
 * pseudonymises `changes` during an erasure (docs/personal-data.md). `user_id` has no foreign key so
 * that erasing a user leaves pseudonymised rows behind.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    chainId: chainIdColumn(),
    id: uuid('id').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    userId: uuid('user_id'),
    action: text('action', { enum: ['create', 'update', 'delete'] }).notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    changes: jsonb('changes').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    index('audit_entity_idx').on(t.chainId, t.entityId, t.id),
  ],
);
