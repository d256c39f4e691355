import {
  ListQuery,
  LoginAnswer,
  LoginBody,
  LoginSecondFactorBody,
  listOf,
  MeUpdate,
  PasswordChange,
  SessionAnswer,
  Token,
  TokenCreate,
  TokenCreated,
  TwoFactorActivated,
  TwoFactorActivation,
  TwoFactorDisable,
  TwoFactorEnrolment,
  TwoFactorStatus,
  User,
  UserCreate,
} from '@tisserand/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { unauthorized } from '../../http/errors';
import { decodeCursor, page } from '../../http/pagination';
import { type App, type Deps, iso, isoOrNull } from '../../http/types';
import * as repo from './auth.repository';
import * as service from './auth.service';
import * as twoFactor from './two-factor.service';

const NoContent = z.null().describe('No content');

function sessionCookieOptions(request: FastifyRequest, secure: boolean) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: secure || request.protocol === 'https',
    maxAge: service.SESSION_ABSOLUTE_MS / 1000,
  };
}

function clearCookie(reply: FastifyReply) {
  reply.clearCookie(service.SESSION_COOKIE, { path: '/' });
}

export function authRoutes(app: App, deps: Deps) {
  const { db, secureCookies } = deps;
  const options: service.AuthOptions = { require2fa: deps.require2fa ?? false };

  app.route({
    method: 'POST',
    url: '/auth/login',
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      description:
        'Signs in. With two-factor authentication on, answers `{twoFactorRequired, challenge}` and no ' +
        'session yet: send the challenge and a code to `POST /auth/login/2fa`.',
      body: LoginBody,
      response: { 200: LoginAnswer },
    },
    handler: async (request, reply) => {
      const result = await service.login(db, request.body.email, request.body.password, request.ip, options);
      if (result.kind === 'challenge') return result.challenge;
      reply.setCookie(service.SESSION_COOKIE, result.secret, sessionCookieOptions(request, secureCookies));
      return result.answer;
    },
  });

  app.route({
    method: 'POST',
    url: '/auth/login/2fa',
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      description:
        'The second step of a sign-in: the challenge and a 6-digit TOTP code or a recovery code ' +
        '(spent). Wrong codes count in the sign-in throttling.',
      body: LoginSecondFactorBody,
      response: { 200: SessionAnswer },
    },
    handler: async (request, reply) => {
      const opened = await twoFactor.loginSecondFactor(
        db,
        request.body.challenge,
        request.body.code,
        request.ip,
        options,
      );
      reply.setCookie(service.SESSION_COOKIE, opened.secret, sessionCookieOptions(request, secureCookies));
      return opened.answer;
    },
  });

  app.route({
    method: 'GET',
    url: '/auth/session',
    config: { access: 'public' },
    schema: { tags: ['auth'], response: { 200: SessionAnswer } },
    handler: async (request, reply) => {
      const auth = request.auth;
      if (auth?.via !== 'session' || !auth.csrfToken) {
        if (request.cookies[service.SESSION_COOKIE]) clearCookie(reply);
        throw unauthorized('No session.');
      }
      const enabled = auth.twoFactorEnabled ?? false;
      return {
        user: auth.user,
        csrfToken: auth.csrfToken,
        twoFactor: { enabled, enrolmentRequired: auth.twoFactorPending ?? false },
      };
    },
  });

  app.route({
    method: 'POST',
    url: '/auth/logout',
    config: { access: 'user', twoFactorExempt: true },
    schema: { tags: ['auth'], response: { 204: NoContent } },
    handler: async (request, reply) => {
      if (request.auth?.sessionId) await service.logout(db, request.auth.sessionId);
      clearCookie(reply);
      return reply.code(204).send(null);
    },
  });

  app.route({
    method: 'GET',
    url: '/me',
    config: { access: 'user' },
    schema: { tags: ['auth'], response: { 200: User } },
    handler: async (request) => {
      if (!request.auth) throw unauthorized();
      return request.auth.user;
    },
  });

  app.route({
    method: 'PATCH',
    url: '/me',
    config: { access: 'user' },
    schema: { tags: ['auth'], body: MeUpdate, response: { 200: User } },
    handler: async (request) => {
      if (!request.auth) throw unauthorized();
      const updated = await repo.updateUser(db, request.auth.user.id, request.body);
      if (!updated) throw unauthorized();
      return updated;
    },
  });

  app.route({
    method: 'POST',
    url: '/me/password',
    config: { access: 'user' },
    schema: { tags: ['auth'], body: PasswordChange, response: { 204: NoContent } },
    handler: async (request, reply) => {
      if (!request.auth) throw unauthorized();
      await service.changePassword(db, request.auth, request.body.currentPassword, request.body.newPassword);
      return reply.code(204).send(null);
    },
  });

  app.route({
    method: 'POST',
    url: '/me/tokens',
    config: { access: 'user' },
    schema: { tags: ['auth'], body: TokenCreate, response: { 201: TokenCreated } },
    handler: async (request, reply) => {
      if (!request.auth) throw unauthorized();
      const created = await service.createToken(
        db,
        request.auth.user.id,
        request.body.name,
        request.body.expiresAt,
      );
      return reply.code(201).send(created);
    },
  });

  app.route({
    method: 'GET',
    url: '/me/tokens',
    config: { access: 'user' },
    schema: { tags: ['auth'], response: { 200: listOf(Token) } },
    handler: async (request) => {
      if (!request.auth) throw unauthorized();
      const rows = await repo.listTokens(db, request.auth.user.id);
      return {
        items: rows.map((t) => ({
          id: t.id,
          name: t.name,
          createdAt: iso(t.createdAt),
          expiresAt: isoOrNull(t.expiresAt),
          lastUsedAt: isoOrNull(t.lastUsedAt),
        })),
        nextCursor: null,
      };
    },
  });

  app.route({
    method: 'DELETE',
    url: '/me/tokens/:id',
    config: { access: 'user' },
    schema: { tags: ['auth'], params: z.strictObject({ id: z.uuid() }), response: { 204: NoContent } },
    handler: async (request, reply) => {
      if (!request.auth) throw unauthorized();
      await service.revokeToken(db, request.auth.user.id, request.params.id);
      return reply.code(204).send(null);
    },
  });

  twoFactorRoutes(app, deps, options);

  app.route({
    method: 'POST',
    url: '/users',
    config: { access: 'admin' },
    schema: { tags: ['users'], body: UserCreate, response: { 201: User } },
    handler: async (request, reply) => reply.code(201).send(await service.createUser(db, request.body)),
  });

  app.route({
    method: 'GET',
    url: '/users',
    config: { access: 'admin' },
    schema: { tags: ['users'], querystring: ListQuery, response: { 200: listOf(User) } },
    handler: async (request) => {
      const rows = await repo.listUsers(db, request.query.limit, decodeCursor(request.query.cursor));
      return page(rows, request.query.limit);
    },
  });
}

