import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, buildChain, createTestApp, type TestApp } from '../../../test/helpers';
import { runConnectorReminders } from '../notifications/notify';

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
  const M = await post('stages', { name: 'Meunerie', position: 1 });
  const B = await post('stages', { name: 'Boulangerie', position: 2 });
  const mill = await post('actors', {
    name: 'Moulin',
    kind: 'business',
    role: 'transactional',
    status: 'engaged',
    stageIds: [M.id],
    lat: 44.72,
    lon: 5.05,
  });
  const bakery = await post('actors', {
    name: 'Fournil',
    kind: 'business',
    role: 'transactional',
    status: 'engaged',
    stageIds: [B.id],
    lat: 44.75,
    lon: 5.37,
  });
  const shop = await post('actors', {
    name: 'Épicerie',
    kind: 'business',
    role: 'demand',
    status: 'potential',
  });
  await post('intents', {
    actorId: mill.id,
    direction: 'offer',
    resource: 'Farine T80',
    quantity: 40,
    unit: 't',
  });
  await post('intents', {
    actorId: bakery.id,
    direction: 'need',
    resource: 'farine t80',
    quantity: 30,
    unit: 't',
  });
  const partner = (await addMember(t, coordinator, chain.id, 'partner', bakery.id)).client;
  return { chain, base, coordinator, post, mill, bakery, shop, partner };
}

describe('matchmaking and introductions', () => {
  it('suggests a pair until an introduction forms a relationship (a flow), and never a declined pair again', async () => {
    const x = await setup();
    const [s] = (await x.partner.get(`${x.base}/suggestions`)).json().items;
    expect(s).toMatchObject({ fromActorId: x.mill.id, toActorId: x.bakery.id, resource: 'farine t80' });
    expect(s.score).toBeGreaterThan(50);
    expect(s.reason).toContain('« Moulin » propose « Farine T80 »');
    expect(
      (await x.partner.post(`${x.base}/introductions`, { fromActorId: x.mill.id, toActorId: x.bakery.id }))
        .statusCode,
    ).toBe(403);
    const intro = await x.post('introductions', {
      fromActorId: x.mill.id,
      toActorId: x.bakery.id,
      reason: s.reason,
      status: 'made',
    });
    const noFlow = await x.coordinator.patch(
      `${x.base}/introductions/${intro.id}`,
      { status: 'relationship_formed' },
      1,
    );
    expect(noFlow.json().errors[0].path).toBe('body.flowId');
    const flow = await x.post('flows', {
      sourceId: x.mill.id,
      targetId: x.bakery.id,
      type: 'product',
      product: 'Farine T80',
    });
    const formed = await x.coordinator.patch(
      `${x.base}/introductions/${intro.id}`,
      { status: 'relationship_formed', flowId: flow.id },
      1,
    );
    expect(formed.json()).toMatchObject({ status: 'relationship_formed', flowId: flow.id });
    expect((await x.partner.get(`${x.base}/suggestions`)).json().items).toEqual([]);

    const y = await setup();
    await y.post('introductions', { fromActorId: y.mill.id, toActorId: y.bakery.id, status: 'declined' });
    expect((await y.coordinator.get(`${y.base}/suggestions`)).json().items).toEqual([]);
  });
});

