import { z } from 'zod';
import { EntityBase, IsoDate, LongText, Name, Period, Uuid } from './common';

export const INDICATOR_CATEGORIES = ['context', 'process', 'impact', 'supply', 'demand'] as const;
export const VALUE_TYPES = ['number', 'percentage', 'currency', 'count', 'boolean'] as const;
export const AGGREGATIONS = ['sum', 'mean', 'min', 'max', 'latest', 'ratio'] as const;
export const PERIODICITIES = ['month', 'quarter', 'year'] as const;
export const DIRECTIONS = ['increase', 'decrease', 'maintain'] as const;
export const REPORTERS = ['all', 'stages', 'coordinator'] as const;
export const INDICATOR_STATUSES = ['proposed', 'adopted', 'retired'] as const;
export const CONFIDENTIALITIES = ['public', 'aggregate', 'private'] as const;
export const WEALTH_DIMENSIONS = ['capital', 'ownership', 'livelihoods'] as const;

export const IndicatorCategory = z.enum(INDICATOR_CATEGORIES);
export const ValueType = z.enum(VALUE_TYPES);
export const AggregationMethod = z.enum(AGGREGATIONS);
export const Periodicity = z.enum(PERIODICITIES);
export type Periodicity = z.infer<typeof Periodicity>;
export const Direction = z.enum(DIRECTIONS);
export const Reporters = z.enum(REPORTERS);
export const IndicatorStatus = z.enum(INDICATOR_STATUSES);
export const Confidentiality = z.enum(CONFIDENTIALITIES);
export type Confidentiality = z.infer<typeof Confidentiality>;
export const WealthDimension = z.enum(WEALTH_DIMENSIONS);

const Code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, “_”, “.” and “-” only');
const Num = z.number().min(-1e15).max(1e15);

const indicatorFields = {
  code: Code,
  name: Name,
  description: LongText,
  unit: z.string().trim().max(40),
  category: IndicatorCategory,
  capitals: z.array(z.string().min(1).max(40)).max(20),
  dimension: WealthDimension,
  valueType: ValueType,
  aggregation: AggregationMethod,
  numeratorId: Uuid,
  denominatorId: Uuid,
  factor: z.number().min(-1e9).max(1e9),
  periodicity: Periodicity,
  direction: Direction,
  target: Num,
  min: Num,
  max: Num,
  reporters: Reporters,
  reporterStageIds: z.array(Uuid).max(100),
  status: IndicatorStatus,
  confidentiality: Confidentiality,
};

export const IndicatorCreate = z.strictObject({
  code: indicatorFields.code,
  name: indicatorFields.name,
  description: indicatorFields.description.optional(),
  unit: indicatorFields.unit.optional(),
  category: indicatorFields.category,
  capitals: indicatorFields.capitals.default([]),
  dimension: indicatorFields.dimension.optional(),
  valueType: indicatorFields.valueType.default('number'),
  aggregation: indicatorFields.aggregation.default('sum'),
  numeratorId: indicatorFields.numeratorId.optional(),
  denominatorId: indicatorFields.denominatorId.optional(),
  factor: indicatorFields.factor.optional(),
  periodicity: indicatorFields.periodicity.default('quarter'),
  direction: indicatorFields.direction.default('increase'),
  target: indicatorFields.target.optional(),
  min: indicatorFields.min.optional(),
  max: indicatorFields.max.optional(),
  reporters: indicatorFields.reporters.default('all'),
  reporterStageIds: indicatorFields.reporterStageIds.optional(),
  status: indicatorFields.status.default('proposed'),
  confidentiality: indicatorFields.confidentiality.default('aggregate'),
});
export type IndicatorCreate = z.input<typeof IndicatorCreate>;

export const IndicatorUpdate = z.strictObject({
  code: indicatorFields.code.optional(),
  name: indicatorFields.name.optional(),
  description: indicatorFields.description.nullable().optional(),
  unit: indicatorFields.unit.nullable().optional(),
  category: indicatorFields.category.optional(),
  capitals: indicatorFields.capitals.optional(),
  dimension: indicatorFields.dimension.nullable().optional(),
  valueType: indicatorFields.valueType.optional(),
  aggregation: indicatorFields.aggregation.optional(),
  numeratorId: indicatorFields.numeratorId.nullable().optional(),
  denominatorId: indicatorFields.denominatorId.nullable().optional(),
  factor: indicatorFields.factor.nullable().optional(),
  periodicity: indicatorFields.periodicity.optional(),
  direction: indicatorFields.direction.optional(),
  target: indicatorFields.target.nullable().optional(),
  min: indicatorFields.min.nullable().optional(),
  max: indicatorFields.max.nullable().optional(),
  reporters: indicatorFields.reporters.optional(),
  reporterStageIds: indicatorFields.reporterStageIds.nullable().optional(),
  status: indicatorFields.status.optional(),
  confidentiality: indicatorFields.confidentiality.optional(),
});
export type IndicatorUpdate = z.input<typeof IndicatorUpdate>;

export const Indicator = EntityBase.extend({
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  unit: z.string().nullable(),
  category: IndicatorCategory,
  capitals: z.array(z.string()),
  dimension: WealthDimension.nullable(),
  valueType: ValueType,
  aggregation: AggregationMethod,
  numeratorId: Uuid.nullable(),
  denominatorId: Uuid.nullable(),
  factor: z.number().nullable(),
  periodicity: Periodicity,
  direction: Direction,
  target: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  reporters: Reporters,
  reporterStageIds: z.array(Uuid).nullable(),
  status: IndicatorStatus,
  confidentiality: Confidentiality,
});
export type Indicator = z.infer<typeof Indicator>;
export const IndicatorQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
  status: IndicatorStatus.optional(),
  category: IndicatorCategory.optional(),
});

