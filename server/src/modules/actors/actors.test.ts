import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, buildChain, createTestApp, type TestApp } from '../../../test/helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A chain with two stages, two actors A and B, a partner for each, and an observer. */
async function setup() {
  const { chain, coordinator } = await buildChain(t);
  const base = `/chains/${chain.id}`;
  const s1 = (await coordinator.post(`${base}/stages`, { name: 'Production', position: 0 })).json();
  const s2 = (await coordinator.post(`${base}/stages`, { name: 'Meunerie', position: 1 })).json();
  const a = (
    await coordinator.post(`${base}/actors`, {
      name: 'GAEC des Trois Vallées',
      kind: 'business',
      role: 'transactional',
      stageIds: [s1.id],
      status: 'engaged',
      selfInterest: 'Vendre son blé à un prix juste',
      municipality: 'Eurre',
      postalCode: '26400',
      lat: 44.76,
      lon: 4.99,
      inRegion: true,
      localOwnershipPct: 100,
      lowIncomeFocus: false,
      employees: 3,
      tags: ['bio'],
    })
  ).json();
  const b = (
    await coordinator.post(`${base}/actors`, {
      name: 'Moulin de la Sye',
      kind: 'business',
      role: 'transactional',
      stageIds: [s2.id],
    })
  ).json();
  const partnerA = (await addMember(t, coordinator, chain.id, 'partner', a.id)).client;
  const partnerB = (await addMember(t, coordinator, chain.id, 'partner', b.id)).client;
  const observer = (await addMember(t, coordinator, chain.id, 'observer')).client;
  return { chain, base, coordinator, s1, s2, a, b, partnerA, partnerB, observer };
}

describe('stages', () => {
  it('are written by coordinators and read by everyone in the chain', async () => {
    const { base, coordinator, s1, partnerA, observer } = await setup();
    expect((await partnerA.post(`${base}/stages`, { name: 'X', position: 3 })).statusCode).toBe(403);
    expect((await observer.patch(`${base}/stages/${s1.id}`, { name: 'X' }, 1)).statusCode).toBe(403);
    const list = await observer.get(`${base}/stages`);
    expect(list.json().items.map((s: { name: string }) => s.name)).toEqual(['Production', 'Meunerie']);
    const renamed = await coordinator.patch(`${base}/stages/${s1.id}`, { name: 'Production céréalière' }, 1);
    expect(renamed.json()).toMatchObject({ name: 'Production céréalière', version: 2 });
  });
});

