import { z } from 'zod';
import { EntityBase, IsoDate, LongText, Name, Uuid } from './common';
import { Success } from './data';

// ---- Stages (maillons) ----
export const StageCreate = z.strictObject({
  name: Name,
  position: z.number().int().min(0).max(1000),
  description: LongText.optional(),
});
export const StageUpdate = z.strictObject({
  name: Name.optional(),
  position: z.number().int().min(0).max(1000).optional(),
  description: LongText.nullable().optional(),
});
export const Stage = EntityBase.extend({
  name: z.string(),
  position: z.number().int(),
  description: z.string().nullable(),
});
export type Stage = z.infer<typeof Stage>;
export type StageCreate = z.input<typeof StageCreate>;

// ---- Actors ----
export const ACTOR_KINDS = [
  'business',
  'organisation',
  'agency',
  'collective',
  'person',
  'community',
] as const;
export const ACTOR_ROLES = ['demand', 'transactional', 'support'] as const;
export const ACTOR_STATUSES = ['potential', 'engaged', 'committed', 'inactive'] as const;
export const ActorKind = z.enum(ACTOR_KINDS);
export const ActorRole = z.enum(ACTOR_ROLES);
export const ActorStatus = z.enum(ACTOR_STATUSES);
export type ActorRole = z.infer<typeof ActorRole>;
export type ActorStatus = z.infer<typeof ActorStatus>;

const actorFields = {
  name: Name,
  kind: ActorKind,
  role: ActorRole,
  stageIds: z.array(Uuid).max(100),
  status: ActorStatus,
  selfInterest: LongText,
  description: LongText,
  municipality: z.string().trim().max(200),
  postalCode: z.string().trim().max(20),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  inRegion: z.boolean(),
  localOwnershipPct: z.number().min(0).max(100),
  lowIncomeFocus: z.boolean(),
  employees: z.number().int().min(0).max(10_000_000),
  tags: z.array(z.string().trim().min(1).max(60)).max(50),
};

export const ActorCreate = z.strictObject({
  name: actorFields.name,
  kind: actorFields.kind,
  role: actorFields.role,
  stageIds: actorFields.stageIds.default([]),
  status: actorFields.status.default('potential'),
  selfInterest: actorFields.selfInterest.optional(),
  description: actorFields.description.optional(),
  municipality: actorFields.municipality.optional(),
  postalCode: actorFields.postalCode.optional(),
  lat: actorFields.lat.optional(),
  lon: actorFields.lon.optional(),
  inRegion: actorFields.inRegion.default(true),
  localOwnershipPct: actorFields.localOwnershipPct.default(100),
  lowIncomeFocus: actorFields.lowIncomeFocus.default(false),
  employees: actorFields.employees.optional(),
  tags: actorFields.tags.default([]),
});
export type ActorCreate = z.input<typeof ActorCreate>;
export const ActorUpdate = z.strictObject({
  name: actorFields.name.optional(),
  kind: actorFields.kind.optional(),
  role: actorFields.role.optional(),
  stageIds: actorFields.stageIds.optional(),
  status: actorFields.status.optional(),
  selfInterest: actorFields.selfInterest.nullable().optional(),
  description: actorFields.description.nullable().optional(),
  municipality: actorFields.municipality.nullable().optional(),
  postalCode: actorFields.postalCode.nullable().optional(),
  lat: actorFields.lat.nullable().optional(),
  lon: actorFields.lon.nullable().optional(),
  inRegion: actorFields.inRegion.optional(),
  localOwnershipPct: actorFields.localOwnershipPct.optional(),
  lowIncomeFocus: actorFields.lowIncomeFocus.optional(),
  employees: actorFields.employees.nullable().optional(),
  tags: actorFields.tags.optional(),
});
export type ActorUpdate = z.input<typeof ActorUpdate>;
export const Actor = EntityBase.extend({
  name: z.string(),
  kind: ActorKind,
  role: ActorRole,
  stageIds: z.array(Uuid),
  status: ActorStatus,
  selfInterest: z.string().nullable(),
  description: z.string().nullable(),
  municipality: z.string().nullable(),
  postalCode: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  inRegion: z.boolean(),
  localOwnershipPct: z.number(),
  lowIncomeFocus: z.boolean(),
  employees: z.number().int().nullable(),
  tags: z.array(z.string()),
});
export type Actor = z.infer<typeof Actor>;
export const ActorQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
  q: z.string().max(200).optional(),
  role: ActorRole.optional(),
  status: ActorStatus.optional(),
  stageId: Uuid.optional(),
});

