import { z } from 'zod';
import { Uuid } from './common';

export const AuditQuery = z.strictObject({
  entityId: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});
export const AuditEntry = z.object({
  id: Uuid,
  at: z.iso.datetime(),
  userId: Uuid.nullable(),
  action: z.enum(['create', 'update', 'delete']),
  entityType: z.string(),
  entityId: Uuid,
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