describe('actors', () => {
  it('keeps every field of API.md and answers it with an ETag', async () => {
    const { base, coordinator, a, s1 } = await setup();
    const got = await coordinator.get(`${base}/actors/${a.id}`);
    expect(got.headers.etag).toBe('"1"');
    expect(got.json()).toMatchObject({
      name: 'GAEC des Trois Vallées',
      kind: 'business',
      role: 'transactional',
      stageIds: [s1.id],
      status: 'engaged',
      selfInterest: 'Vendre son blé à un prix juste',
      municipality: 'Eurre',
      postalCode: '26400',
      lat: 44.76,
      lon: 4.99,
      inRegion: true,
      localOwnershipPct: 100,
      lowIncomeFocus: false,
      employees: 3,
      tags: ['bio'],
    });
  });

  it('applies defaults and validates ranges and enums, naming the fields', async () => {
    const { base, coordinator } = await setup();
    const minimal = (
      await coordinator.post(`${base}/actors`, { name: 'Cantine', kind: 'agency', role: 'demand' })
    ).json();
    expect(minimal).toMatchObject({
      status: 'potential',
      stageIds: [],
      inRegion: true,
      localOwnershipPct: 100,
      tags: [],
    });
    const bad = await coordinator.post(`${base}/actors`, {
      name: 'X',
      kind: 'alien',
      role: 'demand',
      localOwnershipPct: 140,
      lat: 91,
      owner: 'me',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.kind', 'body.lat', 'body.localOwnershipPct', 'body.owner']);
  });

  it('refuses stages of another chain', async () => {
    const { base, coordinator, a } = await setup();
    const other = await setup();
    const res = await coordinator.patch(`${base}/actors/${a.id}`, { stageIds: [other.s1.id] }, 1);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'body.stageIds.0', message: 'no such stage in this chain' }]);
  });

  it('lets a partner edit its own actor only, and not its engagement status', async () => {
    const { base, a, b, partnerA, observer } = await setup();
    const own = await partnerA.patch(
      `${base}/actors/${a.id}`,
      { selfInterest: 'Sortir des cours mondiaux', tags: ['bio', 'population'] },
      1,
    );
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ selfInterest: 'Sortir des cours mondiaux', version: 2 });
    expect((await partnerA.patch(`${base}/actors/${b.id}`, { name: 'Pris' }, 1)).statusCode).toBe(403);
    expect((await partnerA.patch(`${base}/actors/${a.id}`, { status: 'committed' }, 2)).statusCode).toBe(403);
    expect(
      (await partnerA.post(`${base}/actors`, { name: 'Nouveau', kind: 'business', role: 'demand' }))
        .statusCode,
    ).toBe(403);
    expect((await partnerA.delete(`${base}/actors/${a.id}`, 2)).statusCode).toBe(403);
    expect((await observer.patch(`${base}/actors/${a.id}`, { name: 'x' }, 2)).statusCode).toBe(403);
  });

  it('filters by search text, role, status and stage, and pages', async () => {
    const { base, coordinator, s2, b } = await setup();
    await coordinator.post(`${base}/actors`, {
      name: 'Cuisine centrale',
      kind: 'agency',
      role: 'demand',
      status: 'committed',
    });
    const byText = (await coordinator.get(`${base}/actors?q=moulin`)).json().items;
    expect(byText.map((x: { id: string }) => x.id)).toEqual([b.id]);
    expect((await coordinator.get(`${base}/actors?role=demand`)).json().items).toHaveLength(1);
    expect((await coordinator.get(`${base}/actors?status=potential`)).json().items).toHaveLength(1);
    expect(
      (await coordinator.get(`${base}/actors?stageId=${s2.id}`))
        .json()
        .items.map((x: { id: string }) => x.id),
    ).toEqual([b.id]);
    const p1 = (await coordinator.get(`${base}/actors?limit=2`)).json();
    expect(p1.items).toHaveLength(2);
    const p2 = (await coordinator.get(`${base}/actors?limit=2&cursor=${p1.nextCursor}`)).json();
    expect(p2.items).toHaveLength(1);
    expect(p2.nextCursor).toBeNull();
    expect((await coordinator.get(`${base}/actors?q=%25`)).json().items).toHaveLength(0);
  });

  it('keeps lost updates out with If-Match and audits every change', async () => {
    const { base, coordinator, a } = await setup();
    expect((await coordinator.patch(`${base}/actors/${a.id}`, { name: 'A' })).statusCode).toBe(428);
    expect((await coordinator.patch(`${base}/actors/${a.id}`, { name: 'GAEC 3V' }, 1)).statusCode).toBe(200);
    expect((await coordinator.patch(`${base}/actors/${a.id}`, { name: 'Écrasé' }, 1)).statusCode).toBe(412);
    const audit = (await coordinator.get(`${base}/audit?entityId=${a.id}`)).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(audit[0].changes).toEqual({ name: { before: 'GAEC des Trois Vallées', after: 'GAEC 3V' } });
  });

  it('answers 404 for an actor of another chain', async () => {
    const { base, coordinator } = await setup();
    const other = await setup();
    expect((await coordinator.get(`${base}/actors/${other.a.id}`)).statusCode).toBe(404);
    expect((await coordinator.patch(`${base}/actors/${other.a.id}`, { name: 'x' }, 1)).statusCode).toBe(404);
  });
});

describe('contacts (personal data)', () => {
  it('are seen by coordinators and the actor’s own partners only', async () => {
    const { base, coordinator, a, partnerA, partnerB, observer } = await setup();
    const url = `${base}/actors/${a.id}/contacts`;
    const created = await partnerA.post(url, {
      name: 'Paul Martin',
      role: 'Associé',
      email: 'paul@gaec.fr',
      phone: '06 12 34 56 78',
    });
    expect(created.statusCode).toBe(201);
    expect((await coordinator.get(url)).json().items).toEqual([
      expect.objectContaining({ name: 'Paul Martin', email: 'paul@gaec.fr' }),
    ]);
    expect((await partnerB.get(url)).statusCode).toBe(403);
    expect((await partnerB.post(url, { name: 'Intrus' })).statusCode).toBe(403);
    expect((await observer.get(url)).statusCode).toBe(403);
    expect((await observer.get(`${url}/${created.json().id}`)).statusCode).toBe(403);
    // Never through the actor itself.
    expect(JSON.stringify((await observer.get(`${base}/actors/${a.id}`)).json())).not.toContain(
      'paul@gaec.fr',
    );
  });

  it('belong to the actor of the path', async () => {
    const { base, coordinator, a, b } = await setup();
    const c = (await coordinator.post(`${base}/actors/${a.id}/contacts`, { name: 'Léa' })).json();
    expect((await coordinator.get(`${base}/actors/${b.id}/contacts/${c.id}`)).statusCode).toBe(404);
    expect((await coordinator.get(`${base}/actors/${b.id}/contacts`)).json().items).toEqual([]);
    const bad = await coordinator.post(`${base}/actors/${a.id}/contacts`, {
      name: 'X',
      email: 'not-an-email',
    });
    expect(bad.json().errors[0].path).toBe('body.email');
  });
});

