import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Idea,
  IdeaCreate,
  IdeaUpdate as IdeaUpdateSchema,
  ListOf,
  Serendipity,
  SerendipityCreate as SerendipityCreateSchema,
  SerendipityUpdate as SerendipityUpdateSchema,
} from '@tisserand/core';
import { api } from '../../app/api';
import type { BodyOf } from '../overview/api';

export type IdeaUpdate = BodyOf<typeof IdeaUpdateSchema>;
export type SerendipityCreate = BodyOf<typeof SerendipityCreateSchema>;
export type SerendipityUpdate = BodyOf<typeof SerendipityUpdateSchema>;

/** Query keys of the innovator pages, under the chain so that leaving a chain drops them. */
export const innovationKeys = {
  ideas: (chainId: string) => ['chains', chainId, 'ideas'] as const,
  serendipity: (chainId: string) => ['chains', chainId, 'serendipity'] as const,
};

/** The ideas and experiments of the lab (one page of up to 500). */
export function useIdeas(chainId: string) {
  return useQuery({
    queryKey: [...innovationKeys.ideas(chainId), 'list'],
    queryFn: async ({ signal }) =>
      (await api.get<ListOf<Idea>>(`/chains/${chainId}/ideas`, { query: { limit: 500 }, signal })).items,
  });
}

function useIdeaMutation<V, R>(chainId: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: innovationKeys.ideas(chainId) }),
  });
}

/** Adds, edits (guarded by version) and deletes ideas: coordinators and partners. */
export function useIdeaMutations(chainId: string) {
  const base = `/chains/${chainId}/ideas`;
  return {
    create: useIdeaMutation(chainId, (body: IdeaCreate) => api.post<Idea>(base, body)),
    update: useIdeaMutation(chainId, ({ idea, body }: { idea: Idea; body: IdeaUpdate }) =>
      api.patch<Idea>(`${base}/${idea.id}`, body, idea.version),
    ),
    remove: useIdeaMutation(chainId, (idea: Idea) => api.delete(`${base}/${idea.id}`, idea.version)),
  };
}

/** The serendipity journal, newest encounter first. */
export function useSerendipity(chainId: string) {
  return useQuery({
    queryKey: [...innovationKeys.serendipity(chainId), 'list'],
    queryFn: async ({ signal }) => {
      const page = await api.get<ListOf<Serendipity>>(`/chains/${chainId}/serendipity`, {
        query: { limit: 500 },
        signal,
      });
      return [...page.items].sort(
        (a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt),
      );
    },
  });
}

function useSerendipityMutation<V, R>(chainId: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: innovationKeys.serendipity(chainId) }),
  });
}

/** Adds, edits (guarded by version) and deletes journal entries: coordinators and partners. */
export function useSerendipityMutations(chainId: string) {
  const base = `/chains/${chainId}/serendipity`;
  return {
    create: useSerendipityMutation(chainId, (body: SerendipityCreate) => api.post<Serendipity>(base, body)),
    update: useSerendipityMutation(
      chainId,
      ({ entry, body }: { entry: Serendipity; body: SerendipityUpdate }) =>
        api.patch<Serendipity>(`${base}/${entry.id}`, body, entry.version),
    ),
    remove: useSerendipityMutation(chainId, (entry: Serendipity) =>
      api.delete(`${base}/${entry.id}`, entry.version),
    ),
  };
}
