import type { Db } from '../db/client';
import { actorStages, actors, chains, flows, intents, stages } from '../db/schema/index';
import { newId } from '../lib/ids';
import { recordAudit } from '../modules/audit/audit.service';
import * as authRepo from '../modules/auth/auth.repository';
import { createUser } from '../modules/auth/auth.service';
import { addMember, createChain } from '../modules/chains/chains.service';
import {
  DEMO_ACTORS,
  DEMO_CHAIN,
  DEMO_FLOWS,
  DEMO_INTENTS,
  DEMO_PASSWORD,
  DEMO_STAGES,
  DEMO_USERS,
} from './demo-data';

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

/** Loads the demo chain, its people and its map; answers the new chain's id. */
export async function loadDemo(db: Db): Promise<string> {
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
