import argon2 from 'argon2';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, Client, createTestApp, PASSWORD, type TestApp } from '../../../test/helpers';
import { buildApp } from '../../app';
import { sessions, users } from '../../db/schema/index';
import { ARGON2_OPTIONS, verifyPassword } from '../../lib/passwords';
import {
  LOGIN_MAX_PER_ACCOUNT,
  LOGIN_MAX_PER_IP,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
} from './auth.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (email: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
    remoteAddress: ip,
  });

describe('sign-in, session, sign-out', () => {
  it('signs in with the right password and answers the user and a CSRF token', async () => {
    const user = await buildUser(t.database, { name: 'Léa Meunier' });
    const res = await login(user.email.toUpperCase(), PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toEqual({
      id: user.id,
      email: user.email,
      name: 'Léa Meunier',
      locale: 'fr',
      isAdmin: false,
    });
    expect(body.twoFactor).toEqual({ enabled: false, enrolmentRequired: false });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = res.cookies.find((c) => c.name === 'tisserand_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.secure).toBeFalsy();
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('refuses a wrong password or an unknown account with the same 401 problem', async () => {
    const user = await buildUser(t.database);
    const wrong = await login(user.email, 'not-the-password', '10.0.0.2');
    const unknown = await login('nobody@example.org', PASSWORD, '10.0.0.2');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        status: 401,
        title: 'Unauthorized',
        detail: 'Wrong e-mail or password.',
      });
    }
  });

  it('opens a new session id at every sign-in, and sign-out ends that session at once', async () => {
    const user = await buildUser(t.database);
    const a = await Client.signIn(t.app, user.email);
    const b = await Client.signIn(t.app, user.email);
    expect(a.cookie).not.toBe(b.cookie);
    expect((await a.get('/auth/session')).statusCode).toBe(200);
    expect((await a.post('/auth/logout')).statusCode).toBe(204);
    expect((await a.get('/auth/session')).statusCode).toBe(401);
    expect((await a.get('/chains')).statusCode).toBe(401);
    // The other session is untouched.
    expect((await b.get('/chains')).statusCode).toBe(200);
  });

  it('sets the Secure flag when configured for HTTPS', async () => {
    const app = await buildApp({ database: t.database, secureCookies: true });
    const user = await buildUser(t.database);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: PASSWORD },
    });
    expect(res.cookies.find((c) => c.name === 'tisserand_session')?.secure).toBe(true);
    await app.close();
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const user = await buildUser(t.database);
    const c = await Client.signIn(t.app, user.email);
    const missing = await c.post('/me/tokens', { name: 'x' }, { 'x-csrf-token': '' });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().detail).toMatch(/csrf/i);
    const wrong = await c.post('/me/tokens', { name: 'x' }, { 'x-csrf-token': 'forged' });
    expect(wrong.statusCode).toBe(403);
    const ok = await c.post('/me/tokens', { name: 'x' });
    expect(ok.statusCode).toBe(201);
  });

  it('changing the password ends the other sessions', async () => {
    const user = await buildUser(t.database);
    const a = await Client.signIn(t.app, user.email);
    const b = await Client.signIn(t.app, user.email);
    const res = await a.post('/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'a-new-long-passphrase-42',
    });
    expect(res.statusCode).toBe(204);
    expect((await b.get('/chains')).statusCode).toBe(401);
    expect((await a.get('/chains')).statusCode).toBe(200);
    expect((await login(user.email, PASSWORD, '10.0.0.9')).statusCode).toBe(401);
    expect((await login(user.email, 'a-new-long-passphrase-42', '10.0.0.9')).statusCode).toBe(200);
  });
});

describe('throttling', () => {
  it('answers 429 after repeated failures on one account, even with the right password', async () => {
    const user = await buildUser(t.database);
    for (let i = 0; i < LOGIN_MAX_PER_ACCOUNT; i++) {
      expect((await login(user.email, 'wrong-password', `10.1.0.${i}`)).statusCode).toBe(401);
    }
    const blocked = await login(user.email, PASSWORD, '10.1.1.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    expect(blocked.headers['content-type']).toContain('application/problem+json');
  });

  it('answers 429 to an address that fails on many accounts', async () => {
    const ip = '10.2.0.1';
    for (let i = 0; i < LOGIN_MAX_PER_IP; i++) {
      expect((await login(`ghost${i}@example.org`, 'wrong-password', ip)).statusCode).toBe(401);
    }
    const user = await buildUser(t.database);
    expect((await login(user.email, PASSWORD, ip)).statusCode).toBe(429);
    expect((await login(user.email, PASSWORD, '10.2.0.2')).statusCode).toBe(200);
  });

  it('keeps its counters in the database, shared by every server', async () => {
    const user = await buildUser(t.database);
    const other = await buildApp({ database: t.database });
    for (let i = 0; i < LOGIN_MAX_PER_ACCOUNT; i++) await login(user.email, 'wrong-password', `10.3.0.${i}`);
    const res = await other.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: PASSWORD },
      remoteAddress: '10.3.1.1',
    });
    expect(res.statusCode).toBe(429);
    await other.close();
  });
});

