import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListOf, Resource, ResourceCreate, ResourceUpdate } from '@tisserand/core';
import { api } from '../../app/api';

/** Query keys of the outside resources, under the chain so that leaving a chain drops them. */
export const resourceKeys = {
  all: (chainId: string) => ['chains', chainId, 'resources'] as const,
};

/** The directory of outside resources (one page of up to 500). */
export function useResources(chainId: string) {
  return useQuery({
    queryKey: [...resourceKeys.all(chainId), 'list'],
    queryFn: async ({ signal }) =>
      (await api.get<ListOf<Resource>>(`/chains/${chainId}/resources`, { query: { limit: 500 }, signal }))
        .items,
  });
}

function useResourceMutation<V, R>(chainId: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: resourceKeys.all(chainId) }),
  });
}

/** Adds, edits (guarded by version) and deletes outside resources (coordinators). */
export function useResourceMutations(chainId: string) {
  const base = `/chains/${chainId}/resources`;
  return {
    create: useResourceMutation(chainId, (body: ResourceCreate) => api.post<Resource>(base, body)),
    update: useResourceMutation(chainId, ({ resource, body }: { resource: Resource; body: ResourceUpdate }) =>
      api.patch<Resource>(`${base}/${resource.id}`, body, resource.version),
    ),
    remove: useResourceMutation(chainId, (resource: Resource) =>
      api.delete(`${base}/${resource.id}`, resource.version),
    ),
  };
}
