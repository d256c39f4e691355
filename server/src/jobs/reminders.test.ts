import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, buildChain, createTestApp, type TestApp } from '../../test/helpers';
import { createMailer } from '../lib/mail';
import { deliverEmails, runReminders } from './reminders';

let t: TestApp;
let smtp: SMTPServer;
const received: { to: string; body: string }[] = [];
let port = 0;

beforeAll(async () => {
  t = await createTestApp();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let body = '';
      stream.on('data', (d: Buffer) => {
        body += d.toString();
      });
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await t.close();
});

describe('campaign reminders', () => {
  it('reminds the partners of late respondents before and after the due date, once each, in-app and by e-mail', async () => {
    const { chain, coordinator } = await buildChain(t);
    const base = `/chains/${chain.id}`;
    const farm = async (name: string) =>
      (
        await coordinator.post(`${base}/actors`, {
          name,
          kind: 'business',
          role: 'transactional',
          status: 'engaged',
        })
      ).json();
    const a = await farm('Ferme A');
    const b = await farm('Ferme B');
    const ind = (
      await coordinator.post(`${base}/indicators`, {
        code: 'T',
        name: 'Tonnes',
        category: 'supply',
        periodicity: 'quarter',
        status: 'adopted',
      })
    ).json();
    const partnerA = await addMember(t, coordinator, chain.id, 'partner', a.id);
    const partnerB = await addMember(t, coordinator, chain.id, 'partner', b.id);
    await coordinator.post(`${base}/campaigns`, {
      name: 'T2',
      period: '2025-Q2',
      indicatorIds: [ind.id],
      actorIds: [a.id, b.id],
      dueDate: '2025-07-15',
    });
    await partnerB.client.put(`${base}/observations`, {
      items: [{ indicatorId: ind.id, actorId: b.id, period: '2025-Q2', value: 3 }],
    });
    const mailer = createMailer(`smtp://127.0.0.1:${port}?ignoreTLS=true`);

    expect(await runReminders(t.database.db, '2025-07-01', mailer)).toBe(0);
    expect(await runReminders(t.database.db, '2025-07-13', mailer)).toBe(1);
    expect(await runReminders(t.database.db, '2025-07-14', mailer)).toBe(0);
    expect(await runReminders(t.database.db, '2025-07-16', mailer)).toBe(1);

    const all = (await partnerA.client.get(`${base}/notifications`)).json().items;
    expect(all.map((n: { kind: string }) => n.kind)).toContain('data_requested');
    const notes = all.filter((n: { kind: string }) => n.kind.startsWith('campaign_'));
    expect(notes.map((n: { kind: string }) => n.kind)).toEqual(['campaign_overdue', 'campaign_due']);
    expect(notes[1].body).toContain('Ferme A');
    const forB = (await partnerB.client.get(`${base}/notifications`)).json().items;
    expect(forB.map((n: { kind: string }) => n.kind)).toEqual(['data_requested']);
    expect(received.map((m) => m.to)).toEqual([partnerA.user.email, partnerA.user.email]);
    expect(received[0]?.body).toContain('Ferme A');

    const read = await partnerA.client.post(`${base}/notifications/${notes[0].id}/read`);
    expect(read.statusCode).toBe(204);
    expect((await partnerA.client.get(`${base}/notifications?unread=true`)).json().items).toHaveLength(2);
    expect((await partnerB.client.post(`${base}/notifications/${notes[0].id}/read`)).statusCode).toBe(404);

    // Other notifications (here the data requests) go out by e-mail once, whichever server sends them.
    const before = received.length;
    expect(await deliverEmails(t.database.db, mailer as NonNullable<typeof mailer>)).toBe(2);
    expect(await deliverEmails(t.database.db, mailer as NonNullable<typeof mailer>)).toBe(0);
    expect(
      received
        .slice(before)
        .map((m) => m.to)
        .sort(),
    ).toEqual([partnerA.user.email, partnerB.user.email].sort());
  });
});
