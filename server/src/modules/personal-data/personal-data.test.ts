import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  buildChain,
  buildUser,
  Client,
  createTestApp,
  PASSWORD,
  type TestApp,
} from '../../../test/helpers';
import { queryRows } from '../../db/client';
import { recordAudit } from '../audit/audit.service';
import { notifyUsers } from '../notifications/notify';
import { ERASED_CHANGES } from './personal-data.repository';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Every column of every row of every table, global and tenant, as text (lower case). */
async function everyRow(): Promise<{ table: string; text: string }[]> {
  const tables = await queryRows<{ schema: string; name: string }>(
    t.database.db,
    sql`select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`,
  );
  expect(tables.map((x) => x.name)).toEqual(expect.arrayContaining(['audit_log', 'notifications', 'users']));
  const out: { table: string; text: string }[] = [];
  for (const table of tables) {
    const rows = await queryRows<{ text: string }>(
      t.database.db,
      sql`select row_to_json(t)::text as text from ${sql.identifier(table.schema)}.${sql.identifier(table.name)} t`,
    );
    for (const r of rows) out.push({ table: table.name, text: r.text.toLowerCase() });
  }
  return out;
}

/** The tables (and a bit of the row) where any of `needles` still appears. */
async function whereFound(needles: string[]) {
  const rows = await everyRow();
  return rows
    .filter((r) => needles.some((n) => r.text.includes(n.toLowerCase())))
    .map((r) => `${r.table}: ${r.text.slice(0, 200)}`);
}

async function tablesHolding(needles: string[]) {
  return [...new Set((await whereFound(needles)).map((line) => line.split(':')[0]))].sort();
}

let serial = 0;
/** Values unique to one test, so that a grep of the whole database sees only that test's person. */
function unique() {
  serial += 1;
  return `${serial}${Math.floor(Math.random() * 900_000) + 100_000}`;
}

/** A chain with two actors, a partner of each, an observer, and a contact of actor A edited twice. */
async function setup() {
  const n = unique();
  const JOSIANE = {
    name: `Josiane Vérot-Testaz ${n}`,
    role: 'Gérante',
    email: `josiane.verot${n}@ferme-testaz.example`,
    phone: `+33 4 ${n}`,
  };
  const JOSIANE_LATER = { email: `j.verot${n}@testaz.example`, phone: `+33 6 ${n}` };
  const { chain, coordinator, admin } = await buildChain(t);
  const base = `/chains/${chain.id}`;
  const actor = (name: string) =>
    coordinator.post(`${base}/actors`, { name, kind: 'business', role: 'transactional' });
  const a = (await actor('Ferme Testaz')).json();
  const b = (await actor('Moulin de la Sye')).json();
  const partnerA = (await addMember(t, coordinator, chain.id, 'partner', a.id)).client;
  const partnerB = (await addMember(t, coordinator, chain.id, 'partner', b.id)).client;
  const observer = (await addMember(t, coordinator, chain.id, 'observer')).client;
  const contacts = `${base}/actors/${a.id}/contacts`;
  const created = await coordinator.post(contacts, JOSIANE);
  expect(created.statusCode).toBe(201);
  const id = created.json().id as string;
  expect((await coordinator.patch(`${contacts}/${id}`, { email: JOSIANE_LATER.email }, 1)).statusCode).toBe(
    200,
  );
  // The actor's own partner keeps its contacts up to date too.
  expect((await partnerA.patch(`${contacts}/${id}`, { phone: JOSIANE_LATER.phone }, 2)).statusCode).toBe(200);
  const kept = (
    await coordinator.post(contacts, { name: 'Marcel Durandeau', email: 'marcel@example.org' })
  ).json();
  return {
    ...{ chain, base, coordinator, admin, a, b, partnerA, partnerB, observer, contacts, id, kept },
    JOSIANE,
    JOSIANE_LATER,
  };
}

