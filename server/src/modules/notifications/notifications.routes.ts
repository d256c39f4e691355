import { ChainParams, IdParams } from '@tisserand/core';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { notifications } from '../../db/schema/index';
import type { ChainContext } from '../../http/context';
import { notFound, unauthorized } from '../../http/errors';
import type { App, Deps } from '../../http/types';

export const Notification = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
const ALL = ['coordinator', 'partner', 'observer'] as const;

function ctx(request: { chain: ChainContext | null; auth: { user: { id: string } } | null }) {
  if (!request.chain || !request.auth) throw unauthorized();
  return { chain: request.chain, userId: request.auth.user.id };
}

/** The caller's own notifications in a chain (reminders, requests). */
export function notificationRoutes(app: App, { db }: Deps) {
  app.route({
    method: 'GET',
    url: '/chains/:chainId/notifications',
    config: { access: { chain: ALL } },
    schema: {
      tags: ['notifications'],
      params: ChainParams,
      querystring: z.strictObject({ unread: z.enum(['true', 'false']).optional() }),
      response: { 200: z.object({ items: z.array(Notification) }) },
    },
    handler: async (request) => {
      const { chain, userId } = ctx(request);
      const rows = await db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.chainId, chain.id),
            eq(notifications.userId, userId),
            request.query.unread === 'true' ? isNull(notifications.readAt) : undefined,
          ),
        )
        .orderBy(desc(notifications.id))
        .limit(100);
      return {
        items: rows.map((n) => ({
          id: n.id,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link,
          createdAt: n.createdAt.toISOString(),
          readAt: n.readAt ? n.readAt.toISOString() : null,
        })),
      };
    },
  });

  app.route({
    method: 'POST',
    url: '/chains/:chainId/notifications/:id/read',
    config: { access: { chain: ALL } },
    schema: { tags: ['notifications'], params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      const { chain, userId } = ctx(request);
      const rows = await db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(
          and(
            eq(notifications.chainId, chain.id),
            eq(notifications.id, request.params.id),
            eq(notifications.userId, userId),
          ),
        )
        .returning({ id: notifications.id });
      if (rows.length === 0) throw notFound();
      return reply.code(204).send(null);
    },
  });
}
