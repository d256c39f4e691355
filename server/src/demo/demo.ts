import type { Db } from '../db/client';
import {
  actorStages,
  actors,
  campaigns,
  chains,
  commitments,
  flows,
  goals,
  indicators,
  initiatives,
  intents,
  stages,
} from '../db/schema/index';
import type { ChainContext } from '../http/context';
import { todayIso } from '../lib/dates';
import { newId } from '../lib/ids';
import { recordAudit } from '../modules/audit/audit.service';
import * as authRepo from '../modules/auth/auth.repository';
import { createUser } from '../modules/auth/auth.service';
import { addMember, createChain } from '../modules/chains/chains.service';
import { transition, upsertObservations } from '../modules/observations/observations.service';
import { loadConnector } from './demo-connector';
import {
  DEMO_ACTORS,
  DEMO_CHAIN,
  DEMO_FLOWS,
  DEMO_INTENTS,
  DEMO_PASSWORD,
  DEMO_STAGES,
  DEMO_USERS,
} from './demo-data';
import { DEMO_CAMPAIGN, DEMO_INDICATORS, DEMO_LATE, DEMO_QUARTERS, seeded } from './demo-indicators';
import { loadMediation } from './demo-mediation';
import { loadReport } from './demo-reports';
import { DEMO_COMMITMENTS, DEMO_GOALS, DEMO_INITIATIVES } from './demo-wealth';

export { DEMO_PASSWORD, DEMO_USERS };

/** True when the instance holds no chain yet (a fresh install). */
export async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: chains.id }).from(chains).limit(1);
  return rows.length === 0;
}

async function demoUser(db: Db, u: (typeof DEMO_USERS)[number]) {
  const existing = await authRepo.findUserByEmail(db, u.email);
  if (existing) return existing;
  return createUser(db, {
    email: u.email,
    name: u.name,
    password: DEMO_PASSWORD,
    isAdmin: u.isAdmin,
    locale: 'fr',
  });
}

/**
 * Loads the demo chain, its people and its map; answers the new chain's id. What the reminders act
 * on (follow-ups, deadlines, renewals) is dated from `today`, the day it loads.
 */
export async function loadDemo(db: Db, today: string = todayIso()): Promise<string> {
  const people = new Map<
    string,
    { id: string; email: string; name: string; locale: 'fr' | 'en'; isAdmin: boolean }
  >();
  for (const u of DEMO_USERS) people.set(u.key, await demoUser(db, u));
  const coordinator = people.get('coordinator');
  if (!coordinator) throw new Error('demo coordinator missing');

  const chain = await createChain(db, coordinator, DEMO_CHAIN);
  const chainId = chain.id;
  const stageIds = new Map<string, string>();
  const actorIds = new Map<string, string>();

  await db.transaction(async (tx) => {
    const audit = (entityType: string, entityId: string, after: Record<string, unknown>) =>
      recordAudit(tx, {
        chainId,
        userId: coordinator.id,
        action: 'create',
        entityType,
        entityId,
        before: null,
        after,
      });

    for (const [position, s] of DEMO_STAGES.entries()) {
      const row = { chainId, id: newId(), name: s.name, position, description: s.description };
      stageIds.set(s.key, row.id);
      await tx.insert(stages).values(row);
      await audit('stage', row.id, row);
    }
    for (const d of DEMO_ACTORS) {
      const { key, stages: stageKeys, ...fields } = d;
      const row = { chainId, id: newId(), ...fields, employees: fields.employees ?? null };
      actorIds.set(key, row.id);
      await tx.insert(actors).values(row);
      const links = stageKeys.map((k) => ({ chainId, actorId: row.id, stageId: stageIds.get(k) ?? '' }));
      if (links.length > 0) await tx.insert(actorStages).values(links);
      await audit('actor', row.id, { ...row, stageIds: links.map((l) => l.stageId) });
    }
    for (const f of DEMO_FLOWS) {
      const { from, to, ...fields } = f;
      const row = {
        chainId,
        id: newId(),
        sourceId: actorIds.get(from) ?? '',
        targetId: actorIds.get(to) ?? '',
        ...fields,
      };
      await tx.insert(flows).values(row);
      await audit('flow', row.id, row);
    }
    for (const i of DEMO_INTENTS) {
      const { actor, ...fields } = i;
      const row = { chainId, id: newId(), actorId: actorIds.get(actor) ?? '', ...fields };
      await tx.insert(intents).values(row);
      await audit('intent', row.id, row);
    }
  });

  const indicatorIds = await loadIndicatorsAndData(db, coordinator.id, chainId, stageIds, actorIds);
  await loadWealth(db, coordinator.id, chainId, actorIds, indicatorIds);
  await loadMediation(db, coordinator.id, chainId, actorIds, today);
  await loadConnector(db, coordinator.id, chainId, actorIds, today);
  await loadReport(db, coordinator.id, chainId, indicatorIds);

  const partners: [string, string][] = [
    ['miller', 'moulin'],
    ['baker', 'paincrest'],
  ];
  for (const [userKey, actorKey] of partners) {
    const user = people.get(userKey);
    if (user)
      await addMember(db, coordinator, chainId, {
        userId: user.id,
        role: 'partner',
        actorId: actorIds.get(actorKey),
      });
  }
  const observer = people.get('observer');
  if (observer) await addMember(db, coordinator, chainId, { userId: observer.id, role: 'observer' });
  return chainId;
}

