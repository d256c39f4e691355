import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApprovalBody,
  Campaign,
  CampaignCreate,
  CampaignUpdate,
  CompletionItem,
  ListOf,
  Observation,
  ObservationBatch,
  RejectionBody,
} from '@tisserand/core';
import { api, apiRequest } from '../../app/api';
import { dataKeys, invalidateCollectedData } from '../indicators/api';
import type { BodyOf } from '../overview/api';

type Approval = BodyOf<typeof ApprovalBody>;
type Rejection = BodyOf<typeof RejectionBody>;

/** The campaigns of a chain (one page of up to 500), the most recent period first. */
export function useCampaigns(chainId: string) {
  return useQuery({
    queryKey: [...dataKeys.campaigns(chainId), 'list'],
    queryFn: async ({ signal }) => {
      const page = await api.get<ListOf<Campaign>>(`/chains/${chainId}/campaigns`, {
        query: { limit: 500 },
        signal,
      });
      return [...page.items].sort(
        (a, b) => b.dueDate.localeCompare(a.dueDate) || a.name.localeCompare(b.name),
      );
    },
  });
}

/** One campaign. */
export function useCampaign(chainId: string, campaignId: string) {
  return useQuery({
    queryKey: [...dataKeys.campaigns(chainId), 'one', campaignId],
    queryFn: ({ signal }) => api.get<Campaign>(`/chains/${chainId}/campaigns/${campaignId}`, { signal }),
  });
}

/** For each respondent: values expected, submitted (or approved), approved, drafts. A partner gets its own line. */
export function useCompletion(chainId: string, campaignId: string) {
  return useQuery({
    queryKey: [...dataKeys.campaigns(chainId), 'completion', campaignId],
    queryFn: ({ signal }) =>
      api.get<CompletionItem[]>(`/chains/${chainId}/campaigns/${campaignId}/completion`, { signal }),
  });
}

function useCampaignMutation<V, R>(chainId: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: dataKeys.campaigns(chainId) });
      void queryClient.invalidateQueries({ queryKey: dataKeys.alerts(chainId) });
    },
  });
}

/** Opens a collection campaign (coordinators). */
export function useCreateCampaign(chainId: string) {
  return useCampaignMutation(chainId, (body: CampaignCreate) =>
    api.post<Campaign>(`/chains/${chainId}/campaigns`, body),
  );
}

/** Edits a campaign (coordinators: close it, reopen it), guarded by the version read. */
export function useUpdateCampaign(chainId: string) {
  return useCampaignMutation(
    chainId,
    ({ campaign, body }: { campaign: Campaign; body: BodyOf<typeof CampaignUpdate> }) =>
      api.patch<Campaign>(`/chains/${chainId}/campaigns/${campaign.id}`, body, campaign.version),
  );
}

function useObservationMutation<V, R>(chainId: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => invalidateCollectedData(queryClient, chainId),
  });
}

/** Saves a batch of values atomically (draft or submitted): one bad value refuses them all. */
export function useSaveObservations(chainId: string) {
  return useObservationMutation(chainId, (body: ObservationBatch) =>
    apiRequest<{ items: Observation[] }>(`/chains/${chainId}/observations`, { method: 'PUT', body }),
  );
}

/** Coordinators move submitted values: approve (locks them), reject with a reason, or reopen approved ones. */
export function useReview(chainId: string) {
  return {
    approve: useObservationMutation(chainId, (body: Approval) =>
      api.post<{ count: number }>(`/chains/${chainId}/observations/approval`, body),
    ),
    reject: useObservationMutation(chainId, (body: Rejection) =>
      api.post<{ count: number }>(`/chains/${chainId}/observations/rejection`, body),
    ),
    reopen: useObservationMutation(chainId, (body: Approval) =>
      api.post<{ count: number }>(`/chains/${chainId}/observations/reopen`, body),
    ),
  };
}
