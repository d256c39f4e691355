import { z } from 'zod';
import { EntityBase, IsoDate, LongText, Name, Uuid } from './common';

// ---- Consensus proposals ----
export const PositionValue = z.enum(['agree', 'abstain', 'disagree', 'block']);
export const ProposalSubject = z.strictObject({ type: z.enum(['goal', 'indicator', 'agreement']), id: Uuid });
export const ProposalCreate = z.strictObject({
  title: Name,
  description: LongText.optional(),
  participantActorIds: z.array(Uuid).min(1).max(1000),
  quorum: z.number().min(0).max(1).default(0.5),
  closesAt: z.iso.datetime({ offset: true }),
  subject: ProposalSubject.optional(),
});
export type ProposalCreate = z.input<typeof ProposalCreate>;
export const ProposalUpdate = z.strictObject({
  title: Name.optional(),
  description: LongText.nullable().optional(),
  participantActorIds: z.array(Uuid).min(1).max(1000).optional(),
  quorum: z.number().min(0).max(1).optional(),
  closesAt: z.iso.datetime({ offset: true }).optional(),
  subject: ProposalSubject.nullable().optional(),
});
export const Proposal = EntityBase.extend({
  title: z.string(),
  description: z.string().nullable(),
  participantActorIds: z.array(Uuid),
  quorum: z.number(),
  closesAt: z.iso.datetime(),
  subject: z.object({ type: z.enum(['goal', 'indicator', 'agreement']), id: Uuid }).nullable(),
  status: z.enum(['open', 'closed']),
  outcome: z.enum(['consensus', 'no_consensus', 'blocked']).nullable(),
  closedAt: z.iso.datetime().nullable(),
  /** Standing positions: how many agree, abstain, disagree, block; and who has not answered. */
  spread: z.object({
    counts: z.object({
      agree: z.number().int(),
      abstain: z.number().int(),
      disagree: z.number().int(),
      block: z.number().int(),
    }),
    missing: z.array(Uuid),
  }),
});
export type Proposal = z.infer<typeof Proposal>;
export const PositionBody = z
  .strictObject({ position: PositionValue, reason: z.string().trim().max(5000).optional() })
  .refine((p) => (p.position !== 'disagree' && p.position !== 'block') || (p.reason?.length ?? 0) > 0, {
    message: 'a reason is required to disagree or block',
    path: ['reason'],
  });
export type PositionBody = z.input<typeof PositionBody>;
export const PositionEntry = z.object({
  actorId: Uuid,
  position: PositionValue,
  reason: z.string().nullable(),
  userId: Uuid.nullable(),
  /** Recorded by a coordinator on the participant's behalf. */
  recordedByCoordinator: z.boolean(),
  at: z.iso.datetime(),
});
export const PositionsAnswer = z.object({ current: z.array(PositionEntry), history: z.array(PositionEntry) });

// ---- Agreements ----
export const AgreementStatus = z.enum(['draft', 'negotiation', 'signed', 'expired', 'terminated']);
export const AgreementCreate = z.strictObject({
  title: Name,
  partyActorIds: z.array(Uuid).min(1).max(200),
  terms: z.string().trim().min(1).max(100_000),
  status: z.enum(['draft', 'negotiation']).default('draft'),
  effectiveFrom: IsoDate.optional(),
  expiresOn: IsoDate.optional(),
});
export type AgreementCreate = z.input<typeof AgreementCreate>;
export const AgreementUpdate = z.strictObject({
  title: Name.optional(),
  partyActorIds: z.array(Uuid).min(1).max(200).optional(),
  terms: z.string().trim().min(1).max(100_000).optional(),
  status: AgreementStatus.optional(),
  effectiveFrom: IsoDate.nullable().optional(),
  expiresOn: IsoDate.nullable().optional(),
});
export type AgreementUpdate = z.input<typeof AgreementUpdate>;
export const Signature = z.object({
  actorId: Uuid,
  userId: Uuid.nullable(),
  termsVersion: z.number().int(),
  signedAt: z.iso.datetime(),
});
export const Agreement = EntityBase.extend({
  title: z.string(),
  partyActorIds: z.array(Uuid),
  terms: z.string(),
  status: AgreementStatus,
  effectiveFrom: z.string().nullable(),
  expiresOn: z.string().nullable(),
  termsVersion: z.number().int(),
  /** Signatures on the current terms. */
  signatures: z.array(Signature),
});
export type Agreement = z.infer<typeof Agreement>;
export const SignatureCreate = z.strictObject({ actorId: Uuid });
export const AgreementVersion = z.object({
  termsVersion: z.number().int(),
  terms: z.string(),
  createdAt: z.iso.datetime(),
  createdBy: Uuid.nullable(),
  signatures: z.array(Signature),
});

