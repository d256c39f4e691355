import type { PublicReport } from '@tisserand/core';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, buildChain, Client, createTestApp, type TestApp } from '../../../test/helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let slugs = 0;
const slug = (name: string) => `${name}-${Date.now().toString(36)}-${++slugs}`;

/**
 * A chain of six engaged actors: three mills, one bakery alone in its stage, two shops. Quarterly
 * turnover (aggregate), a public price and a private margin, with approved values; the bakery's
 * turnover is a sentinel (777 001) that must never leave the chain.
 */
async function setup(chainBody: Record<string, unknown> = {}) {
  const { chain, coordinator } = await buildChain(t, chainBody);
  const base = `/chains/${chain.id}`;
  const post = async (path: string, body: Record<string, unknown>) => {
    const res = await coordinator.post(`${base}/${path}`, body);
    if (res.statusCode !== 201) throw new Error(`${path}: ${res.body}`);
    return res.json() as { id: string; version: number };
  };
  const mill = await post('stages', { name: 'Meunerie', position: 0 });
  const bakery = await post('stages', { name: 'Boulangerie', position: 1 });
  const shop = await post('stages', { name: 'Vente', position: 2 });
  const actor = (name: string, stageIds: string[]) =>
    post('actors', { name, kind: 'business', role: 'transactional', stageIds, status: 'engaged' });
  const mills = [
    await actor('Moulin Un', [mill.id]),
    await actor('Moulin Deux', [mill.id]),
    await actor('Moulin Trois', [mill.id]),
  ];
  const baker = await actor('Fournil Secret', [bakery.id]);
  const shops = [await actor('Épicerie Une', [shop.id]), await actor('Épicerie Deux', [shop.id])];
  await post('flows', { sourceId: mills[0]?.id, targetId: baker.id, type: 'product', status: 'active' });
  await post('flows', { sourceId: baker.id, targetId: shops[0]?.id, type: 'product', status: 'active' });
  const indicator = (body: Record<string, unknown>) =>
    post('indicators', {
      category: 'impact',
      status: 'adopted',
      valueType: 'currency',
      aggregation: 'sum',
      periodicity: 'quarter',
      ...body,
    });
  const turnover = await indicator({
    code: 'CA',
    name: 'Chiffre d’affaires',
    unit: '€',
    confidentiality: 'aggregate',
  });
  const price = await indicator({
    code: 'PRIX',
    name: 'Prix payé au producteur',
    unit: '€/t',
    aggregation: 'mean',
    confidentiality: 'public',
  });
  const margin = await indicator({
    code: 'MARGE',
    name: 'Marge nette',
    unit: '%',
    confidentiality: 'private',
  });
  const values: Record<string, unknown>[] = [];
  // 2025-Q1: every actor. 2025-Q2: two mills only (below k = 3). 2025-Q3, Q4: every actor.
  for (const period of ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']) {
    const who = period === '2025-Q2' ? mills.slice(0, 2) : [...mills, baker, ...shops];
    for (const a of who) {
      const sentinel = a.id === baker.id;
      values.push({ indicatorId: turnover.id, actorId: a.id, period, value: sentinel ? 777001 : 1000 });
      values.push({ indicatorId: price.id, actorId: a.id, period, value: sentinel ? 431 : 400 });
      values.push({ indicatorId: margin.id, actorId: a.id, period, value: 12 });
    }
  }
  const put = await coordinator.put(`${base}/observations`, { items: values });
  if (put.statusCode !== 200) throw new Error(put.body);
  for (const period of ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']) {
    const res = await coordinator.post(`${base}/observations/approval`, { period });
    if (res.statusCode >= 300) throw new Error(res.body);
  }
  // A value sent but not yet approved never reaches the public.
  await coordinator.put(`${base}/observations`, {
    items: mills.map((m) => ({ indicatorId: turnover.id, actorId: m.id, period: '2026-Q1', value: 5 })),
  });
  const goal = await post('goals', {
    title: 'Doubler le chiffre d’affaires',
    dimension: 'capital',
    capitals: ['financial'],
    indicatorId: turnover.id,
    targetValue: 20000,
    targetDate: '2027-12-31',
    status: 'adopted',
  });
  await post('successes', {
    title: 'Un nouveau fournil',
    story: 'Le fournil a ouvert en mars.',
    date: '2025-03-15',
  });
  const partner = (await addMember(t, coordinator, chain.id, 'partner', baker.id)).client;
  const observer = (await addMember(t, coordinator, chain.id, 'observer')).client;
  return {
    chain,
    base,
    coordinator,
    partner,
    observer,
    mills,
    baker,
    shops,
    turnover,
    price,
    margin,
    goal,
    stages: { mill, bakery, shop },
  };
}

