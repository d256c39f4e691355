import { ChainParams } from '@tisserand/core';
import type { FastifyReply } from 'fastify';
import type { ChainContext } from '../../http/context';
import { unauthorized } from '../../http/errors';
import type { App, Deps } from '../../http/types';
import { todayIso } from '../../lib/dates';
import { XLSX_TYPE } from '../imports/parse';
import { type ExportModel, exportFilename } from './export-model';
import { getChainHeader, listVisibleObservations, loadExportModel } from './exports.repository';
import { toGexf, toGraphml } from './graph-formats';
import { toKumu } from './kumu';
import { toObservationsCsv, toObservationsXlsx } from './observations-export';
import { toValueflows } from './valueflows';

// Every member reads these: they hold what the map shows (no contacts) and only the observations
// the caller may read anyway.
const ALL = ['coordinator', 'partner', 'observer'] as const;

function chainOf(request: { chain: ChainContext | null }) {
  if (!request.chain) throw unauthorized();
  return request.chain;
}

function download(reply: FastifyReply, type: string, filename: string, body: string | Buffer) {
  return reply.type(type).header('content-disposition', `attachment; filename="${filename}"`).send(body);
}

/** The map exports: one format each, built from the same model. */
const MAP_EXPORTS: {
  name: string;
  type: string;
  summary: string;
  build: (model: ExportModel) => string;
}[] = [
  {
    name: 'map.gexf',
    type: 'application/gexf+xml; charset=utf-8',
    summary: 'The chain map in GEXF 1.3 (Gephi): actors as nodes, flows as directed edges.',
    build: toGexf,
  },
  {
    name: 'map.graphml',
    type: 'application/graphml+xml; charset=utf-8',
    summary: 'The chain map in GraphML (networkx, yEd, Cytoscape).',
    build: toGraphml,
  },
  {
    name: 'kumu.json',
    type: 'application/json; charset=utf-8',
    summary: 'The chain map as a Kumu blueprint (JSON import).',
    build: (model) => JSON.stringify(toKumu(model), null, 2),
  },
  {
    name: 'valueflows.jsonld',
    type: 'application/ld+json; charset=utf-8',
    summary: 'Actors, flows, offers and needs in the ValueFlows vocabulary (JSON-LD, inline context).',
    build: (model) => JSON.stringify(toValueflows(model), null, 2),
  },
];

/** Chain exports (API.md, "Imports and exports"); `backup.json` lives in the backup module. */
export function exportRoutes(app: App, { db }: Deps) {
  for (const spec of MAP_EXPORTS) {
    app.route({
      method: 'GET',
      url: `/chains/:chainId/exports/${spec.name}`,
      config: { access: { chain: ALL } },
      schema: { tags: ['exports'], summary: spec.summary, params: ChainParams },
      handler: async (request, reply) => {
        const chain = chainOf(request);
        const model = await loadExportModel(db, chain.id, todayIso());
        return download(reply, spec.type, exportFilename(model.chain.name, spec.name), spec.build(model));
      },
    });
  }

  app.route({
    method: 'GET',
    url: '/chains/:chainId/exports/observations.csv',
    config: { access: { chain: ALL } },
    schema: {
      tags: ['exports'],
      summary: 'The observations the caller may read, as CSV (UTF-8 with BOM, comma-separated).',
      params: ChainParams,
    },
    handler: async (request, reply) => {
      const chain = chainOf(request);
      const [header, rows] = await Promise.all([
        getChainHeader(db, chain.id),
        listVisibleObservations(db, chain),
      ]);
      return download(
        reply,
        'text/csv; charset=utf-8',
        exportFilename(header.name, 'observations.csv'),
        toObservationsCsv(rows),
      );
    },
  });

  app.route({
    method: 'GET',
    url: '/chains/:chainId/exports/observations.xlsx',
    config: { access: { chain: ALL } },
    schema: {
      tags: ['exports'],
      summary: 'The observations the caller may read, as an XLSX workbook.',
      params: ChainParams,
    },
    handler: async (request, reply) => {
      const chain = chainOf(request);
      const [header, rows] = await Promise.all([
        getChainHeader(db, chain.id),
        listVisibleObservations(db, chain),
      ]);
      return download(
        reply,
        XLSX_TYPE,
        exportFilename(header.name, 'observations.xlsx'),
        await toObservationsXlsx(rows),
      );
    },
  });
}
