import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ListOf,
  MeUpdate,
  PasswordChange,
  Token,
  TokenCreate,
  TokenCreated,
  User,
} from '@tisserand/core';
import { api } from '../../app/api';
import { useSession } from '../../app/session';

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
