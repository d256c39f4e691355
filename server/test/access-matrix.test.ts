/**
 * The access matrix, generated from the route table of the real app (QUALITY.md, "Reliability and
 * security"; docs/security.md, "Access matrix").
 *
 * - Every route the app registers (`registeredRoutes`, from the access layer) must have an entry in
 *   `access-matrix.ts`, and every entry a route: a new route cannot land without deciding who may
 *   call it. Left out: HEAD routes (Fastify mirrors each GET, with the GET's `config.access`) and
 *   the static assets of the API browser under `/api/docs` (public, no data).
 * - Each route is called by eight callers (coordinator, partners of actors A and B, observer of
 *   chain 1; a coordinator of chain 2; a signed-in user with no membership; an instance admin who
 *   is no member; anonymous) on a fixture where every `:param` is a real id of the right entity,
 *   most of them belonging to actor A, so that A's partner tests "own" and B's partner "other".
 * - Outcomes: `401`, `403`, `404`, or `allow`. The access layer runs before validation, and the
 *   finer rules (own actor, conflict parties, confidentiality) run after it: so writes carry a body
 *   that passes validation, and `allow` means a 2xx or a 409/412 from the state of the data (a
 *   400 only where an entry says so). PATCH and DELETE send a stale `If-Match`: every decision
 *   is taken, then the write stops at 412, and the fixture stays as it was.
 * - Cross-tenant: chain-1 callers use chain 1's URL with chain 2's ids (path and body). Nothing may
 *   be found (never 2xx, 409 or 412): a coordinator or admin gets 404 for another chain's id in
 *   the path, 400/404 for one in the body; other members may also get 403 from a rule that does
 *   not depend on the id existing.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../src/app';
import { queryRows } from '../src/db/client';
import { registeredRoutes } from '../src/http/access';
import {
  CALLERS,
  type Caller,
  type Case,
  FIXTURE_IDS,
  ID_BY_COLLECTION,
  type IdName,
  type Ids,
  MATRIX,
  type Outcome,
  PARAM_IDS,
  RESTORE_BODY,
} from './access-matrix';
import { addMember, buildUser, Client, createTestApp, type TestApp } from './helpers';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const STALE = '"999999"';
/** Not tenant data: kept from chain 1 in the cross-tenant runs. */
const GLOBAL_IDS: IdName[] = [
  'chain',
  'spareUser',
  'eraseUser',
  'loginEmail',
  'token',
  'gapKey',
  'dismissedGapKey',
  'slug',
  'draftSlug',
];
/** Run in this order so that a call that changes the state (revoke a token) comes last. */
const ORDER: Caller[] = [...CALLERS].reverse();
const CROSS_CALLERS: Caller[] = ['coordinator', 'partnerA', 'partnerB', 'observer', 'admin'];
const CONCURRENCY = 4;
const csv = 'name,kind,role\nImport,business,transactional\n';

let t: TestApp;
let ids: Ids;
let foreign: Ids;
let creator: Client;
const clients = {} as Record<Caller, Client>;
const emails = {} as Record<Caller, string | null>;

/** The routes the app serves, keyed as in MATRIX. */
function routeKeys(): string[] {
  return registeredRoutes(t.app)
    .filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/api/docs'))
    .map((r) => `${r.method} ${r.url.startsWith(API_PREFIX) ? r.url.slice(API_PREFIX.length) : r.url}`);
}

async function ok(res: { statusCode: number; body: string }, what: string, status = 201) {
  if (res.statusCode !== status) throw new Error(`fixture: ${what} answered ${res.statusCode} ${res.body}`);
}

