import { Worker } from 'node:worker_threads';
import { type GapItem, listCapitals } from '@tisserand/core';
import { analyseGaps, type Gap, type GapInput } from '@tisserand/core/gaps/analyse';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { gapDismissals } from '../../db/schema/index';
import type { ChainContext } from '../../http/context';
import { conflict, notFound } from '../../http/errors';
import { todayIso } from '../../lib/dates';
import { newId } from '../../lib/ids';
import { recordAudit } from '../audit/audit.service';
import { type ChainModel, getDismissal, listDismissals, loadChainModel } from './map.repository';

/** Chains above this many actors + flows are analysed in a worker thread, off the request path. */
export const WORKER_THRESHOLD = 5_000;

let worker: Worker | undefined;
let queue: Promise<unknown> = Promise.resolve();

/** Runs one analysis in the shared worker thread (analyses queue: one CPU-heavy job at a time). */
function analyseInWorker(input: GapInput): Promise<Gap[]> {
  const run = () =>
    new Promise<Gap[]>((resolve, reject) => {
      worker ??= new Worker(new URL('./gaps.worker.mjs', import.meta.url));
      worker.unref();
      const w = worker;
      const onMessage = (msg: { ok: boolean; gaps?: Gap[]; error?: string }) => {
        w.off('error', onError);
        if (msg.ok && msg.gaps) resolve(msg.gaps);
        else reject(new Error(msg.error ?? 'gap analysis failed'));
      };
      const onError = (err: Error) => {
        w.off('message', onMessage);
        worker = undefined;
        reject(err);
      };
      w.once('message', onMessage);
      w.once('error', onError);
      w.postMessage(input);
    });
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/** Stops the worker thread (server shutdown, tests). */
export async function stopGapWorker() {
  const w = worker;
  worker = undefined;
  if (w) await w.terminate();
}

export function gapInput(
  model: ChainModel,
  chain: ChainContext,
  locale: 'fr' | 'en',
  today: string,
): GapInput {
  return {
    today,
    locale,
    capitals: listCapitals(chain.capitalFramework, locale).map((c) => ({ key: c.key, label: c.label })),
    stages: model.stages.map((s) => ({ id: s.id, name: s.name, position: s.position })),
    actors: model.actors.map((a) => ({
      id: a.id,
      name: a.name,
      role: a.role,
      status: a.status,
      stageIds: model.stageIds.get(a.id) ?? [],
      inRegion: a.inRegion,
      localOwnershipPct: a.localOwnershipPct,
    })),
    flows: model.flows.map((f) => ({
      id: f.id,
      sourceId: f.sourceId,
      targetId: f.targetId,
      type: f.type,
      supportKind: f.supportKind,
      status: f.status,
      since: f.since,
      until: f.until,
      value: f.value,
      quantity: f.quantity,
      unit: f.unit,
      product: f.product,
    })),
    intents: model.intents.map((i) => ({
      id: i.id,
      actorId: i.actorId,
      direction: i.direction,
      resource: i.resource,
      quantity: i.quantity,
      unit: i.unit,
    })),
    // Goals and the outside-resources directory join the analysis as their modules land.
    goals: model.goals,
    indicators: model.indicators,
    resources: model.resources,
  };
}

/** The chain's current gaps, with their dismissals; dismissed ones only when asked. */
export async function listGaps(
  db: Db,
  chain: ChainContext,
  locale: 'fr' | 'en',
  opts: { includeDismissed: boolean; forceWorker?: boolean },
): Promise<GapItem[]> {
  const model = await loadChainModel(db, chain.id);
  const input = gapInput(model, chain, locale, todayIso());
  const big = model.actors.length + model.flows.length > WORKER_THRESHOLD;
  const gaps = big || opts.forceWorker ? await analyseInWorker(input) : analyseGaps(input);
  const dismissals = new Map((await listDismissals(db, chain.id)).map((d) => [d.key, d]));
  const items: GapItem[] = [];
  for (const gap of gaps) {
    const d = dismissals.get(gap.key);
    if (d && !opts.includeDismissed) continue;
    items.push(
      d
        ? { ...gap, dismissed: { reason: d.reason, by: d.dismissedBy, at: d.dismissedAt.toISOString() } }
        : gap,
    );
  }
  return items;
}

/** Sets a current gap aside with a reason (audited). */
export async function dismissGap(
  db: Db,
  chain: ChainContext,
  userId: string,
  key: string,
  reason: string,
  locale: 'fr' | 'en',
) {
  const gaps = await listGaps(db, chain, locale, { includeDismissed: true });
  const gap = gaps.find((g) => g.key === key);
  if (!gap) throw notFound('No such gap in the chain today.');
  if (gap.dismissed) throw conflict('This gap is already dismissed.');
  return db.transaction(async (tx) => {
    const row = { chainId: chain.id, id: newId(), key, reason, dismissedBy: userId };
    const inserted = (await tx.insert(gapDismissals).values(row).returning())[0];
    if (!inserted) throw new Error('dismissal insert returned nothing');
    await recordAudit(tx, {
      chainId: chain.id,
      userId,
      action: 'create',
      entityType: 'gap_dismissal',
      entityId: inserted.id,
      before: null,
      after: { key, reason, type: gap.type },
    });
    return { key, reason, by: userId, at: inserted.dismissedAt.toISOString() };
  });
}

/** Restores a dismissed gap (audited). */
export async function restoreGap(db: Db, chain: ChainContext, userId: string, key: string) {
  const existing = await getDismissal(db, chain.id, key);
  if (!existing) throw notFound('This gap is not dismissed.');
  await db.transaction(async (tx) => {
    await tx
      .delete(gapDismissals)
      .where(and(eq(gapDismissals.chainId, chain.id), eq(gapDismissals.key, key)));
    await recordAudit(tx, {
      chainId: chain.id,
      userId,
      action: 'delete',
      entityType: 'gap_dismissal',
      entityId: existing.id,
      before: { key, reason: existing.reason },
      after: null,
    });
  });
}