type Setup = Awaited<ReturnType<typeof setup>>;

async function publish(x: Setup, sections: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  const s = slug('rapport');
  const res = await x.coordinator.post(`${x.base}/reports`, {
    title: 'L’année de la filière',
    slug: s,
    sections,
    published: true,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { slug: s, report: res.json() as { id: string; version: number } };
}

const anonymous = () => Client.anonymous(t.app);
const publicReport = async (s: string) => {
  const res = await anonymous().get(`/public/reports/${s}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PublicReport;
};
const indicatorSection = (r: PublicReport, i: number) => {
  const s = r.sections[i];
  if (s?.type !== 'indicator') throw new Error('not an indicator section');
  return s;
};
const cell = (s: ReturnType<typeof indicatorSection>, period: string, groupLabel: string) =>
  s.items.find((p) => p.period === period && (s.groups[p.group] ?? p.group) === groupLabel);

describe('reports', () => {
  it('are written by coordinators, read by members, with slugs unique in the whole instance', async () => {
    const x = await setup();
    const s = slug('bilan');
    const created = await x.coordinator.post(`${x.base}/reports`, {
      title: 'Bilan',
      slug: s,
      sections: [{ type: 'capitals' }],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ published: false, publishedAt: null, locale: 'fr' });
    expect((await x.partner.post(`${x.base}/reports`, { title: 'X', slug: slug('x') })).statusCode).toBe(403);
    expect((await x.observer.get(`${x.base}/reports`)).json().items).toHaveLength(1);

    // Another chain cannot take the same address.
    const other = await buildChain(t);
    const taken = await other.coordinator.post(`/chains/${other.chain.id}/reports`, {
      title: 'Autre',
      slug: s,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors).toEqual([{ path: 'body.slug', message: 'already taken' }]);

    const bad = await x.coordinator.post(`${x.base}/reports`, {
      title: 'Mauvais',
      slug: 'Pas Un Slug',
      sections: [{ type: 'indicator', indicatorId: x.turnover.id, periodicity: 'week' }, { type: 'video' }],
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toContain('body.slug');
    expect(paths.some((p: string) => p.startsWith('body.sections.0'))).toBe(true);
    expect(paths.some((p: string) => p.startsWith('body.sections.1'))).toBe(true);
  });

  it('are public only while published', async () => {
    const x = await setup();
    const s = slug('brouillon');
    const created = (
      await x.coordinator.post(`${x.base}/reports`, {
        title: 'Brouillon',
        slug: s,
        sections: [{ type: 'text', markdown: '# Bonjour' }],
      })
    ).json();
    expect((await anonymous().get(`/public/reports/${s}`)).statusCode).toBe(404);
    expect((await anonymous().get(`/public/reports/${s}/data.csv`)).statusCode).toBe(404);
    expect((await anonymous().get(`/public/reports/${s}.pdf`)).statusCode).toBe(404);
    // Members preview it as the public will see it.
    const preview = await x.partner.get(`${x.base}/reports/${created.id}/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json().sections).toEqual([{ type: 'text', markdown: '# Bonjour' }]);

    const on = await x.coordinator.patch(
      `${x.base}/reports/${created.id}`,
      { published: true },
      created.version,
    );
    expect(on.json().publishedAt).not.toBeNull();
    const res = await anonymous().get(`/public/reports/${s}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.json()).toMatchObject({
      title: 'Brouillon',
      chain: { name: 'Filière blé', publicMinGroupSize: 3 },
    });

    await x.coordinator.patch(`${x.base}/reports/${created.id}`, { published: false }, on.json().version);
    expect((await anonymous().get(`/public/reports/${s}`)).statusCode).toBe(404);
    expect((await anonymous().get('/public/reports/does-not-exist')).statusCode).toBe(404);
  });
});

describe('public figures', () => {
  it('withhold a figure of fewer than k actors, approved values only', async () => {
    const x = await setup();
    const { slug: s } = await publish(x, [
      { type: 'indicator', indicatorId: x.turnover.id, groupBy: 'none', periodicity: 'quarter' },
    ]);
    const section = indicatorSection(await publicReport(s), 0);
    expect(section.withheld).toBeNull();
    expect(cell(section, '2025-Q1', 'Toute la chaîne')).toMatchObject({
      value: 5 * 1000 + 777001,
      n: 6,
      suppressed: false,
    });
    // Two mills only in Q2: not published, and not even their number.
    expect(cell(section, '2025-Q2', 'Toute la chaîne')).toEqual({
      period: '2025-Q2',
      group: 'all',
      value: null,
      n: null,
      suppressed: true,
    });
    // 2026-Q1 was sent, not approved.
    expect(section.items.some((p) => p.period === '2026-Q1')).toBe(false);
  });

  it('withhold a lone stage and one more, so the total minus the others cannot reveal it', async () => {
    const x = await setup();
    const { slug: s } = await publish(x, [
      { type: 'indicator', indicatorId: x.turnover.id, groupBy: 'none', periodicity: 'quarter' },
      { type: 'indicator', indicatorId: x.turnover.id, groupBy: 'stage', periodicity: 'quarter' },
      { type: 'indicator', indicatorId: x.turnover.id, groupBy: 'role', periodicity: 'quarter' },
    ]);
    const report = await publicReport(s);
    const stages = indicatorSection(report, 1);
    expect(cell(stages, '2025-Q1', 'Boulangerie')?.suppressed).toBe(true);
    expect(cell(stages, '2025-Q1', 'Vente')?.suppressed).toBe(true);
    expect(cell(stages, '2025-Q1', 'Meunerie')).toMatchObject({ value: 3000, n: 3 });
    const total = cell(indicatorSection(report, 0), '2025-Q1', 'Toute la chaîne')?.value ?? 0;
    const published = stages.items
      .filter((p) => p.period === '2025-Q1')
      .reduce((a, p) => a + (p.value ?? 0), 0);
    // What subtraction gives is the bakery and the shops together, three actors.
    expect(total - published).toBe(777001 + 2000);
    expect(JSON.stringify(report)).not.toContain('777001');
  });

  it('withhold a year when one of its quarters is withheld', async () => {
    const x = await setup();
    const { slug: s } = await publish(x, [
      { type: 'indicator', indicatorId: x.turnover.id, groupBy: 'none', periodicity: 'quarter' },
      { type: 'indicator', indicatorId: x.turnover.id, groupBy: 'none', periodicity: 'year' },
    ]);
    const report = await publicReport(s);
    // 2025 = Q1 + Q2 + Q3 + Q4 with Q2 withheld: publishing 2025 would give Q2 by subtraction.
    expect(cell(indicatorSection(report, 1), '2025', 'Toute la chaîne')).toMatchObject({
      value: null,
      suppressed: true,
    });
  });

  it('never publish per-actor values of a non-public indicator, nor anything of a private one', async () => {
    const x = await setup();
    const { slug: s } = await publish(x, [
      { type: 'indicator', indicatorId: x.turnover.id, groupBy: 'actor', periodicity: 'quarter' },
      { type: 'indicator', indicatorId: x.margin.id, groupBy: 'none', periodicity: 'quarter' },
      { type: 'indicator', indicatorId: x.price.id, groupBy: 'actor', periodicity: 'quarter' },
      { type: 'map' },
      { type: 'goals' },
      { type: 'successes' },
      { type: 'capitals' },
    ]);
    const report = await publicReport(s);
    expect(indicatorSection(report, 0)).toMatchObject({ withheld: 'actor_level', items: [], groups: {} });
    expect(indicatorSection(report, 1)).toMatchObject({ withheld: 'private', items: [], groups: {} });
    // A public indicator's per-actor values are published as they are.
    const prices = indicatorSection(report, 2);
    expect(cell(prices, '2025-Q1', 'Fournil Secret')).toMatchObject({ value: 431, n: 1, suppressed: false });
    const json = JSON.stringify(report.sections.filter((_s, i) => i !== 2));
    for (const name of ['Fournil Secret', 'Moulin Un', 'Épicerie Une', '777001'])
      expect(json).not.toContain(name);

    const map = report.sections[3];
    expect(map).toMatchObject({
      type: 'map',
      totals: { actors: 6, flows: 2 },
      stages: [
        { name: 'Meunerie', actors: 3 },
        { name: 'Boulangerie', actors: 1 },
        { name: 'Vente', actors: 2 },
      ],
    });
    expect(report.sections[5]).toEqual({
      type: 'successes',
      items: [{ title: 'Un nouveau fournil', story: 'Le fournil a ouvert en mars.', date: '2025-03-15' }],
    });
    const goals = report.sections[4];
    expect(goals?.type === 'goals' && goals.items[0]).toMatchObject({
      title: 'Doubler le chiffre d’affaires',
      latest: 5 * 1000 + 777001,
      latestPeriod: '2025-Q4',
      suppressed: false,
    });
  });

  it('follow the chain’s own threshold', async () => {
    const x = await setup({ publicMinGroupSize: 7 });
    const { slug: s } = await publish(x, [
      { type: 'indicator', indicatorId: x.turnover.id, groupBy: 'none', periodicity: 'quarter' },
      { type: 'goals' },
    ]);
    const report = await publicReport(s);
    expect(indicatorSection(report, 0).items.every((p) => p.suppressed)).toBe(true);
    expect(report.sections[1]).toMatchObject({ items: [{ latest: null, suppressed: true, onTrack: null }] });
  });
});

describe('open data', () => {
  it('gives the same protected figures as CSV and JSON, with a data dictionary', async () => {
    const x = await setup();
    const { slug: s } = await publish(x, [
      { type: 'text', markdown: 'Nos chiffres' },
      { type: 'indicator', indicatorId: x.turnover.id, groupBy: 'stage', periodicity: 'quarter' },
      { type: 'indicator', indicatorId: x.turnover.id, groupBy: 'actor', periodicity: 'quarter' },
      { type: 'indicator', indicatorId: x.margin.id, groupBy: 'none', periodicity: 'year' },
    ]);
    const csv = await anonymous().get(`/public/reports/${s}/data.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv.body.slice(1), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.meta.fields).toEqual([
      'indicator',
      'indicatorName',
      'unit',
      'definition',
      'periodicity',
      'period',
      'groupBy',
      'group',
      'value',
      'n',
      'suppressed',
    ]);
    // Three stages in three quarters; in 2025-Q2 only the mills reported.
    expect(parsed.data).toHaveLength(3 * 3 + 1);
    const bakery = parsed.data.find((r) => r.period === '2025-Q1' && r.group === 'Boulangerie');
    expect(bakery).toMatchObject({ indicator: 'CA', value: '', n: '', suppressed: 'true' });
    expect(parsed.data.find((r) => r.period === '2025-Q1' && r.group === 'Meunerie')).toMatchObject({
      value: '3000',
      n: '3',
    });
    for (const leak of ['777001', 'Fournil Secret', 'MARGE']) expect(csv.body).not.toContain(leak);

    const json = await anonymous().get(`/public/reports/${s}/data.json`);
    const data = json.json();
    expect(data.dictionary.map((d: { field: string }) => d.field)).toEqual(parsed.meta.fields);
    expect(data.rows).toHaveLength(10);
    expect(data.report).toMatchObject({ title: 'L’année de la filière', minimumGroupSize: 3 });
    expect(data.indicators).toEqual([
      expect.objectContaining({ code: 'CA', name: 'Chiffre d’affaires', unit: '€' }),
    ]);
    expect(json.body).not.toContain('777001');
  });

  it('makes a PDF from the same protected figures', async () => {
    const x = await setup();
    const { slug: s } = await publish(x, [
      { type: 'text', markdown: '## Notre année\n\nUne **belle** année : merci !' },
      { type: 'indicator', indicatorId: x.turnover.id, groupBy: 'stage', periodicity: 'quarter' },
      { type: 'capitals' },
      { type: 'map' },
      { type: 'successes' },
      { type: 'goals' },
    ]);
    const pdf = await anonymous().get(`/public/reports/${s}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(5000);
  });
});
