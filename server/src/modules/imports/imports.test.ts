import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, buildChain, type Client, createTestApp, type TestApp } from '../../../test/helpers';
import { XLSX_TYPE } from './parse';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function setup() {
  const { chain, coordinator } = await buildChain(t);
  const base = `/chains/${chain.id}`;
  await coordinator.post(`${base}/stages`, { name: 'Production', position: 0 });
  await coordinator.post(`${base}/stages`, { name: 'Meunerie', position: 1 });
  return { chain, base, coordinator };
}

type Job = {
  status: string;
  total: number;
  processed: number;
  imported: number;
  updated: number;
  errors: { row: number; column: string; message: string }[];
};

async function runImport(
  c: Client,
  base: string,
  kind: string,
  body: string | Buffer,
  contentType = 'text/csv',
  dryRun = false,
): Promise<Job> {
  const res = await c.request('POST', `${base}/imports?kind=${kind}&dryRun=${dryRun}`, body, {
    'content-type': contentType,
  });
  expect(res.statusCode, res.body).toBe(202);
  const { id } = res.json();
  for (let i = 0; i < 200; i++) {
    const job: Job = (await c.get(`${base}/imports/${id}`)).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

const ACTORS_CSV = [
  'name;kind;role;stages;status;selfInterest;localOwnershipPct;inRegion;lat;lon;tags',
  'GAEC des Trois Vallées;business;transactional;Production;engaged;Vendre au juste prix;100;oui;44,76;4,99;"bio;population"',
  'Moulin de la Sye;business;transactional;meunerie;committed;Moudre toute l’année;100;oui;44.72;5.05;',
  'Cantine de Crest;agency;demand;;engaged;;100;true;;;',
].join('\n');

const names = async (c: Client, base: string, kind = 'actors') =>
  ((await c.get(`${base}/${kind}?limit=500`)).json().items as { name?: string }[]).map((a) => a.name).sort();

describe('imports', () => {
  it('imports actors from a French CSV, with stages by name, and a re-run updates instead of duplicating', async () => {
    const { base, coordinator } = await setup();
    const dry = await runImport(coordinator, base, 'actors', ACTORS_CSV, 'text/csv', true);
    expect(dry).toMatchObject({ status: 'succeeded', total: 3, processed: 3, imported: 0, errors: [] });
    expect(await names(coordinator, base)).toEqual([]);
    const job = await runImport(coordinator, base, 'actors', ACTORS_CSV);
    expect(job).toMatchObject({ status: 'succeeded', total: 3, imported: 3, updated: 0 });
    const actors = (await coordinator.get(`${base}/actors`)).json().items;
    const gaec = actors.find((a: { name: string }) => a.name === 'GAEC des Trois Vallées');
    expect(gaec).toMatchObject({
      kind: 'business',
      status: 'engaged',
      lat: 44.76,
      lon: 4.99,
      inRegion: true,
      tags: ['bio', 'population'],
    });
    expect(gaec.stageIds).toHaveLength(1);
    const again = await runImport(
      coordinator,
      base,
      'actors',
      ACTORS_CSV.replace('Vendre au juste prix', 'Vivre de son blé'),
    );
    expect(again).toMatchObject({ status: 'succeeded', imported: 3, updated: 3 });
    expect(await names(coordinator, base)).toHaveLength(3);
    const updated = (await coordinator.get(`${base}/actors?q=GAEC`)).json().items[0];
    expect(updated).toMatchObject({ selfInterest: 'Vivre de son blé', version: 2 });
    const audit = (await coordinator.get(`${base}/audit?entityId=${updated.id}`)).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
  });

  it('writes nothing when one row is wrong, and names each bad cell', async () => {
    const { base, coordinator } = await setup();
    const rows = ['name,kind,role,localOwnershipPct,stages,bogus'];
    for (let i = 0; i < 50; i++) rows.push(`Ferme ${i},business,transactional,100,Production,`);
    rows.push('Ferme X,spaceship,transactional,140,Nulle part,');
    rows.push('Ferme 3,business,transactional,100,Production,');
    const job = await runImport(coordinator, base, 'actors', rows.join('\n'));
    expect(job.status).toBe('failed');
    expect(job.errors).toEqual(
      expect.arrayContaining([
        { row: 1, column: 'bogus', message: expect.stringContaining('unknown column') },
        { row: 52, column: 'kind', message: expect.any(String) },
        { row: 52, column: 'localOwnershipPct', message: expect.any(String) },
        { row: 52, column: 'stages', message: 'no stage named “Nulle part” in this chain' },
        { row: 53, column: '*', message: 'same actor as row 5' },
      ]),
    );
    expect(await names(coordinator, base)).toEqual([]);
  });

  it('imports flows and intents that name their actors, and XLSX and multipart files', async () => {
    const { base, coordinator } = await setup();
    await runImport(coordinator, base, 'actors', ACTORS_CSV);
    const flows = [
      'source,target,type,product,quantity,unit,value,since',
      'GAEC des Trois Vallées,Moulin de la Sye,product,Blé population,60,t,33000,01/08/2024',
      'gaec des trois vallees,Cantine de Crest,money,,,,12,',
    ].join('\n');
    const fjob = await runImport(coordinator, base, 'flows', flows);
    expect(fjob).toMatchObject({ status: 'succeeded', imported: 2 });
    const stored = (await coordinator.get(`${base}/flows?type=product`)).json().items;
    expect(stored[0]).toMatchObject({ product: 'Blé population', quantity: 60, since: '2024-08-01' });
    expect((await runImport(coordinator, base, 'flows', flows)).updated).toBe(2);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Besoins');
    ws.addRow(['actor', 'direction', 'resource', 'quantity', 'unit']);
    ws.addRow(['Moulin de la Sye', 'need', 'Blé tendre bio', 150, 't']);
    ws.addRow(['GAEC des Trois Vallées', 'offer', 'Blé tendre bio', 40, 't']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const ijob = await runImport(coordinator, base, 'intents', xlsx, XLSX_TYPE);
    expect(ijob).toMatchObject({ status: 'succeeded', imported: 2 });
    expect((await coordinator.get(`${base}/intents?direction=need`)).json().items[0]).toMatchObject({
      resource: 'Blé tendre bio',
      quantity: 150,
    });

    const boundary = '----tisserand';
    const multipart = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="actors.csv"\r\nContent-Type: text/csv\r\n\r\n` +
        'name,kind,role\nÉpicerie solidaire,community,demand\n' +
        `\r\n--${boundary}--\r\n`,
    );
    const mjob = await runImport(
      coordinator,
      base,
      'actors',
      multipart,
      `multipart/form-data; boundary=${boundary}`,
    );
    expect(mjob).toMatchObject({ status: 'succeeded', imported: 1 });
    expect(await names(coordinator, base)).toContain('Épicerie solidaire');
  });

  it('refuses flows whose actors are unknown, and bad files', async () => {
    const { base, coordinator } = await setup();
    const job = await runImport(coordinator, base, 'flows', 'source,target,type\nPersonne,Nulle,product\n');
    expect(job.errors).toEqual([
      { row: 2, column: 'source', message: 'no actor named “Personne” in this chain' },
      { row: 2, column: 'target', message: 'no actor named “Nulle” in this chain' },
    ]);
    const empty = await coordinator.request('POST', `${base}/imports?kind=actors`, '', {
      'content-type': 'text/csv',
    });
    expect(empty.statusCode).toBe(400);
    const badXlsx = await coordinator.request(
      'POST',
      `${base}/imports?kind=actors`,
      Buffer.from('PK\u0003\u0004garbage'),
      { 'content-type': XLSX_TYPE },
    );
    expect(badXlsx.statusCode).toBe(400);
    const badKind = await coordinator.request('POST', `${base}/imports?kind=people`, 'a,b\n', {
      'content-type': 'text/csv',
    });
    expect(badKind.json().errors[0].path).toBe('querystring.kind');
  });

  it('is for coordinators only', async () => {
    const { chain, base, coordinator } = await setup();
    const observer = (await addMember(t, coordinator, chain.id, 'observer')).client;
    const res = await observer.request('POST', `${base}/imports?kind=actors`, ACTORS_CSV, {
      'content-type': 'text/csv',
    });
    expect(res.statusCode).toBe(403);
  });
});
