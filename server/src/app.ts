import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from './db/client';
import { installAccessControl } from './http/access';
import { AnswerCache } from './http/answer-cache';
import { frameworkErrors, installErrorHandling, refuseEncodedBodies, sendProblem } from './http/errors';
import type { App, Deps } from './http/types';
import { actorRoutes } from './modules/actors/actors.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { backupRoutes } from './modules/backup/backup.routes';
import { campaignRoutes } from './modules/campaigns/campaigns.routes';
import { chainRoutes } from './modules/chains/chains.routes';
import { connectorRoutes } from './modules/connector/connector.routes';
import { exportRoutes } from './modules/exports/exports.routes';
import { flowRoutes } from './modules/flows/flows.routes';
import { importRoutes } from './modules/imports/imports.routes';
import { indicatorRoutes } from './modules/indicators/indicators.routes';
import { intentRoutes } from './modules/intents/intents.routes';
import { mapRoutes } from './modules/map/map.routes';
import { mediationRoutes } from './modules/mediation/mediation.routes';
import { notificationRoutes } from './modules/notifications/notifications.routes';
import { observationRoutes } from './modules/observations/observations.routes';
import { personalDataRoutes } from './modules/personal-data/personal-data.routes';
import { reportRoutes } from './modules/reports/reports.routes';
import { stageRoutes } from './modules/stages/stages.routes';
import { successRoutes } from './modules/successes/successes.routes';
import { systemRoutes } from './modules/system/system.routes';
import { wealthRoutes } from './modules/wealth/wealth.routes';

export const API_PREFIX = '/api/v1';

export interface AppOptions {
  database: Database;
  /** Built web app to serve (web/dist); none in API-only tests. */
  webDist?: string | undefined;
  /** Set the Secure flag on cookies even when the request did not arrive over HTTPS. */
  secureCookies?: boolean;
  /** Trust X-Forwarded-* from a reverse proxy. */
  trustProxy?: boolean;
  bodyLimit?: number;
  logger?: FastifyServerOptions['logger'];
  /** MapLibre style URL for the geography view (its origin is allowed by the CSP). */
  mapStyleUrl?: string | undefined;
  /** Instance admins without a second factor get a session that may only enrol one. */
  require2fa?: boolean;
}

/** The API's routes, each module a function of the app and the database. */
const MODULES = [
  systemRoutes,
  authRoutes,
  chainRoutes,
  backupRoutes,
  auditRoutes,
  stageRoutes,
  actorRoutes,
  flowRoutes,
  intentRoutes,
  mapRoutes,
  importRoutes,
  indicatorRoutes,
  observationRoutes,
  campaignRoutes,
  successRoutes,
  notificationRoutes,
  wealthRoutes,
  mediationRoutes,
  connectorRoutes,
  exportRoutes,
  reportRoutes,
  personalDataRoutes,
] as const;

/** Builds the Fastify app: used by the server process and by the tests (`app.inject`). */
export async function buildApp(options: AppOptions) {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    frameworkErrors,
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  app.addHook('onRequest', refuseEncodedBodies);
  // JSON only, unless a module registers its own parser (CSV imports): anything else is 415.
  app.removeContentTypeParser('text/plain');

  const mapOrigins = options.mapStyleUrl ? [new URL(options.mapStyleUrl).origin] : [];
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets CSS variables through style attributes and tags; no inline script is allowed.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...mapOrigins],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...mapOrigins],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    hsts: false,
  });
  await app.register(cookie);
  installAccessControl(app, options.database, { require2fa: options.require2fa ?? false });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tisserand API',
        description: 'The HTTP API of Tisserand, the workspace of a permacomptable value chain (API.md).',
        version: '1.0.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tisserand_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  // Everything the docs plugin serves is public: declared once for the whole scope.
  await app.register(async (docs) => {
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: 'public' };
    });
    await docs.register(swaggerUi, { routePrefix: '/api/docs' });
  });

  app.route({
    method: 'GET',
    url: '/api/openapi.json',
    config: { access: 'public' },
    schema: { hide: true },
    handler: async () => app.swagger(),
  });

  await app.register(
    async (api) => {
      const deps: Deps = {
        database: options.database,
        db: options.database.db,
        answers: new AnswerCache(),
        secureCookies: options.secureCookies ?? false,
        mapStyleUrl: options.mapStyleUrl,
        require2fa: options.require2fa ?? false,
      };
      for (const register of MODULES) register(api as App, deps);
    },
    { prefix: API_PREFIX },
  );

  const spa =
    options.webDist && existsSync(join(options.webDist, 'index.html'))
      ? await registerWeb(app, options.webDist)
      : undefined;
  app.setNotFoundHandler((request, reply) => {
    if (spa?.(request, reply)) return reply;
    return sendProblem(reply, 404, `No route ${request.method} ${request.url.split('?')[0]}.`);
  });
  return app;
}

/** Serves the built web app, with the SPA's index.html for every page path. */
async function registerWeb(app: App, webDist: string) {
  const indexHtml = readFileSync(join(webDist, 'index.html'), 'utf8');
  await app.register(async (web) => {
    web.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: 'public', cacheable: true };
    });
    await web.register(fastifStatic, { root: webDist, prefix: '/', wildcard: false, index: false });
  });
  return (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (request.method !== 'GET' || path.startsWith('/api/') || path.includes('.')) return false;
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    return true;
  };
}
