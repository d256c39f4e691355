import { IdParams, PublicReport, Report, ReportCreate, ReportUpdate } from '@tisserand/core';
import { and, eq, ne, or, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type Db, queryRows } from '../../db/client';
import { chains, reports } from '../../db/schema/index';
import { registerCollection, withIsoFields } from '../../http/collection';
import { conflict, notFound, unauthorized } from '../../http/errors';
import type { App, Deps } from '../../http/types';
import { openDataCsv, openDataJson } from './open-data';
import { renderReportPdf } from './pdf/report-pdf';
import { resolveReport } from './reports.resolve';

const ALL = ['coordinator', 'partner', 'observer'] as const;
const COORDINATOR = ['coordinator'] as const;
/** Public answers may be kept a minute by browsers and proxies: an unpublished report vanishes soon after. */
const PUBLIC_CACHE = 'public, max-age=60';

/** The advisory lock under which report slugs are checked and taken (reports, restores). */
export const REPORT_SLUG_LOCK = 'tisserand:report-slug';

type ReportRow = typeof reports.$inferSelect;

const toReport = (row: ReportRow): Report =>
  withIsoFields(row, {
    chainId: row.chainId,
    title: row.title,
    slug: row.slug,
    summary: row.summary,
    locale: row.locale,
    sections: row.sections as Report['sections'],
    published: row.published,
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
  });

/**
 * Slugs are unique in the whole instance (the public address has no chain in it). A distributed
 * table cannot hold that unique index, so the check runs under a transaction-wide advisory lock.
 */
async function assertSlugFree(tx: Db, slug: string, chainId: string, id: string | null) {
  await queryRows(tx, sql`select pg_advisory_xact_lock(hashtext(${REPORT_SLUG_LOCK}))`);
  const taken = await tx
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.slug, slug), id ? or(ne(reports.chainId, chainId), ne(reports.id, id)) : undefined))
    .limit(1);
  if (taken.length > 0)
    throw conflict('This address is already taken by another report.', [
      { path: 'body.slug', message: 'already taken' },
    ]);
}

/** The published report at a slug, with its chain; 404 for an unknown or unpublished one. */
async function publishedReport(db: Db, slug: string) {
  const row = (
    await db
      .select({ report: reports, chain: chains })
      .from(reports)
      .innerJoin(chains, eq(chains.id, reports.chainId))
      .where(and(eq(reports.slug, slug), eq(reports.published, true)))
      .limit(1)
  )[0];
  if (!row) throw notFound('No published report at this address.');
  return row;
}

const publicUrl = (request: FastifyRequest, slug: string) =>
  `${process.env.PUBLIC_URL?.replace(/\/$/, '') ?? `${request.protocol}://${request.host}`}/r/${slug}`;

const SlugParams = z.strictObject({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/) });

/** Reports: composed by coordinators, read by members, published at `/r/{slug}` for everyone. */
export function reportRoutes(app: App, deps: Deps) {
  const { db } = deps;
  registerCollection(app, deps, {
    path: 'reports',
    entityType: 'report',
    tag: 'reports',
    table: reports,
    create: ReportCreate,
    update: ReportUpdate,
    entity: Report,
    readRoles: ALL,
    writeRoles: COORDINATOR,
    toValues: (input) => {
      const values: Record<string, unknown> = { ...input };
      // publishedAt: when the report was last put online; cleared when it is taken down.
      if (input.published !== undefined) values.publishedAt = input.published ? new Date() : null;
      return values;
    },
    check: async ({ tx, chain }, after, before) => {
      if (!before || after.slug !== before.slug)
        await assertSlugFree(tx as unknown as Db, after.slug as string, chain.id, before?.id ?? null);
    },
    toApi: (row) => toReport(row as ReportRow),
  });

  app.route({
    method: 'GET',
    url: '/chains/:chainId/reports/:id/preview',
    config: { access: { chain: ALL } },
    schema: { tags: ['reports'], params: IdParams, response: { 200: PublicReport } },
    handler: async (request) => {
      const chain = request.chain;
      if (!chain) throw unauthorized();
      const row = (
        await db
          .select({ report: reports, chain: chains })
          .from(reports)
          .innerJoin(chains, eq(chains.id, reports.chainId))
          .where(and(eq(reports.chainId, chain.id), eq(reports.id, request.params.id)))
          .limit(1)
      )[0];
      if (!row) throw notFound();
      return resolveReport(db, row.chain, row.report);
    },
  });

  app.route({
    method: 'GET',
    url: '/public/reports/:slug',
    config: { access: 'public', cacheable: true },
    schema: { tags: ['public'], params: SlugParams, response: { 200: PublicReport } },
    handler: async (request, reply) => {
      const { report, chain } = await publishedReport(db, request.params.slug);
      reply.header('cache-control', PUBLIC_CACHE);
      return resolveReport(db, chain, report);
    },
  });

  app.route({
    method: 'GET',
    url: '/public/reports/:slug/data.json',
    config: { access: 'public', cacheable: true },
    schema: { tags: ['public'], params: SlugParams },
    handler: async (request, reply) => {
      const { report, chain } = await publishedReport(db, request.params.slug);
      const resolved = await resolveReport(db, chain, report);
      return reply
        .header('cache-control', PUBLIC_CACHE)
        .header('content-disposition', `attachment; filename="${report.slug}-donnees.json"`)
        .send(openDataJson(resolved, publicUrl(request, report.slug)));
    },
  });

  app.route({
    method: 'GET',
    url: '/public/reports/:slug/data.csv',
    config: { access: 'public', cacheable: true },
    schema: { tags: ['public'], params: SlugParams },
    handler: async (request, reply) => {
      const { report, chain } = await publishedReport(db, request.params.slug);
      const resolved = await resolveReport(db, chain, report);
      return reply
        .type('text/csv; charset=utf-8')
        .header('cache-control', PUBLIC_CACHE)
        .header('content-disposition', `attachment; filename="${report.slug}-donnees.csv"`)
        .send(openDataCsv(resolved));
    },
  });

  app.route({
    method: 'GET',
    url: '/public/reports/:slug.pdf',
    config: { access: 'public', cacheable: true },
    schema: { tags: ['public'], params: SlugParams },
    handler: async (request, reply) => {
      const { report, chain } = await publishedReport(db, request.params.slug);
      const resolved = await resolveReport(db, chain, report);
      const pdf = await renderReportPdf(resolved, { publicUrl: publicUrl(request, report.slug) });
      return reply
        .type('application/pdf')
        .header('cache-control', PUBLIC_CACHE)
        .header('content-disposition', `inline; filename="${report.slug}.pdf"`)
        .send(pdf);
    },
  });
}
