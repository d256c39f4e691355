import { z } from 'zod';
import { EntityBase, Locale, Uuid } from './common';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const Password = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
export const Email = z
  .email()
  .max(254)
  .transform((s) => s.toLowerCase());

export const User = z.object({
  id: Uuid,
  email: z.string(),
  name: z.string(),
  locale: Locale,
  isAdmin: z.boolean(),
});
export type User = z.infer<typeof User>;

export const LoginBody = z.strictObject({ email: z.string().max(254), password: z.string().max(1024) });
/** Whether the caller's second factor is on, and whether this server makes them enrol first. */
export const TwoFactorState = z.object({ enabled: z.boolean(), enrolmentRequired: z.boolean() });
export type TwoFactorState = z.infer<typeof TwoFactorState>;
export const SessionAnswer = z.object({ user: User, csrfToken: z.string(), twoFactor: TwoFactorState });
export type SessionAnswer = z.infer<typeof SessionAnswer>;

/** A 6-digit TOTP code or a recovery code. */
export const TwoFactorCode = z.string().trim().min(6).max(64);
/** The first step of a sign-in with 2FA: no session yet, a challenge for `POST /auth/login/2fa`. */
export const TwoFactorChallenge = z.object({ twoFactorRequired: z.literal(true), challenge: z.string() });
export type TwoFactorChallenge = z.infer<typeof TwoFactorChallenge>;
export const LoginAnswer = z.union([SessionAnswer, TwoFactorChallenge]);
export type LoginAnswer = z.infer<typeof LoginAnswer>;
export const LoginSecondFactorBody = z.strictObject({
  challenge: z.string().min(1).max(200),
  code: TwoFactorCode,
});
export type LoginSecondFactorBody = z.input<typeof LoginSecondFactorBody>;

export const TwoFactorStatus = z.object({
  enabled: z.boolean(),
  /** An enrolment was started and not activated yet. */
  pending: z.boolean(),
  enabledAt: z.iso.datetime().nullable(),
  recoveryCodesLeft: z.number().int(),
  enrolmentRequired: z.boolean(),
});
export type TwoFactorStatus = z.infer<typeof TwoFactorStatus>;
export const TwoFactorEnrolment = z.object({
  /** Base32, for typing into an authenticator app by hand. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as an SVG QR code. */
  qrSvg: z.string(),
});
export type TwoFactorEnrolment = z.infer<typeof TwoFactorEnrolment>;
export const TwoFactorActivation = z.strictObject({ code: TwoFactorCode });
export type TwoFactorActivation = z.input<typeof TwoFactorActivation>;
export const TwoFactorActivated = z.object({ recoveryCodes: z.array(z.string()) });
export type TwoFactorActivated = z.infer<typeof TwoFactorActivated>;
export const TwoFactorDisable = z.strictObject({ code: TwoFactorCode, password: z.string().max(1024) });
export type TwoFactorDisable = z.input<typeof TwoFactorDisable>;

export const UserCreate = z.strictObject({
  email: Email,
  name: z.string().trim().min(1).max(200),
  password: Password,
  locale: Locale.optional(),
  isAdmin: z.boolean().optional(),
});
export type UserCreate = z.input<typeof UserCreate>;

export const MeUpdate = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  locale: Locale.optional(),
});
export const PasswordChange = z.strictObject({
  currentPassword: z.string().max(1024),
  newPassword: Password,
});

export const TokenCreate = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export const Token = z.object({
  id: Uuid,
  name: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type Token = z.infer<typeof Token>;
export const TokenCreated = z.object({ id: Uuid, name: z.string(), token: z.string() });

export const UserRecord = EntityBase.extend(User.shape);
export type MeUpdate = z.input<typeof MeUpdate>;
export type PasswordChange = z.input<typeof PasswordChange>;
export type TokenCreate = z.input<typeof TokenCreate>;
export type TokenCreated = z.infer<typeof TokenCreated>;
