import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { agreements, interactions, members, notifications, resources, users } from '../../db/schema/index';
import { addDays } from '../../lib/dates';
import { newId } from '../../lib/ids';

export interface NotificationInput {
  kind: string;
  title: { fr: string; en: string };
  body: { fr: string; en: string };
  link: string | null;
  dedupeKey: string;
}

/** Notifies users (each in their own language), once per dedupe key. Answers how many were new. */
export async function notifyUsers(
  tx: Db | Tx,
  chainId: string,
  userIds: string[],
  n: NotificationInput,
): Promise<number> {
  if (userIds.length === 0) return 0;
  const people = await tx
    .select({ id: users.id, locale: users.locale })
    .from(users)
    .where(inArray(users.id, [...new Set(userIds)]));
  if (people.length === 0) return 0;
  const inserted = await tx
    .insert(notifications)
    .values(
      people.map((p) => ({
        chainId,
        id: newId(),
        userId: p.id,
        kind: n.kind,
        title: n.title[p.locale],
        body: n.body[p.locale],
        link: n.link,
        dedupeKey: n.dedupeKey,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return inserted.length;
}

/** The users who speak for these actors (their partners). */
export async function partnersOf(tx: Db | Tx, chainId: string, actorIds: string[]): Promise<string[]> {
  if (actorIds.length === 0) return [];
  const rows = await tx
    .select({ userId: members.userId })
    .from(members)
    .where(
      and(eq(members.chainId, chainId), eq(members.role, 'partner'), inArray(members.actorId, actorIds)),
    );
  return rows.map((r) => r.userId);
}

export async function coordinatorsOf(tx: Db | Tx, chainId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: members.userId })
    .from(members)
    .where(and(eq(members.chainId, chainId), eq(members.role, 'coordinator')));
  return rows.map((r) => r.userId);
}

/**
 * Follow-ups due (exchanges journal) and outside-resource deadlines within 14 days, for coordinators;
 * renewals of signed agreements expiring within 60 days, for coordinators and the parties' partners.
 */
export async function runConnectorReminders(db: Db, today: string): Promise<number> {
  let sent = 0;
  const due = await db.select().from(interactions).where(lte(interactions.followUpDate, today));
  for (const i of due) {
    sent += await notifyUsers(db, i.chainId, await coordinatorsOf(db, i.chainId), {
      kind: 'follow_up',
      title: { fr: 'Relance à faire', en: 'Follow-up due' },
      body: {
        fr: `Relance prévue le ${i.followUpDate} : ${i.summary.slice(0, 140)}`,
        en: `Follow-up due on ${i.followUpDate}: ${i.summary.slice(0, 140)}`,
      },
      link: `/chains/${i.chainId}/exchanges`,
      dedupeKey: `follow_up:${i.id}:${i.followUpDate}`,
    });
  }
  const soon = await db
    .select()
    .from(resources)
    .where(
      and(
        sql`${resources.deadline} between ${today} and ${addDays(today, 14)}`,
        sql`${resources.status} not in ('obtained', 'declined')`,
      ),
    );
  for (const r of soon) {
    sent += await notifyUsers(db, r.chainId, await coordinatorsOf(db, r.chainId), {
      kind: 'resource_deadline',
      title: { fr: `Échéance : ${r.name}`, en: `Deadline: ${r.name}` },
      body: { fr: `À rendre avant le ${r.deadline}.`, en: `Due by ${r.deadline}.` },
      link: `/chains/${r.chainId}/resources`,
      dedupeKey: `resource_deadline:${r.id}:${r.deadline}`,
    });
  }
  // Renewal reminders: a signed agreement that expires within 60 days.
  const expiring = await db
    .select()
    .from(agreements)
    .where(
      and(
        eq(agreements.status, 'signed'),
        sql`${agreements.expiresOn} between ${today} and ${addDays(today, 60)}`,
      ),
    );
  for (const g of expiring) {
    const people = [
      ...(await coordinatorsOf(db, g.chainId)),
      ...(await partnersOf(db, g.chainId, g.partyActorIds)),
    ];
    sent += await notifyUsers(db, g.chainId, people, {
      kind: 'agreement_renewal',
      title: { fr: `À renouveler : ${g.title}`, en: `To renew: ${g.title}` },
      body: { fr: `L’accord expire le ${g.expiresOn}.`, en: `The agreement expires on ${g.expiresOn}.` },
      link: `/chains/${g.chainId}/agreements/${g.id}`,
      dedupeKey: `agreement_renewal:${g.id}:${g.expiresOn}`,
    });
  }
  return sent;
}
