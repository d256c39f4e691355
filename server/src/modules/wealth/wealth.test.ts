import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, buildChain, createTestApp, type TestApp } from '../../../test/helpers';

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
  const mill = await post('actors', {
    name: 'Moulin',
    kind: 'business',
    role: 'transactional',
    status: 'committed',
  });
  const bakery = await post('actors', {
    name: 'Fournil',
    kind: 'business',
    role: 'transactional',
    status: 'engaged',
  });
  const bread = await post('indicators', {
    code: 'PAIN',
    name: 'Pain local servi',
    unit: 't',
    category: 'demand',
    capitals: ['social'],
    periodicity: 'quarter',
    status: 'adopted',
    confidentiality: 'public',
  });
  const partner = (await addMember(t, coordinator, chain.id, 'partner', mill.id)).client;
  const observer = (await addMember(t, coordinator, chain.id, 'observer')).client;
  return { chain, base, coordinator, post, mill, bakery, bread, partner, observer };
}

describe('goals', () => {
  it('take capitals of the chain’s framework and an indicator of the chain', async () => {
    const x = await setup();
    const bad = await x.coordinator.post(`${x.base}/goals`, {
      title: 'Sols vivants',
      dimension: 'capital',
      capitals: ['natural'],
      indicatorId: x.mill.id,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.capitals.0', 'body.indicatorId']);
    const none = await x.coordinator.post(`${x.base}/goals`, { title: 'Sans capital', dimension: 'capital' });
    expect(none.json().errors[0].path).toBe('body.capitals');
    expect(
      (await x.partner.post(`${x.base}/goals`, { title: 'x', dimension: 'livelihoods' })).statusCode,
    ).toBe(403);
    const ok = await x.coordinator.post(`${x.base}/goals`, {
      title: 'Du pain local pour les enfants',
      dimension: 'capital',
      capitals: ['social', 'living'],
      indicatorId: x.bread.id,
      baseline: 6,
      targetValue: 16,
      targetDate: '2099-12-31',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'proposed', capitals: ['social', 'living'] });
  });

  it('report progress from the indicator’s data', async () => {
    const x = await setup();
    const items = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'].map((period, i) => ({
      indicatorId: x.bread.id,
      actorId: x.mill.id,
      period,
      value: 6 + i * 2,
    }));
    await x.coordinator.put(`${x.base}/observations`, { items });
    const goal = await x.post('goals', {
      title: 'Pain local',
      dimension: 'capital',
      capitals: ['social'],
      indicatorId: x.bread.id,
      baseline: 6,
      targetValue: 16,
      targetDate: '2026-12-31',
      status: 'adopted',
    });
    const p = (await x.observer.get(`${x.base}/goals/${goal.id}/progress`)).json();
    expect(p).toMatchObject({
      baseline: 6,
      latest: 12,
      latestPeriod: '2025-Q4',
      target: 16,
      targetDate: '2026-12-31',
    });
    expect(p.progress).toBeCloseTo(0.6, 6);
    // Two years from 6 to 16: after one year the line stands near 11, and 12 is above it.
    expect(p.expected).toBeCloseTo(6 + 10 * (365 / 730), 1);
    expect(p.onTrack).toBe(true);
    const slow = await x.post('goals', {
      title: 'Plus vite',
      dimension: 'capital',
      capitals: ['social'],
      indicatorId: x.bread.id,
      baseline: 6,
      targetValue: 40,
      targetDate: '2026-06-30',
      status: 'adopted',
    });
    expect((await x.coordinator.get(`${x.base}/goals/${slow.id}/progress`)).json().onTrack).toBe(false);
    const blind = await x.post('goals', {
      title: 'Sans indicateur',
      dimension: 'livelihoods',
      status: 'adopted',
    });
    expect((await x.coordinator.get(`${x.base}/goals/${blind.id}/progress`)).json()).toMatchObject({
      latest: null,
      onTrack: null,
    });
  });
});