describe('flows', () => {
  it('link two actors of the chain and are written by coordinators', async () => {
    const { base, coordinator, a, b, partnerA } = await setup();
    const body = {
      sourceId: a.id,
      targetId: b.id,
      type: 'product',
      product: 'Blé',
      quantity: 60,
      unit: 't',
      value: 33000,
      since: '2024-08-01',
    };
    expect((await partnerA.post(`${base}/flows`, body)).statusCode).toBe(403);
    const res = await coordinator.post(`${base}/flows`, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ ...body, status: 'active', until: null, supportKind: null });
    expect((await coordinator.get(`${base}/flows?actorId=${b.id}`)).json().items).toHaveLength(1);
    expect((await coordinator.get(`${base}/flows?type=money`)).json().items).toHaveLength(0);
  });

  it('refuses ends outside the chain, a loop, a support kind on a product flow and until before since', async () => {
    const { base, coordinator, a } = await setup();
    const other = await setup();
    const res = await coordinator.post(`${base}/flows`, {
      sourceId: a.id,
      targetId: other.b.id,
      type: 'product',
      supportKind: 'finance',
      since: '2025-01-01',
      until: '2024-01-01',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.supportKind', 'body.targetId', 'body.until']);
    const loop = await coordinator.post(`${base}/flows`, {
      sourceId: a.id,
      targetId: a.id,
      type: 'information',
    });
    expect(loop.json().errors).toEqual([
      { path: 'body.targetId', message: 'a flow links two different actors' },
    ]);
  });

  it('disappear with their actor', async () => {
    const { base, coordinator, a, b } = await setup();
    await coordinator.post(`${base}/flows`, { sourceId: a.id, targetId: b.id, type: 'money', value: 10 });
    const actor = (await coordinator.get(`${base}/actors/${b.id}`)).json();
    // B has a partner member bound to it: deleting it is refused while the membership exists.
    const refused = await coordinator.delete(`${base}/actors/${b.id}`, actor.version);
    expect(refused.statusCode).toBe(409);
  });
});

describe('intents', () => {
  it('are kept by the actor’s partner or a coordinator', async () => {
    const { base, coordinator, a, b, partnerA, observer } = await setup();
    const offer = await partnerA.post(`${base}/intents`, {
      actorId: a.id,
      direction: 'offer',
      resource: 'Blé population',
      quantity: 20,
      unit: 't',
      period: '2026',
    });
    expect(offer.statusCode).toBe(201);
    expect(
      (await partnerA.post(`${base}/intents`, { actorId: b.id, direction: 'need', resource: 'Blé' }))
        .statusCode,
    ).toBe(403);
    const need = (
      await coordinator.post(`${base}/intents`, {
        actorId: b.id,
        direction: 'need',
        resource: 'Blé',
        quantity: 50,
        unit: 't',
      })
    ).json();
    expect((await partnerA.patch(`${base}/intents/${need.id}`, { quantity: 1 }, 1)).statusCode).toBe(403);
    expect(
      (await partnerA.patch(`${base}/intents/${offer.json().id}`, { actorId: b.id }, 1)).statusCode,
    ).toBe(403);
    expect(
      (await observer.post(`${base}/intents`, { actorId: a.id, direction: 'offer', resource: 'x' }))
        .statusCode,
    ).toBe(403);
    expect((await observer.get(`${base}/intents?actorId=${a.id}`)).json().items).toHaveLength(1);
    expect((await partnerA.delete(`${base}/intents/${offer.json().id}`, 1)).statusCode).toBe(204);
  });

  it('refuses an actor of another chain', async () => {
    const { base, coordinator } = await setup();
    const other = await setup();
    const res = await coordinator.post(`${base}/intents`, {
      actorId: other.a.id,
      direction: 'offer',
      resource: 'Farine',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'body.actorId', message: 'no such actor in this chain' }]);
  });
});