// ---- Observations ----
export const OBSERVATION_STATUSES = ['draft', 'submitted', 'approved', 'rejected'] as const;
export const ObservationStatus = z.enum(OBSERVATION_STATUSES);
export type ObservationStatus = z.infer<typeof ObservationStatus>;
export const ObservationSource = z.enum(['form', 'import', 'api']);

export const Observation = EntityBase.extend({
  indicatorId: Uuid,
  actorId: Uuid.nullable(),
  period: z.string(),
  value: z.number(),
  note: z.string().nullable(),
  status: ObservationStatus,
  source: ObservationSource,
  rejectReason: z.string().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  approvedAt: z.iso.datetime().nullable(),
});
export type Observation = z.infer<typeof Observation>;

export const ObservationInput = z.strictObject({
  indicatorId: Uuid,
  actorId: Uuid.nullable(),
  period: Period,
  value: z.union([z.number().min(-1e15).max(1e15), z.boolean()]),
  note: z.string().max(2000).optional(),
  /** Draft (saved, not yet sent) or submitted (sent to the coordinators); default submitted. */
  status: z.enum(['draft', 'submitted']).optional(),
});
export type ObservationInput = z.input<typeof ObservationInput>;
export const ObservationBatch = z.strictObject({ items: z.array(ObservationInput).min(1).max(5000) });
export type ObservationBatch = z.input<typeof ObservationBatch>;
export const ObservationBatchAnswer = z.object({ items: z.array(Observation) });

export const ObservationQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
  indicatorId: Uuid.optional(),
  actorId: Uuid.optional(),
  period: Period.optional(),
  status: ObservationStatus.optional(),
});

export const ApprovalBody = z.strictObject({
  period: Period,
  indicatorId: Uuid.optional(),
  actorId: Uuid.optional(),
});
export const RejectionBody = z.strictObject({
  period: Period,
  indicatorId: Uuid.optional(),
  actorId: Uuid.optional(),
  reason: z.string().trim().min(1).max(2000),
});
export const ApprovalAnswer = z.object({ count: z.number().int() });

// ---- Series ----
export const SeriesQuery = z.strictObject({
  groupBy: z.enum(['none', 'stage', 'role', 'actor', 'capital']).default('none'),
  periodicity: Periodicity.optional(),
  from: Period.optional(),
  to: Period.optional(),
});
export const SeriesPointSchema = z.object({
  period: z.string(),
  group: z.string(),
  value: z.number().nullable(),
  n: z.number().int(),
  suppressed: z.boolean().optional(),
});
export const SeriesAnswer = z.object({
  indicatorId: Uuid,
  periodicity: Periodicity,
  groupBy: z.string(),
  /** Labels of the groups (stage, role, actor or capital names). */
  groups: z.record(z.string(), z.string()),
  items: z.array(SeriesPointSchema),
});
export type SeriesAnswer = z.infer<typeof SeriesAnswer>;

// ---- Campaigns ----
export const CampaignCreate = z.strictObject({
  name: Name,
  period: Period,
  indicatorIds: z.array(Uuid).min(1).max(200),
  actorIds: z.array(Uuid).min(1).max(5000),
  dueDate: IsoDate,
  status: z.enum(['open', 'closed']).default('open'),
});
export type CampaignCreate = z.input<typeof CampaignCreate>;
export const CampaignUpdate = z.strictObject({
  name: Name.optional(),
  period: Period.optional(),
  indicatorIds: z.array(Uuid).min(1).max(200).optional(),
  actorIds: z.array(Uuid).min(1).max(5000).optional(),
  dueDate: IsoDate.optional(),
  status: z.enum(['open', 'closed']).optional(),
});
export const Campaign = EntityBase.extend({
  name: z.string(),
  period: z.string(),
  indicatorIds: z.array(Uuid),
  actorIds: z.array(Uuid),
  dueDate: z.string(),
  status: z.enum(['open', 'closed']),
});
export type Campaign = z.infer<typeof Campaign>;
export const CompletionItem = z.object({
  actorId: Uuid,
  expected: z.number().int(),
  submitted: z.number().int(),
  approved: z.number().int(),
  drafts: z.number().int(),
});
export type CompletionItem = z.infer<typeof CompletionItem>;

// ---- Successes and alerts ----
export const Success = z.object({
  key: z.string(),
  kind: z.enum(['target_reached', 'record', 'strong_growth', 'story']),
  indicatorId: Uuid.nullable(),
  actorIds: z.array(Uuid),
  period: z.string().nullable(),
  value: z.number().nullable(),
  title: z.string(),
  message: z.string(),
  at: z.string(),
});
export type Success = z.infer<typeof Success>;
export const SuccessStoryCreate = z.strictObject({
  title: Name,
  story: z.string().trim().min(1).max(20_000),
  actorIds: z.array(Uuid).max(100).default([]),
  indicatorId: Uuid.optional(),
  period: Period.optional(),
  date: IsoDate.optional(),
});
export const Alert = z.object({
  id: z.string(),
  kind: z.enum(['off_track', 'missing_data', 'outlier']),
  indicatorId: Uuid.optional(),
  /** For missing data: the campaign that expects it. */
  campaignId: Uuid.optional(),
  actorId: Uuid.optional(),
  period: z.string().optional(),
  message: z.string(),
});
export type Alert = z.infer<typeof Alert>;
