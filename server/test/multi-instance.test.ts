import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { type Database, openDatabase, queryRows } from '../src/db/client';
import { notifications, proposals } from '../src/db/schema/index';
import type { App } from '../src/http/types';
import { runReminders } from '../src/jobs/reminders';
import { newId } from '../src/lib/ids';
import { closeDueProposals } from '../src/modules/mediation/proposals.service';
import { createPostgresDatabase } from './crash-harness';
import { addMember, buildChain, buildUser, Client, PASSWORD, TEST_DB, type TestApp } from './helpers';

/**
 * Several servers on one PostgreSQL database (docs/operations.md, "Several servers"): sessions,
 * throttling, jobs and imports behave as with one server. Two apps in this process, each with
 * its own connection pool, stand for two servers.
 */
const ADMIN_URL = process.env.TEST_DATABASE_URL;
const RUN = TEST_DB === 'postgres' && Boolean(ADMIN_URL);
if (TEST_DB === 'postgres' && !ADMIN_URL)
  console.warn('multi-instance tests skipped: they need TEST_DATABASE_URL (a PostgreSQL server).');

describe.runIf(RUN)('two servers on one PostgreSQL database', () => {
  let drop: () => Promise<void>;
  let dbA: Database;
  let dbB: Database;
  let appA: App;
  let appB: App;
  let a: TestApp;

  beforeAll(async () => {
    const database = await createPostgresDatabase(ADMIN_URL ?? '', 'tisserand_multi');
    drop = database.drop;
    dbA = await openDatabase({ url: database.url, poolSize: 5 });
    await dbA.migrate();
    dbB = await openDatabase({ url: database.url, poolSize: 5 });
    await dbB.migrate(); // a second server starting finds nothing left to apply
    appA = await buildApp({ database: dbA });
    appB = await buildApp({ database: dbB });
    await Promise.all([appA.ready(), appB.ready()]);
    a = { app: appA, database: dbA, close: async () => {} };
  });
  afterAll(async () => {
    await appA?.close();
    await appB?.close();
    await dbA?.close();
    await dbB?.close();
    await drop?.();
  });

  /** The same browser talking to the other server. */
  const onB = (c: Client) => new Client(appB, c.cookie, c.csrfToken);

  it('a session made on one server works on the other, and a sign-out on either ends it on both', async () => {
    const user = await buildUser(dbA);
    const fromA = await Client.signIn(appA, user.email);
    expect((await onB(fromA).get('/me')).statusCode).toBe(200);
    expect((await onB(fromA).post('/auth/logout')).statusCode).toBeLessThan(300);
    expect((await fromA.get('/me')).statusCode).toBe(401);
    expect((await onB(fromA).get('/me')).statusCode).toBe(401);
  });

  it('counts failed sign-ins across both servers', async () => {
    const user = await buildUser(dbA);
    const attempt = (app: App, password: string) =>
      app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password } });
    // Five failures split over the two servers: per server, neither would have reached its limit.
    for (const app of [appA, appB, appA, appB, appA]) {
      expect((await attempt(app, 'not-the-password')).statusCode).toBe(401);
    }
    expect((await attempt(appB, PASSWORD)).statusCode).toBe(429);
    expect((await attempt(appA, PASSWORD)).statusCode).toBe(429);
  });

  it('closes each due proposal once when both servers run the job at the same moment', async () => {
    const { chain } = await buildChain(a);
    const ids = Array.from({ length: 12 }, () => newId());
    await dbA.db.insert(proposals).values(
      ids.map((id, i) => ({
        chainId: chain.id,
        id,
        title: `Proposition ${i}`,
        participantActorIds: [],
        quorum: 0.5,
        closesAt: new Date(Date.now() - 60_000),
      })),
    );
    const closed = await Promise.all([
      closeDueProposals(dbA.db),
      closeDueProposals(dbB.db),
      closeDueProposals(dbA.db),
      closeDueProposals(dbB.db),
    ]);
    expect(closed.reduce((n, c) => n + c, 0)).toBe(ids.length);
    const rows = await dbA.db.select().from(proposals).where(eq(proposals.chainId, chain.id));
    expect(rows.every((r) => r.status === 'closed' && r.version === 2)).toBe(true);
    // One audit entry per closing, never two.
    const audits = await queryRows<{ entity_id: string; n: number }>(
      dbA.db,
      sql`select entity_id, count(*)::int as n from audit_log
          where chain_id = ${chain.id} and entity_type = 'proposal' group by entity_id`,
    );
    expect(audits).toHaveLength(ids.length);
    expect(audits.every((r) => r.n === 1)).toBe(true);
  });

  it('sends each reminder once when both servers run the job at the same moment', async () => {
    const { chain, coordinator } = await buildChain(a);
    const base = `/chains/${chain.id}`;
    const farms = [];
    for (const name of ['Ferme A', 'Ferme B', 'Ferme C']) {
      const res = await coordinator.post(`${base}/actors`, {
        name,
        kind: 'business',
        role: 'transactional',
        status: 'engaged',
      });
      farms.push(res.json() as { id: string });
    }
    const indicator = (
      await coordinator.post(`${base}/indicators`, {
        code: 'T',
        name: 'Tonnes',
        category: 'supply',
        periodicity: 'quarter',
        status: 'adopted',
      })
    ).json() as { id: string };
    for (const f of farms) await addMember(a, coordinator, chain.id, 'partner', f.id);
    const campaign = await coordinator.post(`${base}/campaigns`, {
      name: 'T2',
      period: '2025-Q2',
      indicatorIds: [indicator.id],
      actorIds: farms.map((f) => f.id),
      dueDate: '2025-07-15',
    });
    expect(campaign.statusCode).toBe(201);
    const sent = await Promise.all([
      runReminders(dbA.db, '2025-07-13'),
      runReminders(dbB.db, '2025-07-13'),
      runReminders(dbA.db, '2025-07-13'),
      runReminders(dbB.db, '2025-07-13'),
    ]);
    expect(sent.reduce((n, s) => n + s, 0)).toBe(farms.length);
    const rows = await dbA.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.chainId, chain.id), eq(notifications.kind, 'campaign_due')));
    expect(rows).toHaveLength(farms.length);
  });

  it('an import started on one server is followed to its end on the other', async () => {
    const { chain, coordinator } = await buildChain(a);
    const csv = ['name,kind,role']
      .concat(Array.from({ length: 1200 }, (_, i) => `Importé ${i},business,support`))
      .join('\n');
    const started = await appA.inject({
      method: 'POST',
      url: `/api/v1/chains/${chain.id}/imports?kind=actors`,
      headers: {
        cookie: coordinator.cookie ?? '',
        'x-csrf-token': coordinator.csrfToken ?? '',
        'content-type': 'text/csv',
      },
      payload: csv,
    });
    expect(started.statusCode).toBe(202);
    const { id } = started.json() as { id: string };
    const other = onB(coordinator);
    let job: { status: string; imported: number; total: number } = {
      status: 'running',
      imported: 0,
      total: 0,
    };
    for (let i = 0; i < 300 && job.status === 'running'; i++) {
      const res = await other.get(`/chains/${chain.id}/imports/${id}`);
      expect(res.statusCode).toBe(200);
      job = res.json();
      if (job.status === 'running') await new Promise((r) => setTimeout(r, 100));
    }
    expect(job).toMatchObject({ status: 'succeeded', imported: 1200, total: 1200 });
    const listed = await other.get(`/chains/${chain.id}/actors?limit=1&q=Importé 1199`);
    expect(listed.json().items).toHaveLength(1);
  });
});
