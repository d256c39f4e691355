import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database, Db } from '../db/client';
import type { AnswerCache } from './answer-cache';

/** What every route module receives. */
export interface Deps {
  database: Database;
  db: Db;
  /** Serialized list answers keyed by the chain's data revision (answer-cache.ts). */
  answers: AnswerCache;
  secureCookies: boolean;
  mapStyleUrl?: string | undefined;
  /** TISSERAND_REQUIRE_2FA: instance admins must enrol a second factor before anything else. */
  require2fa?: boolean;
}

/** The Fastify instance with zod schemas as its type provider. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export const iso = (d: Date) => d.toISOString();
export const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
