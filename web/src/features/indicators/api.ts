import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Indicator,
  IndicatorCreate,
  IndicatorUpdate,
  ListOf,
  Observation,
  ObservationStatus,
  Periodicity,
  SeriesAnswer,
  SeriesQuery,
} from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import type { BodyOf } from '../overview/api';

/** `groupBy` of a series (none, stage, role, actor, capital), from the core contract. */
export type GroupBy = NonNullable<BodyOf<typeof SeriesQuery>['groupBy']>;
export const GROUP_BYS = ['none', 'stage', 'role', 'actor', 'capital'] as const satisfies readonly GroupBy[];

/** Query keys of the data-collection pages, all under the chain so that leaving a chain drops them. */
export const dataKeys = {
  indicators: (chainId: string) => ['chains', chainId, 'indicators'] as const,
  series: (chainId: string) => ['chains', chainId, 'series'] as const,
  observations: (chainId: string) => ['chains', chainId, 'observations'] as const,
  campaigns: (chainId: string) => ['chains', chainId, 'campaigns'] as const,
  successes: (chainId: string) => ['chains', chainId, 'successes'] as const,
  alerts: (chainId: string) => ['chains', chainId, 'alerts'] as const,
};

/**
 * After values were written, approved, rejected or reopened: the series, the campaign completion,
 * the successes and the alerts are all computed from the observations, so they are all stale.
 */
export function invalidateCollectedData(queryClient: QueryClient, chainId: string) {
  for (const key of [
    dataKeys.observations(chainId),
    dataKeys.series(chainId),
    dataKeys.campaigns(chainId),
    dataKeys.successes(chainId),
    dataKeys.alerts(chainId),
  ]) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}

export interface IndicatorFilters {
  status?: Indicator['status'];
  category?: Indicator['category'];
}

/** The indicators of a chain (one page of up to 500: a chain has tens of them, not thousands). */
export function useIndicators(chainId: string, filters: IndicatorFilters = {}) {
  return useQuery({
    queryKey: [...dataKeys.indicators(chainId), 'list', filters],
    queryFn: ({ signal }) =>
      api.get<ListOf<Indicator>>(`/chains/${chainId}/indicators`, {
        query: { limit: 500, ...filters },
        signal,
      }),
  });
}

/** One indicator. */
export function useIndicator(chainId: string, indicatorId: string) {
  return useQuery({
    queryKey: [...dataKeys.indicators(chainId), 'one', indicatorId],
    queryFn: ({ signal }) => api.get<Indicator>(`/chains/${chainId}/indicators/${indicatorId}`, { signal }),
  });
}

function useIndicatorMutation<V, R>(chainId: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: dataKeys.indicators(chainId) });
      void queryClient.invalidateQueries({ queryKey: dataKeys.series(chainId) });
    },
  });
}

/** Defines a shared indicator (coordinators). */
export function useCreateIndicator(chainId: string) {
  return useIndicatorMutation(chainId, (body: IndicatorCreate) =>
    api.post<Indicator>(`/chains/${chainId}/indicators`, body),
  );
}

/** Edits an indicator (coordinators), guarded by the version read. */
export function useUpdateIndicator(chainId: string) {
  return useIndicatorMutation(
    chainId,
    ({ indicator, body }: { indicator: Indicator; body: IndicatorUpdate }) =>
      api.patch<Indicator>(`/chains/${chainId}/indicators/${indicator.id}`, body, indicator.version),
  );
}

/** Deletes an indicator (coordinators), guarded by the version read; 409 while it has values. */
export function useDeleteIndicator(chainId: string) {
  return useIndicatorMutation(chainId, (indicator: Indicator) =>
    api.delete(`/chains/${chainId}/indicators/${indicator.id}`, indicator.version),
  );
}

export interface SeriesParams {
  groupBy: GroupBy;
  periodicity?: Periodicity;
  from?: string;
  to?: string;
}

/** An indicator's values by period and group, as the caller may see them (the server applies confidentiality). */
export function useSeries(chainId: string, indicatorId: string, params: SeriesParams, enabled = true) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...dataKeys.series(chainId), indicatorId, params, i18n.language],
    queryFn: ({ signal }) =>
      api.get<SeriesAnswer>(`/chains/${chainId}/indicators/${indicatorId}/series`, {
        query: { ...params },
        signal,
      }),
    enabled,
  });
}

export interface ObservationFilters {
  indicatorId?: string;
  actorId?: string;
  period?: string;
  status?: ObservationStatus;
}

/** The observations the caller may read, filtered (every page: a period of one actor is small). */
export function useObservations(chainId: string, filters: ObservationFilters, enabled = true) {
  return useQuery({
    queryKey: [...dataKeys.observations(chainId), filters],
    queryFn: async ({ signal }) => {
      const items: Observation[] = [];
      let cursor: string | null = null;
      do {
        const page: ListOf<Observation> = await api.get<ListOf<Observation>>(
          `/chains/${chainId}/observations`,
          {
            query: { limit: 500, cursor, ...filters },
            signal,
          },
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    },
    enabled,
  });
}
