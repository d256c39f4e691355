import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { actors, chains, indicators, observations } from '../../db/schema/index';
import type { ChainContext } from '../../http/context';
import { notFound } from '../../http/errors';
import { toActor } from '../actors/actors.routes';
import { toFlow } from '../flows/flows.routes';
import { toIntent } from '../intents/intents.routes';
import { loadChainModel } from '../map/map.repository';
import { actorValuesVisible } from '../observations/visibility';
import type { ExportModel } from './export-model';
import type { ObservationExportRow } from './observations-export';

/** The chain's name and region (the access layer only loads the caller's place in it). */
export async function getChainHeader(db: Db, chainId: string) {
  const row = (
    await db
      .select({ id: chains.id, name: chains.name, region: chains.region })
      .from(chains)
      .where(eq(chains.id, chainId))
      .limit(1)
  )[0];
  if (!row) throw notFound('No such chain.');
  return row;
}

/** Everything the map exports show, through the same loader as the map (never the contacts). */
export async function loadExportModel(db: Db, chainId: string, exportedOn: string): Promise<ExportModel> {
  const [chain, model] = await Promise.all([getChainHeader(db, chainId), loadChainModel(db, chainId)]);
  return {
    chain,
    exportedOn,
    stages: model.stages.map((s) => ({ id: s.id, name: s.name, position: s.position })),
    actors: model.actors.map((a) => toActor(a, model.stageIds.get(a.id) ?? [])),
    flows: model.flows.map(toFlow),
    intents: model.intents.map(toIntent),
  };
}

/**
 * The observations the caller may read, decided indicator by indicator by `actorValuesVisible`
 * (all values, the caller's own actor's only, or none): the rule `readable` in
 * observations.routes.ts applies to the observation list.
 */
export async function listVisibleObservations(db: Db, chain: ChainContext): Promise<ObservationExportRow[]> {
  const indicatorRows = await db
    .select({ id: indicators.id, confidentiality: indicators.confidentiality })
    .from(indicators)
    .where(eq(indicators.chainId, chain.id));
  const everyone: string[] = [];
  const ownByActor = new Map<string, string[]>();
  for (const i of indicatorRows) {
    const visible = actorValuesVisible(chain, i.confidentiality);
    if (visible.kind === 'all') everyone.push(i.id);
    else if (visible.kind === 'own')
      ownByActor.set(visible.actorId, [...(ownByActor.get(visible.actorId) ?? []), i.id]);
  }
  const allowed: SQL[] = [];
  if (everyone.length > 0) allowed.push(inArray(observations.indicatorId, everyone));
  for (const [actorId, ids] of ownByActor) {
    const own = and(eq(observations.actorId, actorId), inArray(observations.indicatorId, ids));
    if (own) allowed.push(own);
  }
  if (allowed.length === 0) return [];

  return db
    .select({
      indicator: indicators.code,
      indicatorName: indicators.name,
      unit: indicators.unit,
      actor: actors.name,
      period: observations.period,
      value: observations.value,
      status: observations.status,
      note: observations.note,
      updatedAt: observations.updatedAt,
    })
    .from(observations)
    .innerJoin(
      indicators,
      and(eq(indicators.chainId, observations.chainId), eq(indicators.id, observations.indicatorId)),
    )
    .leftJoin(actors, and(eq(actors.chainId, observations.chainId), eq(actors.id, observations.actorId)))
    .where(and(eq(observations.chainId, chain.id), or(...allowed)))
    .orderBy(asc(indicators.code), asc(observations.periodStart), asc(actors.name), asc(observations.id));
}