// ---- Conflicts ----
export const ConflictStatus = z.enum(['reported', 'in_mediation', 'resolved', 'escalated', 'closed']);
export const Severity = z.enum(['low', 'medium', 'high']);
export const ConflictCreate = z.strictObject({
  title: Name,
  partyActorIds: z.array(Uuid).min(1).max(50),
  description: LongText.optional(),
  severity: Severity.default('medium'),
  status: ConflictStatus.default('reported'),
  resolution: LongText.optional(),
  agreementId: Uuid.optional(),
});
export const ConflictUpdate = z.strictObject({
  title: Name.optional(),
  partyActorIds: z.array(Uuid).min(1).max(50).optional(),
  description: LongText.nullable().optional(),
  severity: Severity.optional(),
  status: ConflictStatus.optional(),
  resolution: LongText.nullable().optional(),
  agreementId: Uuid.nullable().optional(),
});
export const Conflict = EntityBase.extend({
  title: z.string(),
  partyActorIds: z.array(Uuid),
  description: z.string().nullable(),
  severity: Severity,
  status: ConflictStatus,
  resolution: z.string().nullable(),
  agreementId: Uuid.nullable(),
});
export type Conflict = z.infer<typeof Conflict>;
export const SessionCreate = z.strictObject({
  date: IsoDate,
  notes: z.string().trim().min(1).max(20_000),
  attendeeActorIds: z.array(Uuid).max(100).default([]),
});
export const SessionUpdate = z.strictObject({
  date: IsoDate.optional(),
  notes: z.string().trim().min(1).max(20_000).optional(),
  attendeeActorIds: z.array(Uuid).max(100).optional(),
});
export const MediationSession = EntityBase.extend({
  conflictId: Uuid,
  date: z.string(),
  notes: z.string(),
  attendeeActorIds: z.array(Uuid),
});

// ---- Innovation lab and serendipity ----
export const IdeaStatus = z.enum(['idea', 'testing', 'adopted', 'abandoned']);
export const IdeaCreate = z.strictObject({
  title: Name,
  description: LongText.optional(),
  hypothesis: LongText.optional(),
  riskLevel: Severity.default('medium'),
  capitals: z.array(z.string().min(1).max(40)).max(20).default([]),
  actorIds: z.array(Uuid).max(200).default([]),
  status: IdeaStatus.default('idea'),
  learnings: LongText.optional(),
  serendipityId: Uuid.optional(),
});
export type IdeaCreate = z.input<typeof IdeaCreate>;
export const IdeaUpdate = z.strictObject({
  title: Name.optional(),
  description: LongText.nullable().optional(),
  hypothesis: LongText.nullable().optional(),
  riskLevel: Severity.optional(),
  capitals: z.array(z.string().min(1).max(40)).max(20).optional(),
  actorIds: z.array(Uuid).max(200).optional(),
  status: IdeaStatus.optional(),
  learnings: LongText.nullable().optional(),
  serendipityId: Uuid.nullable().optional(),
});
export const Idea = EntityBase.extend({
  title: z.string(),
  description: z.string().nullable(),
  hypothesis: z.string().nullable(),
  riskLevel: Severity,
  capitals: z.array(z.string()),
  actorIds: z.array(Uuid),
  status: IdeaStatus,
  learnings: z.string().nullable(),
  serendipityId: Uuid.nullable(),
});
export type Idea = z.infer<typeof Idea>;
export const SerendipityCreate = z.strictObject({
  date: IsoDate,
  description: z.string().trim().min(1).max(20_000),
  actorIds: z.array(Uuid).max(200).default([]),
  followUp: LongText.optional(),
});
export const SerendipityUpdate = z.strictObject({
  date: IsoDate.optional(),
  description: z.string().trim().min(1).max(20_000).optional(),
  actorIds: z.array(Uuid).max(200).optional(),
  followUp: LongText.nullable().optional(),
});
export const Serendipity = EntityBase.extend({
  date: z.string(),
  description: z.string(),
  actorIds: z.array(Uuid),
  followUp: z.string().nullable(),
});
export type Serendipity = z.infer<typeof Serendipity>;
