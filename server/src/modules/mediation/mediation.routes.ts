import {
  Agreement,
  AgreementCreate,
  AgreementUpdate,
  AgreementVersion,
  Conflict,
  ConflictCreate,
  ConflictUpdate,
  capitalKeys,
  currentPositions,
  Idea,
  IdeaCreate,
  IdeaUpdate,
  IdParams,
  MediationSession,
  PositionBody,
  PositionsAnswer,
  Proposal,
  ProposalCreate,
  ProposalUpdate,
  Serendipity,
  SerendipityCreate,
  SerendipityUpdate,
  SessionCreate,
  SessionUpdate,
  Signature,
  SignatureCreate,
} from '@tisserand/core';
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import {
  actors,
  agreementSignatures,
  agreements,
  agreementVersions,
  conflictSessions,
  conflicts,
  goals,
  ideas,
  indicators,
  proposalPositions,
  proposals,
  serendipity,
} from '../../db/schema/index';
import { existingIds, registerCollection, withIsoFields } from '../../http/collection';
import type { ChainContext } from '../../http/context';
import {
  badRequest,
  conflict as conflictError,
  type FieldError,
  forbidden,
  notFound,
  unauthorized,
} from '../../http/errors';
import type { App, Deps } from '../../http/types';
import { newId } from '../../lib/ids';
import { recordAudit } from '../audit/audit.service';
import { notifyUsers, partnersOf } from '../notifications/notify';
import { closeProposal, positionsOf, toProposal } from './proposals.service';

const ALL = ['coordinator', 'partner', 'observer'] as const;
const MEMBERS = ['coordinator', 'partner'] as const;

function ctx(request: { chain: ChainContext | null; auth: { user: { id: string } } | null }) {
  if (!request.chain || !request.auth) throw unauthorized();
  return { chain: request.chain, userId: request.auth.user.id };
}

async function actorErrors(tx: Db | Tx, chainId: string, ids: unknown, field: string): Promise<FieldError[]> {
  const list = (ids as string[] | undefined) ?? [];
  const found = await existingIds(tx, actors, chainId, list);
  return list.flatMap((id, i) =>
    found.has(id) ? [] : [{ path: `body.${field}.${i}`, message: 'no such actor in this chain' }],
  );
}

function capitalErrors(chain: ChainContext, capitals: unknown): FieldError[] {
  const known = new Set(capitalKeys(chain.capitalFramework));
  return ((capitals as string[] | undefined) ?? []).flatMap((c, i) =>
    known.has(c) ? [] : [{ path: `body.capitals.${i}`, message: 'not a capital of the chain’s framework' }],
  );
}

/** Conflicts are seen by coordinators and the partners of their parties only. */
const conflictVisible = (chain: ChainContext) =>
  chain.role === 'coordinator'
    ? undefined
    : sql`${chain.actorId ?? '00000000-0000-0000-0000-000000000000'}::uuid = any(${conflicts.partyActorIds})`;

