import { z } from 'zod';
import { CAPITAL_FRAMEWORKS } from '../capitals/frameworks';
import { EntityBase, LongText, Name, Uuid } from './common';

export const CapitalFramework = z.enum(CAPITAL_FRAMEWORKS);
export type CapitalFramework = z.infer<typeof CapitalFramework>;
export const MemberRole = z.enum(['coordinator', 'partner', 'observer']);
export type MemberRole = z.infer<typeof MemberRole>;

export const ChainCreate = z.strictObject({
  name: Name,
  region: Name,
  description: LongText.optional(),
  marketOpportunity: LongText.optional(),
  capitalFramework: CapitalFramework.default('permacomptable'),
  publicMinGroupSize: z.number().int().min(1).max(100).default(3),
});
export type ChainCreate = z.input<typeof ChainCreate>;

export const ChainUpdate = z.strictObject({
  name: Name.optional(),
  region: Name.optional(),
  description: LongText.nullable().optional(),
  marketOpportunity: LongText.nullable().optional(),
  capitalFramework: CapitalFramework.optional(),
  publicMinGroupSize: z.number().int().min(1).max(100).optional(),
});
export type ChainUpdate = z.input<typeof ChainUpdate>;

export const Chain = EntityBase.extend({
  name: z.string(),
  region: z.string(),
  description: z.string().nullable(),
  marketOpportunity: z.string().nullable(),
  capitalFramework: CapitalFramework,
  publicMinGroupSize: z.number().int(),
  /** The caller's role in this chain (instance admins act as coordinators). */
  myRole: MemberRole,
  /** For a partner, the actor it speaks for. */
  myActorId: Uuid.nullable(),
});
export type Chain = z.infer<typeof Chain>;

export const Capital = z.object({ key: z.string(), label: z.string(), description: z.string() });
export type Capital = z.infer<typeof Capital>;

export const MemberCreate = z
  .strictObject({
    userId: Uuid.optional(),
    email: z.email().max(254).optional(),
    role: MemberRole,
    actorId: Uuid.optional(),
  })
  .refine((m) => (m.userId === undefined) !== (m.email === undefined), {
    message: 'give exactly one of userId and email',
    path: ['userId'],
  })
  .refine((m) => m.role !== 'partner' || m.actorId !== undefined, {
    message: 'a partner is bound to an actor',
    path: ['actorId'],
  });
export type MemberCreate = z.input<typeof MemberCreate>;

export const MemberUpdate = z.strictObject({
  role: MemberRole.optional(),
  actorId: Uuid.nullable().optional(),
});

export const Member = EntityBase.extend({
  userId: Uuid,
  email: z.string(),
  name: z.string(),
  role: MemberRole,
  actorId: Uuid.nullable(),
});
export type Member = z.infer<typeof Member>;
export const MemberParams = z.strictObject({ chainId: Uuid, userId: Uuid });
export type MemberUpdate = z.input<typeof MemberUpdate>;