// ---- Contacts (personal data) ----
export const ContactCreate = z.strictObject({
  name: Name,
  role: z.string().trim().max(200).optional(),
  email: z.email().max(254).optional(),
  phone: z.string().trim().max(40).optional(),
});
export const ContactUpdate = z.strictObject({
  name: Name.optional(),
  role: z.string().trim().max(200).nullable().optional(),
  email: z.email().max(254).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
});
export const Contact = EntityBase.extend({
  actorId: Uuid,
  name: z.string(),
  role: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type Contact = z.infer<typeof Contact>;

// ---- Flows ----
export const FLOW_TYPES = ['product', 'money', 'service', 'information', 'support'] as const;
export const SUPPORT_KINDS = [
  'finance',
  'technical_assistance',
  'training',
  'research',
  'policy',
  'other',
] as const;
export const FLOW_STATUSES = ['active', 'planned', 'broken'] as const;
export const FlowType = z.enum(FLOW_TYPES);
export const SupportKind = z.enum(SUPPORT_KINDS);
export const FlowStatus = z.enum(FLOW_STATUSES);
export type FlowType = z.infer<typeof FlowType>;

const Amount = z.number().min(0).max(1e15);
export const FlowCreate = z.strictObject({
  sourceId: Uuid,
  targetId: Uuid,
  type: FlowType,
  supportKind: SupportKind.optional(),
  product: z.string().trim().max(200).optional(),
  quantity: Amount.optional(),
  unit: z.string().trim().max(40).optional(),
  value: Amount.optional(),
  status: FlowStatus.default('active'),
  since: IsoDate.optional(),
  until: IsoDate.optional(),
  description: LongText.optional(),
});
export type FlowCreate = z.input<typeof FlowCreate>;
export const FlowUpdate = z.strictObject({
  sourceId: Uuid.optional(),
  targetId: Uuid.optional(),
  type: FlowType.optional(),
  supportKind: SupportKind.nullable().optional(),
  product: z.string().trim().max(200).nullable().optional(),
  quantity: Amount.nullable().optional(),
  unit: z.string().trim().max(40).nullable().optional(),
  value: Amount.nullable().optional(),
  status: FlowStatus.optional(),
  since: IsoDate.nullable().optional(),
  until: IsoDate.nullable().optional(),
  description: LongText.nullable().optional(),
});
export type FlowUpdate = z.input<typeof FlowUpdate>;
export const Flow = EntityBase.extend({
  sourceId: Uuid,
  targetId: Uuid,
  type: FlowType,
  supportKind: SupportKind.nullable(),
  product: z.string().nullable(),
  quantity: z.number().nullable(),
  unit: z.string().nullable(),
  value: z.number().nullable(),
  status: FlowStatus,
  since: z.string().nullable(),
  until: z.string().nullable(),
  description: z.string().nullable(),
});
export type Flow = z.infer<typeof Flow>;
export const FlowQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
  actorId: Uuid.optional(),
  type: FlowType.optional(),
  status: FlowStatus.optional(),
});

// ---- Intents (offers and needs) ----
export const IntentDirection = z.enum(['offer', 'need']);
export const IntentCreate = z.strictObject({
  actorId: Uuid,
  direction: IntentDirection,
  resource: Name,
  quantity: Amount.optional(),
  unit: z.string().trim().max(40).optional(),
  period: z.string().trim().max(40).optional(),
  note: LongText.optional(),
});
export type IntentCreate = z.input<typeof IntentCreate>;
export const IntentUpdate = z.strictObject({
  actorId: Uuid.optional(),
  direction: IntentDirection.optional(),
  resource: Name.optional(),
  quantity: Amount.nullable().optional(),
  unit: z.string().trim().max(40).nullable().optional(),
  period: z.string().trim().max(40).nullable().optional(),
  note: LongText.nullable().optional(),
});
export const Intent = EntityBase.extend({
  actorId: Uuid,
  direction: IntentDirection,
  resource: z.string(),
  quantity: z.number().nullable(),
  unit: z.string().nullable(),
  period: z.string().nullable(),
  note: z.string().nullable(),
});
export type Intent = z.infer<typeof Intent>;
export const IntentQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
  actorId: Uuid.optional(),
  direction: IntentDirection.optional(),
});

