import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Interaction,
  InteractionCreate,
  InteractionUpdate as InteractionUpdateSchema,
  ListOf,
  QuietActor as QuietActorSchema,
} from '@tisserand/core';
import { api } from '../../app/api';
import type { BodyOf } from '../overview/api';
import type { OutputOf } from '../proposals/api';

export type InteractionUpdate = BodyOf<typeof InteractionUpdateSchema>;
export type QuietActor = OutputOf<typeof QuietActorSchema>;

/** Query keys of the exchanges journal, under the chain so that leaving a chain drops them. */
export const exchangeKeys = {
  interactions: (chainId: string) => ['chains', chainId, 'interactions'] as const,
};

/** The journal, newest first (up to 500), or only the exchanges with one actor. */
export function useInteractions(chainId: string, actorId?: string) {
  return useQuery({
    queryKey: [...exchangeKeys.interactions(chainId), 'list', actorId ?? null],
    queryFn: async ({ signal }) => {
      const page = await api.get<ListOf<Interaction>>(`/chains/${chainId}/interactions`, {
        query: { limit: 500, actorId },
        signal,
      });
      return [...page.items].sort(
        (a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt),
      );
    },
  });
}

/** Engaged or committed actors not heard from in `days` days. */
export function useQuietActors(chainId: string, days: number) {
  return useQuery({
    queryKey: [...exchangeKeys.interactions(chainId), 'quiet', days],
    queryFn: async ({ signal }) => {
      const answer = await api.get<QuietActor[] | { items: QuietActor[] }>(
        `/chains/${chainId}/interactions/quiet`,
        { query: { days }, signal },
      );
      return Array.isArray(answer) ? answer : answer.items;
    },
  });
}

function useInteractionMutation<V>(chainId: string, mutationFn: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: exchangeKeys.interactions(chainId) }),
  });
}

/** Adds, edits (guarded by version) and deletes exchanges (coordinators). */
export function useInteractionMutations(chainId: string) {
  const base = `/chains/${chainId}/interactions`;
  return {
    create: useInteractionMutation(chainId, (body: InteractionCreate) => api.post<Interaction>(base, body)),
    update: useInteractionMutation(
      chainId,
      ({ interaction, body }: { interaction: Interaction; body: InteractionUpdate }) =>
        api.patch<Interaction>(`${base}/${interaction.id}`, body, interaction.version),
    ),
    remove: useInteractionMutation(chainId, (interaction: Interaction) =>
      api.delete(`${base}/${interaction.id}`, interaction.version),
    ),
  };
}
