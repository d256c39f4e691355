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
export const SessionAnswer = z.object({ user: User, csrfToken: z.string() });
export type SessionAnswer = z.infer<typeof SessionAnswer>;

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
