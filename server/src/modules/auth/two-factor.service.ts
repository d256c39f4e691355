import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { TwoFactorEnrolment, TwoFactorStatus } from '@tisserand/core';
import QRCode from 'qrcode';
import type { Db } from '../../db/client';
import type { Auth } from '../../http/context';
import { badRequest, conflict, tooManyRequests, unauthorized } from '../../http/errors';
import { hashSecret, newId, randomToken } from '../../lib/ids';
import { verifyPassword } from '../../lib/passwords';
import * as repo from './auth.repository';
import {
  type AuthOptions,
  checkThrottle,
  enrolmentRequired,
  LOGIN_MAX_PER_IP,
  LOGIN_WINDOW_S,
  type OpenedSession,
  openSession,
  recordFailure,
  throttleKeys,
} from './auth.service';
import { base32Encode, matchTotp, newTotpSecret, otpauthUri } from './totp';

export const RECOVERY_CODE_COUNT = 10;

/** `abcde-fghij`: 10 base32 characters (50 random bits), easy to read back from paper. */
function newRecoveryCode(): string {
  const raw = base32Encode(randomBytes(8)).slice(0, 10).toLowerCase();
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

/** What is compared: letters and digits only, lower case (dashes and spaces are for reading). */
const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

const hashRecoveryCode = (salt: string, code: string) =>
  createHash('sha256')
    .update(`${salt}:${normalizeRecoveryCode(code)}`)
    .digest();

const isTotpShaped = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ''));

/**
 * Checks a TOTP code (never accepting the same step twice) or spends a recovery code.
 * Answers whether the code was good.
 */
export async function verifySecondFactor(
  db: Db,
  user: { id: string; totpSecret: string | null },
  code: string,
): Promise<boolean> {
  if (!user.totpSecret) return false;
  if (isTotpShaped(code)) {
    const step = matchTotp(user.totpSecret, code.replace(/\s/g, ''));
    return step !== null && (await repo.consumeTotpStep(db, user.id, step));
  }
  if (normalizeRecoveryCode(code).length !== 10) return false;
  for (const row of await repo.unusedRecoveryCodes(db, user.id)) {
    const stored = Buffer.from(row.codeHash, 'hex');
    const given = hashRecoveryCode(row.salt, code);
    if (stored.length === given.length && timingSafeEqual(stored, given))
      return repo.spendRecoveryCode(db, row.id);
  }
  return false;
}

/** The second step of a sign-in: a challenge from `login` and a TOTP or recovery code. */
export async function loginSecondFactor(
  db: Db,
  challenge: string,
  code: string,
  ip: string,
  options: AuthOptions,
): Promise<OpenedSession> {
  const now = new Date();
  const idHash = hashSecret(challenge);
  const found = await repo.findChallenge(db, idHash, now);
  const user = found ? await repo.findUserById(db, found.userId) : undefined;
  if (!user?.totpSecret) {
    // An unknown challenge counts against the address, like a wrong password.
    const ipKey = throttleKeys('', ip).ip;
    if ((await repo.peekRateLimit(db, ipKey, LOGIN_WINDOW_S)) >= LOGIN_MAX_PER_IP)
      throw tooManyRequests(LOGIN_WINDOW_S);
    await repo.hitRateLimit(db, ipKey, LOGIN_WINDOW_S);
    throw unauthorized('This sign-in has expired or was already completed: sign in again.');
  }
  const keys = throttleKeys(user.email, ip);
  await checkThrottle(db, keys);
  if (!(await verifySecondFactor(db, user, code))) {
    await recordFailure(db, keys);
    throw unauthorized('Wrong code.');
  }
  if (!(await repo.spendChallenge(db, idHash, now)))
    throw unauthorized('This sign-in has expired or was already completed: sign in again.');
  await repo.clearRateLimit(db, keys.account);
  return openSession(db, user, options);
}

export async function twoFactorStatus(db: Db, auth: Auth, options: AuthOptions): Promise<TwoFactorStatus> {
  const user = await repo.findUserById(db, auth.user.id);
  if (!user) throw unauthorized();
  const enabled = user.totpSecret !== null;
  return {
    enabled,
    pending: !enabled && user.totpPendingSecret !== null,
    enabledAt: user.totpEnabledAt ? user.totpEnabledAt.toISOString() : null,
    recoveryCodesLeft: enabled ? await repo.countUnusedRecoveryCodes(db, user.id) : 0,
    enrolmentRequired: enrolmentRequired(auth.user, enabled, options),
  };
}

/** Starts an enrolment: a new secret kept pending until a code made from it comes back. */
export async function startEnrolment(db: Db, auth: Auth): Promise<TwoFactorEnrolment> {
  const user = await repo.findUserById(db, auth.user.id);
  if (!user) throw unauthorized();
  if (user.totpSecret) throw conflict('Two-factor authentication is already on; turn it off first.');
  const secret = newTotpSecret();
  await repo.setPendingTotp(db, user.id, secret);
  const uri = otpauthUri(user.email, secret);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUri: uri, qrSvg };
}

/**
 * Activates the pending secret when the code matches; answers the recovery codes (shown once,
 * stored as salted sha256). The account's other sessions end: they were opened without 2FA.
 */
export async function activate(db: Db, auth: Auth, code: string): Promise<{ recoveryCodes: string[] }> {
  const user = await repo.findUserById(db, auth.user.id);
  if (!user) throw unauthorized();
  if (user.totpSecret) throw conflict('Two-factor authentication is already on.');
  const secret = user.totpPendingSecret;
  if (!secret) throw conflict('No enrolment in progress: start one first.');
  const step = isTotpShaped(code) ? matchTotp(secret, code.replace(/\s/g, '')) : null;
  if (step === null)
    throw badRequest('The code does not match.', [
      { path: 'body.code', message: 'wrong code: check the time of your device' },
    ]);
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const salt = randomToken(16);
  const activated = await db.transaction(async (tx) => {
    if (!(await repo.activateTotp(tx, user.id, secret, step))) return false;
    await repo.replaceRecoveryCodes(
      tx,
      user.id,
      recoveryCodes.map((c) => ({ id: newId(), salt, codeHash: hashRecoveryCode(salt, c).toString('hex') })),
    );
    await repo.deleteUserSessions(tx, user.id, auth.sessionId);
    return true;
  });
  if (!activated) throw conflict('The enrolment changed meanwhile: start again.');
  return { recoveryCodes };
}

/** Turns the second factor off: needs the password and a code (TOTP or recovery), throttled. */
export async function disable(db: Db, auth: Auth, code: string, password: string, ip: string) {
  const user = await repo.findUserById(db, auth.user.id);
  if (!user) throw unauthorized();
  if (!user.totpSecret) throw conflict('Two-factor authentication is not on.');
  const keys = throttleKeys(user.email, ip);
  await checkThrottle(db, keys);
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordFailure(db, keys);
    throw badRequest('The current password is wrong.', [
      { path: 'body.password', message: 'wrong password' },
    ]);
  }
  if (!(await verifySecondFactor(db, user, code))) {
    await recordFailure(db, keys);
    throw badRequest('The code does not match.', [{ path: 'body.code', message: 'wrong code' }]);
  }
  await db.transaction((tx) => repo.disableTotp(tx, user.id));
}
