import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Chain, ChainCreate, ChainUpdate, ListOf } from '@tisserand/core';
import { api } from '../../app/api';

export const chainKeys = {
  all: ['chains'] as const,
  one: (chainId: string) => ['chains', chainId] as const,
};

/** The chains the caller belongs to (instance admins: all). */
export function useChains() {
  return useQuery({
    queryKey: chainKeys.all,
    queryFn: ({ signal }) => api.get<ListOf<Chain>>('/chains', { signal }),
  });
}

/** One chain, with the caller's role in it (nothing is fetched without an id). */
export function useChain(chainId: string | undefined) {
  return useQuery({
    queryKey: chainKeys.one(chainId ?? ''),
    queryFn: ({ signal }) => api.get<Chain>(`/chains/${chainId}`, { signal }),
    enabled: Boolean(chainId),
  });
}

/** Creates a chain (instance admins); the creator becomes its coordinator. */
export function useCreateChain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChainCreate) => api.post<Chain>('/chains', body),
    onSuccess: (chain) => {
      queryClient.setQueryData(chainKeys.one(chain.id), chain);
      void queryClient.invalidateQueries({ queryKey: chainKeys.all, exact: true });
    },
  });
}

/** Edits a chain, guarded by the version read (If-Match). */
export function useUpdateChain(chainId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: ChainUpdate }) =>
      api.patch<Chain>(`/chains/${chainId}`, body, version),
    onSuccess: (chain) => {
      queryClient.setQueryData(chainKeys.one(chainId), chain);
      void queryClient.invalidateQueries({ queryKey: chainKeys.all, exact: true });
    },
  });
}

/** Deletes a chain and everything in it, guarded by the version read (If-Match). */
export function useDeleteChain(chainId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.delete(`/chains/${chainId}`, version),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: chainKeys.one(chainId) });
      void queryClient.invalidateQueries({ queryKey: chainKeys.all, exact: true });
    },
  });
}
