export * from './accounts';
export * from './audit';
export * from './chains';
export * from './members';
export * from './meta';

/** Tables shared by the whole instance (Citus reference tables); every other table is a tenant table. */
export const GLOBAL_TABLES = [
  'users',
  'sessions',
  'api_tokens',
  'rate_limits',
  'recovery_codes',
  'login_challenges',
] as const;
/** The tenant root, distributed by its own `id`. */
export const TENANT_ROOT = 'chains';
export * from './connector';
export * from './data';
export * from './mediation';
export * from './reports';
export * from './rollups';
export * from './wealth';