/** `/me/2fa…`: open to a session that must enrol first (TISSERAND_REQUIRE_2FA). */
function twoFactorRoutes(app: App, { db }: Deps, options: service.AuthOptions) {
  const config = { access: 'user', twoFactorExempt: true } as const;

  app.route({
    method: 'GET',
    url: '/me/2fa',
    config,
    schema: { tags: ['auth'], response: { 200: TwoFactorStatus } },
    handler: async (request) => {
      if (!request.auth) throw unauthorized();
      return twoFactor.twoFactorStatus(db, request.auth, options);
    },
  });

  app.route({
    method: 'POST',
    url: '/me/2fa/enrolment',
    config,
    schema: {
      tags: ['auth'],
      description:
        'Starts an enrolment: a new TOTP secret (pending until activated), its otpauth URI and a QR code.',
      response: { 200: TwoFactorEnrolment },
    },
    handler: async (request) => {
      if (!request.auth) throw unauthorized();
      return twoFactor.startEnrolment(db, request.auth);
    },
  });

  app.route({
    method: 'POST',
    url: '/me/2fa/activation',
    config,
    schema: {
      tags: ['auth'],
      description:
        'Activates the pending secret with a code made from it; answers 10 one-time recovery codes, ' +
        'shown once. Other sessions of the account end.',
      body: TwoFactorActivation,
      response: { 200: TwoFactorActivated },
    },
    handler: async (request) => {
      if (!request.auth) throw unauthorized();
      return twoFactor.activate(db, request.auth, request.body.code);
    },
  });

  app.route({
    method: 'DELETE',
    url: '/me/2fa',
    config,
    schema: {
      tags: ['auth'],
      description: 'Turns the second factor off: the current password and a TOTP or recovery code.',
      body: TwoFactorDisable,
      response: { 204: NoContent },
    },
    handler: async (request, reply) => {
      if (!request.auth) throw unauthorized();
      await twoFactor.disable(db, request.auth, request.body.code, request.body.password, request.ip);
      return reply.code(204).send(null);
    },
  });
}
