import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import jsonld from 'jsonld';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, buildChain, Client, createTestApp, type TestApp } from '../../../test/helpers';
import { kumuLabels } from './kumu';
import { VF } from './valueflows';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const networkx = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' });
const hasNetworkx = networkx.status === 0;
if (!hasNetworkx) {
  console.warn(
    `Skipping the networkx read-back of GEXF and GraphML: python3 with networkx is not available (${
      networkx.error?.message ?? networkx.stderr.trim()
    }).`,
  );
}

type Json = Record<string, unknown>;

/** A chain with stages, four actors (two named alike), flows of every kind, intents and a contact. */
async function setup() {
  const { chain, coordinator } = await buildChain(t);
  const base = `/chains/${chain.id}`;
  const post = async (path: string, body: Json) => {
    const res = await coordinator.post(`${base}/${path}`, body);
    if (res.statusCode !== 201) throw new Error(`${path}: ${res.body}`);
    return res.json() as { id: string };
  };
  const mill_ = await post('stages', { name: 'Meunerie', position: 1 });
  const farming = await post('stages', { name: 'Production', position: 0 });
  const baking = await post('stages', { name: 'Boulangerie', position: 2 });
  const farmA = await post('actors', {
    name: 'Ferme',
    kind: 'business',
    role: 'transactional',
    status: 'committed',
    stageIds: [farming.id],
    municipality: 'Crest',
    postalCode: '26400',
    lat: 44.72,
    lon: 5.02,
    employees: 3,
    lowIncomeFocus: true,
    tags: ['bio', 'paysan'],
  });
  const farmB = await post('actors', {
    name: 'Ferme',
    kind: 'collective',
    role: 'transactional',
    stageIds: [farming.id],
    municipality: 'Die',
    inRegion: false,
    localOwnershipPct: 40,
  });
  const mill = await post('actors', {
    name: 'Moulin',
    kind: 'business',
    role: 'transactional',
    status: 'engaged',
    stageIds: [mill_.id, farming.id],
    description: 'Meule de pierre',
  });
  const bakery = await post('actors', {
    name: 'Fournil <&> "Pain" d’Élise',
    kind: 'person',
    role: 'demand',
    stageIds: [baking.id],
    selfInterest: 'Débouchés\nlocaux',
  });
  const flows = {
    wheat: await post('flows', {
      sourceId: farmA.id,
      targetId: mill.id,
      type: 'product',
      product: 'Blé',
      quantity: 40,
      unit: 't',
      value: 12000,
      since: '2024-07-01',
    }),
    payment: await post('flows', { sourceId: mill.id, targetId: farmA.id, type: 'money', value: 12000 }),
    flour: await post('flows', {
      sourceId: mill.id,
      targetId: bakery.id,
      type: 'product',
      product: 'Farine T80',
      quantity: 30,
      unit: 'caisses',
    }),
    bran: await post('flows', {
      sourceId: mill.id,
      targetId: bakery.id,
      type: 'product',
      product: 'Son',
      status: 'planned',
    }),
    training: await post('flows', {
      sourceId: farmB.id,
      targetId: bakery.id,
      type: 'support',
      supportKind: 'training',
      since: '2025-01-15',
      until: '2025-06-30',
    }),
  };
  const offer = await post('intents', {
    actorId: mill.id,
    direction: 'offer',
    resource: 'Farine T80',
    quantity: 40,
    unit: 't',
    period: 'an',
  });
  const need = await post('intents', { actorId: bakery.id, direction: 'need', resource: 'farine t80' });
  await post(`actors/${mill.id}/contacts`, {
    name: 'Jeanne Secret',
    email: 'jeanne.secret@example.org',
    phone: '+33 6 12 34 56 78',
  });
  return { chain, base, coordinator, farmA, farmB, mill, bakery, flows, offer, need };
}

/** What a contact would leak if it slipped into an export. */
const expectNoContact = (body: string) => {
  expect(body).not.toMatch(/jeanne|secret@|12 34 56/i);
};

