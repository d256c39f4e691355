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
    return res.json() as { id: string; version: number };
  };
  const farm = (name: string) =>
    post('actors', { name, kind: 'business', role: 'transactional', status: 'engaged' });
  const actors = [
    await farm('Ferme A'),
    await farm('Ferme B'),
    await farm('Ferme C'),
    await farm('Ferme D'),
    await farm('Ferme E'),
  ];
  const ind = (code: string, body: Record<string, unknown> = {}) =>
    post('indicators', {
      code,
      name: code,
      category: 'supply',
      status: 'adopted',
      periodicity: 'quarter',
      ...body,
    });
  const tonnes = await ind('T', { unit: 't', target: 100, direction: 'increase' });
  const price = await ind('P', { unit: '€/t', aggregation: 'mean', confidentiality: 'public' });
  const partner = (await addMember(t, coordinator, chain.id, 'partner', actors[0]?.id)).client;
  return { chain, base, coordinator, actors, tonnes, price, partner };
}

describe('campaigns', () => {
  it('check their indicators and respondents, and count completion per respondent', async () => {
    const x = await setup();
    const bad = await x.coordinator.post(`${x.base}/campaigns`, {
      name: 'C',
      period: '2025-05',
      indicatorIds: [x.tonnes.id],
      actorIds: [x.tonnes.id],
      dueDate: '2025-07-01',
    });
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.actorIds.0', 'body.indicatorIds.0']);
    const [a, b, c] = x.actors;
    if (!a || !b || !c) throw new Error('setup');
    const campaign = (
      await x.coordinator.post(`${x.base}/campaigns`, {
        name: 'T2 2025',
        period: '2025-Q2',
        indicatorIds: [x.tonnes.id, x.price.id],
        actorIds: [a.id, b.id, c.id],
        dueDate: '2020-07-15',
      })
    ).json();
    await x.partner.put(`${x.base}/observations`, {
      items: [
        { indicatorId: x.tonnes.id, actorId: a.id, period: '2025-Q2', value: 40 },
        { indicatorId: x.price.id, actorId: a.id, period: '2025-Q2', value: 450, status: 'draft' },
      ],
    });
    await x.coordinator.put(`${x.base}/observations`, {
      items: [{ indicatorId: x.tonnes.id, actorId: b.id, period: '2025-Q2', value: 20 }],
    });
    await x.coordinator.post(`${x.base}/observations/approval`, { period: '2025-Q2', actorId: b.id });
    const completion = (await x.coordinator.get(`${x.base}/campaigns/${campaign.id}/completion`)).json();
    expect(completion).toEqual([
      { actorId: a.id, expected: 2, submitted: 1, approved: 0, drafts: 1 },
      { actorId: b.id, expected: 2, submitted: 1, approved: 1, drafts: 0 },
      { actorId: c.id, expected: 2, submitted: 0, approved: 0, drafts: 0 },
    ]);
    const own = (await x.partner.get(`${x.base}/campaigns/${campaign.id}/completion`)).json();
    expect(own.map((i: { actorId: string }) => i.actorId)).toEqual([a.id]);
    // The due date has passed: the missing respondents are named in the alerts.
    const alerts = (await x.coordinator.get(`${x.base}/alerts`)).json().items;
    const missing = alerts.filter((al: { kind: string }) => al.kind === 'missing_data');
    expect(missing.map((al: { actorId: string }) => al.actorId).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(missing.find((al: { actorId: string }) => al.actorId === c.id).message).toContain('Ferme C');
    expect(missing[0].campaignId).toBe(campaign.id);
    expect((await x.partner.get(`${x.base}/alerts`)).statusCode).toBe(403);
  });
});

describe('successes and alerts', () => {
  it('detect a target reached and strong growth, and list the stories told', async () => {
    const x = await setup();
    const items = [];
    const quarters = ['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2'];
    const perActor = [
      [10, 10, 12, 20],
      [10, 10, 12, 25],
      [10, 10, 12, 30],
      [5, 5, 5, 20],
      [5, 5, 5, 10],
    ];
    for (const [i, values] of perActor.entries()) {
      for (const [q, value] of values.entries()) {
        items.push({ indicatorId: x.tonnes.id, actorId: x.actors[i]?.id, period: quarters[q], value });
      }
    }
    expect((await x.coordinator.put(`${x.base}/observations`, { items })).statusCode).toBe(200);
    const successes = (await x.coordinator.get(`${x.base}/successes`)).json().items;
    const kinds = successes.map(
      (s: { kind: string; actorIds: string[] }) => `${s.kind}:${s.actorIds.length}`,
    );
    expect(kinds).toContain('target_reached:0');
    expect(kinds).toContain('strong_growth:0');
    expect(successes.find((s: { kind: string }) => s.kind === 'target_reached').period).toBe('2025-Q2');
    // Per-actor successes of a non-public indicator stay with the coordinators and the actor itself.
    const seenByPartner = (await x.partner.get(`${x.base}/successes`)).json().items;
    const otherActors = seenByPartner.filter((s: { actorIds: string[] }) =>
      s.actorIds.some((id) => id !== x.actors[0]?.id),
    );
    expect(otherActors).toEqual([]);
    const story = await x.coordinator.post(`${x.base}/successes`, {
      title: 'Première livraison',
      story: 'Le moulin a livré la cantine.',
      actorIds: [x.actors[0]?.id],
      date: '2099-01-01',
    });
    expect(story.statusCode).toBe(201);
    expect((await x.coordinator.get(`${x.base}/successes`)).json().items[0]).toMatchObject({
      kind: 'story',
      title: 'Première livraison',
    });
    expect((await x.partner.post(`${x.base}/successes`, { title: 'x', story: 'y' })).statusCode).toBe(403);
  });

  it('raise an alert for an indicator off track and for an outlier', async () => {
    const x = await setup();
    const items = [];
    for (const [i, actor] of x.actors.entries()) {
      items.push({ indicatorId: x.tonnes.id, actorId: actor.id, period: '2025-Q1', value: 10 });
      items.push({ indicatorId: x.tonnes.id, actorId: actor.id, period: '2025-Q2', value: i === 4 ? 80 : 9 });
    }
    await x.coordinator.put(`${x.base}/observations`, { items });
    const alerts = (await x.coordinator.get(`${x.base}/alerts`)).json().items;
    expect(alerts.map((a: { kind: string; actorId?: string }) => [a.kind, a.actorId ?? null])).toEqual(
      expect.arrayContaining([['outlier', x.actors[4]?.id]]),
    );
  });
});

describe('observation imports', () => {
  it('import values by indicator code and actor name, atomically', async () => {
    const x = await setup();
    const csv = [
      'indicator,actor,period,value',
      'T,Ferme A,2025-Q1,12,5',
      'T,Ferme B,2025-Q1,"7,5"',
      'P,Ferme B,2025-Q1,410',
      'T,,2025-Q1,3',
    ].join('\n');
    const wait = async (id: string) => {
      for (let i = 0; i < 200; i++) {
        const job = (await x.coordinator.get(`${x.base}/imports/${id}`)).json();
        if (job.status !== 'running') return job;
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    const start = async (body: string) =>
      (
        await x.coordinator.request('POST', `${x.base}/imports?kind=observations`, body, {
          'content-type': 'text/csv',
        })
      ).json().id as string;
    const failed = await wait(await start(csv));
    expect(failed.status).toBe('failed');
    expect(failed.errors).toEqual([
      { row: 2, column: '*', message: expect.stringContaining('more cells than columns') },
    ]);
    expect((await x.coordinator.get(`${x.base}/observations`)).json().items).toEqual([]);
    const good = [
      'indicator,actor,period,value',
      'T,Ferme A,2025-Q1,12.5',
      'T,Ferme B,2025-Q1,"7,5"',
      'P,Ferme B,2025-Q1,410',
      'T,,2025-Q1,3',
    ].join('\n');
    const job = await wait(await start(good));
    expect(job.errors).toEqual([]);
    expect(job).toMatchObject({ status: 'succeeded', imported: 4 });
    const values = (await x.coordinator.get(`${x.base}/observations?indicatorId=${x.tonnes.id}`)).json()
      .items;
    expect(values.map((o: { value: number; source: string }) => [o.value, o.source]).sort()).toEqual(
      [
        [12.5, 'import'],
        [3, 'import'],
        [7.5, 'import'],
      ].sort(),
    );
    const rerun = await wait(await start(good));
    expect(rerun).toMatchObject({ status: 'succeeded', imported: 4 });
    expect((await x.coordinator.get(`${x.base}/observations`)).json().items).toHaveLength(4);
    const badPeriod = await wait(
      await start('indicator,actor,period,value\nT,Ferme A,2025-05,1\nT,Inconnue,2025-Q1,1\n'),
    );
    expect(badPeriod.errors).toEqual([
      { row: 3, column: 'actor', message: 'no actor named “Inconnue” in this chain' },
    ]);
    // Large files are not held to the 5,000-item limit of one API batch.
    const big = ['indicator,actor,period,value'];
    for (let year = 1000; big.length <= 6000; year++) {
      for (const q of [1, 2, 3, 4])
        for (const name of ['Ferme A', 'Ferme B']) big.push(`T,${name},${year}-Q${q},${year % 50}`);
    }
    const bigJob = await wait(await start(big.join('\n')));
    expect(bigJob).toMatchObject({ status: 'succeeded', imported: big.length - 1, total: big.length - 1 });
    const badPeriod2 = await wait(await start('indicator,actor,period,value\nT,Ferme A,2025-05,1\n'));
    expect(badPeriod2.errors).toEqual([
      { row: 2, column: 'period', message: 'this indicator is collected by quarter' },
    ]);
  });
});
