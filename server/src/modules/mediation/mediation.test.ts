import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, buildChain, createTestApp, type TestApp } from '../../../test/helpers';
import { runConnectorReminders } from '../notifications/notify';
import { closeDueProposals } from './proposals.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function setup() {
  const { chain, coordinator } = await buildChain(t);
  const base = `/chains/${chain.id}`;
  const post = async (path: string, body: Record<string, unknown>) => {
    const res = await coordinator.post(`${base}/${path}`, body);
    if (res.statusCode !== 201) throw new Error(`${path}: ${res.body}`);
    return res.json();
  };
  const actor = (name: string, kind = 'business') =>
    post('actors', { name, kind, role: 'transactional', status: 'engaged' });
  const A = await actor('Moulin');
  const B = await actor('Fournil');
  const C = await actor('Cantine');
  const D = await actor('Mairie', 'community');
  const partnerA = (await addMember(t, coordinator, chain.id, 'partner', A.id)).client;
  const partnerB = (await addMember(t, coordinator, chain.id, 'partner', B.id)).client;
  const partnerC = (await addMember(t, coordinator, chain.id, 'partner', C.id)).client;
  const observer = (await addMember(t, coordinator, chain.id, 'observer')).client;
  return { chain, base, coordinator, post, A, B, C, D, partnerA, partnerB, partnerC, observer };
}
const soon = () => new Date(Date.now() + 3600_000).toISOString();

