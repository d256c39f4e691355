import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actors, observations } from '../src/db/schema/index';
import { DEMO_PASSWORD, DEMO_USERS, loadDemo } from '../src/demo/demo';
import { registeredRoutes } from '../src/http/access';
import { Client, createTestApp, type TestApp } from './helpers';
import { completeFixture, fillParams, itemsOf, resolveParams } from './route-fixture';

/**
 * Lost updates (QUALITY.md "Reliability and security"): for every entity the API edits (every
 * `GET …/:x` with a `PATCH` on the same path, found in the route table), two concurrent PATCHes
 * from the same version give one 200 and one 412 and the row holds exactly one change; PATCH
 * without If-Match is 428, DELETE with a stale one 412. Then the writes without If-Match:
 * concurrent observation batches serialise, concurrent imports never duplicate.
 */
let t: TestApp;
let client: Client;
let chainId: string;
beforeAll(async () => {
  t = await createTestApp();
  chainId = await loadDemo(t.database.db);
  client = await Client.signIn(t.app, DEMO_USERS[0].email, DEMO_PASSWORD);
  await completeFixture(client, chainId);
}, 120_000);
afterAll(() => t.close());

const TEXT_FIELDS = [
  'notes',
  'description',
  'note',
  'summary',
  'purpose',
  'learnings',
  'outcomes',
  'followUp',
  'selfInterest',
  'reason',
  'title',
  'name',
  'phone',
  'municipality',
];

interface ZodLike {
  _zod: { def: { type: string; innerType?: unknown; shape?: Record<string, unknown> } };
}
/** The type of a zod field once `optional`, `nullable` and `default` are unwrapped. */
function baseType(schema: unknown): string {
  let def = (schema as ZodLike)._zod.def;
  while (def.innerType) def = (def.innerType as ZodLike)._zod.def;
  return def.type;
}

/**
 * Two different changes for one entity, built from its PATCH body schema: two text fields when it
 * has them (so that a merge of both changes would show), else one field with two values. Members
 * have no text field: their role changes instead.
 */
function changesFor(url: string, bodySchema: unknown): [Record<string, unknown>, Record<string, unknown>] {
  const shape = (bodySchema as ZodLike | undefined)?._zod.def.shape;
  if (!shape) throw new Error(`PATCH ${url} has no body schema to build a change from`);
  if (url.endsWith('/members/:userId') && 'role' in shape)
    return [{ role: 'observer' }, { role: 'coordinator' }];
  const fields = TEXT_FIELDS.filter((f) => f in shape && baseType(shape[f]) === 'string');
  const [a, b] = fields;
  if (!a)
    throw new Error(
      `PATCH ${url}: no text field among ${TEXT_FIELDS.join(', ')}; teach changesFor how to edit this entity`,
    );
  const stamp = Date.now().toString(36);
  if (!b) return [{ [a]: `Change A ${stamp}` }, { [a]: `Change B ${stamp}` }];
  return [{ [a]: `Change A ${stamp}` }, { [b]: `Change B ${stamp}` }];
}

const routes = () => registeredRoutes(t.app);
function editable() {
  const all = routes();
  return all
    .filter((r) => r.method === 'PATCH' && /\/:\w+$/.test(r.url))
    .filter((r) => all.some((g) => g.method === 'GET' && g.url === r.url))
    .map((r) => ({
      url: r.url,
      body: (r.schema as { body?: unknown } | undefined)?.body,
      hasDelete: all.some((d) => d.method === 'DELETE' && d.url === r.url),
    }));
}

describe('two editors of one entity', () => {
  it('finds every editable entity in the route table', () => {
    expect(editable().length).toBeGreaterThanOrEqual(20);
  });

  it('gives one 200 and one 412 to concurrent PATCHes from the same version, for every entity', async () => {
    const checked: string[] = [];
    for (const route of editable()) {
      // A member other than the signed-in coordinator; the first item elsewhere.
      const params = await resolveParams(client, chainId, route.url, (items, name) =>
        name === 'userId'
          ? items.filter((m) => m.email !== DEMO_USERS[0].email)
          : // Closed entities (proposals) refuse every change with 409: open ones first.
            [...items].sort((x, y) => Number(x.status === 'closed') - Number(y.status === 'closed')),
      );
      const url = fillParams(route.url, params).replace(/^\/api\/v1/, '');
      const read = await client.get(url);
      expect(read.statusCode, `GET ${route.url} ${url} ${read.body}`).toBe(200);
      const etag = read.headers.etag;
      expect(etag, `ETag of ${route.url}`).toMatch(/^"\d+"$/);
      const before = read.json() as Record<string, unknown>;
      const [a, b] = changesFor(route.url, route.body);

      const missing = await client.request('PATCH', url, a);
      expect(missing.statusCode, `PATCH ${route.url} without If-Match`).toBe(428);

      const answers = await Promise.all([
        client.request('PATCH', url, a, { 'if-match': String(etag) }),
        client.request('PATCH', url, b, { 'if-match': String(etag) }),
      ]);
      const statuses = answers.map((r) => r.statusCode);
      expect(
        [...statuses].sort(),
        `PATCH ${route.url}: ${answers.map((r) => r.body.slice(0, 200)).join(' / ')}`,
      ).toEqual([200, 412]);
      const winner = statuses[0] === 200 ? a : b;
      const loser = statuses[0] === 200 ? b : a;

      const after = (await client.get(url)).json() as Record<string, unknown>;
      expect(after.version, route.url).toBe(Number(before.version) + 1);
      for (const [k, v] of Object.entries(winner)) expect(after[k], `${route.url} ${k}`).toEqual(v);
      for (const k of Object.keys(loser))
        if (!(k in winner))
          expect(after[k], `${route.url}: the refused change must not be merged`).toEqual(before[k]);

      if (route.hasDelete) {
        const stale = await client.delete(url, undefined, { 'if-match': String(etag) });
        expect(stale.statusCode, `DELETE ${route.url} with a stale If-Match`).toBe(412);
        expect((await client.get(url)).statusCode).toBe(200);
        expect((await client.delete(url)).statusCode, `DELETE ${route.url} without If-Match`).toBe(428);
      }
      checked.push(route.url);
    }
    expect(checked.length).toBe(editable().length);
  }, 120_000);
});

