import type { ChainContext } from '../../http/context';

/** Whose per-actor values a member may read for an indicator of this confidentiality (PRODUCT.md). */
export function actorValuesVisible(
  chain: ChainContext,
  confidentiality: 'public' | 'aggregate' | 'private',
): { kind: 'all' } | { kind: 'own'; actorId: string } | { kind: 'none' } {
  if (chain.role === 'coordinator' || confidentiality === 'public') return { kind: 'all' };
  if (chain.role === 'partner' && chain.actorId) return { kind: 'own', actorId: chain.actorId };
  return { kind: 'none' };
}

/**
 * What a member may see of aggregates: coordinators everything; for `public` and `aggregate`
 * indicators every member sees aggregates, with groups of fewer than k actors suppressed for
 * non-coordinators on `aggregate` ones (a group of one would be that actor's value); for `private`
 * ones a partner sees its own actor's data only and an observer nothing.
 */
export function aggregatesVisible(
  chain: ChainContext,
  confidentiality: 'public' | 'aggregate' | 'private',
): { kind: 'all'; suppressBelow: number } | { kind: 'own'; actorId: string } | { kind: 'none' } {
  if (chain.role === 'coordinator' || confidentiality === 'public') return { kind: 'all', suppressBelow: 0 };
  if (confidentiality === 'aggregate') return { kind: 'all', suppressBelow: chain.publicMinGroupSize };
  if (chain.role === 'partner' && chain.actorId) return { kind: 'own', actorId: chain.actorId };
  return { kind: 'none' };
}
