import {
  type Outcome,
  type PositionRecord,
  type Proposal,
  positionSpread,
  proposalOutcome,
} from '@tisserand/core';
import { and, eq, inArray, lte } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { agreements, goals, indicators, proposalPositions, proposals } from '../../db/schema/index';
import { withIsoFields } from '../../http/collection';
import { recordAudit } from '../audit/audit.service';

export type ProposalRow = typeof proposals.$inferSelect;
type PositionRow = typeof proposalPositions.$inferSelect;

export const toRecord = (p: PositionRow): PositionRecord => ({
  actorId: p.actorId,
  position: p.position,
  at: p.at.toISOString(),
});

export async function positionsOf(conn: Db | Tx, chainId: string, proposalIds: string[]) {
  if (proposalIds.length === 0) return [];
  return conn
    .select()
    .from(proposalPositions)
    .where(and(eq(proposalPositions.chainId, chainId), inArray(proposalPositions.proposalId, proposalIds)))
    .orderBy(proposalPositions.at, proposalPositions.id);
}

export function toProposal(row: ProposalRow, positions: PositionRow[]): Proposal {
  return withIsoFields(row, {
    title: row.title,
    description: row.description,
    participantActorIds: row.participantActorIds,
    quorum: row.quorum,
    closesAt: row.closesAt.toISOString(),
    subject: row.subjectType && row.subjectId ? { type: row.subjectType, id: row.subjectId } : null,
    status: row.status,
    outcome: row.outcome,
    closedAt: row.closedAt ? row.closedAt.toISOString() : null,
    spread: positionSpread(positions.map(toRecord), row.participantActorIds),
  });
}

/** Adopts a proposal's subject once consensus is reached (audited as the proposal's doing). */
async function adoptSubject(tx: Tx, row: ProposalRow, userId: string | null) {
  if (!row.subjectType || !row.subjectId) return;
  const where = <T extends typeof goals | typeof indicators | typeof agreements>(t: T) =>
    and(eq(t.chainId, row.chainId), eq(t.id, row.subjectId ?? ''));
  if (row.subjectType === 'goal') {
    const updated = await tx
      .update(goals)
      .set({ status: 'adopted', updatedAt: new Date() })
      .where(and(where(goals), eq(goals.status, 'proposed')))
      .returning({ id: goals.id });
    if (updated[0])
      await recordAudit(tx, {
        chainId: row.chainId,
        userId,
        action: 'update',
        entityType: 'goal',
        entityId: row.subjectId,
        before: { status: 'proposed' },
        after: { status: 'adopted', byProposal: row.id },
      });
  } else if (row.subjectType === 'indicator') {
    const updated = await tx
      .update(indicators)
      .set({ status: 'adopted', updatedAt: new Date() })
      .where(and(where(indicators), eq(indicators.status, 'proposed')))
      .returning({ id: indicators.id });
    if (updated[0])
      await recordAudit(tx, {
        chainId: row.chainId,
        userId,
        action: 'update',
        entityType: 'indicator',
        entityId: row.subjectId,
        before: { status: 'proposed' },
        after: { status: 'adopted', byProposal: row.id },
      });
  } else {
    // An agreement's terms are agreed in principle: it opens for signatures.
    const updated = await tx
      .update(agreements)
      .set({ status: 'negotiation', updatedAt: new Date() })
      .where(and(where(agreements), eq(agreements.status, 'draft')))
      .returning({ id: agreements.id });
    if (updated[0])
      await recordAudit(tx, {
        chainId: row.chainId,
        userId,
        action: 'update',
        entityType: 'agreement',
        entityId: row.subjectId,
        before: { status: 'draft' },
        after: { status: 'negotiation', byProposal: row.id },
      });
  }
}

/**
 * Closes an open proposal: computes its outcome from the standing positions and, on consensus,
 * adopts its subject. The conditional update makes a second closer (another server) a no-op.
 */
export async function closeProposal(
  db: Db,
  chainId: string,
  id: string,
  userId: string | null,
): Promise<Outcome | null> {
  return db.transaction(async (tx) => {
    const row = (
      await tx
        .select()
        .from(proposals)
        .where(and(eq(proposals.chainId, chainId), eq(proposals.id, id)))
        .limit(1)
    )[0];
    if (row?.status !== 'open') return null;
    const positions = await positionsOf(tx, chainId, [id]);
    const outcome = proposalOutcome(positions.map(toRecord), row.participantActorIds, row.quorum);
    const closed = await tx
      .update(proposals)
      .set({
        status: 'closed',
        outcome,
        closedAt: new Date(),
        updatedAt: new Date(),
        version: row.version + 1,
      })
      .where(and(eq(proposals.chainId, chainId), eq(proposals.id, id), eq(proposals.status, 'open')))
      .returning();
    const after = closed[0];
    if (!after) return null;
    await recordAudit(tx, {
      chainId,
      userId,
      action: 'update',
      entityType: 'proposal',
      entityId: id,
      before: { status: 'open', outcome: null },
      after: { status: 'closed', outcome },
    });
    if (outcome === 'consensus') await adoptSubject(tx, after, userId);
    return outcome;
  });
}

/** Closes every proposal whose closing time has passed (run at start and every minute). */
export async function closeDueProposals(db: Db, now = new Date()): Promise<number> {
  const due = await db
    .select({ chainId: proposals.chainId, id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.status, 'open'), lte(proposals.closesAt, now)));
  let n = 0;
  for (const p of due) if (await closeProposal(db, p.chainId, p.id, null)) n += 1;
  return n;
}

/** Runs `closeDueProposals` now and every minute (the timer does not keep the process alive). */
export function scheduleProposalClosing(db: Db, log: (msg: string) => void) {
  const run = () =>
    closeDueProposals(db).catch((err: unknown) => log(`closing proposals failed: ${String(err)}`));
  void run();
  const timer = setInterval(run, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