// ---- Map, gaps, overview ----
export const MapQuery = z.strictObject({ at: IsoDate.optional() });
export const ChainMap = z.object({
  at: IsoDate,
  stages: z.array(Stage),
  actors: z.array(Actor),
  flows: z.array(Flow),
});
export type ChainMap = z.infer<typeof ChainMap>;

export const GAP_TYPES = [
  'missing_stage',
  'single_actor_stage',
  'bottleneck',
  'isolated_actor',
  'no_support',
  'unmet_demand',
  'underused_resource',
  'unmatched_need',
  'wealth_leakage',
  'uncovered_capital',
] as const;
export const GapType = z.enum(GAP_TYPES);
export const GapItem = z.object({
  key: z.string(),
  type: GapType,
  severity: z.enum(['low', 'medium', 'high']),
  entityIds: z.array(z.string()),
  resource: z.string().optional(),
  capital: z.string().optional(),
  explanation: z.string(),
  suggestions: z.array(z.object({ kind: z.enum(['actor', 'resource']), id: z.string(), reason: z.string() })),
  dismissed: z.object({ reason: z.string(), by: Uuid.nullable(), at: z.iso.datetime() }).optional(),
});
export type GapItem = z.infer<typeof GapItem>;
export const GapsQuery = z.strictObject({ includeDismissed: z.enum(['true', 'false']).optional() });
export const GapKeyParams = z.strictObject({ chainId: Uuid, key: z.string().min(1).max(300) });
export const DismissalCreate = z.strictObject({ reason: z.string().trim().min(1).max(2000) });
export const Dismissal = z.object({
  key: z.string(),
  reason: z.string(),
  by: Uuid.nullable(),
  at: z.iso.datetime(),
});

export const Overview = z.object({
  counts: z.object({
    stages: z.number().int(),
    actors: z.number().int(),
    flows: z.number().int(),
    intents: z.number().int(),
  }),
  /** Actors per stage: all of them, the active ones (engaged or committed) and the active transactional ones. */
  byStage: z.array(
    z.object({
      stageId: Uuid,
      name: z.string(),
      position: z.number().int(),
      actors: z.number().int(),
      active: z.number().int(),
      transactional: z.number().int(),
    }),
  ),
  byRole: z.array(z.object({ role: ActorRole, actors: z.number().int(), active: z.number().int() })),
  byStatus: z.array(z.object({ status: ActorStatus, actors: z.number().int() })),
  flowsByType: z.array(z.object({ type: FlowType, active: z.number().int(), total: z.number().int() })),
  gaps: z.object({
    open: z.number().int(),
    dismissed: z.number().int(),
    bySeverity: z.object({ high: z.number().int(), medium: z.number().int(), low: z.number().int() }),
    top: z.array(GapItem),
  }),
  /** Initiatives that harm a capital, ownership or livelihoods with no accepted reason. */
  harms: z.array(z.object({ initiativeId: Uuid, title: z.string(), harms: z.array(z.string()) })),
  goals: z.array(
    z.object({
      goalId: Uuid,
      title: z.string(),
      status: z.string(),
      targetDate: z.string().nullable(),
      progress: z.number().nullable(),
      onTrack: z.boolean().nullable(),
      commitments: z.number().int(),
    }),
  ),
  /** Adopted goals nobody has committed to. */
  uncommittedGoals: z.array(Uuid),
  successes: z.array(Success),
  campaigns: z.array(
    z.object({
      campaignId: Uuid,
      name: z.string(),
      period: z.string(),
      dueDate: z.string(),
      expected: z.number().int(),
      submitted: z.number().int(),
    }),
  ),
  /** Dates coming in the next 60 days: campaign due dates and goal target dates. */
  deadlines: z.array(
    z.object({
      kind: z.enum(['campaign', 'goal', 'resource']),
      id: Uuid,
      title: z.string(),
      date: z.string(),
    }),
  ),
});
export type Overview = z.infer<typeof Overview>;
export type StageUpdate = z.input<typeof StageUpdate>;
export type IntentUpdate = z.input<typeof IntentUpdate>;
export type ContactCreate = z.input<typeof ContactCreate>;
export type ContactUpdate = z.input<typeof ContactUpdate>;
