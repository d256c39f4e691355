import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Database } from '../db/client';
import { type AuthOptions, authenticate } from '../modules/auth/auth.service';
import { type ChainRowWithMember, chainContextOf, isChainId } from '../modules/chains/chains.repository';
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

/** The routes of each app, as registered (read by `registeredRoutes`). */
const routesByApp = new WeakMap<FastifyInstance, RouteOptions[]>();

/**
 * Every route of an app built with `installAccessControl`, one row per method, with the access it
 * declares: the access-matrix test (server/test/access-matrix.test.ts) is generated from it, and
 * the fuzz and lost-update tests (server/test/fuzz.test.ts, lost-updates.test.ts) too.
 */
export function registeredRoutes(app: FastifyInstance) {
  return (routesByApp.get(app) ?? []).flatMap((route) =>
    [route.method].flat().map((method) => ({
      method: String(method),
      url: route.url,
      access: route.config?.access as Access | undefined,
      /** The zod schemas (params, querystring, body), read by the fuzz and lost-update tests. */
      schema: route.schema,
      bodyLimit: route.bodyLimit,
    })),
  );
}

export function describeAccess(access: Access): string {
  if (typeof access === 'string') return access;
  return `chain:${access.chain.join('|')}`;
}

/**
 * The one access-control layer every route goes through. A route registered without
 * `config.access` stops the start; a chain route answers 404 to anyone outside the chain.
 */
export function installAccessControl(
  app: FastifyInstance,
  database: Database,
  authOptions: AuthOptions = {},
) {
  app.decorateRequest('auth', null);
  app.decorateRequest('chain', null);
  app.decorateRequest('locale', 'fr');

  // Checked once every plugin has had its say (a scope may declare access for all its routes).
  const routes: RouteOptions[] = [];
  routesByApp.set(app, routes);
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

  // The chain a chain route names is read with the caller's credentials, in one query.
  const chainRows = new WeakMap<FastifyRequest, ChainRowWithMember>();

  app.addHook('onRequest', async (request) => {
    request.locale = requestLocale(request);
    const access = request.routeOptions.config?.access;
    const chainId =
      typeof access === 'object'
        ? (request.params as Record<string, unknown> | undefined)?.chainId
        : undefined;
    const found = await authenticate(
      database.db,
      request,
      authOptions,
      typeof chainId === 'string' && isChainId(chainId) ? chainId : undefined,
    );
    request.auth = found?.auth ?? null;
    if (found?.chain) chainRows.set(request, found.chain);
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
    if (auth.twoFactorPending && !request.routeOptions.config.twoFactorExempt)
      throw forbidden(
        'Two-factor authentication is required for instance admins: enrol a second factor first (POST /api/v1/me/2fa/enrolment).',
      );
    if (access === 'user') return;
    if (access === 'admin') {
      if (!auth.user.isAdmin) throw forbidden('Only instance admins may do this.');
      return;
    }
    const row = chainRows.get(request);
    const chain = row ? chainContextOf(row, auth.user) : null;
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
