import multipart from '@fastify/multipart';
import { ChainParams, ImportCreated, ImportJob, ImportQuery } from '@tisserand/core';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ChainContext } from '../../http/context';
import { badRequest, HttpError, notFound, unauthorized } from '../../http/errors';
import type { App, Deps } from '../../http/types';
import { getImport, startImport } from './imports.service';
import { FileFormatError, type ParsedTable, parseCsv, parseXlsx, XLSX_TYPE } from './parse';

/** Files up to 50 MB (about a million rows of observations as CSV). */
export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

const COORDINATOR = ['coordinator'] as const;

function ctx(request: { chain: ChainContext | null; auth: { user: { id: string } } | null }) {
  if (!request.chain || !request.auth) throw unauthorized();
  return { chain: request.chain, userId: request.auth.user.id };
}

const looksLikeXlsx = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b; // a ZIP archive

async function readTable(request: FastifyRequest): Promise<ParsedTable> {
  try {
    if (request.isMultipart()) {
      const file = await request.file({ limits: { fileSize: IMPORT_BODY_LIMIT, files: 1 } });
      if (!file)
        throw badRequest('Send the file in a “file” field.', [{ path: 'body.file', message: 'required' }]);
      const buffer = await file.toBuffer();
      return looksLikeXlsx(buffer) ? await parseXlsx(buffer) : parseCsv(buffer.toString('utf8'));
    }
    const body = request.body;
    if (Buffer.isBuffer(body))
      return looksLikeXlsx(body) ? await parseXlsx(body) : parseCsv(body.toString('utf8'));
    if (typeof body === 'string') return parseCsv(body);
    throw new HttpError(415, 'Send a CSV (text/csv) or XLSX file, or a multipart form with a “file” field.');
  } catch (err) {
    if (err instanceof FileFormatError)
      throw badRequest(err.message, [{ path: 'body', message: err.message }]);
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new HttpError(413, 'The file is too large.');
    throw err;
  }
}

/** CSV/XLSX imports of actors, flows and intents: checked in full, then written all at once. */
export function importRoutes(app: App, { db }: Deps) {
  app.register(async (scope) => {
    scope.addContentTypeParser(
      ['text/csv', 'application/csv'],
      { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
      (_req, body, done) => done(null, body),
    );
    scope.addContentTypeParser(
      [XLSX_TYPE, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
      (_req, body, done) => done(null, body),
    );
    await scope.register(multipart);
    const router = scope as unknown as App;

    router.route({
      method: 'POST',
      url: '/chains/:chainId/imports',
      config: { access: { chain: COORDINATOR } },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['imports'],
        params: ChainParams,
        querystring: ImportQuery,
        response: { 202: ImportCreated },
        consumes: ['text/csv', XLSX_TYPE, 'multipart/form-data'],
      },
      handler: async (request, reply) => {
        const { chain, userId } = ctx(request);
        const table = await readTable(request);
        const id = await startImport(
          db,
          chain,
          userId,
          request.query.kind,
          request.query.dryRun === 'true',
          table,
        );
        return reply
          .code(202)
          .header('location', `${request.url.split('?')[0]}/${id}`)
          .send({ id });
      },
    });

    router.route({
      method: 'GET',
      url: '/chains/:chainId/imports/:id',
      config: { access: { chain: COORDINATOR } },
      schema: {
        tags: ['imports'],
        params: z.strictObject({ chainId: z.uuid(), id: z.uuid() }),
        response: { 200: ImportJob },
      },
      handler: async (request) => {
        const { chain } = ctx(request);
        const job = await getImport(db, chain.id, request.params.id);
        if (!job) throw notFound('No such import.');
        return job;
      },
    });
  });
}
