import { eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, Client, createTestApp, PASSWORD, type TestApp } from '../../../test/helpers';
import { buildApp } from '../../app';
import { loginChallenges, users } from '../../db/schema/index';
import type { App } from '../../http/types';
import { LOGIN_MAX_PER_ACCOUNT } from './auth.service';
import {
  base32Decode,
  base32Encode,
  hotp,
  matchTotp,
  otpauthUri,
  TOTP_STEP_SECONDS,
  totpCode,
  totpStep,
} from './totp';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890', 'ascii'));

describe('TOTP (RFC 6238)', () => {
  it('gives the RFC 6238 SHA-1 test vectors', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, expected] of vectors) {
      expect(totpCode(RFC_SECRET, seconds * 1000, 8), String(seconds)).toBe(expected);
      // Six digits are the last six of the same truncation.
      expect(totpCode(RFC_SECRET, seconds * 1000)).toBe(expected.slice(2));
    }
  });

  it('gives the RFC 4226 HOTP test vectors', () => {
    const key = Buffer.from('12345678901234567890', 'ascii');
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583'];
    expected.forEach((code, counter) => {
      expect(hotp(key, counter)).toBe(code);
    });
  });

  it('accepts the previous, current and next step only, and answers which step matched', () => {
    const now = 1_700_000_000_000;
    const step = totpStep(now);
    const at = (delta: number) => totpCode(RFC_SECRET, now + delta * TOTP_STEP_SECONDS * 1000);
    expect(matchTotp(RFC_SECRET, at(0), now)).toBe(step);
    expect(matchTotp(RFC_SECRET, at(-1), now)).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, at(1), now)).toBe(step + 1);
    expect(matchTotp(RFC_SECRET, at(-2), now)).toBeNull();
    expect(matchTotp(RFC_SECRET, at(2), now)).toBeNull();
    expect(matchTotp(RFC_SECRET, 'abcdef', now)).toBeNull();
    expect(matchTotp(RFC_SECRET, '12345', now)).toBeNull();
  });

  it('round-trips base32 and writes the otpauth URI authenticator apps expect', () => {
    expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode(RFC_SECRET.toLowerCase()).toString('ascii')).toBe('12345678901234567890');
    expect(otpauthUri('léa@example.org', 'ABC')).toBe(
      'otpauth://totp/Tisserand:l%C3%A9a%40example.org?secret=ABC&issuer=Tisserand&algorithm=SHA1&digits=6&period=30',
    );
  });
});

// --- helpers for the HTTP tests ---

const login = (app: App, email: string, password = PASSWORD, ip = '10.20.0.1') =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });

const secondStep = (app: App, challenge: string, code: string, ip = '10.20.0.1') =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login/2fa',
    payload: { challenge, code },
    remoteAddress: ip,
  });

const sessionCookie = (res: LightMyRequestResponse) =>
  res.cookies.find((c) => c.name === 'tisserand_session');

const clientOf = (app: App, res: LightMyRequestResponse) => {
  const cookie = sessionCookie(res);
  if (!cookie) throw new Error('no session cookie');
  return new Client(app, `${cookie.name}=${cookie.value}`, res.json().csrfToken);
};

async function lastStep(userId: string): Promise<number | null> {
  const [row] = await t.database.db
    .select({ step: users.totpLastStep })
    .from(users)
    .where(eq(users.id, userId));
  return row?.step ?? null;
}

/**
 * A code the server accepts now: the current step, else the next one when the current one was
 * used (both stay in the server's window if a step boundary passes meanwhile); waits for the next
 * step when both were used.
 */
async function freshCode(userId: string, secret: string): Promise<string> {
  const last = (await lastStep(userId)) ?? -1;
  let current = totpStep(Date.now());
  if (last + 1 > current + 1) {
    await new Promise((r) => setTimeout(r, (current + 1) * TOTP_STEP_SECONDS * 1000 - Date.now() + 50));
    current = totpStep(Date.now());
  }
  const step = Math.max(current, last + 1);
  return totpCode(secret, step * TOTP_STEP_SECONDS * 1000);
}

/** A wrong code: not the code of any step in the window. */
function wrongCode(secret: string): string {
  const now = Date.now();
  const valid = new Set([-1, 0, 1].map((d) => totpCode(secret, now + d * TOTP_STEP_SECONDS * 1000)));
  for (let i = 0; ; i++) {
    const candidate = String(100000 + i * 7919).slice(0, 6);
    if (!valid.has(candidate)) return candidate;
  }
}

