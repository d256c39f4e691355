import { z } from 'zod';

/** A UUID string (ids are UUIDv7, so they sort by creation time). */
export const Uuid = z.uuid();
/** A calendar date `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();
/** A period: `YYYY`, `YYYY-Qn` or `YYYY-MM`. */
export const Period = z
  .string()
  .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, 'expected YYYY, YYYY-Qn or YYYY-MM');

/** Fields every stored entity carries (API.md). */
export const EntityBase = z.object({
  id: Uuid,
  version: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

/** Query of every list route: `?limit=` (default 50, max 500) and `?cursor=`. */
export const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

/** `{items, nextCursor}` envelope of every list. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** RFC 9457 problem details, with the bad fields in `errors`. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;

export const Locale = z.enum(['fr', 'en']);
export type Locale = z.infer<typeof Locale>;

/** Path parameter of every chain route. */
export const ChainParams = z.strictObject({ chainId: Uuid });
export const IdParams = z.strictObject({ chainId: Uuid, id: Uuid });

/** A short human text: trimmed, never empty. */
export const Name = z.string().trim().min(1).max(200);
export const LongText = z.string().max(20_000);
/** The `{items, nextCursor}` envelope of a list, as a type. */
export type ListOf<T> = { items: T[]; nextCursor: string | null };
