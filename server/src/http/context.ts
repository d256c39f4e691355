import type { CapitalFrameworkKey, MemberRole } from '@tisserand/core';

export interface AuthUser {
  id: string;
  email: string;
  name: string;
  locale: 'fr' | 'en';
  isAdmin: boolean;
}

export interface Auth {
  user: AuthUser;
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
  /** The account's second factor (TOTP) is on (sessions only). */
  twoFactorEnabled?: boolean;
  /** TISSERAND_REQUIRE_2FA: an instance admin without 2FA, whose session may only enrol. */
  twoFactorPending?: boolean;
}

/** The chain a request works in and the caller's place in it. */
export interface ChainContext {
  id: string;
  role: MemberRole;
  /** The actor a partner speaks for. */
  actorId: string | null;
  capitalFramework: CapitalFrameworkKey;
  publicMinGroupSize: number;
  /**
   * The chain's data revision when the request began (read with the caller's credentials): cached
   * answers are keyed by it. Absent on contexts built outside a request (demo, public reports).
   */
  dataRevision?: number;
}

/** Who may call a route: declared on every route (see access.ts). */
export type Access = 'public' | 'user' | 'admin' | { chain: readonly MemberRole[] };

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
    chain: ChainContext | null;
    locale: 'fr' | 'en';
  }
  interface FastifyContextConfig {
    access?: Access;
    /** Routes that set their own Cache-Control (public reports). */
    cacheable?: boolean;
    /** Open to a session that must enrol a second factor first (TISSERAND_REQUIRE_2FA). */
    twoFactorExempt?: boolean;
  }
}