/** A user with 2FA on: answers the secret and the recovery codes. */
async function enrolled(app: App = t.app) {
  const user = await buildUser(t.database);
  const c = clientOf(app, await login(app, user.email));
  const { secret } = (await c.post('/me/2fa/enrolment')).json();
  const activation = await c.post('/me/2fa/activation', { code: await freshCode(user.id, secret) });
  expect(activation.statusCode).toBe(200);
  return { user, secret, recoveryCodes: activation.json().recoveryCodes as string[], client: c };
}

describe('enrolment and sign-in with a second factor', () => {
  it('enrols, activates, then asks for the code at sign-in with a fresh session and no replay', async () => {
    const user = await buildUser(t.database);
    const c = clientOf(t.app, await login(t.app, user.email));
    const other = clientOf(t.app, await login(t.app, user.email));
    expect((await c.get('/auth/session')).json().twoFactor).toEqual({
      enabled: false,
      enrolmentRequired: false,
    });
    expect((await c.get('/me/2fa')).json()).toMatchObject({ enabled: false, pending: false });

    const enrolment = await c.post('/me/2fa/enrolment');
    expect(enrolment.statusCode).toBe(200);
    const { secret, otpauthUri: uri, qrSvg } = enrolment.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/); // 20 random bytes
    expect(base32Decode(secret)).toHaveLength(20);
    expect(uri).toBe(
      `otpauth://totp/Tisserand:${encodeURIComponent(user.email)}?secret=${secret}&issuer=Tisserand&algorithm=SHA1&digits=6&period=30`,
    );
    expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(qrSvg).not.toMatch(/<script|on\w+=/i);
    expect((await c.get('/me/2fa')).json()).toMatchObject({ enabled: false, pending: true });

    // Pending is not active: sign-in still opens a session at once.
    expect(sessionCookie(await login(t.app, user.email))).toBeDefined();

    const wrong = await c.post('/me/2fa/activation', { code: wrongCode(secret) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('body.code');

    const activation = await c.post('/me/2fa/activation', { code: await freshCode(user.id, secret) });
    expect(activation.statusCode).toBe(200);
    const { recoveryCodes } = activation.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    // Stored hashed: no recovery code nor anything readable in the table.
    const stored = await t.database.db.execute(sql`select code_hash, salt from recovery_codes`);
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0].replace('-', ''));
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0]);

    // The session that activated goes on; the account's other sessions (opened without 2FA) end.
    expect((await c.get('/auth/session')).json().twoFactor).toEqual({
      enabled: true,
      enrolmentRequired: false,
    });
    expect((await c.get('/me/2fa')).json()).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect((await other.get('/me')).statusCode).toBe(401);
    // A second enrolment while on is refused.
    expect((await c.post('/me/2fa/enrolment')).statusCode).toBe(409);

    // Sign-in: the password alone gives a challenge and no session cookie.
    const first = await login(t.app, user.email);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ twoFactorRequired: true, challenge: expect.any(String) });
    expect(sessionCookie(first)).toBeUndefined();
    const { challenge } = first.json();

    const bad = await secondStep(t.app, challenge, wrongCode(secret));
    expect(bad.statusCode).toBe(401);
    expect(bad.json().detail).toBe('Wrong code.');
    expect(sessionCookie(bad)).toBeUndefined();

    const code = await freshCode(user.id, secret);
    const good = await secondStep(t.app, challenge, code);
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ user: { id: user.id }, twoFactor: { enabled: true } });
    const cookie = sessionCookie(good);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(`${cookie?.name}=${cookie?.value}`).not.toBe(c.cookie);
    const signedIn = clientOf(t.app, good);
    expect((await signedIn.get('/me')).json().id).toBe(user.id);

    // The challenge is single-use, and the same code is never accepted twice.
    expect((await secondStep(t.app, challenge, recoveryCodes[0])).statusCode).toBe(401);
    const again = (await login(t.app, user.email)).json().challenge;
    const replay = await secondStep(t.app, again, code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().detail).toBe('Wrong code.');
  });

  it('opens a new session id at each completed two-step sign-in', async () => {
    const { user, secret, recoveryCodes } = await enrolled();
    const cookies = new Set<string>();
    for (const useRecovery of [false, true]) {
      const { challenge } = (await login(t.app, user.email)).json();
      const code = useRecovery ? (recoveryCodes[0] ?? '') : await freshCode(user.id, secret);
      const res = await secondStep(t.app, challenge, code);
      expect(res.statusCode).toBe(200);
      cookies.add(sessionCookie(res)?.value ?? '');
    }
    expect(cookies.size).toBe(2);
  });

  it('counts wrong codes in the sign-in throttling, per account', async () => {
    const { user, secret } = await enrolled();
    const { challenge } = (await login(t.app, user.email, PASSWORD, '10.21.0.1')).json();
    for (let i = 0; i < LOGIN_MAX_PER_ACCOUNT; i++) {
      const res = await secondStep(t.app, challenge, wrongCode(secret), `10.21.1.${i}`);
      expect(res.statusCode).toBe(401);
    }
    const blocked = await secondStep(t.app, challenge, await freshCode(user.id, secret), '10.21.2.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    // And the password step too: a known password gives no fresh round of guesses.
    expect((await login(t.app, user.email, PASSWORD, '10.21.2.2')).statusCode).toBe(429);
  });

  it('keeps counting across new challenges: a right password does not reset the failures', async () => {
    const { user, secret } = await enrolled();
    for (let i = 0; i < LOGIN_MAX_PER_ACCOUNT; i++) {
      const { challenge } = (await login(t.app, user.email, PASSWORD, `10.22.0.${i}`)).json();
      expect((await secondStep(t.app, challenge, wrongCode(secret), `10.22.0.${i}`)).statusCode).toBe(401);
    }
    expect((await login(t.app, user.email, PASSWORD, '10.22.1.1')).statusCode).toBe(429);
  });

  it('counts wrong codes per address too', async () => {
    const ip = '10.23.0.1';
    // Spread over accounts so that no account reaches its own limit.
    let failures = 0;
    while (failures < 30) {
      const { user, secret } = await enrolled();
      const { challenge } = (await login(t.app, user.email, PASSWORD, ip)).json();
      for (let i = 0; i < LOGIN_MAX_PER_ACCOUNT - 1 && failures < 30; i++, failures++) {
        expect((await secondStep(t.app, challenge, wrongCode(secret), ip)).statusCode).toBe(401);
      }
    }
    const { user, secret } = await enrolled();
    const { challenge } = (await login(t.app, user.email, PASSWORD, '10.23.0.2')).json();
    expect((await secondStep(t.app, challenge, await freshCode(user.id, secret), ip)).statusCode).toBe(429);
    expect(
      (await secondStep(t.app, challenge, await freshCode(user.id, secret), '10.23.0.2')).statusCode,
    ).toBe(200);
  });

  it('refuses an expired challenge', async () => {
    const { user, secret } = await enrolled();
    const { challenge } = (await login(t.app, user.email)).json();
    await t.database.db
      .update(loginChallenges)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(loginChallenges.userId, user.id));
    const res = await secondStep(t.app, challenge, await freshCode(user.id, secret));
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toMatch(/expired/);
  });

  it('accepts each recovery code once, in any case and spacing', async () => {
    const { user, recoveryCodes, client } = await enrolled();
    const code = recoveryCodes[0] ?? '';
    const first = (await login(t.app, user.email)).json().challenge;
    const used = await secondStep(t.app, first, ` ${code.toUpperCase().replace('-', ' ')} `);
    expect(used.statusCode).toBe(200);
    expect(sessionCookie(used)).toBeDefined();
    const second = (await login(t.app, user.email)).json().challenge;
    expect((await secondStep(t.app, second, code)).statusCode).toBe(401);
    expect((await client.get('/me/2fa')).json().recoveryCodesLeft).toBe(9);
  });

  it('turns off with the password and a code, then signs in with the password alone', async () => {
    const { user, secret, recoveryCodes, client } = await enrolled();
    const del = (body: unknown) => client.request('DELETE', '/me/2fa', body);
    const wrongPassword = await del({ code: await freshCode(user.id, secret), password: 'not-the-password' });
    expect(wrongPassword.statusCode).toBe(400);
    expect(wrongPassword.json().errors[0].path).toBe('body.password');
    const wrong = await del({ code: wrongCode(secret), password: PASSWORD });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('body.code');
    expect((await del({ code: recoveryCodes[1], password: PASSWORD })).statusCode).toBe(204);
    expect((await client.get('/me/2fa')).json()).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    const res = await login(t.app, user.email, PASSWORD, '10.24.0.1');
    expect(sessionCookie(res)).toBeDefined();
    expect(res.json().twoFactor).toEqual({ enabled: false, enrolmentRequired: false });
    expect((await del({ code: recoveryCodes[2], password: PASSWORD })).statusCode).toBe(409);
  });

  it('leaves Bearer API tokens working', async () => {
    const { client } = await enrolled();
    const { token } = (await client.post('/me/tokens', { name: 'ERP' })).json();
    expect((await Client.withToken(t.app, token).get('/chains')).statusCode).toBe(200);
  });
});

