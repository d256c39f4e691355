import {
  ACTOR_ROLES,
  ACTOR_STATUSES,
  FLOW_TYPES,
  type GapItem,
  harmsOf,
  type Overview,
} from '@tisserand/core';
import { flowActiveOn, isActiveActor } from '@tisserand/core/gaps/flows';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { campaigns, commitments, goals, initiatives, resources } from '../../db/schema/index';
import type { ChainContext } from '../../http/context';
import { addDays } from '../../lib/dates';
import { campaignCompletion } from '../campaigns/campaigns.routes';
import { listSuccesses } from '../successes/successes.routes';
import { progressOf } from '../wealth/wealth.routes';
import type { ChainModel } from './map.repository';

const SEVERITY_RANK = { high: 0, medium: 1, low: 2 } as const;

/** The chain overview: counts by stage, role, status and flow type, and the open gaps. */
type Counts = Pick<Overview, 'counts' | 'byStage' | 'byRole' | 'byStatus' | 'flowsByType' | 'gaps'>;

export function buildOverview(model: ChainModel, gaps: GapItem[], today: string): Counts {
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

/** The overview's other slots: harms, goal progress, uncommitted goals, successes, campaigns, deadlines. */
export async function overviewExtras(db: Db, chain: ChainContext, locale: 'fr' | 'en', today: string) {
  const [initiativeRows, goalRows, commitmentRows, campaignRows, successes, resourceRows] = await Promise.all(
    [
      db.select().from(initiatives).where(eq(initiatives.chainId, chain.id)),
      db.select().from(goals).where(eq(goals.chainId, chain.id)),
      db
        .select({ goalId: commitments.goalId, status: commitments.status })
        .from(commitments)
        .where(eq(commitments.chainId, chain.id)),
      db
        .select()
        .from(campaigns)
        .where(and(eq(campaigns.chainId, chain.id), eq(campaigns.status, 'open'))),
      listSuccesses(db, chain, locale),
      db.select().from(resources).where(eq(resources.chainId, chain.id)),
    ],
  );
  const harms = initiativeRows
    .filter((i) => i.status !== 'stopped')
    .map((i) => ({ initiativeId: i.id, title: i.title, harms: harmsOf(i) }))
    .filter((h) => h.harms.length > 0);
  const live = commitmentRows.filter((c) => c.status !== 'lapsed');
  const goalItems = [];
  for (const g of goalRows.filter((x) => x.status === 'adopted' || x.status === 'achieved')) {
    const p = await progressOf(db, chain, locale, g);
    goalItems.push({
      goalId: g.id,
      title: g.title,
      status: g.status,
      targetDate: g.targetDate,
      progress: p.progress,
      onTrack: p.onTrack,
      commitments: live.filter((c) => c.goalId === g.id).length,
    });
  }
  const uncommittedGoals = goalRows
    .filter((g) => g.status === 'adopted' && !live.some((c) => c.goalId === g.id))
    .map((g) => g.id);
  const campaignItems = [];
  for (const c of campaignRows) {
    const completion = await campaignCompletion(db, chain.id, c);
    const mine =
      chain.role === 'partner' ? completion.filter((x) => x.actorId === chain.actorId) : completion;
    campaignItems.push({
      campaignId: c.id,
      name: c.name,
      period: c.period,
      dueDate: c.dueDate,
      expected: mine.reduce((a, x) => a + x.expected, 0),
      submitted: mine.reduce((a, x) => a + Math.min(x.submitted, x.expected), 0),
    });
  }
  const horizon = addDays(today, 60);
  const deadlines = [
    ...campaignRows
      .filter((c) => c.dueDate >= today && c.dueDate <= horizon)
      .map((c) => ({ kind: 'campaign' as const, id: c.id, title: c.name, date: c.dueDate })),
    ...goalRows
      .filter(
        (g) => g.status === 'adopted' && g.targetDate && g.targetDate >= today && g.targetDate <= horizon,
      )
      .map((g) => ({ kind: 'goal' as const, id: g.id, title: g.title, date: g.targetDate ?? '' })),
    ...resourceRows
      .filter(
        (r) =>
          r.deadline &&
          r.deadline >= today &&
          r.deadline <= horizon &&
          r.status !== 'obtained' &&
          r.status !== 'declined',
      )
      .map((r) => ({ kind: 'resource' as const, id: r.id, title: r.name, date: r.deadline ?? '' })),
  ].sort((a, b) => (a.date < b.date ? -1 : 1));
  return {
    harms,
    goals: goalItems,
    uncommittedGoals,
    successes: successes.slice(0, 5),
    campaigns: campaignItems,
    deadlines,
  };
}