/** Indicators, two years of quarterly data (approved up to the last quarter), an open campaign. */
async function loadIndicatorsAndData(
  db: Db,
  userId: string,
  chainId: string,
  stageIds: Map<string, string>,
  actorIds: Map<string, string>,
) {
  const chain: ChainContext = {
    id: chainId,
    role: 'coordinator',
    actorId: null,
    capitalFramework: 'permacomptable',
    publicMinGroupSize: 3,
  };
  const indicatorIds = new Map<string, string>();
  await db.transaction(async (tx) => {
    for (const d of DEMO_INDICATORS) {
      const { data: _data, reporterStages, numerator, denominator, ...fields } = d;
      const row = {
        chainId,
        id: newId(),
        ...fields,
        capitals: fields.capitals ?? [],
        valueType: fields.valueType ?? 'number',
        aggregation: fields.aggregation ?? 'sum',
        periodicity: fields.periodicity ?? 'quarter',
        direction: fields.direction ?? 'increase',
        reporters: fields.reporters ?? 'all',
        status: fields.status ?? 'proposed',
        confidentiality: fields.confidentiality ?? 'aggregate',
        reporterStageIds: reporterStages ? reporterStages.map((k) => stageIds.get(k) ?? '') : null,
        numeratorId: numerator ? (indicatorIds.get(numerator) ?? null) : null,
        denominatorId: denominator ? (indicatorIds.get(denominator) ?? null) : null,
      };
      indicatorIds.set(d.code, row.id);
      await tx.insert(indicators).values(row);
      await recordAudit(tx, {
        chainId,
        userId,
        action: 'create',
        entityType: 'indicator',
        entityId: row.id,
        before: null,
        after: row,
      });
    }
  });
  const random = seeded(2026);
  const items = [];
  const campaignCodes = new Set(DEMO_CAMPAIGN.codes);
  for (const d of DEMO_INDICATORS) {
    const indicatorId = indicatorIds.get(d.code) ?? '';
    for (const serie of d.data ?? []) {
      for (const [q, period] of DEMO_QUARTERS.entries()) {
        const last = q === DEMO_QUARTERS.length - 1;
        if (last && serie.actor && DEMO_LATE.includes(serie.actor) && campaignCodes.has(d.code)) continue;
        const raw = serie.start + serie.growth * q + (serie.noise ?? 0) * (random() * 2 - 1);
        const value = d.valueType === 'count' ? Math.max(0, Math.round(raw)) : Math.round(raw * 10) / 10;
        items.push({
          indicatorId,
          actorId: serie.actor ? (actorIds.get(serie.actor) ?? null) : null,
          period,
          value,
        });
      }
    }
  }
  await upsertObservations(db, chain, userId, items, 'import');
  for (const period of DEMO_QUARTERS.slice(0, -1))
    await transition(db, chain, userId, { period }, ['submitted'], 'approved');
  await db.transaction(async (tx) => {
    const row = {
      chainId,
      id: newId(),
      name: DEMO_CAMPAIGN.name,
      period: DEMO_CAMPAIGN.period,
      indicatorIds: DEMO_CAMPAIGN.codes.map((c) => indicatorIds.get(c) ?? ''),
      actorIds: DEMO_CAMPAIGN.actors.map((a) => actorIds.get(a) ?? ''),
      dueDate: DEMO_CAMPAIGN.dueDate,
      status: 'open' as const,
    };
    await tx.insert(campaigns).values(row);
    await recordAudit(tx, {
      chainId,
      userId,
      action: 'create',
      entityType: 'campaign',
      entityId: row.id,
      before: null,
      after: row,
    });
  });
  return indicatorIds;
}

/** Goals on several capitals, commitments, and two initiatives: one harm accepted, one open. */
async function loadWealth(
  db: Db,
  userId: string,
  chainId: string,
  actorIds: Map<string, string>,
  indicatorIds: Map<string, string>,
) {
  const goalIds = new Map<string, string>();
  await db.transaction(async (tx) => {
    const audit = (entityType: string, entityId: string, after: Record<string, unknown>) =>
      recordAudit(tx, { chainId, userId, action: 'create', entityType, entityId, before: null, after });
    for (const g of DEMO_GOALS) {
      const { key, indicator, ...fields } = g;
      const row = { chainId, id: newId(), ...fields, indicatorId: indicatorIds.get(indicator) ?? null };
      goalIds.set(key, row.id);
      await tx.insert(goals).values(row);
      await audit('goal', row.id, row);
    }
    for (const c of DEMO_COMMITMENTS) {
      const { goal, actor, ...fields } = c;
      const row = {
        chainId,
        id: newId(),
        ...fields,
        goalId: goalIds.get(goal) ?? '',
        actorId: actorIds.get(actor) ?? '',
      };
      await tx.insert(commitments).values(row);
      await audit('commitment', row.id, row);
    }
    for (const i of DEMO_INITIATIVES) {
      const { lead, actors: actorKeys, goals: goalKeys, ...fields } = i;
      const row = {
        chainId,
        id: newId(),
        ...fields,
        leadActorId: actorIds.get(lead) ?? null,
        actorIds: actorKeys.map((k) => actorIds.get(k) ?? ''),
        goalIds: goalKeys.map((k) => goalIds.get(k) ?? ''),
      };
      await tx.insert(initiatives).values(row);
      await audit('initiative', row.id, row);
    }
  });
}
