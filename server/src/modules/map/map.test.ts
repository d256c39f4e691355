import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, buildChain, type Client, createTestApp, type TestApp } from '../../../test/helpers';
import { listGaps, stopGapWorker } from './gaps.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await stopGapWorker();
  await t.close();
});

type Gap = {
  key: string;
  type: string;
  severity: string;
  entityIds: string[];
  resource?: string;
  capital?: string;
  explanation: string;
  dismissed?: unknown;
};

/** A small but telling chain, built through the API, where every gap type shows up. */
async function telling() {
  const { chain, coordinator } = await buildChain(t);
  const base = `/chains/${chain.id}`;
  const post = async (path: string, body: Record<string, unknown>) => {
    const res = await coordinator.post(`${base}/${path}`, body);
    if (res.statusCode !== 201) throw new Error(`${path}: ${res.body}`);
    return res.json() as { id: string; version: number };
  };
  const P = await post('stages', { name: 'Production', position: 0 });
  const M = await post('stages', { name: 'Meunerie', position: 1 });
  const B = await post('stages', { name: 'Boulangerie', position: 2 });
  const D = await post('stages', { name: 'Distribution', position: 3 });
  const actor = (name: string, role: string, stageIds: string[], extra: Record<string, unknown> = {}) =>
    post('actors', { name, kind: 'business', role, stageIds, status: 'engaged', ...extra });
  const farm1 = await actor('Ferme Une', 'transactional', [P.id]);
  const farm2 = await actor('Ferme Deux', 'transactional', [P.id]);
  const mill = await actor('Moulin', 'transactional', [M.id]);
  const bakery = await actor('Fournil', 'transactional', [B.id]);
  const trader = await actor('Négoce Lointain', 'transactional', [B.id], {
    inRegion: false,
    localOwnershipPct: 0,
  });
  const canteen = await actor('Cantine', 'demand', [], { kind: 'agency' });
  const shop = await actor('Épicerie', 'demand', [], { status: 'committed' });
  const bank = await actor('Banque solidaire', 'support', []);
  await actor('Ferme en projet', 'transactional', [D.id], { status: 'potential' });
  const flow = (sourceId: string, targetId: string, type: string, extra: Record<string, unknown> = {}) =>
    post('flows', { sourceId, targetId, type, ...extra });
  await flow(farm1.id, mill.id, 'product', { product: 'Blé' });
  await flow(farm2.id, mill.id, 'product', { product: 'Blé' });
  await flow(mill.id, bakery.id, 'product', { product: 'Farine' });
  await flow(bakery.id, canteen.id, 'product', { product: 'Pain' });
  await flow(bank.id, farm1.id, 'support', { supportKind: 'finance' });
  await flow(canteen.id, bakery.id, 'money', { value: 100 });
  await flow(canteen.id, trader.id, 'money', { value: 300 });
  const intent = (actorId: string, direction: string, resource: string, quantity?: number, unit?: string) =>
    post('intents', { actorId, direction, resource, ...(quantity ? { quantity, unit } : {}) });
  const needBread = await intent(canteen.id, 'need', 'Pain bio', 50, 't');
  const offerBread = await intent(bakery.id, 'offer', 'pain BIO', 20, 't');
  const offerFlour = await intent(mill.id, 'offer', 'Farine T80', 100, 't');
  const needFlour = await intent(bakery.id, 'need', 'Farine T80', 10, 't');
  const needBoxes = await intent(shop.id, 'need', 'Emballages');
  return {
    chain,
    base,
    coordinator,
    P,
    M,
    B,
    D,
    farm1,
    farm2,
    mill,
    bakery,
    trader,
    canteen,
    shop,
    bank,
    needBread,
    offerBread,
    offerFlour,
    needFlour,
    needBoxes,
  };
}

const gapsOf = async (c: Client, base: string, query = '') =>
  (await c.get(`${base}/gaps${query}`)).json().items as Gap[];
