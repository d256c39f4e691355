import { ACTOR_ROLES, ACTOR_STATUSES, FLOW_TYPES, type GapItem, type Overview } from '@tisserand/core';
import { flowActiveOn, isActiveActor } from '@tisserand/core/gaps/flows';
import type { ChainModel } from './map.repository';

const SEVERITY_RANK = { high: 0, medium: 1, low: 2 } as const;

/** The chain overview: counts by stage, role, status and flow type, and the open gaps. */
export function buildOverview(model: ChainModel, gaps: GapItem[], today: string): Overview {
  const byStage = model.stages.map((s) => ({
    stageId: s.id,
    name: s.name,
    position: s.position,
    actors: 0,
    active: 0,
    transactional: 0,
  }));
  const stageIndex = new Map(byStage.map((s, i) => [s.stageId, i]));
  const byRole = ACTOR_ROLES.map((role) => ({ role, actors: 0, active: 0 }));
  const byStatus = ACTOR_STATUSES.map((status) => ({ status, actors: 0 }));
  for (const a of model.actors) {
    const active = isActiveActor(a.status);
    for (const stageId of model.stageIds.get(a.id) ?? []) {
      const s = byStage[stageIndex.get(stageId) ?? -1];
      if (!s) continue;
      s.actors += 1;
      if (active) s.active += 1;
      if (active && a.role === 'transactional') s.transactional += 1;
    }
    const r = byRole.find((x) => x.role === a.role);
    if (r) {
      r.actors += 1;
      if (active) r.active += 1;
    }
    const st = byStatus.find((x) => x.status === a.status);
    if (st) st.actors += 1;
  }
  const flowsByType = FLOW_TYPES.map((type) => ({ type, active: 0, total: 0 }));
  for (const f of model.flows) {
    const t = flowsByType.find((x) => x.type === f.type);
    if (!t) continue;
    t.total += 1;
    if (flowActiveOn(f, today)) t.active += 1;
  }
  const open = gaps.filter((g) => !g.dismissed);
  const bySeverity = { high: 0, medium: 0, low: 0 };
  for (const g of open) bySeverity[g.severity] += 1;
  const top = [...open].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]).slice(0, 5);
  return {
    counts: {
      stages: model.stages.length,
      actors: model.actors.length,
      flows: model.flows.length,
      intents: model.intents.length,
    },
    byStage,
    byRole,
    byStatus,
    flowsByType,
    gaps: { open: open.length, dismissed: gaps.length - open.length, bySeverity, top },
  };
}