describe('a contact’s personal data', () => {
  it('is exported, as a download, to coordinators and the actor’s own partners only', async () => {
    const { contacts, id, coordinator, partnerA, partnerB, observer, a, JOSIANE, JOSIANE_LATER } =
      await setup();
    const res = await partnerA.get(`${contacts}/${id}/personal-data`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="donnees-personnelles-.+\.json"$/,
    );
    const doc = res.json();
    expect(doc).toMatchObject({
      format: 'tisserand-personal-data',
      subject: 'contact',
      actor: { id: a.id, name: 'Ferme Testaz' },
      contact: { id, version: 3, ...JOSIANE, ...JOSIANE_LATER },
    });
    expect(doc.auditEntries.map((e: { action: string }) => e.action)).toEqual(['create', 'update', 'update']);
    expect(doc.auditEntries[0].changes.name).toEqual({ before: null, after: JOSIANE.name });
    expect(doc.auditEntries[1].changes.email).toEqual({ before: JOSIANE.email, after: JOSIANE_LATER.email });
    expect(doc.auditEntries[2].changes.phone).toEqual({ before: JOSIANE.phone, after: JOSIANE_LATER.phone });
    expect((await coordinator.get(`${contacts}/${id}/personal-data`)).statusCode).toBe(200);

    expect((await partnerB.get(`${contacts}/${id}/personal-data`)).statusCode).toBe(403);
    expect((await observer.get(`${contacts}/${id}/personal-data`)).statusCode).toBe(403);
    // A coordinator of another chain (not an instance admin, who acts in every chain).
    const other = await buildChain(t);
    const outsider = (await addMember(t, other.coordinator, other.chain.id, 'coordinator')).client;
    expect((await outsider.get(`${contacts}/${id}/personal-data`)).statusCode).toBe(404);
    // A contact of another actor, or an unknown one, is not found.
    const wrongActor = contacts.replace(a.id, '0190f000-0000-7000-8000-000000000000');
    expect((await coordinator.get(`${wrongActor}/${id}/personal-data`)).statusCode).toBe(404);
  });

  it('is erased by coordinators only, everywhere but in pseudonymised audit entries', async () => {
    const { base, contacts, id, kept, coordinator, partnerA, partnerB, observer, JOSIANE, JOSIANE_LATER } =
      await setup();
    const needles = [JOSIANE.name, JOSIANE.email, JOSIANE.phone, JOSIANE_LATER.email, JOSIANE_LATER.phone];
    // Everywhere the app copies a contact: its row and the changes of its audit entries.
    expect(await tablesHolding(needles)).toEqual(['audit_log', 'contacts']);

    const url = `${contacts}/${id}/personal-data`;
    for (const client of [partnerA, partnerB, observer])
      expect((await client.delete(url, 3)).statusCode).toBe(403);
    const other = await buildChain(t);
    const outsider = (await addMember(t, other.coordinator, other.chain.id, 'coordinator')).client;
    expect((await outsider.delete(url, 3)).statusCode).toBe(404);
    expect((await coordinator.delete(url)).statusCode).toBe(428);
    expect((await coordinator.delete(url, 2)).statusCode).toBe(412);
    expect((await whereFound(needles)).length).toBeGreaterThan(0);

    expect((await coordinator.delete(url, 3)).statusCode).toBe(204);
    expect(await whereFound(needles)).toEqual([]);
    expect((await coordinator.get(`${contacts}/${id}`)).statusCode).toBe(404);
    expect((await coordinator.delete(url, 3)).statusCode).toBe(404);

    // The history is kept: who did what and when, about which entity, without the personal data.
    const audit = await coordinator.get(`${base}/audit?entityId=${id}&limit=50`);
    expect(audit.statusCode).toBe(200);
    const entries = audit.json().items as { action: string; entityType: string; changes: unknown }[];
    expect(entries.map((e) => e.action)).toEqual(['delete', 'update', 'update', 'create']);
    for (const e of entries) {
      expect(e.entityType).toBe('contact');
      expect(e.changes).toEqual(ERASED_CHANGES);
    }
    // Another contact of the same actor is untouched, and so is its history.
    const keptNow = await coordinator.get(`${contacts}/${kept.id}`);
    expect(keptNow.json()).toMatchObject({ name: 'Marcel Durandeau', email: 'marcel@example.org' });
    const otherAudit = (await coordinator.get(`${base}/audit?entityId=${kept.id}`)).json().items;
    expect(otherAudit[0].changes.name).toEqual({ before: null, after: 'Marcel Durandeau' });
  });
});