const byType = (gaps: Gap[], type: string) => gaps.filter((g) => g.type === type);

describe('gap analysis through the API', () => {
  it('finds every type of gap on a realistic chain, with the entities of API.md', async () => {
    const x = await telling();
    const gaps = await gapsOf(x.coordinator, x.base);
    expect(byType(gaps, 'missing_stage').map((g) => g.entityIds)).toEqual([[x.D.id]]);
    expect(byType(gaps, 'single_actor_stage').map((g) => g.entityIds)).toEqual([[x.M.id, x.mill.id]]);
    expect(
      byType(gaps, 'bottleneck')
        .map((g) => g.entityIds)
        .sort(),
    ).toEqual([[x.bakery.id], [x.canteen.id], [x.mill.id]].sort());
    expect(byType(gaps, 'bottleneck').find((g) => g.entityIds[0] === x.mill.id)?.severity).toBe('high');
    expect(byType(gaps, 'isolated_actor').map((g) => g.entityIds)).toEqual([[x.shop.id]]);
    expect(
      byType(gaps, 'no_support')
        .map((g) => g.entityIds[0])
        .sort(),
    ).toEqual([x.farm2.id, x.mill.id, x.bakery.id, x.trader.id].sort());
    const unmet = byType(gaps, 'unmet_demand');
    expect(unmet).toHaveLength(1);
    expect(unmet[0]?.entityIds.sort()).toEqual([x.needBread.id, x.offerBread.id].sort());
    expect(unmet[0]?.resource).toBeDefined();
    const underused = byType(gaps, 'underused_resource');
    expect(underused[0]?.entityIds.sort()).toEqual([x.offerFlour.id, x.needFlour.id].sort());
    expect(byType(gaps, 'unmatched_need').map((g) => [g.entityIds, g.resource])).toEqual([
      [[x.needBoxes.id], 'Emballages'],
    ]);
    const leak = byType(gaps, 'wealth_leakage');
    expect(leak.map((g) => g.entityIds)).toEqual([[x.trader.id]]);
    expect(leak[0]?.key).toBe('wealth_leakage:chain');
    expect(
      byType(gaps, 'uncovered_capital')
        .map((g) => g.capital)
        .sort(),
    ).toEqual(
      [
        'financial',
        'material',
        'social',
        'intellectual',
        'cultural',
        'spiritual',
        'living',
        'experiential',
      ].sort(),
    );
    for (const g of gaps) expect(g.explanation.length).toBeGreaterThan(10);
    expect(byType(gaps, 'missing_stage')[0]?.explanation).toContain('Distribution');
  });

  it('suggests outside resources linked to a gap', async () => {
    const x = await telling();
    const key = `missing_stage:${x.D.id}`;
    const r = (
      await x.coordinator.post(`${x.base}/resources`, {
        kind: 'technical_assistance',
        name: 'Étude logistique',
        gapKeys: [key],
      })
    ).json();
    const gap = (await gapsOf(x.coordinator, x.base)).find((g) => g.key === key) as Gap & {
      suggestions: { kind: string; id: string }[];
    };
    expect(gap.suggestions).toContainEqual(expect.objectContaining({ kind: 'resource', id: r.id }));
  });

  it('counts a capital covered once an adopted indicator measures it', async () => {
    const x = await telling();
    const covered = async () =>
      byType(await gapsOf(x.coordinator, x.base), 'uncovered_capital').map((g) => [g.capital, g.severity]);
    const ind = (
      await x.coordinator.post(`${x.base}/indicators`, {
        code: 'LIENS',
        name: 'Liens',
        category: 'impact',
        capitals: ['social'],
        status: 'proposed',
      })
    ).json();
    expect(await covered()).toContainEqual(['social', 'low']);
    await x.coordinator.patch(`${x.base}/indicators/${ind.id}`, { status: 'adopted' }, 1);
    expect((await covered()).map(([c]) => c)).not.toContain('social');
    expect(await covered()).toHaveLength(7);
  });

  it('explains gaps in the caller’s language and lets observers read them', async () => {
    const x = await telling();
    const observer = (await addMember(t, x.coordinator, x.chain.id, 'observer')).client;
    const en = (await observer.get(`${x.base}/gaps`, { 'accept-language': 'en' })).json().items as Gap[];
    const fr = await gapsOf(observer, x.base);
    expect(en.map((g) => g.key)).toEqual(fr.map((g) => g.key));
    const i = en.findIndex((g) => g.type === 'missing_stage');
    expect(en[i]?.explanation).not.toEqual(fr[i]?.explanation);
  });

  it('updates as the chain changes: a second mill removes the single-actor stage and the bottleneck', async () => {
    const x = await telling();
    const mill2 = (
      await x.coordinator.post(`${x.base}/actors`, {
        name: 'Moulin Deux',
        kind: 'business',
        role: 'transactional',
        stageIds: [x.M.id],
        status: 'engaged',
      })
    ).json();
    for (const farm of [x.farm1, x.farm2]) {
      await x.coordinator.post(`${x.base}/flows`, { sourceId: farm.id, targetId: mill2.id, type: 'product' });
    }
    await x.coordinator.post(`${x.base}/flows`, {
      sourceId: mill2.id,
      targetId: x.bakery.id,
      type: 'product',
    });
    const gaps = await gapsOf(x.coordinator, x.base);
    expect(byType(gaps, 'single_actor_stage')).toEqual([]);
    expect(byType(gaps, 'bottleneck').map((g) => g.entityIds[0])).not.toContain(x.mill.id);
  });

  it('dismisses a gap with a reason, shows it on demand, and restores it', async () => {
    const x = await telling();
    const key = `missing_stage:${x.D.id}`;
    const url = `${x.base}/gaps/${encodeURIComponent(key)}/dismissal`;
    const partner = (await addMember(t, x.coordinator, x.chain.id, 'partner', x.mill.id)).client;
    expect((await partner.post(url, { reason: 'non' })).statusCode).toBe(403);
    expect((await x.coordinator.post(url, {})).statusCode).toBe(400);
    const res = await x.coordinator.post(url, { reason: 'La distribution passe par les boulangeries.' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ key, reason: 'La distribution passe par les boulangeries.' });
    expect((await x.coordinator.post(url, { reason: 'encore' })).statusCode).toBe(409);
    expect((await gapsOf(x.coordinator, x.base)).map((g) => g.key)).not.toContain(key);
    const all = await gapsOf(x.coordinator, x.base, '?includeDismissed=true');
    expect(all.find((g) => g.key === key)?.dismissed).toMatchObject({
      reason: 'La distribution passe par les boulangeries.',
      at: expect.any(String),
    });
    expect((await x.coordinator.delete(url)).statusCode).toBe(204);
    expect((await gapsOf(x.coordinator, x.base)).map((g) => g.key)).toContain(key);
    expect((await x.coordinator.delete(url)).statusCode).toBe(404);
    const unknown = await x.coordinator.post(`${x.base}/gaps/missing_stage:nothing/dismissal`, {
      reason: 'x',
    });
    expect(unknown.statusCode).toBe(404);
    const audit = (await x.coordinator.get(`${x.base}/audit?limit=2`)).json().items;
    expect(audit.map((e: { entityType: string; action: string }) => `${e.entityType}:${e.action}`)).toEqual([
      'gap_dismissal:delete',
      'gap_dismissal:create',
    ]);
  });

  it('gives the same answer from the worker thread used for large chains', async () => {
    const x = await telling();
    const ctx = {
      id: x.chain.id,
      role: 'coordinator' as const,
      actorId: null,
      capitalFramework: 'permacomptable' as const,
      publicMinGroupSize: 3,
    };
    const inline = await listGaps(t.database.db, ctx, 'fr', { includeDismissed: false });
    const worker = await listGaps(t.database.db, ctx, 'fr', { includeDismissed: false, forceWorker: true });
    expect(worker).toEqual(inline);
    expect(worker.length).toBeGreaterThan(10);
  });

  it('answers 404 for another chain', async () => {
    const x = await telling();
    const other = await buildChain(t);
    // Instance admins see every chain: take a plain coordinator of the other chain.
    const outsider = (await addMember(t, other.coordinator, other.chain.id, 'coordinator')).client;
    for (const path of ['gaps', 'map', 'overview']) {
      expect((await outsider.get(`${x.base}/${path}`)).statusCode).toBe(404);
    }
  });
});