describe('API tokens', () => {
  it('authenticates with a Bearer token without CSRF, lists it and stops at revocation', async () => {
    const user = await buildUser(t.database);
    const c = await Client.signIn(t.app, user.email);
    const created = await c.post('/me/tokens', { name: 'ERP de la minoterie' });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^tis_/);
    const machine = Client.withToken(t.app, token);
    expect((await machine.get('/me')).json().id).toBe(user.id);
    // Bearer writes need no CSRF token.
    expect((await machine.patch('/me', { locale: 'en' })).statusCode).toBe(200);
    const list = await c.get('/me/tokens');
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id,
        name: 'ERP de la minoterie',
        expiresAt: null,
        lastUsedAt: expect.any(String),
      }),
    ]);
    expect(JSON.stringify(list.json())).not.toContain(token);
    expect((await c.delete(`/me/tokens/${id}`)).statusCode).toBe(204);
    expect((await machine.get('/me')).statusCode).toBe(401);
  });

  it('refuses an expired token and an expiry in the past', async () => {
    const user = await buildUser(t.database);
    const c = await Client.signIn(t.app, user.email);
    const past = await c.post('/me/tokens', { name: 'old', expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors).toEqual([{ path: 'body.expiresAt', message: 'must be in the future' }]);
    const soon = new Date(Date.now() + 1500).toISOString();
    const { token } = (await c.post('/me/tokens', { name: 'short', expiresAt: soon })).json();
    expect((await Client.withToken(t.app, token).get('/me')).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 1700));
    expect((await Client.withToken(t.app, token).get('/me')).statusCode).toBe(401);
  });

  it('cannot revoke somebody else’s token', async () => {
    const a = await Client.signIn(t.app, (await buildUser(t.database)).email);
    const b = await Client.signIn(t.app, (await buildUser(t.database)).email);
    const { id } = (await a.post('/me/tokens', { name: 'a' })).json();
    expect((await b.delete(`/me/tokens/${id}`)).statusCode).toBe(404);
  });
});

describe('accounts', () => {
  it('lets only instance admins create users', async () => {
    const admin = await Client.signIn(t.app, (await buildUser(t.database, { isAdmin: true })).email);
    const someone = await Client.signIn(t.app, (await buildUser(t.database)).email);
    const body = { email: 'nouvelle@example.org', name: 'Nouvelle', password: 'semis-de-printemps-2026' };
    expect((await someone.post('/users', body)).statusCode).toBe(403);
    expect((await Client.anonymous(t.app).post('/users', body)).statusCode).toBe(401);
    const res = await admin.post('/users', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: 'nouvelle@example.org', isAdmin: false, locale: 'fr' });
    expect((await admin.post('/users', body)).statusCode).toBe(409);
    expect((await login('nouvelle@example.org', 'semis-de-printemps-2026', '10.5.0.1')).statusCode).toBe(200);
  });

  it('refuses short, long and common passwords, naming the field', async () => {
    const admin = await Client.signIn(t.app, (await buildUser(t.database, { isAdmin: true })).email);
    const base = { email: 'pw@example.org', name: 'PW' };
    for (const password of ['short', 'x'.repeat(129), 'password123', 'iloveyou2']) {
      const res = await admin.post('/users', { ...base, password });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('body.password');
    }
  });

  it('stores passwords as argon2id with at least 19 MiB and 2 passes', async () => {
    const user = await buildUser(t.database);
    const { users } = await import('../../db/schema/index');
    const { eq } = await import('drizzle-orm');
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    const hash = row?.passwordHash ?? '';
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(Number(/m=(\d+)/.exec(hash)?.[1])).toBeGreaterThanOrEqual(19456);
    expect(Number(/t=(\d+)/.exec(hash)?.[1])).toBeGreaterThanOrEqual(2);
  });
});

