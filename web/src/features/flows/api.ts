import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { Flow, FlowCreate, FlowType, FlowUpdate, ListOf } from '@tisserand/core';
import { api } from '../../app/api';
import { invalidateChainModel, metaKeys } from '../overview/api';

export interface FlowFilters {
  type?: FlowType;
  status?: Flow['status'];
  actorId?: string;
}

/** The flows of a chain, filtered, page by page. */
export function useFlows(chainId: string, filters: FlowFilters) {
  return useInfiniteQuery({
    queryKey: [...metaKeys.flows(chainId), 'list', filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.get<ListOf<Flow>>(`/chains/${chainId}/flows`, {
        query: { limit: 100, cursor: pageParam, ...filters },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** Every flow in or out of one actor (up to 500). */
export function useActorFlows(chainId: string, actorId: string) {
  return useQuery({
    queryKey: [...metaKeys.flows(chainId), 'actor', actorId],
    queryFn: ({ signal }) =>
      api.get<ListOf<Flow>>(`/chains/${chainId}/flows`, { query: { actorId, limit: 500 }, signal }),
  });
}

function useFlowMutation<V>(chainId: string, mutationFn: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: metaKeys.flows(chainId) });
      invalidateChainModel(queryClient, chainId);
    },
  });
}

/** Adds, edits (guarded by version) and deletes flows (coordinators). */
export function useFlowMutations(chainId: string) {
  const base = `/chains/${chainId}/flows`;
  return {
    create: useFlowMutation(chainId, (body: FlowCreate) => api.post<Flow>(base, body)),
    update: useFlowMutation(chainId, ({ flow, body }: { flow: Flow; body: FlowUpdate }) =>
      api.patch<Flow>(`${base}/${flow.id}`, body, flow.version),
    ),
    remove: useFlowMutation(chainId, (flow: Flow) => api.delete(`${base}/${flow.id}`, flow.version)),
  };
}