describe('map with history', () => {
  it('shows the chain as it stood on a date', async () => {
    const x = await telling();
    const f = async (body: Record<string, unknown>) =>
      (await x.coordinator.post(`${x.base}/flows`, body)).json();
    const old = await f({
      sourceId: x.farm2.id,
      targetId: x.bakery.id,
      type: 'product',
      status: 'broken',
      since: '2020-01-01',
      until: '2022-12-31',
    });
    const future = await f({
      sourceId: x.farm2.id,
      targetId: x.canteen.id,
      type: 'product',
      status: 'planned',
      since: '2099-01-01',
    });
    const today = (await x.coordinator.get(`${x.base}/map`)).json();
    expect(today.actors).toHaveLength(9);
    expect(today.stages.map((s: { name: string }) => s.name)).toEqual([
      'Production',
      'Meunerie',
      'Boulangerie',
      'Distribution',
    ]);
    const ids = (m: { flows: { id: string }[] }) => m.flows.map((fl) => fl.id);
    expect(ids(today)).not.toContain(old.id);
    expect(ids(today)).not.toContain(future.id);
    const past = (await x.coordinator.get(`${x.base}/map?at=2021-06-01`)).json();
    expect(past.at).toBe('2021-06-01');
    expect(past.flows.find((fl: { id: string }) => fl.id === old.id)?.status).toBe('active');
    // Flows without dates are part of every date's map.
    expect(past.flows.length).toBeGreaterThan(1);
    expect(ids((await x.coordinator.get(`${x.base}/map?at=2099-06-01`)).json())).toContain(future.id);
    expect((await x.coordinator.get(`${x.base}/map?at=2021-13-01`)).statusCode).toBe(400);
  });
});

