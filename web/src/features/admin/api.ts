import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Chain, ListOf, User, UserCreate } from '@tisserand/core';
import { api } from '../../app/api';
import { chainKeys } from '../chains/api';

const userKeys = { all: ['users'] as const };

/** The accounts of the instance, page by page (`?cursor=`); instance admins only. */
export function useUsers(enabled = true) {
  return useInfiniteQuery({
    queryKey: userKeys.all,
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.get<ListOf<User>>('/users', { query: { limit: 50, cursor: pageParam }, signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Creates an account (instance admins). */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => api.post<User>('/users', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

/**
 * The answer to a restore: the new chain, with what could not come over (server `RestoredChain`):
 * members whose e-mail has no account here, and report addresses renamed because they were taken.
 */
export type RestoreAnswer = Chain & {
  restore?: {
    skippedMembers: { email: string; name: string; role: string }[];
    renamedReports?: { from: string; to: string }[];
  };
};

/** Restores a whole chain from a `backup.json` (instance admins); it arrives as a new chain. */
export function useRestoreChain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (backup: unknown) => api.post<RestoreAnswer>('/chains/restore', backup),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: chainKeys.all, exact: true }),
  });
}
