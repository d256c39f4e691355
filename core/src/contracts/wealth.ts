import { z } from 'zod';
import { EntityBase, IsoDate, LongText, Name, Uuid } from './common';

export const GOAL_STATUSES = ['proposed', 'adopted', 'achieved', 'abandoned'] as const;
export const GoalDimension = z.enum(['capital', 'ownership', 'livelihoods']);
export const GoalStatus = z.enum(GOAL_STATUSES);
const Num = z.number().min(-1e15).max(1e15);

export const GoalCreate = z.strictObject({
  title: Name,
  description: LongText.optional(),
  dimension: GoalDimension,
  capitals: z.array(z.string().min(1).max(40)).max(20).default([]),
  indicatorId: Uuid.optional(),
  baseline: Num.optional(),
  targetValue: Num.optional(),
  targetDate: IsoDate.optional(),
  status: GoalStatus.default('proposed'),
});
export type GoalCreate = z.input<typeof GoalCreate>;
export const GoalUpdate = z.strictObject({
  title: Name.optional(),
  description: LongText.nullable().optional(),
  dimension: GoalDimension.optional(),
  capitals: z.array(z.string().min(1).max(40)).max(20).optional(),
  indicatorId: Uuid.nullable().optional(),
  baseline: Num.nullable().optional(),
  targetValue: Num.nullable().optional(),
  targetDate: IsoDate.nullable().optional(),
  status: GoalStatus.optional(),
});
export type GoalUpdate = z.input<typeof GoalUpdate>;
export const Goal = EntityBase.extend({
  title: z.string(),
  description: z.string().nullable(),
  dimension: GoalDimension,
  capitals: z.array(z.string()),
  indicatorId: Uuid.nullable(),
  baseline: z.number().nullable(),
  targetValue: z.number().nullable(),
  targetDate: z.string().nullable(),
  status: GoalStatus,
});
export type Goal = z.infer<typeof Goal>;

export const GoalProgress = z.object({
  baseline: z.number().nullable(),
  latest: z.number().nullable(),
  latestPeriod: z.string().nullable(),
  target: z.number().nullable(),
  targetDate: z.string().nullable(),
  /** Where the straight line from the baseline to the target stands at the latest period. */
  expected: z.number().nullable(),
  /** Share of the way from the baseline to the target, 0–1 (can exceed 1). */
  progress: z.number().nullable(),
  onTrack: z.boolean().nullable(),
});
export type GoalProgress = z.infer<typeof GoalProgress>;

export const COMMITMENT_STATUSES = ['pledged', 'in_progress', 'fulfilled', 'lapsed'] as const;
export const CommitmentStatus = z.enum(COMMITMENT_STATUSES);
export const CommitmentCreate = z.strictObject({
  goalId: Uuid,
  actorId: Uuid,
  description: z.string().trim().min(1).max(5000),
  dueDate: IsoDate.optional(),
  status: CommitmentStatus.default('pledged'),
});
export type CommitmentCreate = z.input<typeof CommitmentCreate>;
export const CommitmentUpdate = z.strictObject({
  goalId: Uuid.optional(),
  actorId: Uuid.optional(),
  description: z.string().trim().min(1).max(5000).optional(),
  dueDate: IsoDate.nullable().optional(),
  status: CommitmentStatus.optional(),
});
export type CommitmentUpdate = z.input<typeof CommitmentUpdate>;
export const Commitment = EntityBase.extend({
  goalId: Uuid,
  actorId: Uuid,
  description: z.string(),
  dueDate: z.string().nullable(),
  status: CommitmentStatus,
});
export type Commitment = z.infer<typeof Commitment>;
export const CommitmentQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
  goalId: Uuid.optional(),
  actorId: Uuid.optional(),
});

export const INITIATIVE_STATUSES = ['planned', 'active', 'done', 'stopped'] as const;
export const InitiativeStatus = z.enum(INITIATIVE_STATUSES);
export const Effect = z.number().int().min(-2).max(2);
export const WealthMatrix = z.record(
  z.string().min(1).max(40),
  z.strictObject({ effect: Effect, note: z.string().max(2000).optional() }),
);
export type WealthMatrix = z.infer<typeof WealthMatrix>;
const HarmAcceptances = z.record(z.string().min(1).max(40), z.string().trim().min(1).max(2000));

export const InitiativeCreate = z.strictObject({
  title: Name,
  description: LongText.optional(),
  leadActorId: Uuid.optional(),
  actorIds: z.array(Uuid).max(500).default([]),
  goalIds: z.array(Uuid).max(100).default([]),
  status: InitiativeStatus.default('planned'),
  startDate: IsoDate.optional(),
  endDate: IsoDate.optional(),
  budget: z.number().min(0).max(1e15).optional(),
  wealthMatrix: WealthMatrix.default({}),
  ownershipEffect: Effect.default(0),
  livelihoodsEffect: Effect.default(0),
  harmAcceptances: HarmAcceptances.default({}),
});
export type InitiativeCreate = z.input<typeof InitiativeCreate>;
export const InitiativeUpdate = z.strictObject({
  title: Name.optional(),
  description: LongText.nullable().optional(),
  leadActorId: Uuid.nullable().optional(),
  actorIds: z.array(Uuid).max(500).optional(),
  goalIds: z.array(Uuid).max(100).optional(),
  status: InitiativeStatus.optional(),
  startDate: IsoDate.nullable().optional(),
  endDate: IsoDate.nullable().optional(),
  budget: z.number().min(0).max(1e15).nullable().optional(),
  wealthMatrix: WealthMatrix.optional(),
  ownershipEffect: Effect.optional(),
  livelihoodsEffect: Effect.optional(),
  harmAcceptances: HarmAcceptances.optional(),
});
export type InitiativeUpdate = z.input<typeof InitiativeUpdate>;
export const Initiative = EntityBase.extend({
  title: z.string(),
  description: z.string().nullable(),
  leadActorId: Uuid.nullable(),
  actorIds: z.array(Uuid),
  goalIds: z.array(Uuid),
  status: InitiativeStatus,
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  budget: z.number().nullable(),
  wealthMatrix: WealthMatrix,
  ownershipEffect: z.number().int(),
  livelihoodsEffect: z.number().int(),
  harmAcceptances: z.record(z.string(), z.string()),
  /** Capital keys, `ownership` or `livelihoods` with a negative effect and no accepted reason. */
  harms: z.array(z.string()),
});
export type Initiative = z.infer<typeof Initiative>;

export const CapitalBalanceItem = z.object({
  capital: z.string(),
  label: z.string(),
  goals: z.number().int(),
  indicators: z.number().int(),
  initiatives: z.number().int(),
  initiativesEffect: z.number(),
  score: z.number(),
  blindSpot: z.boolean(),
});
export type CapitalBalanceItem = z.infer<typeof CapitalBalanceItem>;
