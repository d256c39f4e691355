import {
  Capital,
  Chain,
  ChainCreate,
  ChainParams,
  ChainUpdate,
  ListQuery,
  listCapitals,
  listOf,
  Member,
  MemberCreate,
  MemberParams,
  MemberUpdate,
} from '@tisserand/core';
import { z } from 'zod';
import { expectedVersion, setEtag } from '../../http/concurrency';
import type { ChainContext } from '../../http/context';
import { notFound, unauthorized } from '../../http/errors';
import { decodeCursor, page } from '../../http/pagination';
import type { App, Deps } from '../../http/types';
import * as repo from './chains.repository';
import * as service from './chains.service';

const NoContent = z.null().describe('No content');
const ALL = ['coordinator', 'partner', 'observer'] as const;
const COORDINATOR = ['coordinator'] as const;

function chainOf(request: { chain: ChainContext | null }): ChainContext {
  if (!request.chain) throw notFound();
  return request.chain;
}

export function chainRoutes(app: App, { db }: Deps) {
  app.route({
    method: 'GET',
    url: '/chains',
    config: { access: 'user' },
    schema: { tags: ['chains'], response: { 200: listOf(Chain) } },
    handler: async (request) => {
      if (!request.auth) throw unauthorized();
      const user = request.auth.user;
      const rows = await repo.listChainsFor(db, user);
      return {
        items: rows.map((r) =>
          service.toChain(r.chain, user.isAdmin ? 'coordinator' : (r.role ?? 'observer'), r.actorId),
        ),
        nextCursor: null,
      };
    },
  });

  app.route({
    method: 'POST',
    url: '/chains',
    config: { access: 'admin' },
    schema: { tags: ['chains'], body: ChainCreate, response: { 201: Chain } },
    handler: async (request, reply) => {
      if (!request.auth) throw unauthorized();
      const chain = await service.createChain(db, request.auth.user, request.body);
      setEtag(reply, chain);
      return reply.code(201).send(chain);
    },
  });

  app.route({
    method: 'GET',
    url: '/chains/:chainId',
    config: { access: { chain: ALL } },
    schema: { tags: ['chains'], params: ChainParams, response: { 200: Chain } },
    handler: async (request, reply) => {
      const ctx = chainOf(request);
      const row = await repo.getChain(db, ctx.id);
      if (!row) throw notFound();
      const chain = service.toChain(row, ctx.role, ctx.actorId);
      setEtag(reply, chain);
      return chain;
    },
  });

  app.route({
    method: 'PATCH',
    url: '/chains/:chainId',
    config: { access: { chain: COORDINATOR } },
    schema: { tags: ['chains'], params: ChainParams, body: ChainUpdate, response: { 200: Chain } },
    handler: async (request, reply) => {
      const ctx = chainOf(request);
      if (!request.auth) throw unauthorized();
      const version = expectedVersion(request);
      const chain = await service.updateChain(
        db,
        request.auth.user,
        ctx.id,
        version,
        request.body,
        ctx.role,
        ctx.actorId,
      );
      setEtag(reply, chain);
      return chain;
    },
  });

  app.route({
    method: 'DELETE',
    url: '/chains/:chainId',
    config: { access: { chain: COORDINATOR } },
    schema: { tags: ['chains'], params: ChainParams, response: { 204: NoContent } },
    handler: async (request, reply) => {
      const ctx = chainOf(request);
      await service.deleteChain(db, ctx.id, expectedVersion(request));
      return reply.code(204).send(null);
    },
  });

  app.route({
    method: 'GET',
    url: '/chains/:chainId/capitals',
    config: { access: { chain: ALL } },
    schema: { tags: ['chains'], params: ChainParams, response: { 200: z.array(Capital) } },
    handler: async (request) => listCapitals(chainOf(request).capitalFramework, request.locale),
  });

  app.route({
    method: 'GET',
    url: '/chains/:chainId/members',
    config: { access: { chain: ALL } },
    schema: {
      tags: ['members'],
      params: ChainParams,
      querystring: ListQuery,
      response: { 200: listOf(Member) },
    },
    handler: async (request) => {
      const ctx = chainOf(request);
      const rows = await repo.listMembers(
        db,
        ctx.id,
        request.query.limit,
        decodeCursor(request.query.cursor),
      );
      const result = page(rows, request.query.limit);
      // E-mail addresses are personal data: only coordinators see them.
      const items = result.items.map((m) => {
        const member = service.toMember(m);
        return ctx.role === 'coordinator' ? member : { ...member, email: '' };
      });
      return { items, nextCursor: result.nextCursor };
    },
  });

  app.route({
    method: 'POST',
    url: '/chains/:chainId/members',
    config: { access: { chain: COORDINATOR } },
    schema: { tags: ['members'], params: ChainParams, body: MemberCreate, response: { 201: Member } },
    handler: async (request, reply) => {
      if (!request.auth) throw unauthorized();
      const member = await service.addMember(db, request.auth.user, chainOf(request).id, request.body);
      setEtag(reply, member);
      return reply.code(201).send(member);
    },
  });

  app.route({
    method: 'GET',
    url: '/chains/:chainId/members/:userId',
    config: { access: { chain: COORDINATOR } },
    schema: { tags: ['members'], params: MemberParams, response: { 200: Member } },
    handler: async (request, reply) => {
      const row = await repo.getMember(db, chainOf(request).id, request.params.userId);
      if (!row) throw notFound('No such member.');
      const member = service.toMember(row);
      setEtag(reply, member);
      return member;
    },
  });

  app.route({
    method: 'PATCH',
    url: '/chains/:chainId/members/:userId',
    config: { access: { chain: COORDINATOR } },
    schema: { tags: ['members'], params: MemberParams, body: MemberUpdate, response: { 200: Member } },
    handler: async (request, reply) => {
      if (!request.auth) throw unauthorized();
      const version = expectedVersion(request);
      const member = await service.updateMember(
        db,
        request.auth.user,
        chainOf(request).id,
        request.params.userId,
        version,
        request.body,
      );
      setEtag(reply, member);
      return member;
    },
  });

  app.route({
    method: 'DELETE',
    url: '/chains/:chainId/members/:userId',
    config: { access: { chain: COORDINATOR } },
    schema: { tags: ['members'], params: MemberParams, response: { 204: NoContent } },
    handler: async (request, reply) => {
      if (!request.auth) throw unauthorized();
      const version = expectedVersion(request);
      await service.removeMember(db, request.auth.user, chainOf(request).id, request.params.userId, version);
      return reply.code(204).send(null);
    },
  });
}
