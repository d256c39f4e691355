import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Initiative, InitiativeCreate, InitiativeUpdate, ListOf } from '@tisserand/core';
import { api } from '../../app/api';
import { invalidateWealth, wealthKeys } from '../goals/api';

/** The initiatives of a chain (one page of up to 500), by start date then title. */
export function useInitiatives(chainId: string) {
  return useQuery({
    queryKey: [...wealthKeys.initiatives(chainId), 'list'],
    queryFn: async ({ signal }) => {
      const page = await api.get<ListOf<Initiative>>(`/chains/${chainId}/initiatives`, {
        query: { limit: 500 },
        signal,
      });
      return [...page.items].sort(
        (a, b) =>
          (a.startDate ?? '9999').localeCompare(b.startDate ?? '9999') || a.title.localeCompare(b.title),
      );
    },
  });
}

/** One initiative, with its wealth matrix and its open harms (computed by the server). */
export function useInitiative(chainId: string, initiativeId: string) {
  return useQuery({
    queryKey: [...wealthKeys.initiatives(chainId), 'one', initiativeId],
    queryFn: ({ signal }) =>
      api.get<Initiative>(`/chains/${chainId}/initiatives/${initiativeId}`, { signal }),
  });
}

function useInitiativeMutation<V, R>(chainId: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: wealthKeys.initiatives(chainId) });
      invalidateWealth(queryClient, chainId);
    },
  });
}

/** Adds an initiative (coordinators). */
export function useCreateInitiative(chainId: string) {
  return useInitiativeMutation(chainId, (body: InitiativeCreate) =>
    api.post<Initiative>(`/chains/${chainId}/initiatives`, body),
  );
}

/** Edits an initiative (coordinators), guarded by the version read. */
export function useUpdateInitiative(chainId: string) {
  const queryClient = useQueryClient();
  return useInitiativeMutation(
    chainId,
    async ({ initiative, body }: { initiative: Initiative; body: InitiativeUpdate }) => {
      const saved = await api.patch<Initiative>(
        `/chains/${chainId}/initiatives/${initiative.id}`,
        body,
        initiative.version,
      );
      // The page shows the saved version (and the server's harms) at once, before the refetch.
      queryClient.setQueryData([...wealthKeys.initiatives(chainId), 'one', initiative.id], saved);
      return saved;
    },
  );
}

/** Deletes an initiative (coordinators), guarded by the version read. */
export function useDeleteInitiative(chainId: string) {
  return useInitiativeMutation(chainId, (initiative: Initiative) =>
    api.delete(`/chains/${chainId}/initiatives/${initiative.id}`, initiative.version),
  );
}