describe('session lifetimes', () => {
  const MINUTE = 60 * 1000;
  /** Moves a session's stored timestamps back in time, as if `ms` had passed. */
  const age = async (userId: string, fields: { idle?: number; absolute?: number }) => {
    if (fields.idle !== undefined)
      await t.database.db
        .update(sessions)
        .set({ lastSeenAt: new Date(Date.now() - fields.idle) })
        .where(eq(sessions.userId, userId));
    if (fields.absolute !== undefined)
      await t.database.db
        .update(sessions)
        .set({
          createdAt: sql`${sessions.createdAt} - make_interval(secs => ${fields.absolute / 1000})`,
          expiresAt: sql`${sessions.expiresAt} - make_interval(secs => ${fields.absolute / 1000})`,
        })
        .where(eq(sessions.userId, userId));
  };

  it('sets a 30-day absolute lifetime on the session and its cookie', async () => {
    const user = await buildUser(t.database);
    const res = await login(user.email, PASSWORD, '10.6.0.1');
    expect(res.cookies.find((c) => c.name === 'tisserand_session')?.maxAge).toBe(SESSION_ABSOLUTE_MS / 1000);
    const [row] = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    const lifetime = (row?.expiresAt.getTime() ?? 0) - (row?.createdAt.getTime() ?? 0);
    expect(Math.abs(lifetime - SESSION_ABSOLUTE_MS)).toBeLessThan(MINUTE);
  });

  it('ends a session unused for 7 days, and keeps one used within them', async () => {
    const user = await buildUser(t.database);
    const c = await Client.signIn(t.app, user.email);
    await age(user.id, { idle: SESSION_IDLE_MS - 10 * MINUTE });
    expect((await c.get('/me')).statusCode).toBe(200);
    // That use moved the idle clock: the session lives on.
    const [row] = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(Date.now() - (row?.lastSeenAt.getTime() ?? 0)).toBeLessThan(MINUTE);
    await age(user.id, { idle: SESSION_IDLE_MS + MINUTE });
    expect((await c.get('/me')).statusCode).toBe(401);
    expect((await c.get('/auth/session')).statusCode).toBe(401);
  });

  it('ends a session 30 days after sign-in even when used every day', async () => {
    const user = await buildUser(t.database);
    const c = await Client.signIn(t.app, user.email);
    await age(user.id, { absolute: SESSION_ABSOLUTE_MS - 10 * MINUTE, idle: 0 });
    expect((await c.get('/me')).statusCode).toBe(200);
    await age(user.id, { absolute: 11 * MINUTE, idle: 0 });
    expect((await c.get('/me')).statusCode).toBe(401);
  });
});

describe('password rehash', () => {
  it('re-hashes a password stored with weaker argon2id parameters at the next sign-in', async () => {
    const user = await buildUser(t.database);
    const weak = await argon2.hash(PASSWORD, {
      type: argon2.argon2id,
      memoryCost: 8192,
      timeCost: 1,
      parallelism: 1,
    });
    await t.database.db.update(users).set({ passwordHash: weak }).where(eq(users.id, user.id));
    expect((await login(user.email, PASSWORD, '10.7.0.1')).statusCode).toBe(200);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    const hash = row?.passwordHash ?? '';
    expect(hash).not.toBe(weak);
    expect(Number(/m=(\d+)/.exec(hash)?.[1])).toBe(ARGON2_OPTIONS.memoryCost);
    expect(Number(/t=(\d+)/.exec(hash)?.[1])).toBe(ARGON2_OPTIONS.timeCost);
    expect(Number(/p=(\d+)/.exec(hash)?.[1])).toBe(ARGON2_OPTIONS.parallelism);
    expect(argon2.needsRehash(hash, ARGON2_OPTIONS)).toBe(false);
    expect(await verifyPassword(hash, PASSWORD)).toBe(true);
    expect((await login(user.email, PASSWORD, '10.7.0.1')).statusCode).toBe(200);
    // A wrong password changes nothing.
    await t.database.db.update(users).set({ passwordHash: weak }).where(eq(users.id, user.id));
    expect((await login(user.email, 'not-the-password', '10.7.0.2')).statusCode).toBe(401);
    const [after] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(after?.passwordHash).toBe(weak);
  });

  it('leaves a hash with the current parameters as it is', async () => {
    const user = await buildUser(t.database);
    const [before] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect((await login(user.email, PASSWORD, '10.7.0.3')).statusCode).toBe(200);
    const [after] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(after?.passwordHash).toBe(before?.passwordHash);
  });
});
