import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../test/helpers';
import { actors, flows, members, stages } from '../db/schema/index';
import { runReminders } from '../jobs/reminders';
import { todayIso } from '../lib/dates';
import { runConnectorReminders } from '../modules/notifications/notify';
import { DEMO_PASSWORD, DEMO_USERS, isEmpty, loadDemo } from './demo';
import { DEMO_ACTORS, DEMO_FLOWS, DEMO_STAGES } from './demo-data';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('loads a realistic French chain that every demo account can open with its role', async () => {
  expect(await isEmpty(t.database.db)).toBe(true);
  const chainId = await loadDemo(t.database.db);
  expect(await isEmpty(t.database.db)).toBe(false);
  const tally = async (table: typeof stages | typeof actors | typeof flows | typeof members) =>
    (await t.database.db.select({ n: count() }).from(table).where(eq(table.chainId, chainId)))[0]?.n;
  expect(await tally(stages)).toBe(DEMO_STAGES.length);
  expect(await tally(actors)).toBe(DEMO_ACTORS.length);
  // One more flow: the relationship born at the demo convening.
  expect(await tally(flows)).toBe(DEMO_FLOWS.length + 1);
  expect(await tally(members)).toBe(DEMO_USERS.length);
  expect(new Set(DEMO_ACTORS.map((a) => a.role))).toEqual(new Set(['transactional', 'demand', 'support']));
  expect(new Set(DEMO_FLOWS.map((f) => f.type))).toEqual(
    new Set(['product', 'money', 'service', 'information', 'support']),
  );

  const roles: Record<string, string> = {};
  for (const u of DEMO_USERS) {
    const client = await Client.signIn(t.app, u.email, DEMO_PASSWORD);
    const chains = (await client.get('/chains')).json().items;
    expect(chains.map((c: { id: string }) => c.id)).toEqual([chainId]);
    roles[u.key] = chains[0].myRole;
  }
  expect(roles).toEqual({
    coordinator: 'coordinator',
    miller: 'partner',
    baker: 'partner',
    observer: 'observer',
  });
  const audit = await (await Client.signIn(t.app, DEMO_USERS[0].email, DEMO_PASSWORD)).get(
    `/chains/${chainId}/audit?limit=500`,
  );
  expect(audit.json().items.length).toBeGreaterThan(DEMO_ACTORS.length + DEMO_FLOWS.length);

  // Data collection: eight or more indicators, two years of quarterly data, an open campaign with late respondents.
  const coordinator = await Client.signIn(t.app, DEMO_USERS[0].email, DEMO_PASSWORD);
  const indicators = (await coordinator.get(`/chains/${chainId}/indicators?limit=500`)).json().items;
  expect(indicators.length).toBeGreaterThanOrEqual(8);
  expect(indicators.some((i: { aggregation: string }) => i.aggregation === 'ratio')).toBe(true);
  const share = indicators.find((i: { code: string }) => i.code === 'PART_VALLEE');
  const series = (await coordinator.get(`/chains/${chainId}/indicators/${share.id}/series`)).json().items;
  expect(series).toHaveLength(8);
  expect(series[0].value).toBeGreaterThan(40);
  expect(series[0].value).toBeLessThan(80);
  const [campaign] = (await coordinator.get(`/chains/${chainId}/campaigns`)).json().items;
  const completion = (await coordinator.get(`/chains/${chainId}/campaigns/${campaign.id}/completion`)).json();
  expect(completion.filter((c: { submitted: number }) => c.submitted === 0)).toHaveLength(3);
  const alerts = (await coordinator.get(`/chains/${chainId}/alerts`)).json().items;
  expect(new Set(alerts.map((a: { kind: string }) => a.kind))).toEqual(
    new Set(['off_track', 'outlier', 'missing_data']),
  );
  expect((await coordinator.get(`/chains/${chainId}/successes`)).json().items.length).toBeGreaterThan(0);

  // Mediation and innovation: a closed proposal that adopted a goal, an open one, a signed agreement in
  // two versions, a resolved conflict, ideas at every stage, a serendipity entry that became an idea.
  const proposals = (await coordinator.get(`/chains/${chainId}/proposals`)).json().items;
  const closed = proposals.find((p: { status: string }) => p.status === 'closed');
  expect(closed).toMatchObject({ outcome: 'consensus', subject: { type: 'goal' } });
  expect((await coordinator.get(`/chains/${chainId}/goals/${closed.subject.id}`)).json().status).toBe(
    'adopted',
  );
  expect(proposals.filter((p: { status: string }) => p.status === 'open')).toHaveLength(1);
  const agreements = (await coordinator.get(`/chains/${chainId}/agreements`)).json().items;
  const signed = agreements.find((g: { status: string }) => g.status === 'signed');
  expect(
    (await coordinator.get(`/chains/${chainId}/agreements/${signed.id}/versions`)).json().items,
  ).toHaveLength(2);
  expect((await coordinator.get(`/chains/${chainId}/conflicts`)).json().items[0].status).toBe('resolved');
  const ideas = (await coordinator.get(`/chains/${chainId}/ideas`)).json().items;
  expect(new Set(ideas.map((i: { status: string }) => i.status))).toEqual(
    new Set(['idea', 'testing', 'adopted', 'abandoned']),
  );
  expect(ideas.some((i: { serendipityId: string | null }) => i.serendipityId)).toBe(true);
});

/**
 * Loads a fresh demo as on `day` (by default as `npx tisserand demo` does, today), runs that day's
 * reminders, answers the coordinator's unread notifications.
 */
async function coordinatorNotificationsOnLoadDay(app: TestApp, day?: string) {
  const chainId = await loadDemo(app.database.db, day);
  day ??= todayIso();
  await runReminders(app.database.db, day);
  await runConnectorReminders(app.database.db, day);
  const coordinator = await Client.signIn(app.app, DEMO_USERS[0].email, DEMO_PASSWORD);
  const answer = await coordinator.get(`/chains/${chainId}/notifications?unread=true`);
  expect(answer.statusCode).toBe(200);
  return (answer.json().items as { kind: string }[]).map((n) => n.kind);
}

it('gives the coordinator one follow-up due and nothing else, whatever the day the demo loads', async () => {
  // The journeys and the first visit rely on it: the bell shows one unread notification.
  for (const day of [undefined, '2029-05-10']) {
    const app = await createTestApp();
    try {
      expect(await coordinatorNotificationsOnLoadDay(app, day)).toEqual(['follow_up']);
    } finally {
      await app.close();
    }
  }
});
