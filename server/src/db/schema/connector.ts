import { date, doublePrecision, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { chainIdColumn, entityColumns } from './columns';

/** Convenings (rencontres) around a common interest. */
export const convenings = pgTable(
  'convenings',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    title: text('title').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    location: text('location'),
    purpose: text('purpose'),
    commonInterest: text('common_interest'),
    invitedActorIds: uuid('invited_actor_ids').array().notNull().default([]),
    attendeeActorIds: uuid('attendee_actor_ids').array().notNull().default([]),
    notes: text('notes'),
    outcomes: text('outcomes'),
    flowIds: uuid('flow_ids').array().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] })],
);

/** The exchanges journal: calls, visits, meetings, e-mails, introductions. */
export const interactions = pgTable(
  'interactions',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: ['meeting', 'call', 'email', 'visit', 'introduction', 'other'] }).notNull(),
    actorIds: uuid('actor_ids').array().notNull(),
    summary: text('summary').notNull(),
    followUpDate: date('follow_up_date', { mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] })],
);

/** Introductions (mises en relation), followed to a relationship (a flow) or a decline. */
export const introductions = pgTable(
  'introductions',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    fromActorId: uuid('from_actor_id').notNull(),
    toActorId: uuid('to_actor_id').notNull(),
    reason: text('reason'),
    status: text('status', { enum: ['proposed', 'made', 'relationship_formed', 'declined'] }).notNull(),
    flowId: uuid('flow_id'),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] })],
);

/** Outside resources: technical assistance, funders, investors, training, research, policy. */
export const resources = pgTable(
  'resources',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    kind: text('kind', {
      enum: ['technical_assistance', 'funding', 'investment', 'training', 'research', 'policy', 'other'],
    }).notNull(),
    name: text('name').notNull(),
    organization: text('organization'),
    description: text('description'),
    url: text('url'),
    deadline: date('deadline', { mode: 'string' }),
    amount: doublePrecision('amount'),
    capitals: text('capitals').array().notNull().default([]),
    actorIds: uuid('actor_ids').array().notNull().default([]),
    gapKeys: text('gap_keys').array().notNull().default([]),
    status: text('status', {
      enum: ['identified', 'contacted', 'applied', 'obtained', 'declined'],
    }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] })],
);
