import { and, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { actors, campaigns, members, notifications, users } from '../db/schema/index';
import { addDays, todayIso } from '../lib/dates';
import { newId } from '../lib/ids';
import type { Mailer } from '../lib/mail';
import { campaignCompletion } from '../modules/campaigns/campaigns.routes';
import { runConnectorReminders } from '../modules/notifications/notify';

/** Reminders start this many days before a campaign's due date. */
export const REMIND_DAYS_BEFORE = 3;

const TEXT = {
  fr: {
    dueTitle: (c: string) => `Données attendues : ${c}`,
    dueBody: (a: string, n: number, d: string) =>
      `${a} : ${n} valeur${n > 1 ? 's' : ''} à envoyer d’ici le ${d}.`,
    lateTitle: (c: string) => `Données en retard : ${c}`,
    lateBody: (a: string, n: number, d: string) =>
      `${a} : ${n} valeur${n > 1 ? 's' : ''} attendue${n > 1 ? 's' : ''} le ${d} ne sont pas encore arrivée${n > 1 ? 's' : ''}.`,
  },
  en: {
    dueTitle: (c: string) => `Data expected: ${c}`,
    dueBody: (a: string, n: number, d: string) => `${a}: ${n} value${n > 1 ? 's' : ''} to send by ${d}.`,
    lateTitle: (c: string) => `Data overdue: ${c}`,
    lateBody: (a: string, n: number, d: string) =>
      `${a}: ${n} value${n > 1 ? 's' : ''} due on ${d} ${n > 1 ? 'have' : 'has'} not arrived yet.`,
  },
};

/**
 * In-app reminders (and e-mail when a mailer is given) to the partners of respondents that have
 * not sent a campaign's data: once in the days before the due date, once after it. A unique
 * dedupe key per notification keeps several servers, or several runs, from sending one twice.
 */
export async function runReminders(db: Db, today: string, mailer: Mailer | null = null): Promise<number> {
  const open = await db.select().from(campaigns).where(eq(campaigns.status, 'open'));
  let sent = 0;
  for (const campaign of open) {
    const phase =
      today > campaign.dueDate
        ? 'late'
        : today >= addDays(campaign.dueDate, -REMIND_DAYS_BEFORE)
          ? 'due'
          : null;
    if (!phase) continue;
    const completion = await campaignCompletion(db, campaign.chainId, campaign);
    const behind = completion.filter((c) => c.submitted < c.expected);
    if (behind.length === 0) continue;
    const recipients = await db
      .select({
        userId: members.userId,
        actorId: members.actorId,
        email: users.email,
        locale: users.locale,
        actorName: actors.name,
      })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .innerJoin(actors, and(eq(actors.chainId, members.chainId), eq(actors.id, members.actorId)))
      .where(
        and(
          eq(members.chainId, campaign.chainId),
          eq(members.role, 'partner'),
          inArray(
            members.actorId,
            behind.map((b) => b.actorId),
          ),
        ),
      );
    for (const r of recipients) {
      const c = behind.find((b) => b.actorId === r.actorId);
      if (!c) continue;
      const t = TEXT[r.locale];
      const missing = c.expected - c.submitted;
      const row = {
        chainId: campaign.chainId,
        id: newId(),
        userId: r.userId,
        kind: phase === 'due' ? 'campaign_due' : 'campaign_overdue',
        title: phase === 'due' ? t.dueTitle(campaign.name) : t.lateTitle(campaign.name),
        body:
          phase === 'due'
            ? t.dueBody(r.actorName, missing, campaign.dueDate)
            : t.lateBody(r.actorName, missing, campaign.dueDate),
        link: `/chains/${campaign.chainId}/campaigns/${campaign.id}`,
        dedupeKey: `${phase}:${campaign.id}:${r.actorId}`,
        // With a mailer, the row is inserted already claimed for e-mail: otherwise another server's
        // `deliverEmails` could see it unsent and mail it too while this one is sending it.
        emailedAt: mailer ? new Date() : null,
      };
      const inserted = await db
        .insert(notifications)
        .values(row)
        .onConflictDoNothing()
        .returning({ id: notifications.id });
      if (inserted.length === 0) continue;
      sent += 1;
      if (mailer) await mailer.send({ to: r.email, subject: row.title, text: `${row.body}\n` });
    }
  }
  return sent;
}

/**
 * Sends by e-mail every notification of the last day not yet e-mailed (proposals, data requests,
 * follow-ups, deadlines, renewals); marks each as sent so that no server sends it twice.
 */
export async function deliverEmails(db: Db, mailer: Mailer): Promise<number> {
  const pending = await db
    .select({
      chainId: notifications.chainId,
      id: notifications.id,
      title: notifications.title,
      body: notifications.body,
      email: users.email,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(
      and(isNull(notifications.emailedAt), gte(notifications.createdAt, new Date(Date.now() - 86_400_000))),
    )
    .limit(500);
  let sent = 0;
  for (const n of pending) {
    // Claim it first: a concurrent server that loses the claim skips it.
    const claimed = await db
      .update(notifications)
      .set({ emailedAt: new Date() })
      .where(
        and(
          eq(notifications.chainId, n.chainId),
          eq(notifications.id, n.id),
          isNull(notifications.emailedAt),
        ),
      )
      .returning({ id: notifications.id });
    if (claimed.length === 0) continue;
    await mailer.send({ to: n.email, subject: n.title, text: `${n.body}\n` });
    sent += 1;
  }
  return sent;
}

/** Runs the reminders now and every 15 minutes (the timer does not keep the process alive). */
export function scheduleReminders(db: Db, mailer: Mailer | null, log: (msg: string) => void) {
  const run = async () => {
    const today = todayIso();
    try {
      await runReminders(db, today, mailer);
      await runConnectorReminders(db, today);
      if (mailer) await deliverEmails(db, mailer);
    } catch (err) {
      log(`reminders failed: ${String(err)}`);
    }
  };
  void run();
  const timer = setInterval(run, 15 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
