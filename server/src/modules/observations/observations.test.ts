import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, buildChain, Client, createTestApp, type TestApp } from '../../../test/helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A chain with two stages, four farms (A, B in both stages; C, D in the first), partners for A and B, an observer. */
async function setup() {
  const { chain, coordinator } = await buildChain(t);
  const base = `/chains/${chain.id}`;
  const post = async (path: string, body: Record<string, unknown>) => {
    const res = await coordinator.post(`${base}/${path}`, body);
    if (res.statusCode !== 201) throw new Error(`${path}: ${res.body}`);
    return res.json() as { id: string; version: number };
  };
  const s1 = await post('stages', { name: 'Production', position: 0 });
  const s2 = await post('stages', { name: 'Transformation', position: 1 });
  const farm = (name: string, stageIds: string[]) =>
    post('actors', { name, kind: 'business', role: 'transactional', stageIds, status: 'engaged' });
  const A = await farm('Ferme A', [s1.id, s2.id]);
  const B = await farm('Ferme B', [s1.id]);
  const C = await farm('Ferme C', [s1.id]);
  const D = await farm('Ferme D', [s2.id]);
  const indicator = (body: Record<string, unknown>) =>
    post('indicators', { category: 'impact', status: 'adopted', ...body });
  const revenue = await indicator({
    code: 'CA',
    name: 'Chiffre d’affaires',
    unit: '€',
    valueType: 'currency',
    aggregation: 'sum',
    periodicity: 'month',
    capitals: ['financial'],
  });
  const local = await indicator({
    code: 'CA_LOCAL',
    name: 'CA réalisé dans la région',
    unit: '€',
    valueType: 'currency',
    aggregation: 'sum',
    periodicity: 'month',
  });
  const share = await indicator({
    code: 'PART_LOCALE',
    name: 'Part du CA gardée dans la région',
    unit: '%',
    valueType: 'percentage',
    aggregation: 'ratio',
    numeratorId: local.id,
    denominatorId: revenue.id,
    factor: 100,
    periodicity: 'month',
  });
  const price = await indicator({
    code: 'PRIX',
    name: 'Prix payé au producteur',
    unit: '€/t',
    aggregation: 'mean',
    periodicity: 'quarter',
    confidentiality: 'public',
    min: 0,
    max: 5000,
  });
  const secret = await indicator({
    code: 'MARGE',
    name: 'Marge nette',
    unit: '%',
    valueType: 'percentage',
    aggregation: 'mean',
    periodicity: 'year',
    confidentiality: 'private',
  });
  const partnerA = (await addMember(t, coordinator, chain.id, 'partner', A.id)).client;
  const partnerB = (await addMember(t, coordinator, chain.id, 'partner', B.id)).client;
  const observer = (await addMember(t, coordinator, chain.id, 'observer')).client;
  return {
    chain,
    base,
    coordinator,
    s1,
    s2,
    A,
    B,
    C,
    D,
    revenue,
    local,
    share,
    price,
    secret,
    partnerA,
    partnerB,
    observer,
  };
}

const put = (c: Client, base: string, items: Record<string, unknown>[]) =>
  c.put(`${base}/observations`, { items });
const series = async (c: Client, base: string, id: string, q = '') =>
  (await c.get(`${base}/indicators/${id}/series${q}`)).json();

