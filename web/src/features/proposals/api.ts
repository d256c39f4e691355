import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ListOf,
  PositionBody,
  PositionsAnswer,
  Proposal,
  ProposalCreate,
  ProposalUpdate as ProposalUpdateSchema,
} from '@tisserand/core';
import { api, apiRequest } from '../../app/api';
import { wealthKeys } from '../goals/api';
import { dataKeys } from '../indicators/api';
import type { BodyOf } from '../overview/api';

/** The output type of a zod contract, for answers whose type core does not export by name. */
export type OutputOf<S> = S extends { _zod: { output: infer O } } ? O : never;

export type ProposalUpdate = BodyOf<typeof ProposalUpdateSchema>;
export type Positions = OutputOf<typeof PositionsAnswer>;
export type PositionEntry = Positions['current'][number];
export type PositionValue = PositionBody['position'];

/** Query keys of the mediator pages, all under the chain so that leaving a chain drops them. */
export const mediationKeys = {
  proposals: (chainId: string) => ['chains', chainId, 'proposals'] as const,
  agreements: (chainId: string) => ['chains', chainId, 'agreements'] as const,
  conflicts: (chainId: string) => ['chains', chainId, 'conflicts'] as const,
};

/** The proposals of a chain (one page of up to 500: a chain puts tens of questions, not thousands). */
export function useProposals(chainId: string) {
  return useQuery({
    queryKey: [...mediationKeys.proposals(chainId), 'list'],
    queryFn: async ({ signal }) =>
      (await api.get<ListOf<Proposal>>(`/chains/${chainId}/proposals`, { query: { limit: 500 }, signal }))
        .items,
  });
}

/** One proposal, with the spread of its standing positions. */
export function useProposal(chainId: string, proposalId: string) {
  return useQuery({
    queryKey: [...mediationKeys.proposals(chainId), 'one', proposalId],
    queryFn: ({ signal }) => api.get<Proposal>(`/chains/${chainId}/proposals/${proposalId}`, { signal }),
  });
}

/** The standing position of each participant, and every position ever taken. */
export function usePositions(chainId: string, proposalId: string) {
  return useQuery({
    queryKey: [...mediationKeys.proposals(chainId), 'positions', proposalId],
    queryFn: ({ signal }) =>
      api.get<Positions>(`/chains/${chainId}/proposals/${proposalId}/positions`, { signal }),
  });
}

/** A closing may adopt a goal, an indicator or an agreement: their pages are stale too. */
function invalidateSubjects(queryClient: QueryClient, chainId: string) {
  for (const key of [
    wealthKeys.goals(chainId),
    dataKeys.indicators(chainId),
    mediationKeys.agreements(chainId),
  ]) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}

function useProposalMutation<V, R>(chainId: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: mediationKeys.proposals(chainId) }),
  });
}

/** Puts a question to named participants (coordinators). */
export function useCreateProposal(chainId: string) {
  return useProposalMutation(chainId, (body: ProposalCreate) =>
    api.post<Proposal>(`/chains/${chainId}/proposals`, body),
  );
}

/** Edits an open proposal (coordinators), guarded by the version read; a closed one answers 409. */
export function useUpdateProposal(chainId: string) {
  return useProposalMutation(chainId, ({ proposal, body }: { proposal: Proposal; body: ProposalUpdate }) =>
    api.patch<Proposal>(`/chains/${chainId}/proposals/${proposal.id}`, body, proposal.version),
  );
}

/** Takes (or changes) the position of one participant: a partner for its own actor, a coordinator for any. */
export function useTakePosition(chainId: string, proposalId: string) {
  return useProposalMutation(chainId, ({ actorId, body }: { actorId: string; body: PositionBody }) =>
    apiRequest<PositionEntry>(`/chains/${chainId}/proposals/${proposalId}/positions/${actorId}`, {
      method: 'PUT',
      body,
    }),
  );
}

/** Closes a proposal now (coordinators): its outcome is computed, and a consensus adopts its subject. */
export function useCloseProposal(chainId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (proposal: Proposal) =>
      api.post<Proposal>(`/chains/${chainId}/proposals/${proposal.id}/close`),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: mediationKeys.proposals(chainId) });
      invalidateSubjects(queryClient, chainId);
    },
  });
}