describe('writes without If-Match', () => {
  async function demoKey() {
    const indicators = itemsOf(await client.get(`/chains/${chainId}/indicators?limit=500`));
    const rows = itemsOf(await client.get(`/chains/${chainId}/observations?limit=500`));
    const row = rows.find((o) => {
      const ind = indicators.find((i) => i.id === o.indicatorId);
      return o.status !== 'approved' && o.actorId && ind && ind.valueType === 'currency';
    });
    if (!row) throw new Error('the demo chain has no open currency observation');
    return row as {
      id: string;
      indicatorId: string;
      actorId: string;
      period: string;
      version: number;
      value: number;
    };
  }

  it('serialises concurrent batches on the same observation: one value wins, the version moves twice', async () => {
    const row = await demoKey();
    const item = (value: number) => ({
      items: [{ indicatorId: row.indicatorId, actorId: row.actorId, period: row.period, value }],
    });
    const answers = await Promise.all([
      client.put(`/chains/${chainId}/observations`, item(111)),
      client.put(`/chains/${chainId}/observations`, item(222)),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    const final = (await client.get(`/chains/${chainId}/observations/${row.id}`)).json();
    expect([111, 222]).toContain(final.value);
    expect(final.version).toBe(row.version + 2);
    // The audit tells the same story: the last change starts from the value the first one wrote.
    const changes = itemsOf(await client.get(`/chains/${chainId}/audit?entityId=${row.id}&limit=500`))
      .filter((e) => e.action === 'update')
      .map((e) => (e.changes as { value?: { before: number; after: number } }).value)
      .filter((v) => v && [111, 222].includes(v.after));
    expect(changes).toHaveLength(2);
    const last = changes.find((v) => v?.after === final.value);
    const first = changes.find((v) => v !== last);
    expect(first?.before).toBe(row.value);
    expect(last?.before).toBe(first?.after);
    const rows = await t.database.db
      .select()
      .from(observations)
      .where(
        and(
          eq(observations.chainId, chainId),
          eq(observations.indicatorId, row.indicatorId),
          eq(observations.actorId, row.actorId),
          eq(observations.period, row.period),
        ),
      );
    expect(rows).toHaveLength(1);
  });

  async function importAndWait(kind: string, csv: string) {
    const res = await client.post(`/chains/${chainId}/imports?kind=${kind}`, csv, {
      'content-type': 'text/csv',
    });
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().id as string;
    for (let i = 0; i < 600; i++) {
      const job = (await client.get(`/chains/${chainId}/imports/${id}`)).json();
      if (job.status !== 'running') return job as { status: string; imported: number; errors: unknown[] };
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import still running');
  }

  it('ends concurrent imports of the same new actors with no duplicate, each import whole or nothing', async () => {
    const names = ['Moulin Concurrent', 'Ferme Concurrente', 'Épicerie Concurrente'];
    const csv = `name,kind,role\n${names.map((n) => `${n},business,transactional`).join('\n')}\n`;
    const jobs = await Promise.all([importAndWait('actors', csv), importAndWait('actors', csv)]);
    const rows = await t.database.db
      .select({ name: actors.name })
      .from(actors)
      .where(and(eq(actors.chainId, chainId), inArray(actors.name, names)));
    expect(rows.map((r) => r.name).sort()).toEqual([...names].sort());
    for (const job of jobs) {
      expect(['succeeded', 'failed']).toContain(job.status);
      if (job.status === 'succeeded') expect(job.imported).toBe(names.length);
    }
    expect(jobs.some((j) => j.status === 'succeeded')).toBe(true);
  });

  it('ends concurrent imports of the same observations with one row per indicator, actor and period', async () => {
    const row = await demoKey();
    const indicator = (await client.get(`/chains/${chainId}/indicators/${row.indicatorId}`)).json();
    const actor = (await client.get(`/chains/${chainId}/actors/${row.actorId}`)).json();
    const csv = `indicator,actor,period,value\n${indicator.code},"${actor.name}",${row.period},333\n`;
    const jobs = await Promise.all([importAndWait('observations', csv), importAndWait('observations', csv)]);
    for (const job of jobs) expect(job.status, JSON.stringify(job.errors)).toBe('succeeded');
    const rows = await t.database.db
      .select()
      .from(observations)
      .where(
        and(
          eq(observations.chainId, chainId),
          eq(observations.indicatorId, row.indicatorId),
          eq(observations.actorId, row.actorId),
          eq(observations.period, row.period),
        ),
      );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.value).toBe(333);
  });
});
