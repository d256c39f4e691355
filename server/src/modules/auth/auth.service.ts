import type { SessionAnswer, TwoFactorChallenge } from '@tisserand/core';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';
import type { Auth, AuthUser } from '../../http/context';
import { badRequest, conflict, notFound, tooManyRequests, unauthorized } from '../../http/errors';
import { hashSecret, newId, randomToken } from '../../lib/ids';
import {
  dummyPasswordHash,
  hashPassword,
  passwordNeedsRehash,
  passwordProblem,
  verifyPassword,
} from '../../lib/passwords';
import type { ChainRowWithMember } from '../chains/chains.repository';
import * as repo from './auth.repository';

export const SESSION_COOKIE = 'tisserand_session';
export const TOKEN_PREFIX = 'tis_';
/** A session lives at most 30 days, and ends after 7 days without use. */
export const SESSION_ABSOLUTE_MS = 30 * 24 * 3600 * 1000;
export const SESSION_IDLE_MS = 7 * 24 * 3600 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;

/** Sign-in throttling: failures per account and per client address in a 15-minute window. */
export const LOGIN_WINDOW_S = 15 * 60;
export const LOGIN_MAX_PER_ACCOUNT = 5;
export const LOGIN_MAX_PER_IP = 30;

export interface AuthOptions {
  /** TISSERAND_REQUIRE_2FA: instance admins without a second factor may only enrol one. */
  require2fa?: boolean | undefined;
}

/** Whether a session must enrol a second factor before anything else. */
export const enrolmentRequired = (user: AuthUser, twoFactorEnabled: boolean, options: AuthOptions) =>
  Boolean(options.require2fa && user.isAdmin && !twoFactorEnabled);

/** Who sends a request and, on a chain route, the chain row and their membership (one query). */
export interface Authenticated {
  auth: Auth;
  /** Present when `chainId` was given: the chain (null fields when there is no such chain). */
  chain?: ChainRowWithMember;
}

/**
 * Finds who sends a request: a Bearer token, else the session cookie. With `chainId` (a chain
 * route), the same query reads the chain and the caller's membership.
 */
export async function authenticate(
  db: Db,
  request: FastifyRequest,
  options: AuthOptions = {},
  chainId?: string,
): Promise<Authenticated | null> {
  const now = new Date();
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) {
    const token = header.slice(7).trim();
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const found = await repo.findToken(db, hashSecret(token), now, chainId);
    if (!found) return null;
    if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
      await repo.touchToken(db, found.tokenId, now);
    }
    return { auth: { user: found.user, via: 'token' }, ...(found.chain ? { chain: found.chain } : {}) };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const idHash = hashSecret(cookie);
  const found = await repo.findSession(db, idHash, now, new Date(now.getTime() - SESSION_IDLE_MS), chainId);
  if (!found) return null;
  if (now.getTime() - found.lastSeenAt.getTime() > TOUCH_EVERY_MS) await repo.touchSession(db, idHash, now);
  return {
    auth: {
      user: found.user,
      via: 'session',
      sessionId: idHash,
      csrfToken: found.csrfToken,
      twoFactorEnabled: found.twoFactorEnabled,
      twoFactorPending: enrolmentRequired(found.user, found.twoFactorEnabled, options),
    },
    ...(found.chain ? { chain: found.chain } : {}),
  };
}

/** The throttling counters of a sign-in attempt: one per account, one per client address. */
export function throttleKeys(email: string, ip: string) {
  return { account: `login:account:${email.trim().toLowerCase()}`, ip: `login:ip:${ip}` };
}

/** 429 when the account or the address has failed too often in the window. */
export async function checkThrottle(db: Db, keys: { account: string; ip: string }) {
  const [accountFailures, ipFailures] = await Promise.all([
    repo.peekRateLimit(db, keys.account, LOGIN_WINDOW_S),
    repo.peekRateLimit(db, keys.ip, LOGIN_WINDOW_S),
  ]);
  if (accountFailures >= LOGIN_MAX_PER_ACCOUNT || ipFailures >= LOGIN_MAX_PER_IP)
    throw tooManyRequests(LOGIN_WINDOW_S);
}

export async function recordFailure(db: Db, keys: { account: string; ip: string }) {
  await repo.hitRateLimit(db, keys.account, LOGIN_WINDOW_S);
  await repo.hitRateLimit(db, keys.ip, LOGIN_WINDOW_S);
}

/** The answer of a successful sign-in, and the cookie value of its new session. */
export interface OpenedSession {
  answer: SessionAnswer;
  secret: string;
}

