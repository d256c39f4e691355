import { z } from 'zod';
import type { App, Deps } from '../../http/types';

export const Health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });

export const PublicConfig = z.object({ mapStyleUrl: z.string().nullable() });

export function systemRoutes(app: App, { database, mapStyleUrl }: Deps) {
  app.route({
    method: 'GET',
    url: '/config',
    config: { access: 'public' },
    schema: { tags: ['system'], response: { 200: PublicConfig } },
    handler: async () => ({ mapStyleUrl: mapStyleUrl ?? null }),
  });

  app.route({
    method: 'GET',
    url: '/health',
    config: { access: 'public' },
    schema: { tags: ['system'], response: { 200: Health } },
    handler: async () => {
      await database.db.execute('select 1');
      return { status: 'ok' as const, database: database.kind };
    },
  });
}
