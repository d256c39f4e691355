import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ChainMap, GapItem } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';

export const mapKeys = {
  map: (chainId: string, at: string | null) => ['chains', chainId, 'map', at ?? 'today'] as const,
  gaps: (chainId: string, language: string) => ['chains', chainId, 'gaps', language] as const,
  config: ['config'] as const,
};

/** The chain as it stood on `at` (today when null); the previous answer stays shown while the next loads. */
export function useChainMap(chainId: string, at: string | null) {
  return useQuery({
    queryKey: mapKeys.map(chainId, at),
    queryFn: ({ signal }) =>
      api.get<ChainMap>(`/chains/${chainId}/map`, { signal, query: at ? { at } : undefined }),
    placeholderData: keepPreviousData,
  });
}

/** The gaps of the chain as it stands today (computed by the server), fetched only when asked for. */
export function useChainGaps(chainId: string, enabled: boolean) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: mapKeys.gaps(chainId, i18n.language),
    queryFn: ({ signal }) => api.get<{ items: GapItem[] }>(`/chains/${chainId}/gaps`, { signal }),
    enabled,
  });
}

/** The instance's public settings: the MapLibre style of the geography view (null: no base map). */
export function usePublicConfig() {
  return useQuery({
    queryKey: mapKeys.config,
    queryFn: ({ signal }) => api.get<{ mapStyleUrl: string | null }>('/config', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