/** One chain with every kind of entity, most of them actor A's; returns their ids and its members. */
async function populate(admin: Client, tag: string) {
  const created = await admin.post('/chains', { name: `Filière ${tag}`, region: 'Drôme' });
  await ok(created, 'chain');
  const chainId: string = created.json().id;
  const base = `/chains/${chainId}`;
  const post = async (path: string, body: unknown) => {
    const res = await admin.post(`${base}/${path}`, body);
    await ok(res, path);
    return res.json().id as string;
  };
  const stage = await post('stages', { name: 'Meunerie', position: 1 });
  const actor = (name: string, role: string, stageIds: string[] = []) =>
    post('actors', { name, kind: 'business', role, status: 'engaged', stageIds });
  const actorA = await actor('Moulin', 'transactional', [stage]);
  const actorB = await actor('Fournil', 'transactional', [stage]);
  const actorC = await actor('Cantine', 'demand');
  const coordinator = await addMember(t, admin, chainId, 'coordinator');
  const partnerA = await addMember(t, admin, chainId, 'partner', actorA);
  const partnerB = await addMember(t, admin, chainId, 'partner', actorB);
  const observer = await addMember(t, admin, chainId, 'observer');

  const indicator = (code: string, confidentiality: string) =>
    post('indicators', { code, name: code, category: 'impact', confidentiality, status: 'adopted' });
  const indicatorPublic = await indicator('PUB', 'public');
  const indicatorAggregate = await indicator('AGG', 'aggregate');
  const indicatorPrivate = await indicator('PRIV', 'private');
  const batch = await admin.put(`${base}/observations`, {
    items: [indicatorPublic, indicatorAggregate, indicatorPrivate].flatMap((indicatorId) =>
      [actorA, actorB].map((actorId) => ({ indicatorId, actorId, period: '2024-Q1', value: 10 })),
    ),
  });
  await ok(batch, 'observations', 200);
  const obs = (indicatorId: string) =>
    (batch.json().items as { id: string; indicatorId: string; actorId: string }[]).find(
      (o) => o.indicatorId === indicatorId && o.actorId === actorA,
    )?.id ?? '';
  const campaign = await post('campaigns', {
    name: 'Collecte',
    period: '2024-Q1',
    indicatorIds: [indicatorPublic],
    actorIds: [actorA, actorB],
    dueDate: '2030-01-01',
  });
  const notes = (await partnerA.client.get(`${base}/notifications`)).json().items as { id: string }[];
  const goal = await post('goals', { title: 'Pain local', dimension: 'livelihoods' });
  const commitment = (actorId: string) =>
    post('commitments', { goalId: goal, actorId, description: 'Livrer' });
  const proposal = () =>
    post('proposals', {
      title: 'Adopter',
      participantActorIds: [actorA, actorB, actorC],
      closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
  const conflict = (parties: string[]) => post('conflicts', { title: 'Différend', partyActorIds: parties });
  const conflictA = await conflict([actorA, actorC]);
  const conflictB = await conflict([actorB, actorC]);
  const session = (conflictId: string) =>
    post(`conflicts/${conflictId}/sessions`, { date: '2024-02-01', notes: 'Première séance' });
  const report = (slug: string, published: boolean) =>
    post('reports', { title: 'Rapport', slug, published, sections: [{ type: 'text', markdown: 'Bonjour' }] });
  const slug = `matrice-${tag}-publie`;
  const draftSlug = `matrice-${tag}-brouillon`;
  await report(draftSlug, false);

  const imported = await admin.request('POST', `${base}/imports?kind=actors&dryRun=true`, csv, {
    'content-type': 'text/csv',
  });
  await ok(imported, 'import', 202);
  const importJob: string = imported.json().id;
  for (let i = 0; i < 100; i++) {
    if ((await admin.get(`${base}/imports/${importJob}`)).json().status !== 'running') break;
    await new Promise((r) => setTimeout(r, 20));
  }

  const partial = {
    chain: chainId,
    stage,
    actorA,
    actorB,
    actorC,
    contactA: await post(`actors/${actorA}/contacts`, { name: 'Alice', email: 'alice@example.org' }),
    contactB: await post(`actors/${actorB}/contacts`, { name: 'Bob' }),
    flow: await post('flows', { sourceId: actorA, targetId: actorB, type: 'product', product: 'farine' }),
    intentA: await post('intents', { actorId: actorA, direction: 'offer', resource: 'farine' }),
    intentB: await post('intents', { actorId: actorB, direction: 'need', resource: 'farine' }),
    indicatorPublic,
    indicatorAggregate,
    indicatorPrivate,
    obsPublicA: obs(indicatorPublic),
    obsAggregateA: obs(indicatorAggregate),
    obsPrivateA: obs(indicatorPrivate),
    campaign,
    notificationA: notes[0]?.id ?? '',
    goal,
    commitmentA: await commitment(actorA),
    commitmentB: await commitment(actorB),
    initiative: await post('initiatives', { title: 'Four commun', actorIds: [actorA] }),
    proposal: await proposal(),
    proposalToClose: await proposal(),
    agreement: await post('agreements', { title: 'Accord', partyActorIds: [actorA, actorB], terms: 'Prix' }),
    conflictA,
    conflictB,
    sessionA: await session(conflictA),
    sessionB: await session(conflictB),
    serendipity: await post('serendipity', { date: '2024-03-01', description: 'Au marché' }),
    idea: await post('ideas', { title: 'Pain au levain' }),
    convening: await post('convenings', { title: 'Rencontre', date: '2024-04-01' }),
    interaction: await post('interactions', {
      date: '2024-04-02',
      kind: 'call',
      actorIds: [actorA],
      summary: 'Appel',
    }),
    introduction: await post('introductions', { fromActorId: actorA, toActorId: actorC }),
    resource: await post('resources', { kind: 'funding', name: 'Fonds' }),
    report: await report(slug, true),
    importJob,
    memberA: partnerA.user.id,
    slug,
    draftSlug,
  };
  // Gaps of capitals no goal or indicator covers: no call of the matrix makes them go away.
  const gaps = (await admin.get(`${base}/gaps`)).json().items as { key: string; type: string }[];
  const [gapKey, dismissedGapKey] = gaps.filter((g) => g.type === 'uncovered_capital').map((g) => g.key);
  if (!gapKey || !dismissedGapKey) throw new Error('fixture: the chain should have two gaps');
  const members = { coordinator, partnerA, partnerB, observer };
  return { ids: { ...partial, gapKey, dismissedGapKey }, members };
}

beforeAll(async () => {
  t = await createTestApp();
  const admin1 = await buildUser(t.database, { isAdmin: true });
  creator = await Client.signIn(t.app, admin1.email);
  const one = await populate(creator, 'un');
  const admin2 = await buildUser(t.database, { isAdmin: true });
  const creator2 = await Client.signIn(t.app, admin2.email);
  const two = await populate(creator2, 'deux');

  for (const role of ['coordinator', 'partnerA', 'partnerB', 'observer'] as const) {
    clients[role] = one.members[role].client;
    emails[role] = one.members[role].user.email;
  }
  clients.otherChain = two.members.coordinator.client;
  emails.otherChain = two.members.coordinator.user.email;
  const stranger = await buildUser(t.database);
  clients.stranger = await Client.signIn(t.app, stranger.email);
  emails.stranger = stranger.email;
  const admin = await buildUser(t.database, { isAdmin: true });
  clients.admin = await Client.signIn(t.app, admin.email);
  emails.admin = admin.email;
  clients.anonymous = Client.anonymous(t.app);
  emails.anonymous = null;

  const spare = await buildUser(t.database);
  const login = await buildUser(t.database);
  const token = await clients.coordinator.post('/me/tokens', { name: 'à révoquer' });
  await ok(token, 'token');
  const erased = await buildUser(t.database);
  const globals = {
    spareUser: spare.id,
    eraseUser: erased.id,
    loginEmail: login.email,
    token: token.json().id as string,
  };
  ids = { ...one.ids, ...globals };
  foreign = { ...two.ids, ...globals };
  for (const name of GLOBAL_IDS) foreign[name] = ids[name];
  for (const name of FIXTURE_IDS) if (!ids[name] || !foreign[name]) throw new Error(`fixture: no ${name}`);

  const backup = await creator2.get(`/chains/${two.ids.chain}/exports/backup.json`);
  await ok(backup, 'backup', 200);
  RESTORE_BODY.value = backup.json();
}, 120_000);

afterAll(async () => {
  // Imports run after their answer: let them finish before the database closes.
  for (let i = 0; i < 200; i++) {
    const running = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from imports where status = 'running'`,
    );
    if (!running[0]?.n) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  await t?.close();
});

/** The URL of a case, with each `:param` filled from `source`. */
function urlOf(routeUrl: string, c: Case, source: Ids, query?: string) {
  const segments = routeUrl.split('/');
  const filled = segments.map((segment, i) =>
    segment.replace(/:(\w+)/g, (_m, name: string) => {
      const idName =
        c.params?.[name] ??
        (name === 'id' ? ID_BY_COLLECTION[segments[i - 1] ?? ''] : undefined) ??
        PARAM_IDS[name];
      if (!idName) throw new Error(`no fixture id for :${name} in ${routeUrl}`);
      return encodeURIComponent(source[idName]);
    }),
  );
  const url = filled.join('/');
  const full = url.startsWith('/api/') ? url : `${API_PREFIX}${url}`;
  return query ? `${full}?${query}` : full;
}

/** The names of the tenant ids a case's path uses (not `:chainId`, gap keys or slugs). */
function tenantParams(routeUrl: string, c: Case) {
  const segments = routeUrl.split('/');
  return segments.flatMap((segment, i) =>
    [...segment.matchAll(/:(\w+)/g)].flatMap(([, name = '']) => {
      const idName =
        c.params?.[name] ??
        (name === 'id' ? ID_BY_COLLECTION[segments[i - 1] ?? ''] : undefined) ??
        PARAM_IDS[name];
      return idName && !GLOBAL_IDS.includes(idName) ? [idName] : [];
    }),
  );
}

async function call(method: Method, routeUrl: string, c: Case, caller: Caller, source: Ids) {
  const client =
    c.freshSession && emails[caller] ? await Client.signIn(t.app, emails[caller]) : clients[caller];
  if (c.reset === 'dismissGap')
    await creator.post(`/chains/${ids.chain}/gaps/${encodeURIComponent(ids.dismissedGapKey)}/dismissal`, {
      reason: 'Remise en place',
    });
  const headers: Record<string, string> = {};
  if (method === 'PATCH' || method === 'DELETE') headers['if-match'] = STALE;
  if (c.contentType) headers['content-type'] = c.contentType;
  const body = c.body?.(source) ?? (method === 'POST' ? {} : undefined);
  const res = await client.request(method, urlOf(routeUrl, c, source, c.query), body, headers);
  return { status: res.statusCode, detail: res.statusCode >= 400 ? res.body.slice(0, 200) : '' };
}

const allowed = (status: number, c: Case) =>
  (status >= 200 && status < 300) || status === 409 || status === 412 || (c.allowAlso ?? []).includes(status);
const matches = (status: number, expected: Outcome, c: Case) =>
  expected === 'allow' ? allowed(status, c) : status === expected;

/** Runs `tasks` with at most `n` at a time. */
async function pool<T>(tasks: (() => Promise<T>)[], n: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await (tasks[i] as () => Promise<T>)();
      }
    }),
  );
  return results;
}

function cases(): { key: string; method: Method; url: string; c: Case }[] {
  return Object.entries(MATRIX).flatMap(([key, entry]) => {
    const [method, url] = key.split(' ') as [Method, string];
    return [entry].flat().map((c) => ({ key: c.name ? `${key} (${c.name})` : key, method, url, c }));
  });
}

describe('access matrix', () => {
  it('has an entry for every route, and a route for every entry', () => {
    const keys = routeKeys();
    const missing = keys.filter((k) => !(k in MATRIX));
    const stale = Object.keys(MATRIX).filter((k) => !keys.includes(k));
    expect(missing, 'routes with no entry in server/test/access-matrix.ts: decide who may call them').toEqual(
      [],
    );
    expect(stale, 'entries of server/test/access-matrix.ts with no such route').toEqual([]);
    // HEAD routes are left out: each mirrors a GET and shares its config.access.
    const heads = registeredRoutes(t.app).filter((r) => r.method === 'HEAD');
    for (const head of heads) {
      const get = registeredRoutes(t.app).find((r) => r.method === 'GET' && r.url === head.url);
      expect(get?.access, `HEAD ${head.url}`).toEqual(head.access);
    }
  });

  it('answers each caller as the matrix says, on every route', async () => {
    const all = cases();
    const failures: string[] = [];
    await pool(
      all.map(({ key, method, url, c }) => async () => {
        for (const caller of ORDER) {
          const expected = c.expect[caller];
          const { status, detail } = await call(method, url, c, caller, ids);
          if (!matches(status, expected, c))
            failures.push(`${key} as ${caller}: expected ${expected}, got ${status} ${detail}`);
        }
      }),
      CONCURRENCY,
    );
    expect(failures.sort()).toEqual([]);
    expect(all.length).toBeGreaterThan(150);
  }, 180_000);

  it('never finds another chain’s ids through chain 1', async () => {
    const failures: string[] = [];
    const checked: string[] = [];
    const tasks = cases().flatMap(({ key, method, url, c }) => {
      if (!url.includes(':chainId')) return [];
      const inPath = tenantParams(url, c).length > 0;
      const body = c.body === undefined ? '' : JSON.stringify(c.body(ids));
      const inBody = FIXTURE_IDS.some((name) => !GLOBAL_IDS.includes(name) && body.includes(ids[name]));
      if (!inPath && !inBody) return [];
      checked.push(key);
      return [
        async () => {
          for (const caller of CROSS_CALLERS) {
            const { status, detail } = await call(method, url, c, caller, foreign);
            const strict = caller === 'coordinator' || caller === 'admin';
            const accepted = inPath ? (strict ? [404] : [403, 404]) : strict ? [400, 404] : [400, 403, 404];
            if (!accepted.includes(status))
              failures.push(
                `${key} as ${caller} with chain 2's ids: expected ${accepted.join('/')}, got ${status} ${detail}`,
              );
          }
        },
      ];
    });
    await pool(tasks, CONCURRENCY);
    expect(failures.sort()).toEqual([]);
    expect(checked.length).toBeGreaterThan(80);
  }, 180_000);
});
