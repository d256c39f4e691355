import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Agreement,
  AgreementCreate,
  AgreementUpdate,
  AgreementVersion,
  ListOf,
  Signature,
} from '@tisserand/core';
import { api } from '../../app/api';
import { mediationKeys, type OutputOf } from '../proposals/api';

export type AgreementVersionItem = OutputOf<typeof AgreementVersion>;
export type SignatureItem = OutputOf<typeof Signature>;

/** The agreements of a chain (one page of up to 500), by title. */
export function useAgreements(chainId: string) {
  return useQuery({
    queryKey: [...mediationKeys.agreements(chainId), 'list'],
    queryFn: async ({ signal }) => {
      const page = await api.get<ListOf<Agreement>>(`/chains/${chainId}/agreements`, {
        query: { limit: 500 },
        signal,
      });
      return [...page.items].sort((a, b) => a.title.localeCompare(b.title));
    },
  });
}

/** One agreement, with the signatures on its current terms. */
export function useAgreement(chainId: string, agreementId: string) {
  return useQuery({
    queryKey: [...mediationKeys.agreements(chainId), 'one', agreementId],
    queryFn: ({ signal }) => api.get<Agreement>(`/chains/${chainId}/agreements/${agreementId}`, { signal }),
  });
}

/** Every version of an agreement's terms, oldest first, each with its signatures. */
export function useAgreementVersions(chainId: string, agreementId: string) {
  return useQuery({
    queryKey: [...mediationKeys.agreements(chainId), 'versions', agreementId],
    queryFn: async ({ signal }) =>
      (
        await api.get<{ items: AgreementVersionItem[] }>(
          `/chains/${chainId}/agreements/${agreementId}/versions`,
          { signal },
        )
      ).items,
  });
}

function useAgreementMutation<V, R>(chainId: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Proposals name agreements as subjects, conflicts as settlements.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: mediationKeys.agreements(chainId) });
      void queryClient.invalidateQueries({ queryKey: mediationKeys.conflicts(chainId) });
    },
  });
}

/** Drafts an agreement (coordinators): its terms become version 1. */
export function useCreateAgreement(chainId: string) {
  return useAgreementMutation(chainId, (body: AgreementCreate) =>
    api.post<Agreement>(`/chains/${chainId}/agreements`, body),
  );
}

/**
 * Edits an agreement (coordinators), guarded by the version read. New terms make a new version
 * of the terms and send the agreement back to negotiation.
 */
export function useUpdateAgreement(chainId: string) {
  return useAgreementMutation(
    chainId,
    ({ agreement, body }: { agreement: Agreement; body: AgreementUpdate }) =>
      api.patch<Agreement>(`/chains/${chainId}/agreements/${agreement.id}`, body, agreement.version),
  );
}

/** Deletes an agreement (coordinators), guarded by the version read. */
export function useDeleteAgreement(chainId: string) {
  return useAgreementMutation(chainId, (agreement: Agreement) =>
    api.delete(`/chains/${chainId}/agreements/${agreement.id}`, agreement.version),
  );
}

/** Signs the current terms for a party: a partner for its own actor, a coordinator records any party's. */
export function useSignAgreement(chainId: string, agreementId: string) {
  return useAgreementMutation(chainId, (actorId: string) =>
    api.post<SignatureItem>(`/chains/${chainId}/agreements/${agreementId}/signatures`, { actorId }),
  );
}