/** Opens a new session (a fresh random id every time, never one the client chose). */
export async function openSession(
  db: Db,
  user: AuthUser & { totpSecret: string | null },
  options: AuthOptions,
): Promise<OpenedSession> {
  const secret = randomToken();
  const csrfToken = randomToken(24);
  await repo.insertSession(db, {
    id: hashSecret(secret),
    userId: user.id,
    csrfToken,
    expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_MS),
  });
  const authUser: AuthUser = {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    isAdmin: user.isAdmin,
  };
  const enabled = user.totpSecret !== null;
  return {
    answer: {
      user: authUser,
      csrfToken,
      twoFactor: { enabled, enrolmentRequired: enrolmentRequired(authUser, enabled, options) },
    },
    secret,
  };
}

/** How long the second step of a sign-in may wait. */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;

/** A single-use token naming the account whose password was right; the database keeps its sha256. */
async function createChallenge(db: Db, userId: string): Promise<TwoFactorChallenge> {
  const challenge = randomToken();
  await repo.insertChallenge(db, {
    id: hashSecret(challenge),
    userId,
    expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS),
  });
  return { twoFactorRequired: true, challenge };
}

export type LoginResult =
  | ({ kind: 'session' } & OpenedSession)
  | { kind: 'challenge'; challenge: TwoFactorChallenge };

/**
 * Checks credentials under throttling. Without 2FA, opens a new session; with 2FA, answers a
 * short-lived challenge for `loginSecondFactor` (and the account's failure count is not reset
 * until the second step succeeds, so a known password gives no endless code guessing).
 */
export async function login(
  db: Db,
  email: string,
  password: string,
  ip: string,
  options: AuthOptions = {},
): Promise<LoginResult> {
  const keys = throttleKeys(email, ip);
  await checkThrottle(db, keys);

  const user = await repo.findUserByEmail(db, email.trim());
  const ok = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyPassword(await dummyPasswordHash(), password).then(() => false);
  if (!user || !ok) {
    await recordFailure(db, keys);
    throw unauthorized('Wrong e-mail or password.');
  }
  // The parameters were raised since this hash was made: store it again with the current ones.
  if (passwordNeedsRehash(user.passwordHash)) {
    await repo.updateUser(db, user.id, { passwordHash: await hashPassword(password) });
  }
  if (user.totpSecret) {
    return { kind: 'challenge', challenge: await createChallenge(db, user.id) };
  }
  await repo.clearRateLimit(db, keys.account);
  return { kind: 'session', ...(await openSession(db, user, options)) };
}

export const logout = (db: Db, sessionId: string) => repo.deleteSession(db, sessionId);

/** Creates an account; refuses weak or common passwords and taken e-mail addresses. */
export async function createUser(
  db: Db,
  input: {
    email: string;
    name: string;
    password: string;
    locale?: 'fr' | 'en' | undefined;
    isAdmin?: boolean | undefined;
  },
): Promise<AuthUser> {
  const problem = passwordProblem(input.password);
  if (problem)
    throw badRequest('The password is not acceptable.', [{ path: 'body.password', message: problem }]);
  const user = await repo.insertUser(db, {
    id: newId(),
    email: input.email.toLowerCase(),
    name: input.name,
    passwordHash: await hashPassword(input.password),
    locale: input.locale ?? 'fr',
    isAdmin: input.isAdmin ?? false,
  });
  if (!user)
    throw conflict('An account with this e-mail already exists.', [
      { path: 'body.email', message: 'already used' },
    ]);
  return user;
}

/** Changes the caller's password and ends every other session of theirs. */
export async function changePassword(db: Db, auth: Auth, currentPassword: string, newPassword: string) {
  const user = await repo.findUserById(db, auth.user.id);
  if (!user) throw unauthorized();
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw badRequest('The current password is wrong.', [
      { path: 'body.currentPassword', message: 'wrong password' },
    ]);
  }
  const problem = passwordProblem(newPassword);
  if (problem)
    throw badRequest('The password is not acceptable.', [{ path: 'body.newPassword', message: problem }]);
  await repo.updateUser(db, user.id, { passwordHash: await hashPassword(newPassword) });
  await repo.deleteUserSessions(db, user.id, auth.sessionId);
}

export async function createToken(db: Db, userId: string, name: string, expiresAt?: string) {
  if (expiresAt && new Date(expiresAt).getTime() <= Date.now()) {
    throw badRequest('The expiry date is in the past.', [
      { path: 'body.expiresAt', message: 'must be in the future' },
    ]);
  }
  const token = `${TOKEN_PREFIX}${randomToken()}`;
  const row = await repo.insertToken(db, {
    id: newId(),
    userId,
    name,
    tokenHash: hashSecret(token),
    expiresAt: expiresAt ? new Date(expiresAt) : null,
  });
  if (!row) throw new Error('token insert returned nothing');
  return { id: row.id, name: row.name, token };
}

export async function revokeToken(db: Db, userId: string, id: string) {
  if (!(await repo.deleteToken(db, userId, id))) throw notFound('No such token.');
}