describe('consensus proposals', () => {
  it('record positions with reasons, keep their history, and reach consensus that adopts the subject', async () => {
    const x = await setup();
    const goal = await x.post('goals', { title: 'Pain local', dimension: 'livelihoods' });
    const p = await x.post('proposals', {
      title: 'Adopter l’objectif',
      participantActorIds: [x.A.id, x.B.id, x.C.id],
      quorum: 0.6,
      closesAt: soon(),
      subject: { type: 'goal', id: goal.id },
    });
    expect(p).toMatchObject({ status: 'open', outcome: null, spread: { missing: [x.A.id, x.B.id, x.C.id] } });
    const url = (actorId: string) => `${x.base}/proposals/${p.id}/positions/${actorId}`;
    expect((await x.partnerA.put(url(x.B.id), { position: 'agree' })).statusCode).toBe(403);
    const noReason = await x.partnerA.put(url(x.A.id), { position: 'block' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('body.reason');
    expect(
      (await x.partnerA.put(url(x.A.id), { position: 'block', reason: 'Le prix n’est pas dit' })).statusCode,
    ).toBe(200);
    expect((await x.partnerA.put(url(x.A.id), { position: 'agree' })).statusCode).toBe(200);
    const recorded = await x.coordinator.put(url(x.B.id), {
      position: 'disagree',
      reason: 'Dit au téléphone : trop ambitieux',
    });
    expect(recorded.json()).toMatchObject({ recordedByCoordinator: true });
    expect((await x.observer.put(url(x.C.id), { position: 'agree' })).statusCode).toBe(403);
    const positions = (await x.observer.get(`${x.base}/proposals/${p.id}/positions`)).json();
    expect(
      positions.current.map((c: { actorId: string; position: string }) => [c.actorId, c.position]).sort(),
    ).toEqual(
      [
        [x.A.id, 'agree'],
        [x.B.id, 'disagree'],
      ].sort(),
    );
    expect(positions.history).toHaveLength(3);
    expect((await x.partnerA.post(`${x.base}/proposals/${p.id}/close`)).statusCode).toBe(403);
    const closed = (await x.coordinator.post(`${x.base}/proposals/${p.id}/close`)).json();
    expect(closed).toMatchObject({
      status: 'closed',
      outcome: 'consensus',
      spread: { counts: { agree: 1, disagree: 1 }, missing: [x.C.id] },
    });
    expect((await x.coordinator.get(`${x.base}/goals/${goal.id}`)).json().status).toBe('adopted');
    expect((await x.partnerC.put(url(x.C.id), { position: 'agree' })).statusCode).toBe(409);
  });

  it('is blocked by a standing block, short of quorum otherwise, and closes by itself when its time has come', async () => {
    const x = await setup();
    const ind = await x.post('indicators', { code: 'X', name: 'X', category: 'context' });
    const blocked = await x.post('proposals', {
      title: 'B',
      participantActorIds: [x.A.id, x.B.id],
      closesAt: soon(),
      subject: { type: 'indicator', id: ind.id },
    });
    await x.partnerA.put(`${x.base}/proposals/${blocked.id}/positions/${x.A.id}`, { position: 'agree' });
    await x.partnerB.put(`${x.base}/proposals/${blocked.id}/positions/${x.B.id}`, {
      position: 'block',
      reason: 'Non',
    });
    expect((await x.coordinator.post(`${x.base}/proposals/${blocked.id}/close`)).json().outcome).toBe(
      'blocked',
    );
    expect((await x.coordinator.get(`${x.base}/indicators/${ind.id}`)).json().status).toBe('proposed');
    const thin = await x.post('proposals', {
      title: 'Q',
      participantActorIds: [x.A.id, x.B.id, x.C.id],
      quorum: 0.5,
      closesAt: soon(),
    });
    await x.partnerA.put(`${x.base}/proposals/${thin.id}/positions/${x.A.id}`, { position: 'agree' });
    expect(
      await closeDueProposals(t.database.db, new Date(Date.now() + 2 * 3600_000)),
    ).toBeGreaterThanOrEqual(1);
    expect((await x.coordinator.get(`${x.base}/proposals/${thin.id}`)).json()).toMatchObject({
      status: 'closed',
      outcome: 'no_consensus',
    });
    expect(await closeDueProposals(t.database.db, new Date(Date.now() + 2 * 3600_000))).toBe(0);
    expect((await x.coordinator.patch(`${x.base}/proposals/${thin.id}`, { title: 'Z' }, 2)).statusCode).toBe(
      409,
    );
  });
});

describe('agreements', () => {
  it('bind signatures to a version of the terms; a change of terms reopens negotiation', async () => {
    const x = await setup();
    const ag = await x.post('agreements', {
      title: 'Charte du pain',
      partyActorIds: [x.A.id, x.B.id, x.D.id],
      terms: '# Charte\n\nPrix plancher : 500 €/t.',
    });
    expect(ag).toMatchObject({ status: 'draft', termsVersion: 1, signatures: [] });
    const sign = (c: typeof x.partnerA, actorId: string) =>
      c.post(`${x.base}/agreements/${ag.id}/signatures`, { actorId });
    expect((await sign(x.partnerA, x.B.id)).statusCode).toBe(403);
    expect((await sign(x.partnerC, x.C.id)).statusCode).toBe(400);
    const s1 = await sign(x.partnerA, x.A.id);
    expect(s1.statusCode).toBe(201);
    expect(s1.json()).toMatchObject({ actorId: x.A.id, termsVersion: 1 });
    expect((await sign(x.partnerA, x.A.id)).statusCode).toBe(409);
    let current = (await x.coordinator.get(`${x.base}/agreements/${ag.id}`)).json();
    expect(current.status).toBe('negotiation');
    const changed = await x.coordinator.patch(
      `${x.base}/agreements/${ag.id}`,
      { terms: '# Charte\n\nPrix plancher : 520 €/t.' },
      current.version,
    );
    expect(changed.json()).toMatchObject({ termsVersion: 2, status: 'negotiation', signatures: [] });
    await sign(x.partnerA, x.A.id);
    await sign(x.partnerB, x.B.id);
    expect(
      (await x.coordinator.post(`${x.base}/agreements/${ag.id}/signatures`, { actorId: x.D.id })).statusCode,
    ).toBe(201);
    current = (await x.coordinator.get(`${x.base}/agreements/${ag.id}`)).json();
    expect(current).toMatchObject({ status: 'signed', termsVersion: 2 });
    expect(current.signatures).toHaveLength(3);
    const versions = (await x.observer.get(`${x.base}/agreements/${ag.id}/versions`)).json().items;
    expect(
      versions.map((v: { termsVersion: number; signatures: unknown[] }) => [
        v.termsVersion,
        v.signatures.length,
      ]),
    ).toEqual([
      [1, 1],
      [2, 3],
    ]);
    expect((await sign(x.partnerA, x.A.id)).statusCode).toBe(409);
    // Renewal: a reminder to the coordinators and the parties' partners before it expires.
    const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await x.coordinator.patch(`${x.base}/agreements/${ag.id}`, { expiresOn: soon }, current.version);
    expect(
      await runConnectorReminders(t.database.db, new Date().toISOString().slice(0, 10)),
    ).toBeGreaterThanOrEqual(2);
    const notes = (await x.partnerA.get(`${x.base}/notifications`)).json().items;
    expect(notes.map((n: { kind: string }) => n.kind)).toContain('agreement_renewal');
    expect(
      (await x.partnerC.get(`${x.base}/notifications`)).json().items.map((n: { kind: string }) => n.kind),
    ).not.toContain('agreement_renewal');
  });
});

describe('conflicts', () => {
  it('stay between coordinators and the parties on every read path', async () => {
    const x = await setup();
    const c = await x.post('conflicts', {
      title: 'Retards de paiement',
      partyActorIds: [x.A.id, x.B.id],
      severity: 'high',
      description: 'Factures impayées depuis trois mois',
    });
    const session = await x.coordinator.post(`${x.base}/conflicts/${c.id}/sessions`, {
      date: '2026-10-02',
      notes: 'Échéancier proposé',
      attendeeActorIds: [x.A.id, x.B.id],
    });
    expect(session.statusCode).toBe(201);
    for (const party of [x.partnerA, x.partnerB]) {
      expect((await party.get(`${x.base}/conflicts`)).json().items).toHaveLength(1);
      expect((await party.get(`${x.base}/conflicts/${c.id}`)).statusCode).toBe(200);
      expect((await party.get(`${x.base}/conflicts/${c.id}/sessions`)).json().items).toHaveLength(1);
    }
    expect((await x.partnerC.get(`${x.base}/conflicts`)).json().items).toEqual([]);
    expect((await x.partnerC.get(`${x.base}/conflicts/${c.id}`)).statusCode).toBe(404);
    // Not a party: the conflict and its sessions are not found, as any id out of sight.
    expect((await x.partnerC.get(`${x.base}/conflicts/${c.id}/sessions`)).statusCode).toBe(404);
    expect(
      (await x.partnerC.get(`${x.base}/conflicts/${c.id}/sessions/${session.json().id}`)).statusCode,
    ).toBe(404);
    expect((await x.observer.get(`${x.base}/conflicts`)).statusCode).toBe(403);
    expect(
      (await x.partnerA.patch(`${x.base}/conflicts/${c.id}`, { status: 'resolved' }, 1)).statusCode,
    ).toBe(403);
    const reported = await x.partnerC.post(`${x.base}/conflicts`, {
      title: 'Mon différend',
      partyActorIds: [x.C.id, x.A.id],
    });
    expect(reported.statusCode).toBe(201);
    expect(
      (
        await x.partnerC.post(`${x.base}/conflicts`, {
          title: 'Pas le mien',
          partyActorIds: [x.A.id, x.B.id],
        })
      ).statusCode,
    ).toBe(403);
    const audit = await x.observer.get(`${x.base}/audit`);
    expect(audit.statusCode).toBe(403);
  });
});

describe('innovation lab and serendipity', () => {
  it('turn an unexpected encounter into an idea, and keep abandoned experiments with their learnings', async () => {
    const x = await setup();
    const s = (
      await x.partnerA.post(`${x.base}/serendipity`, {
        date: '2026-06-12',
        description: 'Rencontre d’un brasseur au marché qui cherche de l’orge locale',
        actorIds: [x.A.id],
      })
    ).json();
    const idea = await x.partnerA.post(`${x.base}/ideas`, {
      title: 'Orge brassicole en rotation',
      hypothesis: 'Les céréaliers gagnent une culture de plus',
      capitals: ['living', 'financial'],
      actorIds: [x.A.id],
      serendipityId: s.id,
      riskLevel: 'high',
    });
    expect(idea.statusCode).toBe(201);
    expect(idea.json()).toMatchObject({ status: 'idea', serendipityId: s.id, riskLevel: 'high' });
    const bad = await x.coordinator.post(`${x.base}/ideas`, { title: 'x', capitals: ['natural'] });
    expect(bad.json().errors[0].path).toBe('body.capitals.0');
    const done = await x.coordinator.patch(
      `${x.base}/ideas/${idea.json().id}`,
      { status: 'abandoned', learnings: 'Trop peu de surface irrigable : à reprendre avec la coopérative.' },
      1,
    );
    expect(done.json()).toMatchObject({
      status: 'abandoned',
      learnings: expect.stringContaining('irrigable'),
    });
    expect((await x.observer.post(`${x.base}/ideas`, { title: 'x' })).statusCode).toBe(403);
  });
});