describe('indicators', () => {
  it('check capitals against the framework, ratios, reporters, ranges and unique codes', async () => {
    const x = await setup();
    const bad = await x.coordinator.post(`${x.base}/indicators`, {
      code: 'X',
      name: 'X',
      category: 'impact',
      capitals: ['natural'],
      aggregation: 'ratio',
      reporters: 'stages',
      min: 5,
      max: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(
      [
        'body.capitals.0',
        'body.denominatorId',
        'body.max',
        'body.numeratorId',
        'body.reporterStageIds',
      ].sort(),
    );
    const dup = await x.coordinator.post(`${x.base}/indicators`, {
      code: 'CA',
      name: 'Doublon',
      category: 'context',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].path).toBe('body.code');
    expect(
      (await x.partnerA.post(`${x.base}/indicators`, { code: 'Y', name: 'Y', category: 'context' }))
        .statusCode,
    ).toBe(403);
    const got = (await x.observer.get(`${x.base}/indicators/${x.share.id}`)).json();
    expect(got).toMatchObject({
      aggregation: 'ratio',
      numeratorId: x.local.id,
      denominatorId: x.revenue.id,
      factor: 100,
      confidentiality: 'aggregate',
    });
  });
});

describe('observations', () => {
  it('write a batch atomically: one bad item refuses all and names each bad item', async () => {
    const x = await setup();
    const res = await put(x.coordinator, x.base, [
      { indicatorId: x.revenue.id, actorId: x.A.id, period: '2025-01', value: 1000 },
      { indicatorId: x.revenue.id, actorId: x.B.id, period: '2025-Q1', value: 10 },
      { indicatorId: x.price.id, actorId: x.B.id, period: '2025-Q1', value: 9000 },
      { indicatorId: x.revenue.id, actorId: x.A.id, period: '2025-01', value: 5 },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.items.1.period',
      'body.items.2.value',
      'body.items.3.period',
    ]);
    expect((await x.coordinator.get(`${x.base}/observations`)).json().items).toEqual([]);
  });

  it('let a partner write its own actor only, and never over an approved value', async () => {
    const x = await setup();
    const other = await put(x.partnerA, x.base, [
      { indicatorId: x.revenue.id, actorId: x.A.id, period: '2025-01', value: 100 },
      { indicatorId: x.revenue.id, actorId: x.B.id, period: '2025-01', value: 100 },
    ]);
    expect(other.statusCode).toBe(403);
    const draft = await put(x.partnerA, x.base, [
      { indicatorId: x.revenue.id, actorId: x.A.id, period: '2025-01', value: 100, status: 'draft' },
    ]);
    expect(draft.statusCode).toBe(200);
    expect(draft.json().items[0]).toMatchObject({ status: 'draft', source: 'form', submittedAt: null });
    const sent = await put(x.partnerA, x.base, [
      { indicatorId: x.revenue.id, actorId: x.A.id, period: '2025-01', value: 120 },
    ]);
    expect(sent.json().items[0]).toMatchObject({ status: 'submitted', value: 120, version: 2 });
    const approved = await x.coordinator.post(`${x.base}/observations/approval`, {
      period: '2025-01',
      actorId: x.A.id,
    });
    expect(approved.json()).toEqual({ count: 1 });
    const locked = await put(x.partnerA, x.base, [
      { indicatorId: x.revenue.id, actorId: x.A.id, period: '2025-01', value: 130 },
    ]);
    expect(locked.statusCode).toBe(409);
    expect(
      (
        await put(x.coordinator, x.base, [
          { indicatorId: x.revenue.id, actorId: x.A.id, period: '2025-01', value: 130 },
        ])
      ).statusCode,
    ).toBe(409);
    expect((await x.partnerA.post(`${x.base}/observations/reopen`, { period: '2025-01' })).statusCode).toBe(
      403,
    );
    expect((await x.coordinator.post(`${x.base}/observations/reopen`, { period: '2025-01' })).json()).toEqual(
      { count: 1 },
    );
    expect(
      (
        await put(x.partnerA, x.base, [
          { indicatorId: x.revenue.id, actorId: x.A.id, period: '2025-01', value: 130 },
        ])
      ).statusCode,
    ).toBe(200);
    const rejected = await x.coordinator.post(`${x.base}/observations/rejection`, {
      period: '2025-01',
      actorId: x.A.id,
      reason: 'Montant hors taxes attendu',
    });
    expect(rejected.json()).toEqual({ count: 1 });
    const mine = (await x.partnerA.get(`${x.base}/observations?actorId=${x.A.id}`)).json().items[0];
    expect(mine).toMatchObject({ status: 'rejected', rejectReason: 'Montant hors taxes attendu' });
    const audit = (await x.coordinator.get(`${x.base}/audit?entityId=${mine.id}`)).json().items;
    expect(audit.length).toBeGreaterThanOrEqual(5);
  });

  it('hide other actors’ values of non-public indicators', async () => {
    const x = await setup();
    await put(x.coordinator, x.base, [
      { indicatorId: x.revenue.id, actorId: x.A.id, period: '2025-01', value: 1 },
      { indicatorId: x.revenue.id, actorId: x.B.id, period: '2025-01', value: 2 },
      { indicatorId: x.price.id, actorId: x.B.id, period: '2025-Q1', value: 400 },
    ]);
    const seenByA = (await x.partnerA.get(`${x.base}/observations`)).json().items;
    expect(
      seenByA
        .map((o: { actorId: string; indicatorId: string }) => [
          o.actorId === x.A.id ? 'A' : 'B',
          o.indicatorId === x.price.id ? 'price' : 'revenue',
        ])
        .sort(),
    ).toEqual([
      ['A', 'revenue'],
      ['B', 'price'],
    ]);
    const seenByObserver = (await x.observer.get(`${x.base}/observations`)).json().items;
    expect(seenByObserver).toHaveLength(1);
  });
});

describe('machine clients', () => {
  it('push values with an API token, recorded as coming from the API', async () => {
    const x = await setup();
    const { token } = (await x.partnerA.post('/me/tokens', { name: 'Logiciel de caisse' })).json();
    const machine = Client.withToken(t.app, token);
    const res = await machine.put(`${x.base}/observations`, {
      items: [{ indicatorId: x.revenue.id, actorId: x.A.id, period: '2025-06', value: 321 }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({ source: 'api', status: 'submitted', value: 321 });
    const other = await machine.put(`${x.base}/observations`, {
      items: [{ indicatorId: x.revenue.id, actorId: x.B.id, period: '2025-06', value: 1 }],
    });
    expect(other.statusCode).toBe(403);
  });
});

describe('series', () => {
  async function fill(x: Awaited<ReturnType<typeof setup>>) {
    const items: Record<string, unknown>[] = [];
    const revenue = {
      A: [100, 200, 300, 400],
      B: [10, 20, 30, 40],
      C: [1, 2, 3, 4],
      D: [1000, 1000, 1000, 1000],
    };
    const local = { A: [100, 100, 100, 100], B: [10, 20, 30, 40], C: [0, 0, 0, 0], D: [0, 0, 0, 0] };
    const months = ['2025-01', '2025-02', '2025-03', '2025-04'];
    for (const [key, values] of Object.entries(revenue)) {
      values.forEach((value, i) => {
        items.push({ indicatorId: x.revenue.id, actorId: x[key as 'A'].id, period: months[i], value });
      });
    }
    for (const [key, values] of Object.entries(local)) {
      values.forEach((value, i) => {
        items.push({ indicatorId: x.local.id, actorId: x[key as 'A'].id, period: months[i], value });
      });
    }
    items.push({ indicatorId: x.price.id, actorId: x.A.id, period: '2025-Q1', value: 400 });
    items.push({ indicatorId: x.price.id, actorId: x.B.id, period: '2025-Q1', value: 500 });
    items.push({ indicatorId: x.price.id, actorId: x.C.id, period: '2025-Q1', value: 600 });
    const res = await put(x.coordinator, x.base, items);
    expect(res.statusCode).toBe(200);
  }

  it('rolls months up to quarters and years, sums across actors, counts actors', async () => {
    const x = await setup();
    await fill(x);
    const q = await series(x.coordinator, x.base, x.revenue.id, '?periodicity=quarter');
    expect(q.items).toEqual([
      { period: '2025-Q1', group: 'all', value: 600 + 60 + 6 + 3000, n: 4 },
      { period: '2025-Q2', group: 'all', value: 400 + 40 + 4 + 1000, n: 4 },
    ]);
    const y = await series(x.coordinator, x.base, x.revenue.id, '?periodicity=year');
    expect(y.items).toEqual([{ period: '2025', group: 'all', value: 5110, n: 4 }]);
    const monthly = await series(x.coordinator, x.base, x.revenue.id, '?from=2025-02&to=2025-03');
    expect(monthly.items.map((p: { period: string }) => p.period)).toEqual(['2025-02', '2025-03']);
    const bad = await x.coordinator.get(`${x.base}/indicators/${x.price.id}/series?periodicity=month`);
    expect(bad.statusCode).toBe(400);
  });

  it('groups by stage (an actor in two stages counts in both), role and actor', async () => {
    const x = await setup();
    await fill(x);
    const byStage = await series(x.coordinator, x.base, x.revenue.id, '?groupBy=stage&periodicity=year');
    expect(byStage.groups[x.s1.id]).toBe('Production');
    const value = (g: string) => byStage.items.find((p: { group: string }) => p.group === g);
    expect(value(x.s1.id)).toMatchObject({ value: 1000 + 100 + 10, n: 3 });
    expect(value(x.s2.id)).toMatchObject({ value: 1000 + 4000, n: 2 });
    const byActor = await series(x.coordinator, x.base, x.revenue.id, '?groupBy=actor&periodicity=year');
    expect(byActor.items).toHaveLength(4);
    const byRole = await series(x.coordinator, x.base, x.revenue.id, '?groupBy=role&periodicity=year');
    expect(byRole.items).toEqual([{ period: '2025', group: 'transactional', value: 5110, n: 4 }]);
  });

  it('computes a ratio from the sums, never by averaging ratios', async () => {
    const x = await setup();
    await fill(x);
    const r = await series(x.coordinator, x.base, x.share.id, '?periodicity=year');
    // Σ local / Σ revenue = 500 / 5110, whereas the mean of per-actor shares would be about 37 %.
    expect(r.items[0].value).toBeCloseTo((500 / 5110) * 100, 6);
    expect(r.items[0].n).toBe(4);
  });

  it('takes each actor’s latest value in the bucket for stocks, and the extremes for min and max', async () => {
    const x = await setup();
    const post = async (body: Record<string, unknown>) =>
      (
        await x.coordinator.post(`${x.base}/indicators`, {
          category: 'context',
          periodicity: 'month',
          status: 'adopted',
          ...body,
        })
      ).json();
    const jobs = await post({ code: 'ETP', name: 'Emplois', aggregation: 'latest' });
    const low = await post({ code: 'MIN', name: 'Stock minimal', aggregation: 'min' });
    const high = await post({ code: 'MAX', name: 'Pic', aggregation: 'max' });
    const items = [];
    for (const [i, m] of ['2025-01', '2025-02', '2025-03'].entries()) {
      items.push({ indicatorId: jobs.id, actorId: x.A.id, period: m, value: 3 + i });
      items.push({ indicatorId: jobs.id, actorId: x.B.id, period: m, value: 10 - i });
      items.push({ indicatorId: low.id, actorId: x.A.id, period: m, value: 5 + i });
      items.push({ indicatorId: low.id, actorId: x.B.id, period: m, value: 9 - i });
      items.push({ indicatorId: high.id, actorId: x.A.id, period: m, value: 5 + i });
      items.push({ indicatorId: high.id, actorId: x.B.id, period: m, value: 9 - i });
    }
    expect((await put(x.coordinator, x.base, items)).statusCode).toBe(200);
    expect((await series(x.coordinator, x.base, jobs.id, '?periodicity=quarter')).items).toEqual([
      { period: '2025-Q1', group: 'all', value: 5 + 8, n: 2 },
    ]);
    expect((await series(x.coordinator, x.base, low.id, '?periodicity=quarter')).items[0].value).toBe(5);
    expect((await series(x.coordinator, x.base, high.id, '?periodicity=quarter')).items[0].value).toBe(9);
  });

  it('means weigh every observation the same', async () => {
    const x = await setup();
    await fill(x);
    const p = await series(x.coordinator, x.base, x.price.id);
    expect(p.items).toEqual([{ period: '2025-Q1', group: 'all', value: 500, n: 3 }]);
  });

  it('shows new data in the very next query, drafts never', async () => {
    const x = await setup();
    await fill(x);
    await put(x.partnerA, x.base, [
      { indicatorId: x.revenue.id, actorId: x.A.id, period: '2025-05', value: 7 },
    ]);
    await put(x.partnerB, x.base, [
      { indicatorId: x.revenue.id, actorId: x.B.id, period: '2025-05', value: 8, status: 'draft' },
    ]);
    const m = await series(x.coordinator, x.base, x.revenue.id, '?from=2025-05');
    expect(m.items).toEqual([{ period: '2025-05', group: 'all', value: 7, n: 1 }]);
  });

  it('follows confidentiality: own actor only for partners, nothing per actor for observers, small groups suppressed', async () => {
    const x = await setup();
    await fill(x);
    const asA = await series(x.partnerA, x.base, x.revenue.id, '?groupBy=actor&periodicity=year');
    expect(asA.items.map((p: { group: string }) => p.group)).toEqual([x.A.id]);
    const asObserver = await series(x.observer, x.base, x.revenue.id, '?groupBy=actor&periodicity=year');
    expect(asObserver.items).toEqual([]);
    const stagesForObserver = await series(
      x.observer,
      x.base,
      x.revenue.id,
      '?groupBy=stage&periodicity=year',
    );
    const s2 = stagesForObserver.items.find((p: { group: string }) => p.group === x.s2.id);
    expect(s2).toMatchObject({ value: null, suppressed: true, n: 2 });
    expect(stagesForObserver.items.find((p: { group: string }) => p.group === x.s1.id)).toMatchObject({
      value: 1110,
      n: 3,
    });
    const publicByActor = await series(x.observer, x.base, x.price.id, '?groupBy=actor');
    expect(publicByActor.items).toHaveLength(3);
    await put(x.partnerA, x.base, [{ indicatorId: x.secret.id, actorId: x.A.id, period: '2025', value: 12 }]);
    await put(x.partnerB, x.base, [{ indicatorId: x.secret.id, actorId: x.B.id, period: '2025', value: 30 }]);
    expect((await x.observer.get(`${x.base}/indicators/${x.secret.id}/series`)).statusCode).toBe(403);
    expect((await series(x.partnerA, x.base, x.secret.id)).items).toEqual([
      { period: '2025', group: 'all', value: 12, n: 1 },
    ]);
    expect((await series(x.coordinator, x.base, x.secret.id)).items).toEqual([
      { period: '2025', group: 'all', value: 21, n: 2 },
    ]);
  });
});
