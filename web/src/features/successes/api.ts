import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Alert, Success, SuccessStoryCreate } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { dataKeys } from '../indicators/api';
import type { BodyOf } from '../overview/api';

export type StoryCreate = BodyOf<typeof SuccessStoryCreate>;

/** The chain's successes (detected and told), messages in the interface language. */
export function useSuccesses(chainId: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...dataKeys.successes(chainId), i18n.language],
    queryFn: ({ signal }) => api.get<{ items: Success[] }>(`/chains/${chainId}/successes`, { signal }),
  });
}

/** Adds a success story (coordinators). */
export function useCreateStory(chainId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StoryCreate) => api.post<Success>(`/chains/${chainId}/successes`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: dataKeys.successes(chainId) }),
  });
}

/** What the coordinators should act on: indicators off track, missing data, outliers. */
export function useAlerts(chainId: string, enabled = true) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...dataKeys.alerts(chainId), i18n.language],
    queryFn: ({ signal }) => api.get<{ items: Alert[] }>(`/chains/${chainId}/alerts`, { signal }),
    enabled,
  });
}
