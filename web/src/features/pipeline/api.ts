import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Actor, ActorStatus, ActorUpdate, ListOf, PipelineMove } from '@tisserand/core';
import { api } from '../../app/api';
import { invalidateChainModel, metaKeys } from '../overview/api';

/** The pipeline's query keys; moves sit under the actors so that any actor change refreshes them. */
export const pipelineKeys = {
  actors: (chainId: string) => [...metaKeys.actors(chainId), 'pipeline'] as const,
  moves: (chainId: string) => [...metaKeys.actors(chainId), 'pipeline-moves'] as const,
};

/** Every actor of the chain with its version (up to 500: a chain has tens to hundreds of partners). */
export function usePipelineActors(chainId: string) {
  return useQuery({
    queryKey: pipelineKeys.actors(chainId),
    queryFn: async ({ signal }) =>
      (await api.get<ListOf<Actor>>(`/chains/${chainId}/actors`, { query: { limit: 500 }, signal })).items,
  });
}

/** The history of engagement-status moves (coordinators), newest first. */
export function usePipelineMoves(chainId: string, enabled: boolean) {
  return useQuery({
    queryKey: pipelineKeys.moves(chainId),
    queryFn: async ({ signal }) => {
      const answer = await api.get<{ items: PipelineMove[] }>(`/chains/${chainId}/pipeline/moves`, {
        signal,
      });
      return [...answer.items].sort((a, b) => b.at.localeCompare(a.at));
    },
    enabled,
  });
}

/** Moves an actor to another engagement status (coordinators), guarded by its version; shown at once. */
export function useMoveActor(chainId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ actor, status }: { actor: Actor; status: ActorStatus }) =>
      api.patch<Actor>(
        `/chains/${chainId}/actors/${actor.id}`,
        { status } satisfies ActorUpdate,
        actor.version,
      ),
    onMutate: async ({ actor, status }) => {
      await queryClient.cancelQueries({ queryKey: pipelineKeys.actors(chainId) });
      queryClient.setQueryData<Actor[]>(pipelineKeys.actors(chainId), (previous) =>
        previous?.map((a) => (a.id === actor.id ? { ...a, status } : a)),
      );
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: metaKeys.actors(chainId) });
      invalidateChainModel(queryClient, chainId);
    },
  });
}
