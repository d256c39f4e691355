import { Chain, ChainParams, slug } from '@tisserand/core';
import { z } from 'zod';
import { setEtag } from '../../http/concurrency';
import { notFound, unauthorized } from '../../http/errors';
import type { App, Deps } from '../../http/types';
import { toChain } from '../chains/chains.service';
import { BackupDocument, createBackup, newerFormatError, restoreBackup } from './backup.service';

/** A whole chain's backup can be large: this route alone accepts bodies up to 256 MB. */
export const RESTORE_BODY_LIMIT = 256 * 1024 * 1024;

const COORDINATOR = ['coordinator'] as const;

/** The new chain, as `POST /chains` answers it, with what the restore could not bring over. */
export const RestoredChain = Chain.extend({
  restore: z.object({
    fromChainId: z.string().nullable(),
    skippedMembers: z.array(z.object({ email: z.string(), name: z.string(), role: z.string() })),
    skippedRows: z.record(z.string(), z.number().int()),
    clearedUserReferences: z.number().int(),
    renamedReports: z.array(z.object({ from: z.string(), to: z.string() })),
  }),
});

/** Whole-chain backup (download) and restore into a new chain (docs/backup.md). */
export function backupRoutes(app: App, { db }: Deps) {
  app.route({
    method: 'GET',
    url: '/chains/:chainId/exports/backup.json',
    config: { access: { chain: COORDINATOR } },
    schema: { tags: ['backup'], params: ChainParams },
    handler: async (request, reply) => {
      if (!request.chain) throw notFound();
      const doc = await createBackup(db, request.chain.id);
      if (!doc) throw notFound();
      const name = slug(typeof doc.chain.name === 'string' ? doc.chain.name : '') || 'chain';
      return reply
        .type('application/json; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${name}-backup-${doc.exportedAt.slice(0, 10)}.json"`,
        )
        .send(JSON.stringify(doc));
    },
  });

  app.route({
    method: 'POST',
    url: '/chains/restore',
    config: { access: 'admin' },
    bodyLimit: RESTORE_BODY_LIMIT,
    // Before the schema: a backup from a newer Tisserand deserves a plain answer, not a list of fields.
    preValidation: async (request) => {
      const newer = newerFormatError(request.body);
      if (newer) throw newer;
    },
    schema: { tags: ['backup'], body: BackupDocument, response: { 201: RestoredChain } },
    handler: async (request, reply) => {
      if (!request.auth) throw unauthorized();
      const { chain, ...restore } = await restoreBackup(db, request.body, { userId: request.auth.user.id });
      const answer = { ...toChain(chain, 'coordinator', null), restore };
      setEtag(reply, answer);
      return reply.code(201).send(answer);
    },
  });
}
