import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { Actor, ChainMap, Intent, ListOf, Overview, Stage } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';

/**
 * The input type of a zod contract (what `z.input<typeof S>` gives), for the few contracts whose
 * type core does not export; the type still comes from core, never written by hand.
 */
export type BodyOf<S> = S extends { _zod: { input: infer I } } ? I : never;

/** Query keys of the meta-vision pages, all under the chain so that leaving a chain drops them. */
export const metaKeys = {
  stages: (chainId: string) => ['chains', chainId, 'stages'] as const,
  actors: (chainId: string) => ['chains', chainId, 'actors'] as const,
  flows: (chainId: string) => ['chains', chainId, 'flows'] as const,
  intents: (chainId: string) => ['chains', chainId, 'intents'] as const,
  gaps: (chainId: string) => ['chains', chainId, 'gaps'] as const,
  overview: (chainId: string) => ['chains', chainId, 'overview'] as const,
  directory: (chainId: string) => ['chains', chainId, 'directory'] as const,
  map: (chainId: string) => ['chains', chainId, 'map'] as const,
};

/**
 * After any change to stages, actors, flows or intents: the gaps, the overview, the map and the
 * name directory are computed from the whole chain, so they are all stale.
 */
export function invalidateChainModel(queryClient: QueryClient, chainId: string) {
  for (const key of [
    metaKeys.gaps(chainId),
    metaKeys.overview(chainId),
    metaKeys.directory(chainId),
    metaKeys.map(chainId),
  ]) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}

/** Names of everything in the chain (stages, actors, intents), to label ids cheaply. */
export interface ChainDirectory {
  stages: Stage[];
  actors: Actor[];
  intents: Intent[];
  stageById: Map<string, Stage>;
  actorById: Map<string, Actor>;
  intentById: Map<string, Intent>;
}

/** Stages, actors (from the map of today) and intents of the chain, indexed by id. */
export function useChainDirectory(chainId: string) {
  return useQuery({
    queryKey: metaKeys.directory(chainId),
    queryFn: async ({ signal }): Promise<ChainDirectory> => {
      const [map, intents] = await Promise.all([
        api.get<ChainMap>(`/chains/${chainId}/map`, { signal }),
        api.get<ListOf<Intent>>(`/chains/${chainId}/intents`, { query: { limit: 500 }, signal }),
      ]);
      const stages = [...map.stages].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
      const actors = [...map.actors].sort((a, b) => a.name.localeCompare(b.name));
      return {
        stages,
        actors,
        intents: intents.items,
        stageById: new Map(stages.map((s) => [s.id, s])),
        actorById: new Map(actors.map((a) => [a.id, a])),
        intentById: new Map(intents.items.map((i) => [i.id, i])),
      };
    },
  });
}

/** The chain's dashboard: counts, open gaps, harms, goal progress, successes, campaigns, deadlines. */
export function useOverview(chainId: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...metaKeys.overview(chainId), i18n.language],
    queryFn: ({ signal }) => api.get<Overview>(`/chains/${chainId}/overview`, { signal }),
  });
}