describe('TISSERAND_REQUIRE_2FA', () => {
  let strict: App;
  beforeAll(async () => {
    strict = await buildApp({ database: t.database, require2fa: true });
    await strict.ready();
  });
  afterAll(() => strict.close());

  it('restricts an instance admin without 2FA to enrolling, until they enrol', async () => {
    const admin = await buildUser(t.database, { isAdmin: true });
    // A chain to try a chain route on, made outside the restriction.
    const free = clientOf(t.app, await login(t.app, admin.email));
    const chain = (await free.post('/chains', { name: 'Filière lin', region: 'Normandie' })).json();
    expect(chain.id).toBeDefined();

    const res = await login(strict, admin.email);
    expect(res.statusCode).toBe(200);
    expect(res.json().twoFactor).toEqual({ enabled: false, enrolmentRequired: true });
    const c = clientOf(strict, res);
    for (const url of ['/chains', `/chains/${chain.id}/stages`, '/me', '/me/tokens', '/users']) {
      const denied = await c.get(url);
      expect(denied.statusCode, url).toBe(403);
      expect(denied.json().detail, url).toMatch(/two-factor authentication is required/i);
    }
    expect((await c.post('/me/tokens', { name: 'x' })).statusCode).toBe(403);
    expect((await c.get('/auth/session')).json().twoFactor.enrolmentRequired).toBe(true);
    expect((await c.get('/me/2fa')).json().enrolmentRequired).toBe(true);

    const { secret } = (await c.post('/me/2fa/enrolment')).json();
    const activation = await c.post('/me/2fa/activation', { code: await freshCode(admin.id, secret) });
    expect(activation.statusCode).toBe(200);
    // The same session is no longer restricted.
    expect((await c.get('/chains')).statusCode).toBe(200);
    expect((await c.get(`/chains/${chain.id}/stages`)).statusCode).toBe(200);
    expect((await c.get('/auth/session')).json().twoFactor).toEqual({
      enabled: true,
      enrolmentRequired: false,
    });
  });

  it('lets a restricted admin sign out', async () => {
    const admin = await buildUser(t.database, { isAdmin: true });
    const c = clientOf(strict, await login(strict, admin.email));
    expect((await c.post('/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/auth/session')).statusCode).toBe(401);
  });

  it('does not restrict other users, admins with 2FA, nor Bearer tokens', async () => {
    const user = await buildUser(t.database);
    const c = clientOf(strict, await login(strict, user.email));
    expect((await c.get('/chains')).statusCode).toBe(200);

    const { user: admin, secret } = await enrolled();
    await t.database.db.update(users).set({ isAdmin: true }).where(eq(users.id, admin.id));
    const { challenge } = (await login(strict, admin.email)).json();
    const signedIn = clientOf(strict, await secondStep(strict, challenge, await freshCode(admin.id, secret)));
    expect((await signedIn.get('/users')).statusCode).toBe(200);

    const plainAdmin = await buildUser(t.database, { isAdmin: true });
    const free = clientOf(t.app, await login(t.app, plainAdmin.email));
    const { token } = (await free.post('/me/tokens', { name: 'script' })).json();
    expect((await Client.withToken(strict, token).get('/users')).statusCode).toBe(200);
  });

  it('is off by default', async () => {
    const admin = await buildUser(t.database, { isAdmin: true });
    const res = await login(t.app, admin.email);
    expect(res.json().twoFactor).toEqual({ enabled: false, enrolmentRequired: false });
    expect((await clientOf(t.app, res).get('/users')).statusCode).toBe(200);
  });
});
