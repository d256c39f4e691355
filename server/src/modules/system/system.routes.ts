import { z } from 'zod';
import type { App, Deps } from '../../http/types';

export const Health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });

export function systemRoutes(app: App, { database }: Deps) {
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
