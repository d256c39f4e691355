import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GapItem } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { useCapitals } from '../capitals/api';
import { metaKeys } from '../overview/api';

/** The gaps of the chain, computed on demand, explained in the interface language. */
export function useGaps(chainId: string, includeDismissed: boolean) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...metaKeys.gaps(chainId), includeDismissed, i18n.language],
    queryFn: ({ signal }) =>
      api.get<{ items: GapItem[] }>(`/chains/${chainId}/gaps`, {
        query: { includeDismissed: includeDismissed ? 'true' : undefined },
        signal,
      }),
  });
}

function useGapMutation<V>(chainId: string, mutationFn: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: metaKeys.gaps(chainId) });
      void queryClient.invalidateQueries({ queryKey: metaKeys.overview(chainId) });
    },
  });
}

/** Dismisses a gap with a reason (coordinators), or restores it. */
export function useGapDismissal(chainId: string) {
  const path = (key: string) => `/chains/${chainId}/gaps/${encodeURIComponent(key)}/dismissal`;
  return {
    dismiss: useGapMutation(chainId, ({ key, reason }: { key: string; reason: string }) =>
      api.post(path(key), { reason }),
    ),
    restore: useGapMutation(chainId, (key: string) => api.delete(path(key))),
  };
}

/** A capital's label in the chain's framework, or its key while the labels load. */
export function useCapitalLabel(chainId: string) {
  const capitals = useCapitals(chainId);
  return (key: string) => capitals.data?.find((c) => c.key === key)?.label ?? key;
}
