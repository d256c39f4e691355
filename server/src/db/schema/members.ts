import { foreignKey, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { chainIdColumn, entityColumns } from './columns';
import { actors } from './meta';

export const members = pgTable(
  'members',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['coordinator', 'partner', 'observer'] }).notNull(),
    actorId: uuid('actor_id'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.userId] }),
    foreignKey({ columns: [t.chainId, t.actorId], foreignColumns: [actors.chainId, actors.id] }),
  ],
);