describe('overview', () => {
  it('counts by stage, role, status and flow type, with the open gaps', async () => {
    const x = await telling();
    const res = await x.coordinator.get(`${x.base}/overview`);
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o.counts).toEqual({ stages: 4, actors: 9, flows: 7, intents: 5 });
    expect(
      o.byStage.map((s: { name: string; actors: number; transactional: number }) => [
        s.name,
        s.actors,
        s.transactional,
      ]),
    ).toEqual([
      ['Production', 2, 2],
      ['Meunerie', 1, 1],
      ['Boulangerie', 2, 2],
      ['Distribution', 1, 0],
    ]);
    expect(o.byRole).toEqual([
      { role: 'demand', actors: 2, active: 2 },
      { role: 'transactional', actors: 6, active: 5 },
      { role: 'support', actors: 1, active: 1 },
    ]);
    expect(o.byStatus.find((s: { status: string }) => s.status === 'potential').actors).toBe(1);
    expect(o.flowsByType.find((f: { type: string }) => f.type === 'product')).toEqual({
      type: 'product',
      active: 4,
      total: 4,
    });
    const gaps = await gapsOf(x.coordinator, x.base);
    expect(o.gaps.open).toBe(gaps.length);
    expect(o.gaps.bySeverity.high + o.gaps.bySeverity.medium + o.gaps.bySeverity.low).toBe(gaps.length);
    expect(o.gaps.top[0].severity).toBe('high');
  });
});
