import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { chainIdColumn, entityColumns } from './columns';
import { actors } from './meta';

/** Consensus proposals put to named participants (actors). */
export const proposals = pgTable(
  'proposals',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    title: text('title').notNull(),
    description: text('description'),
    participantActorIds: uuid('participant_actor_ids').array().notNull(),
    quorum: doublePrecision('quorum').notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true, mode: 'date' }).notNull(),
    subjectType: text('subject_type', { enum: ['goal', 'indicator', 'agreement'] }),
    subjectId: uuid('subject_id'),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    outcome: text('outcome', { enum: ['consensus', 'no_consensus', 'blocked'] }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] }), index('proposals_open_idx').on(t.status, t.closesAt)],
);

/** Every position taken, kept as history; the standing one is the latest per actor. */
export const proposalPositions = pgTable(
  'proposal_positions',
  {
    chainId: chainIdColumn(),
    id: uuid('id').notNull(),
    proposalId: uuid('proposal_id').notNull(),
    actorId: uuid('actor_id').notNull(),
    position: text('position', { enum: ['agree', 'abstain', 'disagree', 'block'] }).notNull(),
    reason: text('reason'),
    userId: uuid('user_id'),
    recordedByCoordinator: boolean('recorded_by_coordinator').notNull().default(false),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    foreignKey({
      columns: [t.chainId, t.proposalId],
      foreignColumns: [proposals.chainId, proposals.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.chainId, t.actorId], foreignColumns: [actors.chainId, actors.id] }).onDelete(
      'cascade',
    ),
    index('positions_proposal_idx').on(t.chainId, t.proposalId),
  ],
);

/** Agreements (accords) and their versioned terms. */
export const agreements = pgTable(
  'agreements',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    title: text('title').notNull(),
    partyActorIds: uuid('party_actor_ids').array().notNull(),
    terms: text('terms').notNull(),
    termsVersion: integer('terms_version').notNull().default(1),
    status: text('status', { enum: ['draft', 'negotiation', 'signed', 'expired', 'terminated'] }).notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] })],
);

export const agreementVersions = pgTable(
  'agreement_versions',
  {
    chainId: chainIdColumn(),
    agreementId: uuid('agreement_id').notNull(),
    termsVersion: integer('terms_version').notNull(),
    terms: text('terms').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.agreementId, t.termsVersion] }),
    foreignKey({
      columns: [t.chainId, t.agreementId],
      foreignColumns: [agreements.chainId, agreements.id],
    }).onDelete('cascade'),
  ],
);

/** A signature binds a party to one version of the terms. */
export const agreementSignatures = pgTable(
  'agreement_signatures',
  {
    chainId: chainIdColumn(),
    agreementId: uuid('agreement_id').notNull(),
    termsVersion: integer('terms_version').notNull(),
    actorId: uuid('actor_id').notNull(),
    userId: uuid('user_id'),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.agreementId, t.termsVersion, t.actorId] }),
    foreignKey({
      columns: [t.chainId, t.agreementId],
      foreignColumns: [agreements.chainId, agreements.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.chainId, t.actorId], foreignColumns: [actors.chainId, actors.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** Conflicts between partners: confidential to coordinators and the parties. */
export const conflicts = pgTable(
  'conflicts',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    title: text('title').notNull(),
    partyActorIds: uuid('party_actor_ids').array().notNull(),
    description: text('description'),
    severity: text('severity', { enum: ['low', 'medium', 'high'] }).notNull(),
    status: text('status', {
      enum: ['reported', 'in_mediation', 'resolved', 'escalated', 'closed'],
    }).notNull(),
    resolution: text('resolution'),
    agreementId: uuid('agreement_id'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    foreignKey({ columns: [t.chainId, t.agreementId], foreignColumns: [agreements.chainId, agreements.id] }),
  ],
);

export const conflictSessions = pgTable(
  'conflict_sessions',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    conflictId: uuid('conflict_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    notes: text('notes').notNull(),
    attendeeActorIds: uuid('attendee_actor_ids').array().notNull().default([]),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    foreignKey({
      columns: [t.chainId, t.conflictId],
      foreignColumns: [conflicts.chainId, conflicts.id],
    }).onDelete('cascade'),
  ],
);

/** The serendipity journal: unexpected encounters and opportunities. */
export const serendipity = pgTable(
  'serendipity',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    date: date('date', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    actorIds: uuid('actor_ids').array().notNull().default([]),
    followUp: text('follow_up'),
  },
  (t) => [primaryKey({ columns: [t.chainId, t.id] })],
);

/** The innovation lab: ideas and experiments, with their learnings. */
export const ideas = pgTable(
  'ideas',
  {
    chainId: chainIdColumn(),
    ...entityColumns(),
    title: text('title').notNull(),
    description: text('description'),
    hypothesis: text('hypothesis'),
    riskLevel: text('risk_level', { enum: ['low', 'medium', 'high'] }).notNull(),
    capitals: text('capitals').array().notNull().default([]),
    actorIds: uuid('actor_ids').array().notNull().default([]),
    status: text('status', { enum: ['idea', 'testing', 'adopted', 'abandoned'] }).notNull(),
    learnings: text('learnings'),
    serendipityId: uuid('serendipity_id'),
  },
  (t) => [
    primaryKey({ columns: [t.chainId, t.id] }),
    foreignKey({
      columns: [t.chainId, t.serendipityId],
      foreignColumns: [serendipity.chainId, serendipity.id],
    }),
  ],
);
