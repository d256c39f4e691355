import { useQuery } from '@tanstack/react-query';
import type { Capital } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';

/** The capitals of the chain's framework, labelled in the interface language by the server. */
export function useCapitals(chainId: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['chains', chainId, 'capitals', i18n.language],
    queryFn: ({ signal }) => api.get<Capital[]>(`/chains/${chainId}/capitals`, { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
