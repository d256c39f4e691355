import type { ChainMap, Flow } from '@tisserand/core';
import { toActor } from '../actors/actors.routes';
import { toFlow } from '../flows/flows.routes';
import { toStage } from '../stages/stages.routes';
import type { ChainModel } from './map.repository';

/**
 * The chain as it stood on `at`: every stage and actor, and the flows whose since/until window
 * contains that day. A flow now `broken` that was still running on `at` (until ≥ at) shows as active
 * then; flows dated after `at` are left out. Actors have no dates of their own: all are shown.
 */
export function mapAt(model: ChainModel, at: string, today: string): ChainMap {
  const flows: Flow[] = [];
  for (const row of model.flows) {
    if (row.since && row.since > at) continue;
    if (row.until && row.until < at) continue;
    const flow = toFlow(row);
    if (at < today && flow.status === 'broken' && flow.until && flow.until >= at) flow.status = 'active';
    flows.push(flow);
  }
  return {
    at,
    stages: model.stages.map(toStage),
    actors: model.actors.map((a) => toActor(a, model.stageIds.get(a.id) ?? [])),
    flows,
  };
}