const readWithNetworkx = (format: 'gexf' | 'graphml', body: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'tisserand-export-'));
  try {
    const file = join(dir, `map.${format}`);
    writeFileSync(file, body);
    const script = [
      'import json, sys, networkx as nx',
      "g = nx.read_gexf(sys.argv[2]) if sys.argv[1] == 'gexf' else nx.read_graphml(sys.argv[2])",
      'print(json.dumps({',
      "  'directed': g.is_directed(),",
      "  'nodes': {n: d for n, d in g.nodes(data=True)},",
      "  'edges': [dict(d, source=u, target=v) for u, v, d in g.edges(data=True)],",
      '}))',
    ].join('\n');
    const run = spawnSync('python3', ['-c', script, format, file], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`networkx could not read the ${format}: ${run.stderr}`);
    return JSON.parse(run.stdout) as { directed: boolean; nodes: Record<string, Json>; edges: Json[] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

describe('map exports', () => {
  it.skipIf(!hasNetworkx)(
    'GEXF and GraphML read back in networkx with every node and edge and their data',
    async () => {
      const x = await setup();
      for (const format of ['gexf', 'graphml'] as const) {
        const res = await x.coordinator.get(`${x.base}/exports/map.${format}`);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toMatch(new RegExp(`^application/${format}\\+xml`));
        expect(res.headers['content-disposition']).toBe(`attachment; filename="filiere-ble-map.${format}"`);
        expectNoContact(res.body);

        const g = readWithNetworkx(format, res.body);
        expect(g.directed).toBe(true);
        expect(Object.keys(g.nodes).sort()).toEqual([x.farmA.id, x.farmB.id, x.mill.id, x.bakery.id].sort());
        expect(g.edges).toHaveLength(5);
        expect(g.nodes[x.farmA.id]).toMatchObject({
          label: 'Ferme',
          kind: 'business',
          role: 'transactional',
          status: 'committed',
          stages: 'Production',
          municipality: 'Crest',
          postalCode: '26400',
          lat: 44.72,
          lon: 5.02,
          inRegion: true,
          localOwnershipPct: 100,
          lowIncomeFocus: true,
          employees: 3,
          tags: 'bio; paysan',
        });
        // Stages in chain order, whatever the order they were given in.
        expect(g.nodes[x.mill.id]).toMatchObject({
          stages: 'Production; Meunerie',
          description: 'Meule de pierre',
        });
        // Markup and line breaks survive the escaping.
        expect(g.nodes[x.bakery.id]).toMatchObject({
          label: 'Fournil <&> "Pain" d’Élise',
          selfInterest: 'Débouchés\nlocaux',
          kind: 'person',
        });
        expect(g.nodes[x.farmB.id]).toMatchObject({ inRegion: false, localOwnershipPct: 40 });
        expect(g.nodes[x.farmB.id]).not.toHaveProperty('lat');

        const wheat = g.edges.find((e) => e.source === x.farmA.id && e.target === x.mill.id);
        expect(wheat).toMatchObject({
          type: 'product',
          product: 'Blé',
          quantity: 40,
          unit: 't',
          value: 12000,
          status: 'active',
          since: '2024-07-01',
        });
        // Two flows between the same actors in the same direction stay two edges.
        const toBakery = g.edges.filter((e) => e.source === x.mill.id && e.target === x.bakery.id);
        expect(toBakery.map((e) => e.product).sort()).toEqual(['Farine T80', 'Son']);
        expect(toBakery.find((e) => e.product === 'Son')).toMatchObject({ status: 'planned' });
        expect(g.edges.find((e) => e.type === 'support')).toMatchObject({
          source: x.farmB.id,
          supportKind: 'training',
          since: '2025-01-15',
          until: '2025-06-30',
        });
      }
    },
  );

  it('GEXF declares typed node and edge attributes and keys every element by its id', async () => {
    const x = await setup();
    const gexf = (await x.coordinator.get(`${x.base}/exports/map.gexf`)).body;
    expect(gexf).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect(gexf).toMatch(/<attributes class="node">[\s\S]*<attribute id="lat" title="lat" type="double"\/>/);
    expect(gexf).toMatch(
      /<attributes class="edge">[\s\S]*<attribute id="value" title="value" type="double"\/>/,
    );
    expect(gexf).toContain(
      `<node id="${x.bakery.id}" label="Fournil &lt;&amp;&gt; &quot;Pain&quot; d’Élise">`,
    );
    expect(gexf).toContain(`<edge id="${x.flows.wheat.id}" source="${x.farmA.id}" target="${x.mill.id}"`);
    const graphml = (await x.coordinator.get(`${x.base}/exports/map.graphml`)).body;
    expect(graphml).toContain('<key id="n_inRegion" for="node" attr.name="inRegion" attr.type="boolean"/>');
    expect(graphml).toContain('<key id="e_quantity" for="edge" attr.name="quantity" attr.type="double"/>');
  });

  it('Kumu: one element per actor with a unique label, connections between those labels', async () => {
    const x = await setup();
    const res = await x.coordinator.get(`${x.base}/exports/kumu.json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="filiere-ble-kumu.json"');
    expectNoContact(res.body);
    const { elements, connections } = res.json() as { elements: Json[]; connections: Json[] };
    expect(elements).toHaveLength(4);
    const labels = elements.map((e) => e.label);
    expect(new Set(labels).size).toBe(4);
    expect(labels.sort()).toEqual(['Ferme (Crest)', 'Ferme (Die)', 'Fournil <&> "Pain" d’Élise', 'Moulin']);
    expect(connections).toHaveLength(5);
    for (const c of connections) {
      expect(labels).toContain(c.from);
      expect(labels).toContain(c.to);
      expect(c.direction).toBe('directed');
    }
    expect(elements.find((e) => e.label === 'Ferme (Crest)')).toMatchObject({
      type: 'transactional',
      tags: ['bio', 'paysan'],
      Name: 'Ferme',
      Stages: ['Production'],
      Latitude: 44.72,
      'Tisserand id': x.farmA.id,
    });
    expect(connections.find((c) => c.from === 'Ferme (Crest)')).toMatchObject({
      to: 'Moulin',
      type: 'product',
      Product: 'Blé',
      Quantity: 40,
      Unit: 't',
      Value: 12000,
      Since: '2024-07-01',
    });
  });

  it('Kumu labels stay unique whatever the names, and do not depend on the order of the actors', () => {
    const actors = [
      { id: '0190-aaaa-0001', name: 'Ferme', municipality: null },
      { id: '0190-aaaa-0002', name: 'Ferme', municipality: null },
      { id: '0190-aaaa-0003', name: 'Ferme (Crest)', municipality: null },
      { id: '0190-aaaa-0004', name: 'Ferme', municipality: 'Crest' },
    ];
    const labels = kumuLabels(actors);
    expect(new Set(labels.values()).size).toBe(4);
    expect(labels.get('0190-aaaa-0003')).toBe('Ferme (Crest)');
    expect(labels.get('0190-aaaa-0004')).toBe('Ferme (aaa-0004)');
    expect(labels.get('0190-aaaa-0001')).toBe('Ferme (aaa-0001)');
    expect(kumuLabels([...actors].reverse())).toEqual(labels);
  });

  it('ValueFlows JSON-LD expands without fetching anything, into agents, events, commitments and intents', async () => {
    const x = await setup();
    const res = await x.coordinator.get(`${x.base}/exports/valueflows.jsonld`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/ld\+json/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="filiere-ble-valueflows.jsonld"');
    expectNoContact(res.body);
    const doc = res.json();
    expect(typeof doc['@context']).toBe('object');

    const expanded = (await jsonld.expand(doc, {
      documentLoader: async (url: string) => {
        throw new Error(`the export must not need ${url}`);
      },
    })) as Json[];
    const nodes = expanded.flatMap((n) => (Array.isArray(n['@graph']) ? (n['@graph'] as Json[]) : [n]));
    const byId = new Map(nodes.map((n) => [n['@id'], n]));
    const typed = (type: string) => nodes.filter((n) => (n['@type'] as string[] | undefined)?.includes(type));
    const ref = (n: Json | undefined, property: string) =>
      ((n?.[`${VF}${property}`] as { '@id': string }[] | undefined) ?? []).map((r) => r['@id']);
    const literal = (n: Json | undefined, property: string) =>
      ((n?.[property] as { '@value': unknown }[] | undefined) ?? []).map((v) => v['@value']);
    const urn = (id: string) => `urn:uuid:${id}`;

    const agents = typed('http://xmlns.com/foaf/0.1/Agent');
    expect(agents.map((a) => a['@id']).sort()).toEqual(
      [x.farmA.id, x.farmB.id, x.mill.id, x.bakery.id].map(urn).sort(),
    );
    expect(byId.get(urn(x.bakery.id))?.['@type']).toContain(`${VF}Person`);
    expect(byId.get(urn(x.mill.id))?.['@type']).toContain(`${VF}Organization`);

    const events = typed(`${VF}EconomicEvent`);
    expect(events.map((e) => e['@id']).sort()).toEqual(
      [x.flows.wheat.id, x.flows.payment.id, x.flows.flour.id, x.flows.training.id].map(urn).sort(),
    );
    // A planned flow is a promise, not an observed event.
    expect(typed(`${VF}Commitment`).map((c) => c['@id'])).toEqual([urn(x.flows.bran.id)]);

    const wheat = byId.get(urn(x.flows.wheat.id));
    expect(ref(wheat, 'provider')).toEqual([urn(x.farmA.id)]);
    expect(ref(wheat, 'receiver')).toEqual([urn(x.mill.id)]);
    expect(ref(wheat, 'action')).toEqual([`${VF}transfer`]);
    expect(wheat?.[`${VF}hasBeginning`]).toEqual([
      { '@value': '2024-07-01T00:00:00Z', '@type': 'http://www.w3.org/2001/XMLSchema#dateTimeStamp' },
    ]);
    const OM2 = 'http://www.ontology-of-units-of-measure.org/resource/om-2/';
    const quantity = (wheat?.[`${VF}resourceQuantity`] as Json[] | undefined)?.[0];
    expect(literal(quantity, `${OM2}hasNumericalValue`)).toEqual([40]);
    expect((quantity?.[`${OM2}hasUnit`] as Json[] | undefined)?.[0]?.['@id']).toBe(`${OM2}tonne`);
    const payment = byId.get(urn(x.flows.payment.id));
    const paid = (payment?.[`${VF}resourceQuantity`] as Json[] | undefined)?.[0];
    expect(literal(paid, `${OM2}hasNumericalValue`)).toEqual([12000]);
    expect((paid?.[`${OM2}hasUnit`] as Json[] | undefined)?.[0]?.['@id']).toBe(`${OM2}euro`);
    expect(literal(byId.get(urn(x.flows.training.id)), `${VF}resourceClassifiedAs`)).toEqual([
      'support',
      'training',
    ]);

    const intents = typed(`${VF}Intent`);
    expect(intents).toHaveLength(2);
    const offer = byId.get(urn(x.offer.id));
    const need = byId.get(urn(x.need.id));
    expect(ref(offer, 'provider')).toEqual([urn(x.mill.id)]);
    expect(ref(offer, 'receiver')).toEqual([]);
    expect(ref(need, 'receiver')).toEqual([urn(x.bakery.id)]);
    expect(literal(need, `${VF}resourceClassifiedAs`)).toEqual(['farine t80']);
    // The offer, the need and the flour flow name one resource, case aside: one specification.
    const spec = ref(offer, 'resourceConformsTo');
    expect(spec).toHaveLength(1);
    expect(ref(need, 'resourceConformsTo')).toEqual(spec);
    expect(ref(byId.get(urn(x.flows.flour.id)), 'resourceConformsTo')).toEqual(spec);
    expect(typed(`${VF}ResourceSpecification`).map((s) => s['@id'])).toContain(spec[0]);
  });
});

/** Two farms with partners, an observer, and values of a public, an aggregate and a private indicator. */
async function observationSetup() {
  const x = await setup();
  const post = async (path: string, body: Json) => {
    const res = await x.coordinator.post(`${x.base}/${path}`, body);
    if (res.statusCode !== 201) throw new Error(`${path}: ${res.body}`);
    return res.json() as { id: string };
  };
  const indicator = (body: Json) => post('indicators', { category: 'impact', status: 'adopted', ...body });
  const revenue = await indicator({
    code: 'CA',
    name: 'Chiffre d’affaires',
    unit: '€',
    periodicity: 'month',
  });
  const price = await indicator({
    code: 'PRIX',
    name: 'Prix payé au producteur',
    unit: '€/t',
    aggregation: 'mean',
    periodicity: 'quarter',
    confidentiality: 'public',
  });
  const margin = await indicator({
    code: 'MARGE',
    name: 'Marge nette',
    unit: '%',
    valueType: 'percentage',
    aggregation: 'mean',
    periodicity: 'year',
    confidentiality: 'private',
  });
  const written = await x.coordinator.put(`${x.base}/observations`, {
    items: [
      {
        indicatorId: revenue.id,
        actorId: x.farmA.id,
        period: '2025-01',
        value: 1000.5,
        note: 'Récolte, "bonne"',
      },
      { indicatorId: revenue.id, actorId: x.farmB.id, period: '2025-01', value: 2000 },
      { indicatorId: price.id, actorId: x.farmA.id, period: '2025-Q1', value: 300 },
      { indicatorId: price.id, actorId: x.farmB.id, period: '2025-Q1', value: 320, note: '=HYPERLINK("x")' },
      { indicatorId: margin.id, actorId: x.farmA.id, period: '2025', value: 12 },
      { indicatorId: margin.id, actorId: x.farmB.id, period: '2025', value: 8 },
    ],
  });
  if (written.statusCode !== 200) throw new Error(written.body);
  const partnerA = (await addMember(t, x.coordinator, x.chain.id, 'partner', x.farmA.id)).client;
  const observer = (await addMember(t, x.coordinator, x.chain.id, 'observer')).client;
  return { ...x, partnerA, observer };
}

type Row = Record<string, string | number | null>;

const readCsv = async (c: Client, base: string) => {
  const res = await c.get(`${base}/exports/observations.csv`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const parsed = Papa.parse<Record<string, string>>(res.body.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.delimiter).toBe(',');
  return { res, fields: parsed.meta.fields, rows: parsed.data };
};

const readXlsx = async (c: Client, base: string) => {
  const res = await c.get(`${base}/exports/observations.xlsx`);
  expect(res.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no worksheet');
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Row[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push(
      Object.fromEntries(
        header.map((h, i) => {
          const v = values[i];
          return [h, v instanceof Date ? v.toISOString() : ((v ?? null) as string | number | null)];
        }),
      ),
    );
  });
  return { res, sheet, header, rows };
};

/** Which values a caller got, by indicator (the two farms share a name; their values tell them apart). */
const pairs = (rows: Row[]) => rows.map((r) => `${r.indicator}:${Number(r.value)}`).sort();

describe('observation exports', () => {
  it('CSV and XLSX hold the same rows: header, typed cells, accents, quoting, no formula', async () => {
    const x = await observationSetup();
    const csv = await readCsv(x.coordinator, x.base);
    expect(csv.res.headers['content-disposition']).toBe(
      'attachment; filename="filiere-ble-observations.csv"',
    );
    const columns = [
      'indicator',
      'indicatorName',
      'unit',
      'actor',
      'period',
      'value',
      'status',
      'note',
      'updatedAt',
    ];
    expect(csv.fields).toEqual(columns);
    expect(csv.rows).toHaveLength(6);
    const revenueA = csv.rows.find(
      (r) => r.indicator === 'CA' && r.actor === 'Ferme' && r.value === '1000.5',
    );
    expect(revenueA).toMatchObject({
      indicatorName: 'Chiffre d’affaires',
      unit: '€',
      period: '2025-01',
      status: 'submitted',
      note: 'Récolte, "bonne"',
    });
    expect(Number.isNaN(Date.parse(revenueA?.updatedAt ?? ''))).toBe(false);
    // A spreadsheet must not run a value someone typed as a formula.
    expect(csv.rows.find((r) => r.value === '320')?.note).toBe('\'=HYPERLINK("x")');

    const xlsx = await readXlsx(x.coordinator, x.base);
    expect(xlsx.res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.res.headers['content-disposition']).toBe(
      'attachment; filename="filiere-ble-observations.xlsx"',
    );
    expect(xlsx.header).toEqual(columns);
    expect(xlsx.sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const VALUE = columns.indexOf('value') + 1;
    const NOTE = columns.indexOf('note') + 1;
    xlsx.sheet.eachRow((row, n) => {
      if (n > 1) expect(row.getCell(VALUE).type).toBe(ExcelJS.ValueType.Number);
    });
    expect(xlsx.rows.find((r) => r.value === 320)?.note).toBe('=HYPERLINK("x")');
    const typed: number[] = [];
    xlsx.sheet.eachRow((row) => {
      if (row.getCell(NOTE).text === '=HYPERLINK("x")') typed.push(row.getCell(NOTE).type);
    });
    expect(typed).toEqual([ExcelJS.ValueType.String]);

    // Same rows, same order: the CSV's text against the workbook's typed cells. The update time is
    // compared apart: a spreadsheet date keeps it to the millisecond only up to rounding.
    const text = (r: Row, c: string) =>
      c === 'note' && typeof r.note === 'string' && r.note.startsWith('=')
        ? `'${r.note}`
        : String(r[c] ?? '');
    const withoutTime = (rows: Record<string, string>[]) => rows.map(({ updatedAt: _, ...rest }) => rest);
    expect(
      withoutTime(xlsx.rows.map((r) => Object.fromEntries(columns.map((c) => [c, text(r, c)])))),
    ).toEqual(withoutTime(csv.rows));
    xlsx.rows.forEach((r, i) => {
      const csvTime = Date.parse(csv.rows[i]?.updatedAt ?? '');
      expect(Math.abs(Date.parse(String(r.updatedAt)) - csvTime)).toBeLessThan(1000);
    });
  });

  it('hold exactly what the caller may read of each indicator', async () => {
    const x = await observationSetup();
    const everything = ['CA:1000.5', 'CA:2000', 'MARGE:12', 'MARGE:8', 'PRIX:300', 'PRIX:320'];

    const coordinator = await readCsv(x.coordinator, x.base);
    expect(pairs(coordinator.rows)).toEqual(everything);

    // The partner of farm A: its own values of every indicator, farm B's of the public one only.
    for (const { rows } of [await readCsv(x.partnerA, x.base), await readXlsx(x.partnerA, x.base)]) {
      expect(pairs(rows)).toEqual(['CA:1000.5', 'MARGE:12', 'PRIX:300', 'PRIX:320']);
    }

    // An observer: the public indicator's values only.
    for (const { rows } of [await readCsv(x.observer, x.base), await readXlsx(x.observer, x.base)]) {
      expect(pairs(rows)).toEqual(['PRIX:300', 'PRIX:320']);
    }
  });
});

describe('export access', () => {
  const NAMES = [
    'map.gexf',
    'map.graphml',
    'kumu.json',
    'valueflows.jsonld',
    'observations.csv',
    'observations.xlsx',
  ];

  it('every member reads them; anyone else gets 404, and without signing in 401', async () => {
    const { chain, coordinator } = await buildChain(t);
    const observer = (await addMember(t, coordinator, chain.id, 'observer')).client;
    const other = await buildChain(t, { name: 'Autre filière' });
    const outsider = (await addMember(t, other.coordinator, other.chain.id, 'observer')).client;
    for (const name of NAMES) {
      const url = `/chains/${chain.id}/exports/${name}`;
      expect((await observer.get(url)).statusCode, name).toBe(200);
      expect((await outsider.get(url)).statusCode, name).toBe(404);
      expect((await Client.anonymous(t.app).get(url)).statusCode, name).toBe(401);
    }
  });
});
