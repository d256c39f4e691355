import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListOf, Stage, StageCreate, StageUpdate as StageUpdateSchema } from '@tisserand/core';
import { api } from '../../app/api';
import { type BodyOf, invalidateChainModel, metaKeys } from '../overview/api';

export type StageUpdate = BodyOf<typeof StageUpdateSchema>;

/** The chain's stages, ordered from producer to consumer (by position, then name). */
export function useStages(chainId: string) {
  return useQuery({
    queryKey: metaKeys.stages(chainId),
    queryFn: async ({ signal }) => {
      const page = await api.get<ListOf<Stage>>(`/chains/${chainId}/stages`, {
        query: { limit: 500 },
        signal,
      });
      return [...page.items].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
    },
  });
}

function useStageMutation<V, R>(chainId: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: metaKeys.stages(chainId) });
      // Actors show their stages' names.
      void queryClient.invalidateQueries({ queryKey: metaKeys.actors(chainId) });
      invalidateChainModel(queryClient, chainId);
    },
  });
}

/** Adds a stage (coordinators). */
export function useCreateStage(chainId: string) {
  return useStageMutation(chainId, (body: StageCreate) => api.post<Stage>(`/chains/${chainId}/stages`, body));
}

/** Edits a stage, guarded by its version. */
export function useUpdateStage(chainId: string) {
  return useStageMutation(chainId, ({ stage, body }: { stage: Stage; body: StageUpdate }) =>
    api.patch<Stage>(`/chains/${chainId}/stages/${stage.id}`, body, stage.version),
  );
}

/** Moves stages to new positions, one guarded PATCH each (only those whose position changes). */
export function useReorderStages(chainId: string) {
  return useStageMutation(chainId, async (moves: { stage: Stage; position: number }[]) => {
    for (const { stage, position } of moves) {
      await api.patch<Stage>(`/chains/${chainId}/stages/${stage.id}`, { position }, stage.version);
    }
  });
}

/** Deletes a stage, guarded by its version. */
export function useDeleteStage(chainId: string) {
  return useStageMutation(chainId, (stage: Stage) =>
    api.delete(`/chains/${chainId}/stages/${stage.id}`, stage.version),
  );
}