describe('the append-only journal', () => {
  it('accepts only the erased marker, only in an erasure transaction, and nothing else changed', async () => {
    const { chain } = await buildChain(t);
    const db = t.database.db;
    const marker = JSON.stringify(ERASED_CHANGES);
    const attempt = (setting: boolean, set: ReturnType<typeof sql>) =>
      db.transaction(async (tx) => {
        if (setting) await tx.execute(sql`select set_config('tisserand.erasure', 'on', true)`);
        await tx.execute(sql`update audit_log set ${set} where chain_id = ${chain.id}`);
      });
    await expect(attempt(false, sql`changes = ${marker}::jsonb`)).rejects.toThrow();
    await expect(attempt(true, sql`changes = '{}'::jsonb`)).rejects.toThrow();
    await expect(attempt(true, sql`changes = ${marker}::jsonb, action = 'delete'`)).rejects.toThrow();
    await expect(attempt(true, sql`changes = ${marker}::jsonb, user_id = null`)).rejects.toThrow();
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('tisserand.erasure', 'on', true)`);
        await tx.execute(sql`delete from audit_log where chain_id = ${chain.id}`);
      }),
    ).rejects.toThrow();
    await attempt(true, sql`changes = ${marker}::jsonb`);
    // The setting ends with its transaction.
    await expect(db.execute(sql`update audit_log set changes = ${marker}::jsonb`)).rejects.toThrow();
  });
});

describe('a user’s personal data', () => {
  async function setupUser() {
    const n = unique();
    const HORTENSE = { name: `Hortense Baladier-Quint ${n}`, email: `hortense.baladier${n}@example.net` };
    const { chain, base, coordinator, admin, a } = await setup();
    const user = await buildUser(t.database, HORTENSE);
    const added = await coordinator.post(`${base}/members`, { userId: user.id, role: 'coordinator' });
    expect(added.statusCode).toBe(201);
    const client = await Client.signIn(t.app, HORTENSE.email);
    // Sign-in counters keep the e-mail address.
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: HORTENSE.email, password: 'not-the-password-at-all' },
    });
    expect(wrong.statusCode).toBe(401);
    const token = (await client.post('/me/tokens', { name: 'Tableur de suivi' })).json().token as string;
    const stage = (await client.post(`${base}/stages`, { name: 'Transformation', position: 0 })).json();
    await notifyUsers(t.database.db, chain.id, [user.id], {
      kind: 'test',
      title: { fr: 'Bonjour', en: 'Hello' },
      body: { fr: 'Une relance', en: 'A reminder' },
      link: null,
      dedupeKey: `test:${user.id}`,
    });
    // An audit entry that copied the user's e-mail and name (as older member entries could).
    await recordAudit(t.database.db, {
      chainId: chain.id,
      userId: admin.id,
      action: 'update',
      entityType: 'member',
      entityId: added.json().id,
      before: null,
      after: { email: HORTENSE.email, name: HORTENSE.name },
    });
    // A table added later that refers to users by name is covered without code.
    await t.database.db.execute(
      sql`create table if not exists probe_reviews (chain_id uuid not null, id uuid not null, reviewed_by uuid)`,
    );
    await t.database.db.execute(sql`insert into probe_reviews values (${chain.id}, ${stage.id}, ${user.id})`);
    return { chain, base, coordinator, admin, a, user, client, token, stage, HORTENSE };
  }

  it('is exported to the user: account without secrets, sessions, tokens, memberships and every reference', async () => {
    const { chain, user, client, stage, HORTENSE } = await setupUser();
    expect((await Client.anonymous(t.app).get('/me/personal-data')).statusCode).toBe(401);
    const res = await client.get('/me/personal-data');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="mes-donnees-tisserand-.+\.json"$/,
    );
    const doc = res.json();
    expect(doc).toMatchObject({ format: 'tisserand-personal-data', subject: 'user' });
    expect(doc.account).toMatchObject({ id: user.id, email: HORTENSE.email, name: HORTENSE.name });
    const text = res.body;
    for (const secret of ['password_hash', 'totp_secret', 'csrf', 'token_hash', 'code_hash', 'salt'])
      expect(text).not.toContain(secret);
    expect(doc.sessions).toHaveLength(1);
    expect(Object.keys(doc.sessions[0]).sort()).toEqual(['createdAt', 'current', 'expiresAt', 'lastSeenAt']);
    expect(doc.sessions[0].current).toBe(true);
    expect(doc.apiTokens).toEqual([expect.objectContaining({ name: 'Tableur de suivi' })]);
    expect(doc.memberships).toEqual([
      expect.objectContaining({ chainId: chain.id, chainName: 'Filière blé', role: 'coordinator' }),
    ]);
    expect(Object.keys(doc.references)).toEqual(
      expect.arrayContaining(['audit_log', 'members', 'notifications', 'probe_reviews']),
    );
    const made = doc.references.audit_log as Record<string, unknown>[];
    expect(made).toContainEqual(
      expect.objectContaining({ entity_id: stage.id, action: 'create', user_id: user.id }),
    );
    expect(made.every((row) => !('changes' in row))).toBe(true);
    expect(doc.references.notifications[0]).toMatchObject({ title: 'Bonjour', user_id: user.id });
    expect(doc.references.probe_reviews).toEqual([
      { chain_id: chain.id, id: stage.id, reviewed_by: user.id },
    ]);
    expect(doc.auditEntriesAboutYou).toContainEqual(
      expect.objectContaining({ chainId: chain.id, entityType: 'member', action: 'create' }),
    );
  });

  it('is erased by an instance admin: a pseudonymous tombstone, no session, nothing left to find', async () => {
    const { base, coordinator, admin, user, client, token, stage, HORTENSE } = await setupUser();
    const needles = [HORTENSE.email, HORTENSE.name];
    expect(await tablesHolding(needles)).toEqual(['audit_log', 'rate_limits', 'users']);

    const url = `/users/${user.id}/personal-data`;
    expect((await client.delete(url)).statusCode).toBe(403);
    expect((await coordinator.delete(`/users/${admin.id}/personal-data`)).statusCode).toBe(409);
    expect(
      (await coordinator.delete('/users/0190f000-0000-7000-8000-000000000000/personal-data')).statusCode,
    ).toBe(404);
    expect((await coordinator.delete(url)).statusCode).toBe(204);
    expect(await whereFound(needles)).toEqual([]);

    // Signed out everywhere, tokens gone, and nobody signs in to it again.
    expect((await client.get('/me')).statusCode).toBe(401);
    expect((await Client.withToken(t.app, token).get('/me')).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: HORTENSE.email, password: PASSWORD },
    });
    expect(login.statusCode).toBe(401);

    const [account] = await queryRows<Record<string, unknown>>(
      t.database.db,
      sql`select email, name, is_admin from users where id = ${user.id}`,
    );
    expect(account).toEqual({ email: `erased-${user.id}@invalid`, name: 'Compte effacé', is_admin: false });
    // The chain's history keeps the pseudonymous id; the membership is gone (and audited).
    expect((await coordinator.get(`${base}/members/${user.id}`)).statusCode).toBe(404);
    const stageAudit = (await coordinator.get(`${base}/audit?entityId=${stage.id}`)).json().items;
    expect(stageAudit[0]).toMatchObject({ userId: user.id, action: 'create' });
    expect(stageAudit[0].changes.name).toEqual({ before: null, after: 'Transformation' });
    const all = await coordinator.get(`${base}/audit?limit=200`);
    expect(all.statusCode).toBe(200);
    expect(all.json().items[0]).toMatchObject({ entityType: 'member', action: 'delete', userId: admin.id });
    // Erasing twice changes nothing.
    expect((await coordinator.delete(url)).statusCode).toBe(204);
  });
});