describe('commitments', () => {
  it('are taken by a partner for its own actor only, and uncommitted goals show in the overview', async () => {
    const x = await setup();
    const goal = await x.post('goals', { title: 'Emplois', dimension: 'livelihoods', status: 'adopted' });
    const other = await x.post('goals', {
      title: 'Sols',
      dimension: 'capital',
      capitals: ['living'],
      status: 'adopted',
    });
    const mine = await x.partner.post(`${x.base}/commitments`, {
      goalId: goal.id,
      actorId: x.mill.id,
      description: 'Embaucher un second meunier',
      dueDate: '2027-06-30',
    });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ status: 'pledged' });
    expect(
      (
        await x.partner.post(`${x.base}/commitments`, {
          goalId: goal.id,
          actorId: x.bakery.id,
          description: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await x.observer.post(`${x.base}/commitments`, {
          goalId: goal.id,
          actorId: x.mill.id,
          description: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const bad = await x.coordinator.post(`${x.base}/commitments`, {
      goalId: x.mill.id,
      actorId: x.bread.id,
      description: 'x',
    });
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.actorId', 'body.goalId']);
    expect((await x.coordinator.get(`${x.base}/commitments?goalId=${goal.id}`)).json().items).toHaveLength(1);
    const overview = (await x.coordinator.get(`${x.base}/overview`)).json();
    expect(overview.uncommittedGoals).toEqual([other.id]);
    expect(overview.goals.find((g: { goalId: string }) => g.goalId === goal.id).commitments).toBe(1);
  });
});

describe('initiatives and the wealth matrix', () => {
  it('refuse capitals outside the framework, effects outside −2..+2, and acceptances of no harm', async () => {
    const x = await setup();
    const res = await x.coordinator.post(`${x.base}/initiatives`, {
      title: 'Four collectif',
      wealthMatrix: { natural: { effect: 1 }, social: { effect: 3 }, living: { effect: 1 } },
      ownershipEffect: -3,
      harmAcceptances: { living: 'rien' },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.wealthMatrix.social.effect', 'body.ownershipEffect']),
    );
    const res2 = await x.coordinator.post(`${x.base}/initiatives`, {
      title: 'Four collectif',
      wealthMatrix: { natural: { effect: 1 }, living: { effect: 1 } },
      harmAcceptances: { living: 'rien' },
    });
    expect(
      res2
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.harmAcceptances.living', 'body.wealthMatrix.natural']);
  });

  it('flag every negative effect as a harm until it is accepted with a reason (audited), and show it in the overview', async () => {
    const x = await setup();
    const ini = await x.post('initiatives', {
      title: 'Second camion de livraison',
      leadActorId: x.mill.id,
      actorIds: [x.mill.id, x.bakery.id],
      status: 'active',
      wealthMatrix: {
        financial: { effect: 2, note: 'Tournées mutualisées' },
        living: { effect: -1, note: 'Plus de kilomètres' },
        social: { effect: 1 },
      },
      livelihoodsEffect: 1,
      ownershipEffect: -1,
    });
    expect(ini.harms).toEqual(['living', 'ownership']);
    let overview = (await x.coordinator.get(`${x.base}/overview`)).json();
    expect(overview.harms).toEqual([
      { initiativeId: ini.id, title: 'Second camion de livraison', harms: ['living', 'ownership'] },
    ]);
    const accepted = await x.coordinator.patch(
      `${x.base}/initiatives/${ini.id}`,
      { harmAcceptances: { living: 'Camion au bioGNV, compensé par la fin des livraisons depuis Lyon' } },
      1,
    );
    expect(accepted.json().harms).toEqual(['ownership']);
    const audit = (await x.coordinator.get(`${x.base}/audit?entityId=${ini.id}`)).json().items[0];
    expect(audit.changes.harmAcceptances.after).toEqual({
      living: 'Camion au bioGNV, compensé par la fin des livraisons depuis Lyon',
    });
    await x.coordinator.patch(`${x.base}/initiatives/${ini.id}`, { ownershipEffect: 0 }, 2);
    overview = (await x.coordinator.get(`${x.base}/overview`)).json();
    expect(overview.harms).toEqual([]);
    expect((await x.partner.patch(`${x.base}/initiatives/${ini.id}`, { title: 'x' }, 3)).statusCode).toBe(
      403,
    );
  });
});

describe('capital balance', () => {
  it('counts goals, indicators and initiative effects per capital, and names blind spots', async () => {
    const x = await setup();
    await x.post('goals', { title: 'Sols', dimension: 'capital', capitals: ['living'], status: 'adopted' });
    await x.post('initiatives', {
      title: 'Semences',
      status: 'active',
      wealthMatrix: { living: { effect: 2 }, cultural: { effect: 1 } },
    });
    const balance = (await x.observer.get(`${x.base}/capital-balance`, { 'accept-language': 'en' })).json();
    expect(balance).toHaveLength(8);
    const of = (k: string) => balance.find((b: { capital: string }) => b.capital === k);
    expect(of('living')).toMatchObject({
      label: 'Living',
      goals: 1,
      indicators: 0,
      initiatives: 1,
      initiativesEffect: 2,
      score: 75,
      blindSpot: false,
    });
    expect(of('social')).toMatchObject({ goals: 0, indicators: 1, blindSpot: false, score: 50 });
    expect(of('cultural')).toMatchObject({ blindSpot: true, score: 38 });
    expect(of('spiritual')).toMatchObject({ blindSpot: true, score: 25 });
  });
});
