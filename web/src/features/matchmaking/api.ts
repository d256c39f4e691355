import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Flow,
  Introduction,
  IntroductionCreate,
  IntroductionUpdate,
  ListOf,
  Suggestion,
} from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { invalidateChainModel, metaKeys } from '../overview/api';

/** Query keys of the connector pages, under the chain so that leaving a chain drops them. */
export const connectorKeys = {
  suggestions: (chainId: string) => ['chains', chainId, 'suggestions'] as const,
  introductions: (chainId: string) => ['chains', chainId, 'introductions'] as const,
};

/** Pairs not yet linked where one offers what the other needs, ranked; reasons in the interface language. */
export function useSuggestions(chainId: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...connectorKeys.suggestions(chainId), i18n.language],
    queryFn: ({ signal }) => api.get<{ items: Suggestion[] }>(`/chains/${chainId}/suggestions`, { signal }),
  });
}

/** The introductions recorded in the chain (one page of up to 500). */
export function useIntroductions(chainId: string) {
  return useQuery({
    queryKey: [...connectorKeys.introductions(chainId), 'list'],
    queryFn: async ({ signal }) =>
      (
        await api.get<ListOf<Introduction>>(`/chains/${chainId}/introductions`, {
          query: { limit: 500 },
          signal,
        })
      ).items,
  });
}

function useIntroductionMutation<V, R>(chainId: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: connectorKeys.introductions(chainId) });
      void queryClient.invalidateQueries({ queryKey: connectorKeys.suggestions(chainId) });
    },
  });
}

/** Records an introduction (coordinators). */
export function useCreateIntroduction(chainId: string) {
  return useIntroductionMutation(chainId, (body: IntroductionCreate) =>
    api.post<Introduction>(`/chains/${chainId}/introductions`, body),
  );
}

/** Changes an introduction's status (coordinators), guarded by its version. */
export function useUpdateIntroduction(chainId: string) {
  return useIntroductionMutation(
    chainId,
    ({ introduction, body }: { introduction: Introduction; body: IntroductionUpdate }) =>
      api.patch<Introduction>(
        `/chains/${chainId}/introductions/${introduction.id}`,
        body,
        introduction.version,
      ),
  );
}

/**
 * Follows an introduction to a formed relationship: creates the product flow from the offering actor to
 * the needing one, then records it on the introduction. The pair is then linked: its suggestion goes.
 */
export function useFormRelationship(chainId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      introduction,
      product,
      quantity,
      unit,
    }: {
      introduction: Introduction;
      product: string;
      quantity?: number;
      unit?: string;
    }) => {
      const flow = await api.post<Flow>(`/chains/${chainId}/flows`, {
        sourceId: introduction.fromActorId,
        targetId: introduction.toActorId,
        type: 'product',
        product,
        ...(quantity !== undefined ? { quantity } : {}),
        ...(unit ? { unit } : {}),
        status: 'active',
      });
      return api.patch<Introduction>(
        `/chains/${chainId}/introductions/${introduction.id}`,
        { status: 'relationship_formed', flowId: flow.id } satisfies IntroductionUpdate,
        introduction.version,
      );
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: connectorKeys.introductions(chainId) });
      void queryClient.invalidateQueries({ queryKey: connectorKeys.suggestions(chainId) });
      void queryClient.invalidateQueries({ queryKey: metaKeys.flows(chainId) });
      invalidateChainModel(queryClient, chainId);
    },
  });
}
