import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Database } from '../db/client';
import { authenticate } from '../modules/auth/auth.service';
import { loadChainContext } from '../modules/chains/chains.repository';
import type { Access } from './context';
import { forbidden, notFound, unauthorized } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Reads the locale of a request: `Accept-Language`, French by default (API.md). */
export function requestLocale(request: FastifyRequest): 'fr' | 'en' {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return 'fr';
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('fr')) return 'fr';
    if (tag.startsWith('en')) return 'en';
  }
  return 'fr';
}

export function describeAccess(access: Access): string {
  if (typeof access === 'string') return access;
  return `chain:${access.chain.join('|')}`;
}

/**
 * The one access-control layer every route goes through. A route registered without
 * `config.access` stops the start; a chain route answers 404 to anyone outside the chain.
 */
export function installAccessControl(app: FastifyInstance, database: Database) {
  app.decorateRequest('auth', null);
  app.decorateRequest('chain', null);
  app.decorateRequest('locale', 'fr');

  // Checked once every plugin has had its say (a scope may declare access for all its routes).
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
  app.addHook('onReady', async () => {
    for (const route of routes) {
      const access = route.config?.access;
      if (!access) {
        throw new Error(
          `Route ${String(route.method)} ${route.url} does not declare who may call it (config.access).`,
        );
      }
      if (typeof access === 'object' && !route.url.includes(':chainId')) {
        throw new Error(`Route ${route.url} declares chain access but has no :chainId parameter.`);
      }
    }
  });

  app.addHook('onRequest', async (request) => {
    request.locale = requestLocale(request);
    request.auth = await authenticate(database.db, request);
  });

  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;
    const auth = request.auth;
    if (!auth) throw unauthorized();
    if (auth.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== auth.csrfToken)
        throw forbidden('Missing or wrong x-csrf-token header.');
    }
    if (access === 'user') return;
    if (access === 'admin') {
      if (!auth.user.isAdmin) throw forbidden('Only instance admins may do this.');
      return;
    }
    const chainId = (request.params as Record<string, unknown> | undefined)?.chainId;
    const chain =
      typeof chainId === 'string' ? await loadChainContext(database.db, chainId, auth.user) : null;
    if (!chain) throw notFound('No such chain.');
    if (!access.chain.includes(chain.role))
      throw forbidden(`Your role in this chain (${chain.role}) may not do this.`);
    request.chain = chain;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    // Authenticated answers, and every API answer, must never sit in a shared cache.
    if ((request.auth || request.url.startsWith('/api/')) && !request.routeOptions.config?.cacheable)
      reply.header('cache-control', 'no-store');
    return payload;
  });
}
