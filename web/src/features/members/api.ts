import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ListOf, Member, MemberCreate, MemberUpdate } from '@tisserand/core';
import { api } from '../../app/api';

export const memberKeys = {
  all: (chainId: string) => ['chains', chainId, 'members'] as const,
};

/** The members of a chain, page by page (`?cursor=`). */
export function useMembers(chainId: string) {
  return useInfiniteQuery({
    queryKey: memberKeys.all(chainId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.get<ListOf<Member>>(`/chains/${chainId}/members`, {
        query: { limit: 100, cursor: pageParam },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Adds an existing account to the chain by e-mail (coordinators). */
export function useAddMember(chainId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MemberCreate) => api.post<Member>(`/chains/${chainId}/members`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.all(chainId) }),
  });
}

/** Changes a member's role (and actor), guarded by the member's version. */
export function useUpdateMember(chainId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ member, body }: { member: Member; body: MemberUpdate }) =>
      api.patch<Member>(`/chains/${chainId}/members/${member.userId}`, body, member.version),
    onSettled: () => queryClient.invalidateQueries({ queryKey: memberKeys.all(chainId) }),
  });
}

/** Removes a member, guarded by the member's version; they lose access on their next request. */
export function useRemoveMember(chainId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (member: Member) => api.delete(`/chains/${chainId}/members/${member.userId}`, member.version),
    onSettled: () => queryClient.invalidateQueries({ queryKey: memberKeys.all(chainId) }),
  });
}
