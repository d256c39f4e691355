import {
  ChainMap,
  ChainParams,
  Dismissal,
  DismissalCreate,
  GapItem,
  GapKeyParams,
  GapsQuery,
  MapQuery,
  Overview,
} from '@tisserand/core';
import { z } from 'zod';
import type { ChainContext } from '../../http/context';
import { unauthorized } from '../../http/errors';
import type { App, Deps } from '../../http/types';
import { todayIso } from '../../lib/dates';
import { dismissGap, listGaps, restoreGap } from './gaps.service';
import { loadChainModel } from './map.repository';
import { mapAt } from './map.service';
import { buildOverview, overviewExtras } from './overview.service';

const ALL = ['coordinator', 'partner', 'observer'] as const;

function ctx(request: { chain: ChainContext | null; auth: { user: { id: string } } | null }) {
  if (!request.chain || !request.auth) throw unauthorized();
  return { chain: request.chain, userId: request.auth.user.id };
}

/** The whole chain: map (with history), gap analysis and overview. */
export function mapRoutes(app: App, { db }: Deps) {
  app.route({
    method: 'GET',
    url: '/chains/:chainId/map',
    config: { access: { chain: ALL } },
    schema: {
      tags: ['meta vision'],
      params: ChainParams,
      querystring: MapQuery,
      response: { 200: ChainMap },
    },
    handler: async (request) => {
      const { chain } = ctx(request);
      const today = todayIso();
      return mapAt(await loadChainModel(db, chain.id), request.query.at ?? today, today);
    },
  });

  app.route({
    method: 'GET',
    url: '/chains/:chainId/gaps',
    config: { access: { chain: ALL } },
    schema: {
      tags: ['meta vision'],
      params: ChainParams,
      querystring: GapsQuery,
      response: { 200: z.object({ items: z.array(GapItem) }) },
    },
    handler: async (request) => {
      const { chain } = ctx(request);
      const items = await listGaps(db, chain, request.locale, {
        includeDismissed: request.query.includeDismissed === 'true',
      });
      return { items };
    },
  });

  app.route({
    method: 'POST',
    url: '/chains/:chainId/gaps/:key/dismissal',
    config: { access: { chain: ['coordinator'] } },
    schema: {
      tags: ['meta vision'],
      params: GapKeyParams,
      body: DismissalCreate,
      response: { 201: Dismissal },
    },
    handler: async (request, reply) => {
      const { chain, userId } = ctx(request);
      const dismissal = await dismissGap(
        db,
        chain,
        userId,
        request.params.key,
        request.body.reason,
        request.locale,
      );
      return reply.code(201).send(dismissal);
    },
  });

  app.route({
    method: 'DELETE',
    url: '/chains/:chainId/gaps/:key/dismissal',
    config: { access: { chain: ['coordinator'] } },
    schema: { tags: ['meta vision'], params: GapKeyParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      const { chain, userId } = ctx(request);
      await restoreGap(db, chain, userId, request.params.key);
      return reply.code(204).send(null);
    },
  });

  app.route({
    method: 'GET',
    url: '/chains/:chainId/overview',
    config: { access: { chain: ALL } },
    schema: { tags: ['meta vision'], params: ChainParams, response: { 200: Overview } },
    handler: async (request) => {
      const { chain } = ctx(request);
      const model = await loadChainModel(db, chain.id);
      const gaps = await listGaps(db, chain, request.locale, { includeDismissed: true });
      const today = todayIso();
      return {
        ...buildOverview(model, gaps, today),
        ...(await overviewExtras(db, chain, request.locale, today)),
      };
    },
  });
}
