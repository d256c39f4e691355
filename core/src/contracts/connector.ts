import { z } from 'zod';
import { EntityBase, IsoDate, LongText, Name, Uuid } from './common';

// ---- Convenings (rencontres) ----
export const ConveningCreate = z.strictObject({
  title: Name,
  date: IsoDate,
  location: z.string().trim().max(300).optional(),
  purpose: LongText.optional(),
  commonInterest: LongText.optional(),
  invitedActorIds: z.array(Uuid).max(500).default([]),
  attendeeActorIds: z.array(Uuid).max(500).default([]),
  notes: LongText.optional(),
  outcomes: LongText.optional(),
  flowIds: z.array(Uuid).max(500).default([]),
});
export type ConveningCreate = z.input<typeof ConveningCreate>;
export const ConveningUpdate = z.strictObject({
  title: Name.optional(),
  date: IsoDate.optional(),
  location: z.string().trim().max(300).nullable().optional(),
  purpose: LongText.nullable().optional(),
  commonInterest: LongText.nullable().optional(),
  invitedActorIds: z.array(Uuid).max(500).optional(),
  attendeeActorIds: z.array(Uuid).max(500).optional(),
  notes: LongText.nullable().optional(),
  outcomes: LongText.nullable().optional(),
  flowIds: z.array(Uuid).max(500).optional(),
});
export type ConveningUpdate = z.input<typeof ConveningUpdate>;
export const Convening = EntityBase.extend({
  title: z.string(),
  date: z.string(),
  location: z.string().nullable(),
  purpose: z.string().nullable(),
  commonInterest: z.string().nullable(),
  invitedActorIds: z.array(Uuid),
  attendeeActorIds: z.array(Uuid),
  notes: z.string().nullable(),
  outcomes: z.string().nullable(),
  flowIds: z.array(Uuid),
});
export type Convening = z.infer<typeof Convening>;

// ---- Interactions journal (journal des échanges) ----
export const InteractionKind = z.enum(['meeting', 'call', 'email', 'visit', 'introduction', 'other']);
export const InteractionCreate = z.strictObject({
  date: IsoDate,
  kind: InteractionKind,
  actorIds: z.array(Uuid).min(1).max(100),
  summary: z.string().trim().min(1).max(20_000),
  followUpDate: IsoDate.optional(),
});
export type InteractionCreate = z.input<typeof InteractionCreate>;
export const InteractionUpdate = z.strictObject({
  date: IsoDate.optional(),
  kind: InteractionKind.optional(),
  actorIds: z.array(Uuid).min(1).max(100).optional(),
  summary: z.string().trim().min(1).max(20_000).optional(),
  followUpDate: IsoDate.nullable().optional(),
});
export const Interaction = EntityBase.extend({
  date: z.string(),
  kind: InteractionKind,
  actorIds: z.array(Uuid),
  summary: z.string(),
  followUpDate: z.string().nullable(),
});
export type Interaction = z.infer<typeof Interaction>;
export const InteractionQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
  actorId: Uuid.optional(),
});
/** Engaged or committed actors with no exchange for `days` days (default 60). */
export const QuietQuery = z.strictObject({ days: z.coerce.number().int().min(1).max(3650).default(60) });
export const QuietActor = z.object({
  actorId: Uuid,
  name: z.string(),
  status: z.string(),
  lastInteraction: z.string().nullable(),
  days: z.number().int().nullable(),
});

// ---- Matchmaking ----
export const Suggestion = z.object({
  fromActorId: Uuid,
  toActorId: Uuid,
  offerIntentId: Uuid,
  needIntentId: Uuid,
  resource: z.string(),
  score: z.number(),
  reason: z.string(),
});
export type Suggestion = z.infer<typeof Suggestion>;
export const IntroductionStatus = z.enum(['proposed', 'made', 'relationship_formed', 'declined']);
export const IntroductionCreate = z.strictObject({
  fromActorId: Uuid,
  toActorId: Uuid,
  reason: LongText.optional(),
  status: IntroductionStatus.default('proposed'),
  flowId: Uuid.optional(),
});
export type IntroductionCreate = z.input<typeof IntroductionCreate>;
export const IntroductionUpdate = z.strictObject({
  fromActorId: Uuid.optional(),
  toActorId: Uuid.optional(),
  reason: LongText.nullable().optional(),
  status: IntroductionStatus.optional(),
  flowId: Uuid.nullable().optional(),
});
export type IntroductionUpdate = z.input<typeof IntroductionUpdate>;
export const Introduction = EntityBase.extend({
  fromActorId: Uuid,
  toActorId: Uuid,
  reason: z.string().nullable(),
  status: IntroductionStatus,
  flowId: Uuid.nullable(),
});
export type Introduction = z.infer<typeof Introduction>;

// ---- Outside resources ----
export const ResourceKind = z.enum([
  'technical_assistance',
  'funding',
  'investment',
  'training',
  'research',
  'policy',
  'other',
]);
export const ResourceStatus = z.enum(['identified', 'contacted', 'applied', 'obtained', 'declined']);
export const ResourceCreate = z.strictObject({
  kind: ResourceKind,
  name: Name,
  organization: z.string().trim().max(300).optional(),
  description: LongText.optional(),
  url: z.url().max(2000).optional(),
  deadline: IsoDate.optional(),
  amount: z.number().min(0).max(1e15).optional(),
  capitals: z.array(z.string().min(1).max(40)).max(20).default([]),
  actorIds: z.array(Uuid).max(200).default([]),
  gapKeys: z.array(z.string().min(1).max(300)).max(100).default([]),
  status: ResourceStatus.default('identified'),
});
export type ResourceCreate = z.input<typeof ResourceCreate>;
export const ResourceUpdate = z.strictObject({
  kind: ResourceKind.optional(),
  name: Name.optional(),
  organization: z.string().trim().max(300).nullable().optional(),
  description: LongText.nullable().optional(),
  url: z.url().max(2000).nullable().optional(),
  deadline: IsoDate.nullable().optional(),
  amount: z.number().min(0).max(1e15).nullable().optional(),
  capitals: z.array(z.string().min(1).max(40)).max(20).optional(),
  actorIds: z.array(Uuid).max(200).optional(),
  gapKeys: z.array(z.string().min(1).max(300)).max(100).optional(),
  status: ResourceStatus.optional(),
});
export type ResourceUpdate = z.input<typeof ResourceUpdate>;
export const Resource = EntityBase.extend({
  kind: ResourceKind,
  name: z.string(),
  organization: z.string().nullable(),
  description: z.string().nullable(),
  url: z.string().nullable(),
  deadline: z.string().nullable(),
  amount: z.number().nullable(),
  capitals: z.array(z.string()),
  actorIds: z.array(Uuid),
  gapKeys: z.array(z.string()),
  status: ResourceStatus,
});
export type Resource = z.infer<typeof Resource>;

// ---- Partner pipeline ----
export const PipelineMove = z.object({
  actorId: Uuid,
  from: z.string().nullable(),
  to: z.string(),
  userId: Uuid.nullable(),
  at: z.iso.datetime(),
});
export type PipelineMove = z.infer<typeof PipelineMove>;