export function mediationRoutes(app: App, deps: Deps) {
  const { db } = deps;

  // ---- Consensus proposals ----
  registerCollection(app, deps, {
    path: 'proposals',
    entityType: 'proposal',
    tag: 'mediation',
    table: proposals,
    create: ProposalCreate,
    update: ProposalUpdate,
    entity: Proposal,
    readRoles: ALL,
    writeRoles: ['coordinator'],
    toValues: ({ subject, closesAt, ...rest }) => ({
      ...rest,
      ...(closesAt !== undefined ? { closesAt: new Date(String(closesAt)) } : {}),
      ...(subject === null ? { subjectType: null, subjectId: null } : {}),
      ...(subject && typeof subject === 'object'
        ? { subjectType: (subject as { type: string }).type, subjectId: (subject as { id: string }).id }
        : {}),
    }),
    check: async ({ tx, chain }, after, before) => {
      if (before && before.status === 'closed') throw conflictError('This proposal is closed.');
      const errors = await actorErrors(tx, chain.id, after.participantActorIds, 'participantActorIds');
      if (after.subjectType && after.subjectId) {
        const table =
          after.subjectType === 'goal' ? goals : after.subjectType === 'indicator' ? indicators : agreements;
        if ((await existingIds(tx, table, chain.id, [String(after.subjectId)])).size === 0)
          errors.push({
            path: 'body.subject.id',
            message: `no such ${String(after.subjectType)} in this chain`,
          });
      }
      if (errors.length > 0) throw badRequest('Invalid proposal.', errors);
    },
    afterWrite: async ({ tx, chain }, id, input) => {
      if (!Array.isArray(input.participantActorIds) || !('title' in input)) return;
      await notifyUsers(tx, chain.id, await partnersOf(tx, chain.id, input.participantActorIds as string[]), {
        kind: 'proposal_opened',
        title: { fr: `Proposition : ${String(input.title)}`, en: `Proposal: ${String(input.title)}` },
        body: {
          fr: 'Votre position est attendue avant la clôture.',
          en: 'Your position is awaited before it closes.',
        },
        link: `/chains/${chain.id}/proposals/${id}`,
        dedupeKey: `proposal_opened:${id}`,
      });
    },
    extras: async (conn, chainId, ids) => {
      const positions = await positionsOf(conn, chainId, ids);
      return new Map(ids.map((id) => [id, { positions: positions.filter((p) => p.proposalId === id) }]));
    },
    toApi: (row, extra) => toProposal(row, (extra?.positions as never[]) ?? []),
  });

  // Status and outcome are read-only: closing goes through /close or the clock.
  app.route({
    method: 'PUT',
    url: '/chains/:chainId/proposals/:id/positions/:actorId',
    config: { access: { chain: MEMBERS } },
    schema: {
      tags: ['mediation'],
      params: z.strictObject({ chainId: z.uuid(), id: z.uuid(), actorId: z.uuid() }),
      body: PositionBody,
      response: { 200: PositionsAnswer.shape.current.element },
    },
    handler: async (request) => {
      const { chain, userId } = ctx(request);
      const { id, actorId } = request.params;
      if (chain.role === 'partner' && chain.actorId !== actorId)
        throw forbidden('A partner takes positions for its own actor only.');
      return db.transaction(async (tx) => {
        const row = (
          await tx
            .select()
            .from(proposals)
            .where(and(eq(proposals.chainId, chain.id), eq(proposals.id, id)))
            .limit(1)
        )[0];
        if (!row) throw notFound();
        if (row.status === 'closed' || row.closesAt.getTime() <= Date.now())
          throw conflictError('This proposal is closed.');
        if (!row.participantActorIds.includes(actorId)) {
          throw badRequest('This actor is not a participant.', [
            { path: 'params.actorId', message: 'not a participant of this proposal' },
          ]);
        }
        const entry = {
          chainId: chain.id,
          id: newId(),
          proposalId: id,
          actorId,
          position: request.body.position,
          reason: request.body.reason ?? null,
          userId,
          recordedByCoordinator: chain.role === 'coordinator' && chain.actorId !== actorId,
        };
        const [inserted] = await tx.insert(proposalPositions).values(entry).returning();
        if (!inserted) throw new Error('position insert returned nothing');
        await recordAudit(tx, {
          chainId: chain.id,
          userId,
          action: 'create',
          entityType: 'proposal_position',
          entityId: entry.id,
          before: null,
          after: {
            proposalId: id,
            actorId,
            position: entry.position,
            reason: entry.reason,
            recordedByCoordinator: entry.recordedByCoordinator,
          },
        });
        return {
          actorId,
          position: inserted.position,
          reason: inserted.reason,
          userId,
          recordedByCoordinator: inserted.recordedByCoordinator,
          at: inserted.at.toISOString(),
        };
      });
    },
  });

  app.route({
    method: 'GET',
    url: '/chains/:chainId/proposals/:id/positions',
    config: { access: { chain: ALL } },
    schema: { tags: ['mediation'], params: IdParams, response: { 200: PositionsAnswer } },
    handler: async (request) => {
      const { chain } = ctx(request);
      const row = (
        await db
          .select()
          .from(proposals)
          .where(and(eq(proposals.chainId, chain.id), eq(proposals.id, request.params.id)))
          .limit(1)
      )[0];
      if (!row) throw notFound();
      const rows = await positionsOf(db, chain.id, [row.id]);
      const toEntry = (p: (typeof rows)[number]) => ({
        actorId: p.actorId,
        position: p.position,
        reason: p.reason,
        userId: p.userId,
        recordedByCoordinator: p.recordedByCoordinator,
        at: p.at.toISOString(),
      });
      const current = currentPositions(
        rows.map((p) => ({ actorId: p.actorId, position: p.position, at: p.at.toISOString() })),
        row.participantActorIds,
      );
      const latest = [...current.keys()]
        .map((actorId) => rows.filter((p) => p.actorId === actorId).at(-1))
        .filter((p): p is (typeof rows)[number] => !!p);
      return { current: latest.map(toEntry), history: rows.map(toEntry) };
    },
  });

  app.route({
    method: 'POST',
    url: '/chains/:chainId/proposals/:id/close',
    config: { access: { chain: ['coordinator'] } },
    schema: { tags: ['mediation'], params: IdParams, response: { 200: Proposal } },
    handler: async (request) => {
      const { chain, userId } = ctx(request);
      const outcome = await closeProposal(db, chain.id, request.params.id, userId);
      const row = (
        await db
          .select()
          .from(proposals)
          .where(and(eq(proposals.chainId, chain.id), eq(proposals.id, request.params.id)))
          .limit(1)
      )[0];
      if (!row) throw notFound();
      if (!outcome && row.status !== 'closed') throw conflictError('This proposal could not be closed.');
      return toProposal(row, await positionsOf(db, chain.id, [row.id]));
    },
  });

  // ---- Agreements ----
  const signaturesOf = async (conn: Db | Tx, chainId: string, agreementId: string) =>
    conn
      .select()
      .from(agreementSignatures)
      .where(and(eq(agreementSignatures.chainId, chainId), eq(agreementSignatures.agreementId, agreementId)));
  const toSignature = (s: typeof agreementSignatures.$inferSelect) => ({
    actorId: s.actorId,
    userId: s.userId,
    termsVersion: s.termsVersion,
    signedAt: s.signedAt.toISOString(),
  });

  registerCollection(app, deps, {
    path: 'agreements',
    entityType: 'agreement',
    tag: 'mediation',
    table: agreements,
    create: AgreementCreate,
    update: AgreementUpdate,
    entity: Agreement,
    readRoles: ALL,
    writeRoles: ['coordinator'],
    toValues: (input) => ({ ...input }),
    check: async ({ tx, chain }, after) => {
      const errors = await actorErrors(tx, chain.id, after.partyActorIds, 'partyActorIds');
      if (after.effectiveFrom && after.expiresOn && String(after.expiresOn) < String(after.effectiveFrom))
        errors.push({ path: 'body.expiresOn', message: 'must not be before effectiveFrom' });
      if (errors.length > 0) throw badRequest('Invalid agreement.', errors);
    },
    // Every change of terms is a new version, and sends the agreement back to negotiation.
    afterWrite: async ({ tx, chain, userId }, id, input) => {
      const current = (
        await tx
          .select()
          .from(agreements)
          .where(and(eq(agreements.chainId, chain.id), eq(agreements.id, id)))
          .limit(1)
      )[0];
      if (!current) return;
      const latest = (
        await tx
          .select()
          .from(agreementVersions)
          .where(and(eq(agreementVersions.chainId, chain.id), eq(agreementVersions.agreementId, id)))
          .orderBy(desc(agreementVersions.termsVersion))
          .limit(1)
      )[0];
      if (!latest) {
        await tx.insert(agreementVersions).values({
          chainId: chain.id,
          agreementId: id,
          termsVersion: 1,
          terms: current.terms,
          createdBy: userId,
        });
        return;
      }
      if (input.terms !== undefined && latest.terms !== current.terms) {
        const next = latest.termsVersion + 1;
        await tx.insert(agreementVersions).values({
          chainId: chain.id,
          agreementId: id,
          termsVersion: next,
          terms: current.terms,
          createdBy: userId,
        });
        await tx
          .update(agreements)
          .set({ termsVersion: next, status: 'negotiation' })
          .where(and(eq(agreements.chainId, chain.id), eq(agreements.id, id)));
      }
    },
    extras: async (conn, chainId, ids) => {
      const map = new Map<string, Record<string, unknown>>();
      for (const id of ids) {
        const current = (
          await conn
            .select({ termsVersion: agreements.termsVersion, status: agreements.status })
            .from(agreements)
            .where(and(eq(agreements.chainId, chainId), eq(agreements.id, id)))
            .limit(1)
        )[0];
        const sigs = (await signaturesOf(conn, chainId, id)).filter(
          (s) => s.termsVersion === current?.termsVersion,
        );
        map.set(id, {
          termsVersion: current?.termsVersion,
          status: current?.status,
          signatures: sigs.map(toSignature),
        });
      }
      return map;
    },
    toApi: (row, extra) =>
      withIsoFields(row, {
        title: row.title,
        partyActorIds: row.partyActorIds,
        terms: row.terms,
        status: (extra?.status as typeof row.status | undefined) ?? row.status,
        effectiveFrom: row.effectiveFrom,
        expiresOn: row.expiresOn,
        termsVersion: (extra?.termsVersion as number | undefined) ?? row.termsVersion,
        signatures: (extra?.signatures as z.infer<typeof Signature>[] | undefined) ?? [],
      }),
  });

  app.route({
    method: 'POST',
    url: '/chains/:chainId/agreements/:id/signatures',
    config: { access: { chain: MEMBERS } },
    schema: { tags: ['mediation'], params: IdParams, body: SignatureCreate, response: { 201: Signature } },
    handler: async (request, reply) => {
      const { chain, userId } = ctx(request);
      const { actorId } = request.body;
      if (chain.role === 'partner' && chain.actorId !== actorId)
        throw forbidden('A partner signs for its own actor only.');
      const signature = await db.transaction(async (tx) => {
        const row = (
          await tx
            .select()
            .from(agreements)
            .where(and(eq(agreements.chainId, chain.id), eq(agreements.id, request.params.id)))
            .limit(1)
        )[0];
        if (!row) throw notFound();
        if (!row.partyActorIds.includes(actorId))
          throw badRequest('This actor is not a party.', [
            { path: 'body.actorId', message: 'not a party to this agreement' },
          ]);
        if (row.status !== 'draft' && row.status !== 'negotiation')
          throw conflictError(`An agreement that is ${row.status} takes no signature.`);
        const inserted = await tx
          .insert(agreementSignatures)
          .values({ chainId: chain.id, agreementId: row.id, termsVersion: row.termsVersion, actorId, userId })
          .onConflictDoNothing()
          .returning();
        const sig = inserted[0];
        if (!sig) throw conflictError('This party has already signed these terms.');
        await recordAudit(tx, {
          chainId: chain.id,
          userId,
          action: 'create',
          entityType: 'agreement_signature',
          entityId: row.id,
          before: null,
          after: { actorId, termsVersion: row.termsVersion },
        });
        const signed = new Set(
          (await signaturesOf(tx, chain.id, row.id))
            .filter((s) => s.termsVersion === row.termsVersion)
            .map((s) => s.actorId),
        );
        if (row.partyActorIds.every((p) => signed.has(p))) {
          await tx
            .update(agreements)
            .set({ status: 'signed', updatedAt: new Date(), version: row.version + 1 })
            .where(and(eq(agreements.chainId, chain.id), eq(agreements.id, row.id)));
          await recordAudit(tx, {
            chainId: chain.id,
            userId,
            action: 'update',
            entityType: 'agreement',
            entityId: row.id,
            before: { status: row.status },
            after: { status: 'signed', termsVersion: row.termsVersion },
          });
        } else if (row.status === 'draft') {
          await tx
            .update(agreements)
            .set({ status: 'negotiation', updatedAt: new Date(), version: row.version + 1 })
            .where(and(eq(agreements.chainId, chain.id), eq(agreements.id, row.id)));
        }
        return sig;
      });
      return reply.code(201).send(toSignature(signature));
    },
  });

  app.route({
    method: 'GET',
    url: '/chains/:chainId/agreements/:id/versions',
    config: { access: { chain: ALL } },
    schema: {
      tags: ['mediation'],
      params: IdParams,
      response: { 200: z.object({ items: z.array(AgreementVersion) }) },
    },
    handler: async (request) => {
      const { chain } = ctx(request);
      const versions = await db
        .select()
        .from(agreementVersions)
        .where(
          and(eq(agreementVersions.chainId, chain.id), eq(agreementVersions.agreementId, request.params.id)),
        )
        .orderBy(agreementVersions.termsVersion);
      if (versions.length === 0) throw notFound();
      const sigs = await signaturesOf(db, chain.id, request.params.id);
      return {
        items: versions.map((v) => ({
          termsVersion: v.termsVersion,
          terms: v.terms,
          createdAt: v.createdAt.toISOString(),
          createdBy: v.createdBy,
          signatures: sigs.filter((s) => s.termsVersion === v.termsVersion).map(toSignature),
        })),
      };
    },
  });

  // ---- Conflicts (confidential) ----
  registerCollection(app, deps, {
    path: 'conflicts',
    entityType: 'conflict',
    tag: 'mediation',
    table: conflicts,
    create: ConflictCreate,
    update: ConflictUpdate,
    entity: Conflict,
    readRoles: MEMBERS,
    writeRoles: MEMBERS,
    filters: (_q, _p, chain) => [conflictVisible(chain)],
    canWrite: (chain, before, after, action) => {
      if (chain.role !== 'partner') return;
      // A partner may report a conflict it is a party to; mediation is the coordinators' work.
      if (
        action !== 'create' ||
        !((after.partyActorIds as string[] | undefined) ?? []).includes(chain.actorId ?? '')
      ) {
        throw forbidden('A partner reports a conflict it is a party to; coordinators mediate it.');
      }
      if (before) throw forbidden();
    },
    toValues: (input) => ({ ...input }),
    check: async ({ tx, chain }, after) => {
      const errors = await actorErrors(tx, chain.id, after.partyActorIds, 'partyActorIds');
      if (
        after.agreementId &&
        (await existingIds(tx, agreements, chain.id, [String(after.agreementId)])).size === 0
      )
        errors.push({ path: 'body.agreementId', message: 'no such agreement in this chain' });
      if (errors.length > 0) throw badRequest('Invalid conflict.', errors);
    },
    toApi: (row) =>
      withIsoFields(row, {
        title: row.title,
        partyActorIds: row.partyActorIds,
        description: row.description,
        severity: row.severity,
        status: row.status,
        resolution: row.resolution,
        agreementId: row.agreementId,
      }),
  });

  registerCollection(app, deps, {
    path: 'conflicts/:conflictId/sessions',
    entityType: 'conflict_session',
    tag: 'mediation',
    table: conflictSessions,
    create: SessionCreate,
    update: SessionUpdate,
    entity: MediationSession,
    readRoles: MEMBERS,
    writeRoles: ['coordinator'],
    // The conflict must be one the caller sees: a partner's sessions list of another conflict is 404.
    parentVisible: async (conn, chain, params) =>
      (
        await conn
          .select({ id: conflicts.id })
          .from(conflicts)
          .where(
            and(
              eq(conflicts.chainId, chain.id),
              eq(conflicts.id, params.conflictId ?? ''),
              conflictVisible(chain),
            ),
          )
          .limit(1)
      ).length > 0,
    filters: (_q, params, chain) => [
      params.conflictId ? eq(conflictSessions.conflictId, params.conflictId) : undefined,
      chain.role === 'coordinator'
        ? undefined
        : sql`exists (select 1 from conflicts c where c.chain_id = "conflict_sessions"."chain_id" and c.id = "conflict_sessions"."conflict_id" and ${chain.actorId ?? '00000000-0000-0000-0000-000000000000'}::uuid = any(c.party_actor_ids))`,
    ],
    toValues: (input, params) => ({ ...input, conflictId: params.conflictId }),
    check: async ({ tx, chain }, after) => {
      if ((await existingIds(tx, conflicts, chain.id, [String(after.conflictId)])).size === 0)
        throw notFound('No such conflict.');
      const errors = await actorErrors(tx, chain.id, after.attendeeActorIds, 'attendeeActorIds');
      if (errors.length > 0) throw badRequest('Invalid session.', errors);
    },
    toApi: (row) =>
      withIsoFields(row, {
        conflictId: row.conflictId,
        date: row.date,
        notes: row.notes,
        attendeeActorIds: row.attendeeActorIds,
      }),
  });

  // ---- Innovation lab and serendipity ----
  registerCollection(app, deps, {
    path: 'serendipity',
    entityType: 'serendipity',
    tag: 'innovation',
    table: serendipity,
    create: SerendipityCreate,
    update: SerendipityUpdate,
    entity: Serendipity,
    readRoles: ALL,
    writeRoles: MEMBERS,
    toValues: (input) => ({ ...input }),
    check: async ({ tx, chain }, after) => {
      const errors = await actorErrors(tx, chain.id, after.actorIds, 'actorIds');
      if (errors.length > 0) throw badRequest('Invalid entry.', errors);
    },
    toApi: (row) =>
      withIsoFields(row, {
        date: row.date,
        description: row.description,
        actorIds: row.actorIds,
        followUp: row.followUp,
      }),
  });

  registerCollection(app, deps, {
    path: 'ideas',
    entityType: 'idea',
    tag: 'innovation',
    table: ideas,
    create: IdeaCreate,
    update: IdeaUpdate,
    entity: Idea,
    readRoles: ALL,
    writeRoles: MEMBERS,
    toValues: (input) => ({ ...input }),
    check: async ({ tx, chain }, after) => {
      const errors = [
        ...capitalErrors(chain, after.capitals),
        ...(await actorErrors(tx, chain.id, after.actorIds, 'actorIds')),
      ];
      if (
        after.serendipityId &&
        (await existingIds(tx, serendipity, chain.id, [String(after.serendipityId)])).size === 0
      )
        errors.push({ path: 'body.serendipityId', message: 'no such serendipity entry in this chain' });
      if (errors.length > 0) throw badRequest('Invalid idea.', errors);
    },
    toApi: (row) =>
      withIsoFields(row, {
        title: row.title,
        description: row.description,
        hypothesis: row.hypothesis,
        riskLevel: row.riskLevel,
        capitals: row.capitals,
        actorIds: row.actorIds,
        status: row.status,
        learnings: row.learnings,
        serendipityId: row.serendipityId,
      }),
  });
}
