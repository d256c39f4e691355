import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Conflict,
  ConflictCreate as ConflictCreateSchema,
  ConflictUpdate as ConflictUpdateSchema,
  ListOf,
  MediationSession,
  SessionCreate as SessionCreateSchema,
} from '@tisserand/core';
import { api } from '../../app/api';
import type { BodyOf } from '../overview/api';
import { mediationKeys, type OutputOf } from '../proposals/api';

export type ConflictCreate = BodyOf<typeof ConflictCreateSchema>;
export type ConflictUpdate = BodyOf<typeof ConflictUpdateSchema>;
export type SessionCreate = BodyOf<typeof SessionCreateSchema>;
export type Session = OutputOf<typeof MediationSession>;

/** The conflicts the caller may see: all for coordinators, those its actor is a party to for a partner. */
export function useConflicts(chainId: string) {
  return useQuery({
    queryKey: [...mediationKeys.conflicts(chainId), 'list'],
    queryFn: async ({ signal }) =>
      (await api.get<ListOf<Conflict>>(`/chains/${chainId}/conflicts`, { query: { limit: 500 }, signal }))
        .items,
  });
}

/** One conflict (404 when the caller is not allowed to see it). */
export function useConflict(chainId: string, conflictId: string) {
  return useQuery({
    queryKey: [...mediationKeys.conflicts(chainId), 'one', conflictId],
    queryFn: ({ signal }) => api.get<Conflict>(`/chains/${chainId}/conflicts/${conflictId}`, { signal }),
  });
}

/** The mediation sessions of a conflict, by date. */
export function useSessions(chainId: string, conflictId: string) {
  return useQuery({
    queryKey: [...mediationKeys.conflicts(chainId), 'sessions', conflictId],
    queryFn: async ({ signal }) => {
      const page = await api.get<ListOf<Session>>(`/chains/${chainId}/conflicts/${conflictId}/sessions`, {
        query: { limit: 500 },
        signal,
      });
      return [...page.items].sort((a, b) => a.date.localeCompare(b.date));
    },
  });
}

function useConflictMutation<V, R>(chainId: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: mediationKeys.conflicts(chainId) }),
  });
}

/** Reports a conflict: coordinators, or a partner whose actor is a party. */
export function useCreateConflict(chainId: string) {
  return useConflictMutation(chainId, (body: ConflictCreate) =>
    api.post<Conflict>(`/chains/${chainId}/conflicts`, body),
  );
}

/** Edits a conflict (coordinators mediate), guarded by the version read. */
export function useUpdateConflict(chainId: string) {
  return useConflictMutation(chainId, ({ conflict, body }: { conflict: Conflict; body: ConflictUpdate }) =>
    api.patch<Conflict>(`/chains/${chainId}/conflicts/${conflict.id}`, body, conflict.version),
  );
}

/** Deletes a conflict (coordinators), guarded by the version read. */
export function useDeleteConflict(chainId: string) {
  return useConflictMutation(chainId, (conflict: Conflict) =>
    api.delete(`/chains/${chainId}/conflicts/${conflict.id}`, conflict.version),
  );
}

/** Records a mediation session (coordinators). */
export function useCreateSession(chainId: string, conflictId: string) {
  return useConflictMutation(chainId, (body: SessionCreate) =>
    api.post<Session>(`/chains/${chainId}/conflicts/${conflictId}/sessions`, body),
  );
}
