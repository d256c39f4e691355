import { z } from 'zod';
import { Uuid } from './common';

export const IMPORT_KINDS = ['actors', 'flows', 'intents', 'observations'] as const;
export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;

export const ImportQuery = z.strictObject({
  kind: ImportKind,
  dryRun: z.enum(['true', 'false']).default('false'),
});

/** A row-level problem: `row` is the line in the file (the header is row 1). */
export const ImportError = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type ImportError = z.infer<typeof ImportError>;

export const ImportJob = z.object({
  id: Uuid,
  kind: ImportKind,
  dryRun: z.boolean(),
  status: z.enum(['running', 'succeeded', 'failed']),
  total: z.number().int(),
  processed: z.number().int(),
  imported: z.number().int(),
  /** Of the imported rows, how many updated an existing entity (re-runs do not duplicate). */
  updated: z.number().int(),
  errors: z.array(ImportError),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;
export const ImportCreated = z.object({ id: Uuid });