describe('convenings and exchanges', () => {
  it('record a convening with its relationships, exported to iCalendar', async () => {
    const x = await setup();
    const flow = await x.post('flows', { sourceId: x.mill.id, targetId: x.bakery.id, type: 'information' });
    const bad = await x.coordinator.post(`${x.base}/convenings`, {
      title: 'R',
      date: '2026-12-10',
      invitedActorIds: [flow.id],
    });
    expect(bad.json().errors[0].path).toBe('body.invitedActorIds.0');
    const c = await x.post('convenings', {
      title: 'Rencontre pain, cantines; et meuniers',
      date: '2026-12-10',
      location: 'Salle des fêtes, Crest',
      purpose: 'Préparer le marché public 2027',
      commonInterest: 'Du pain de la vallée dans les cantines',
      invitedActorIds: [x.mill.id, x.bakery.id, x.shop.id],
      attendeeActorIds: [x.mill.id, x.bakery.id],
      flowIds: [flow.id],
    });
    const ics = await x.partner.get(`${x.base}/convenings/${c.id}/calendar.ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('BEGIN:VEVENT\r\n');
    expect(ics.body).toContain('DTSTART;VALUE=DATE:20261210');
    expect(ics.body).toContain('SUMMARY:Rencontre pain\\, cantines\\; et meuniers');
    expect(ics.body).toContain('LOCATION:Salle des fêtes\\, Crest');
  });

  it('journal exchanges with follow-ups, and list the actors not heard from lately', async () => {
    const x = await setup();
    await x.post('interactions', {
      date: '2020-01-15',
      kind: 'call',
      actorIds: [x.mill.id],
      summary: 'Point sur les volumes',
      followUpDate: '2020-02-01',
    });
    const recent = new Date().toISOString().slice(0, 10);
    await x.post('interactions', {
      date: recent,
      kind: 'visit',
      actorIds: [x.bakery.id],
      summary: 'Visite du fournil',
    });
    expect(
      (await x.coordinator.get(`${x.base}/interactions?actorId=${x.mill.id}`)).json().items,
    ).toHaveLength(1);
    const quiet = (await x.coordinator.get(`${x.base}/interactions/quiet?days=30`)).json();
    expect(
      quiet.map((q: { name: string; lastInteraction: string | null }) => [q.name, q.lastInteraction]),
    ).toEqual([['Moulin', '2020-01-15']]);
    expect(quiet[0].lastInteraction).toBe('2020-01-15');
    expect(await runConnectorReminders(t.database.db, '2026-11-30')).toBeGreaterThanOrEqual(1);
    const notes = (await x.coordinator.get(`${x.base}/notifications`)).json().items;
    expect(notes.map((n: { kind: string }) => n.kind)).toContain('follow_up');
  });
});

describe('outside resources and the pipeline', () => {
  it('keep resources with their deadlines, linked to gaps, and the history of engagement moves', async () => {
    const x = await setup();
    const r = await x.post('resources', {
      kind: 'funding',
      name: 'Appel à projets alimentation',
      organization: 'Région',
      deadline: '2026-12-05',
      amount: 50000,
      capitals: ['financial'],
      gapKeys: ['no_support:x'],
      actorIds: [x.mill.id],
    });
    expect(r).toMatchObject({ status: 'identified', capitals: ['financial'] });
    expect(
      (
        await x.coordinator.post(`${x.base}/resources`, { kind: 'funding', name: 'x', capitals: ['natural'] })
      ).json().errors[0].path,
    ).toBe('body.capitals.0');
    await runConnectorReminders(t.database.db, '2026-11-30');
    const notes = (await x.coordinator.get(`${x.base}/notifications`)).json().items;
    expect(notes.find((n: { kind: string }) => n.kind === 'resource_deadline')?.title).toContain(
      'Appel à projets',
    );
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const call = await x.post('resources', { kind: 'policy', name: 'Consultation PAT', deadline: soon });
    const overview = (await x.coordinator.get(`${x.base}/overview`)).json();
    expect(overview.deadlines).toContainEqual({
      kind: 'resource',
      id: call.id,
      title: 'Consultation PAT',
      date: soon,
    });
    const shop = (await x.coordinator.get(`${x.base}/actors/${x.shop.id}`)).json();
    await x.coordinator.patch(`${x.base}/actors/${x.shop.id}`, { status: 'engaged' }, shop.version);
    const moves = (await x.coordinator.get(`${x.base}/pipeline/moves`)).json().items;
    expect(moves[0]).toMatchObject({ actorId: x.shop.id, from: 'potential', to: 'engaged' });
    expect((await x.partner.get(`${x.base}/pipeline/moves`)).statusCode).toBe(403);
  });

  it('notify partners when a proposal opens or a campaign asks for their data', async () => {
    const x = await setup();
    await x.post('proposals', {
      title: 'Charte',
      participantActorIds: [x.bakery.id, x.mill.id],
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const kinds = (await x.partner.get(`${x.base}/notifications`))
      .json()
      .items.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(['proposal_opened']);
  });
});
