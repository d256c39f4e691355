import { AuditEntry, AuditQuery, ChainParams, listOf } from '@tisserand/core';
import { decodeCursor, page } from '../../http/pagination';
import type { App, Deps } from '../../http/types';
import type { Changes } from './audit.service';
import { listAudit } from './audit.service';

export function auditRoutes(app: App, { db }: Deps) {
  app.route({
    method: 'GET',
    url: '/chains/:chainId/audit',
    config: { access: { chain: ['coordinator'] } },
    schema: {
      tags: ['audit'],
      params: ChainParams,
      querystring: AuditQuery,
      response: { 200: listOf(AuditEntry) },
    },
    handler: async (request) => {
      const { entityId, limit, cursor } = request.query;
      const rows = await listAudit(db, request.params.chainId, {
        entityId,
        limit,
        beforeId: decodeCursor(cursor),
      });
      // Newest first: the cursor is the oldest id of the page.
      return page(
        rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          userId: r.userId,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          changes: r.changes as Changes,
        })),
        limit,
      );
    },
  });
}
