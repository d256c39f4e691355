import { slug } from '@tisserand/core';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { expectedVersion } from '../../http/concurrency';
import { notFound, unauthorized } from '../../http/errors';
import type { App, Deps } from '../../http/types';
import * as service from './personal-data.service';

const ContactParams = z.strictObject({ chainId: z.uuid(), actorId: z.uuid(), id: z.uuid() });
const UserParams = z.strictObject({ id: z.uuid() });
const NoContent = z.null().describe('No content');
const TAG = 'personal data';

/** A JSON download: the browser saves it under `filename`. */
function download(reply: FastifyReply, filename: string, body: unknown) {
  return reply
    .type('application/json; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(JSON.stringify(body, null, 2));
}

/** Right of access and right to erasure (docs/personal-data.md). */
export function personalDataRoutes(app: App, { db }: Deps) {
  app.route({
    method: 'GET',
    url: '/chains/:chainId/actors/:actorId/contacts/:id/personal-data',
    config: { access: { chain: ['coordinator', 'partner'] } },
    schema: {
      tags: [TAG],
      summary: 'Everything held about a contact (a JSON download)',
      params: ContactParams,
    },
    handler: async (request, reply) => {
      if (!request.chain) throw notFound();
      const { actorId, id } = request.params;
      const doc = await service.exportContact(db, request.chain, actorId, id);
      const name = slug(doc.contact.name) || 'contact';
      return download(reply, `donnees-personnelles-${name}-${doc.exportedAt.slice(0, 10)}.json`, doc);
    },
  });

  app.route({
    method: 'DELETE',
    url: '/chains/:chainId/actors/:actorId/contacts/:id/personal-data',
    config: { access: { chain: ['coordinator'] } },
    schema: {
      tags: [TAG],
      summary: 'Erases a contact: deleted, its audit entries pseudonymised (If-Match required)',
      params: ContactParams,
      response: { 204: NoContent },
    },
    handler: async (request, reply) => {
      if (!request.chain || !request.auth) throw notFound();
      const { actorId, id } = request.params;
      const version = expectedVersion(request);
      await service.eraseContact(db, request.chain, request.auth.user.id, actorId, id, version);
      return reply.code(204).send(null);
    },
  });

  app.route({
    method: 'GET',
    url: '/me/personal-data',
    config: { access: 'user' },
    schema: { tags: [TAG], summary: 'Everything held about the caller (a JSON download)' },
    handler: async (request, reply) => {
      if (!request.auth) throw unauthorized();
      const doc = await service.exportUser(db, request.auth.user.id, request.auth.sessionId);
      return download(reply, `mes-donnees-tisserand-${doc.exportedAt.slice(0, 10)}.json`, doc);
    },
  });

  app.route({
    method: 'DELETE',
    url: '/users/:id/personal-data',
    config: { access: 'admin' },
    schema: {
      tags: [TAG],
      summary: 'Erases a user: the account becomes a pseudonymous tombstone (instance admins)',
      params: UserParams,
      response: { 204: NoContent },
    },
    handler: async (request, reply) => {
      if (!request.auth) throw unauthorized();
      await service.eraseUser(db, request.auth.user.id, request.params.id);
      return reply.code(204).send(null);
    },
  });
}
