import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ListOf,
  MeUpdate,
  PasswordChange,
  Token,
  TokenCreate,
  TokenCreated,
  TwoFactorActivated,
  TwoFactorActivation,
  TwoFactorDisable,
  TwoFactorEnrolment,
  TwoFactorStatus,
  User,
} from '@tisserand/core';
import { api, apiRequest } from '../../app/api';
import { SESSION_KEY, useSession } from '../../app/session';

const tokenKeys = { all: ['me', 'tokens'] as const };

/** Updates the caller's name or locale. */
export function useUpdateMe() {
  const { setUser } = useSession();
  return useMutation({
    mutationFn: (body: MeUpdate) => api.patch<User>('/me', body),
    onSuccess: (user) => setUser(user),
  });
}

/** Changes the caller's password; the server ends their other sessions. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: PasswordChange) => api.post<void>('/me/password', body),
  });
}

/** The caller's API tokens (never their secret). */
export function useTokens() {
  return useQuery({
    queryKey: tokenKeys.all,
    queryFn: ({ signal }) => api.get<ListOf<Token>>('/me/tokens', { signal }),
  });
}

/** Creates an API token; the answer holds the secret, shown once. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TokenCreate) => api.post<TokenCreated>('/me/tokens', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

/** Revokes an API token at once. */
export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/me/tokens/${id}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

const twoFactorKeys = { status: ['me', '2fa'] as const };

/** Whether the caller's second factor is on, and how many recovery codes are left. */
export function useTwoFactorStatus() {
  return useQuery({
    queryKey: twoFactorKeys.status,
    queryFn: ({ signal }) => api.get<TwoFactorStatus>('/me/2fa', { signal }),
  });
}

/** Starts an enrolment: a new secret and its QR code, pending until activated. */
export function useStartTwoFactor() {
  return useMutation({
    mutationFn: () => api.post<TwoFactorEnrolment>('/me/2fa/enrolment'),
  });
}

/** Activates the pending secret with a code; answers the recovery codes, shown once. */
export function useActivateTwoFactor() {
  const queryClient = useQueryClient();
  const { setTwoFactor } = useSession();
  return useMutation({
    mutationFn: (body: TwoFactorActivation) => api.post<TwoFactorActivated>('/me/2fa/activation', body),
    onSuccess: () => {
      setTwoFactor({ enabled: true, enrolmentRequired: false });
      void queryClient.invalidateQueries({ queryKey: twoFactorKeys.status });
    },
  });
}

/** Turns the second factor off (password and a code). */
export function useDisableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TwoFactorDisable) => apiRequest<void>('/me/2fa', { method: 'DELETE', body }),
    onSuccess: () => {
      // The server may now require an admin to enrol again: read the session back.
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      void queryClient.invalidateQueries({ queryKey: twoFactorKeys.status });
    },
  });
}
