import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ListOf, User, UserCreate } from '@tisserand/core';
import { api } from '../../app/api';

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
