import type { Chain, ChainCreate, ChainUpdate, Member, MemberCreate, MemberRole } from '@tisserand/core';
import type { Db } from '../../db/client';
import { staleVersion } from '../../http/concurrency';
import type { AuthUser } from '../../http/context';
import { badRequest, conflict, notFound } from '../../http/errors';
import { newId } from '../../lib/ids';
import { recordAudit } from '../audit/audit.service';
import * as repo from './chains.repository';

function parseChainCreate(input: ChainCreate) {
  return {
    name: input.name,
    region: input.region,
    description: input.description ?? null,
    marketOpportunity: input.marketOpportunity ?? null,
    capitalFramework: input.capitalFramework ?? 'permacomptable',
    publicMinGroupSize: input.publicMinGroupSize ?? 3,
  };
}

/** The API view of a chain for one caller. */
export function toChain(row: repo.ChainRow, role: MemberRole, actorId: string | null): Chain {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    name: row.name,
    region: row.region,
    description: row.description,
    marketOpportunity: row.marketOpportunity,
    capitalFramework: row.capitalFramework,
    publicMinGroupSize: row.publicMinGroupSize,
    myRole: role,
    myActorId: actorId,
  };
}

export function toMember(row: repo.MemberView): Member {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    actorId: row.actorId,
  };
}

const chainAuditView = (c: repo.ChainRow) => ({ ...c }) as Record<string, unknown>;

/** Creates a chain; its creator becomes its first coordinator. */
export async function createChain(db: Db, user: AuthUser, input: ChainCreate): Promise<Chain> {
  return db.transaction(async (tx) => {
    const chain = await repo.insertChain(tx, { id: newId(), ...parseChainCreate(input) });
    const member = await repo.insertMember(tx, {
      chainId: chain.id,
      id: newId(),
      userId: user.id,
      role: 'coordinator',
    });
    await recordAudit(tx, {
      chainId: chain.id,
      userId: user.id,
      action: 'create',
      entityType: 'chain',
      entityId: chain.id,
      before: null,
      after: chainAuditView(chain),
    });
    if (member) {
      await recordAudit(tx, {
        chainId: chain.id,
        userId: user.id,
        action: 'create',
        entityType: 'member',
        entityId: member.id,
        before: null,
        after: { userId: user.id, role: 'coordinator', actorId: null },
      });
    }
    return toChain(chain, 'coordinator', null);
  });
}

export async function updateChain(
  db: Db,
  user: AuthUser,
  chainId: string,
  version: number,
  patch: ChainUpdate,
  role: MemberRole,
  actorId: string | null,
): Promise<Chain> {
  return db.transaction(async (tx) => {
    const before = await repo.getChain(tx, chainId);
    if (!before) throw notFound();
    const after = await repo.updateChain(tx, chainId, version, patch);
    if (!after) throw staleVersion();
    await recordAudit(tx, {
      chainId,
      userId: user.id,
      action: 'update',
      entityType: 'chain',
      entityId: chainId,
      before: chainAuditView(before),
      after: chainAuditView(after),
    });
    return toChain(after, role, actorId);
  });
}

export async function deleteChain(db: Db, chainId: string, version: number) {
  await db.transaction(async (tx) => {
    if (!(await repo.deleteChain(tx, chainId, version))) throw staleVersion();
  });
}

async function checkActor(
  db: Parameters<typeof repo.actorExists>[0],
  chainId: string,
  role: MemberRole,
  actorId: string | null | undefined,
) {
  if (role === 'partner' && !actorId) {
    throw badRequest('A partner is bound to an actor.', [
      { path: 'body.actorId', message: 'required for a partner' },
    ]);
  }
  if (actorId && !(await repo.actorExists(db, chainId, actorId))) {
    throw badRequest('No such actor in this chain.', [
      { path: 'body.actorId', message: 'no actor with this id in the chain' },
    ]);
  }
}

export async function addMember(
  db: Db,
  user: AuthUser,
  chainId: string,
  input: MemberCreate,
): Promise<Member> {
  return db.transaction(async (tx) => {
    const userId = input.userId ?? (input.email ? await repo.findUserIdByEmail(tx, input.email) : undefined);
    if (!userId || !(await repo.userExists(tx, userId))) {
      const path = input.userId ? 'body.userId' : 'body.email';
      throw badRequest('No account matches; an instance admin creates accounts first.', [
        { path, message: 'no such user' },
      ]);
    }
    const actorId = input.role === 'partner' ? input.actorId : undefined;
    await checkActor(tx, chainId, input.role, actorId);
    const inserted = await repo.insertMember(tx, {
      chainId,
      id: newId(),
      userId,
      role: input.role,
      actorId: actorId ?? null,
    });
    if (!inserted)
      throw conflict('This user is already a member of the chain.', [
        { path: 'body.userId', message: 'already a member' },
      ]);
    await recordAudit(tx, {
      chainId,
      userId: user.id,
      action: 'create',
      entityType: 'member',
      entityId: inserted.id,
      before: null,
      after: { userId, role: inserted.role, actorId: inserted.actorId },
    });
    const view = await repo.getMember(tx, chainId, userId);
    if (!view) throw new Error('member vanished');
    return toMember(view);
  });
}

export async function updateMember(
  db: Db,
  user: AuthUser,
  chainId: string,
  userId: string,
  version: number,
  patch: { role?: MemberRole | undefined; actorId?: string | null | undefined },
): Promise<Member> {
  return db.transaction(async (tx) => {
    const before = await repo.getMember(tx, chainId, userId);
    if (!before) throw notFound('No such member.');
    const role = patch.role ?? before.role;
    // A partner keeps its actor unless a new one is given; other roles speak for no actor.
    const actorId =
      role === 'partner' ? (patch.actorId === undefined ? before.actorId : patch.actorId) : null;
    await checkActor(tx, chainId, role, actorId);
    if (
      before.role === 'coordinator' &&
      role !== 'coordinator' &&
      (await repo.countCoordinators(tx, chainId)) <= 1
    ) {
      throw conflict('A chain keeps at least one coordinator.');
    }
    const after = await repo.updateMember(tx, chainId, userId, version, { role, actorId });
    if (!after) throw staleVersion();
    await recordAudit(tx, {
      chainId,
      userId: user.id,
      action: 'update',
      entityType: 'member',
      entityId: before.id,
      before: { role: before.role, actorId: before.actorId },
      after: { role: after.role, actorId: after.actorId },
    });
    const view = await repo.getMember(tx, chainId, userId);
    if (!view) throw new Error('member vanished');
    return toMember(view);
  });
}

export async function removeMember(db: Db, user: AuthUser, chainId: string, userId: string, version: number) {
  await db.transaction(async (tx) => {
    const before = await repo.getMember(tx, chainId, userId);
    if (!before) throw notFound('No such member.');
    if (before.role === 'coordinator' && (await repo.countCoordinators(tx, chainId)) <= 1) {
      throw conflict('A chain keeps at least one coordinator.');
    }
    if (!(await repo.deleteMember(tx, chainId, userId, version))) throw staleVersion();
    await recordAudit(tx, {
      chainId,
      userId: user.id,
      action: 'delete',
      entityType: 'member',
      entityId: before.id,
      before: { userId, role: before.role, actorId: before.actorId },
      after: null,
    });
  });
}
