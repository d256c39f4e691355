import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Convening, ConveningCreate, ConveningUpdate, Flow, ListOf } from '@tisserand/core';
import { API_BASE, api } from '../../app/api';
import { metaKeys } from '../overview/api';

/** Query keys of the convenings, under the chain so that leaving a chain drops them. */
export const conveningKeys = {
  all: (chainId: string) => ['chains', chainId, 'convenings'] as const,
};

/** The chain's convenings (one page of up to 500). */
export function useConvenings(chainId: string) {
  return useQuery({
    queryKey: [...conveningKeys.all(chainId), 'list'],
    queryFn: async ({ signal }) =>
      (await api.get<ListOf<Convening>>(`/chains/${chainId}/convenings`, { query: { limit: 500 }, signal }))
        .items,
  });
}

/** One convening. */
export function useConvening(chainId: string, conveningId: string) {
  return useQuery({
    queryKey: [...conveningKeys.all(chainId), 'one', conveningId],
    queryFn: ({ signal }) => api.get<Convening>(`/chains/${chainId}/convenings/${conveningId}`, { signal }),
  });
}

/** Where the browser downloads a convening as an iCalendar file. */
export function calendarUrl(chainId: string, conveningId: string): string {
  return `${API_BASE}/chains/${chainId}/convenings/${conveningId}/calendar.ics`;
}

function useConveningMutation<V, R>(chainId: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: conveningKeys.all(chainId) }),
  });
}

/** Adds, edits (guarded by version) and deletes convenings (coordinators). */
export function useConveningMutations(chainId: string) {
  const base = `/chains/${chainId}/convenings`;
  return {
    create: useConveningMutation(chainId, (body: ConveningCreate) => api.post<Convening>(base, body)),
    update: useConveningMutation(
      chainId,
      ({ convening, body }: { convening: Convening; body: ConveningUpdate }) =>
        api.patch<Convening>(`${base}/${convening.id}`, body, convening.version),
    ),
    remove: useConveningMutation(chainId, (convening: Convening) =>
      api.delete(`${base}/${convening.id}`, convening.version),
    ),
  };
}

/** Every flow of the chain (up to 500), to name and pick the relationships a convening led to. */
export function useAllFlows(chainId: string) {
  return useQuery({
    queryKey: [...metaKeys.flows(chainId), 'all'],
    queryFn: async ({ signal }) =>
      (await api.get<ListOf<Flow>>(`/chains/${chainId}/flows`, { query: { limit: 500 }, signal })).items,
  });
}
