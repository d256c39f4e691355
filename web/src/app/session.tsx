import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Locale,
  LoginAnswer,
  SessionAnswer,
  TwoFactorChallenge,
  TwoFactorState,
  User,
} from '@tisserand/core';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, api, onUnauthorized, setCsrfToken } from './api';
import i18n, { changeLanguage, hasStoredLanguage } from './i18n';

export const SESSION_KEY = ['session'] as const;

/** Why the last session ended, to tell the user on the sign-in page. */
export type SessionEnd = 'signedOut' | 'expired' | null;

export interface SessionValue {
  status: 'loading' | 'signedIn' | 'signedOut' | 'error';
  /** Why the session could not be read (status `error`). */
  error: unknown;
  retry: () => void;
  user: User | null;
  ended: SessionEnd;
  /** The account's second factor; `enrolmentRequired` when the server makes admins enrol first. */
  twoFactor: TwoFactorState | null;
  /** Signs in, or answers the challenge of a second step when the account has 2FA on. */
  login: (email: string, password: string) => Promise<User | TwoFactorChallenge>;
  /** The second step of a sign-in: the challenge and a TOTP or recovery code. */
  loginSecondFactor: (challenge: string, code: string) => Promise<User>;
  /** Records a change of the second factor (activated or turned off on the account page). */
  setTwoFactor: (state: TwoFactorState) => void;
  logout: () => Promise<void>;
  /** Replaces the signed-in user after a change of their profile. */
  setUser: (user: User) => void;
}

const SessionContext = createContext<SessionValue | null>(null);

async function fetchSession(): Promise<SessionAnswer | null> {
  try {
    return await api.get<SessionAnswer>('/auth/session', { quietUnauthorized: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Without a choice made on this browser, the interface follows the account's language. */
function adoptAccountLanguage(locale: Locale) {
  if (!hasStoredLanguage() && i18n.language !== locale) void i18n.changeLanguage(locale);
}

/** Holds the signed-in user: `GET /auth/session` on load, sign-in and sign-out. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [ended, setEnded] = useState<SessionEnd>(null);
  const query = useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const answer = query.data ?? null;

  useEffect(() => {
    setCsrfToken(answer?.csrfToken ?? null);
    if (answer) adoptAccountLanguage(answer.user.locale);
  }, [answer]);

  const signedOut = useCallback(
    (reason: SessionEnd) => {
      setCsrfToken(null);
      queryClient.cancelQueries();
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, null);
      setEnded(reason);
    },
    [queryClient],
  );

  useEffect(
    () =>
      onUnauthorized(() => {
        if (queryClient.getQueryData(SESSION_KEY)) signedOut('expired');
      }),
    [queryClient, signedOut],
  );

  const signedIn = useCallback(
    (result: SessionAnswer) => {
      setCsrfToken(result.csrfToken);
      queryClient.setQueryData(SESSION_KEY, result);
      setEnded(null);
      return result.user;
    },
    [queryClient],
  );

  const login = useCallback(
    async (email: string, password: string) => {
      const result = await api.post<LoginAnswer>(
        '/auth/login',
        { email, password },
        { quietUnauthorized: true },
      );
      return 'twoFactorRequired' in result ? result : signedIn(result);
    },
    [signedIn],
  );

  const loginSecondFactor = useCallback(
    async (challenge: string, code: string) =>
      signedIn(
        await api.post<SessionAnswer>('/auth/login/2fa', { challenge, code }, { quietUnauthorized: true }),
      ),
    [signedIn],
  );

  const setTwoFactor = useCallback(
    (twoFactor: TwoFactorState) => {
      queryClient.setQueryData<SessionAnswer | null>(SESSION_KEY, (previous) =>
        previous ? { ...previous, twoFactor } : previous,
      );
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await api.post<void>('/auth/logout', undefined, { quietUnauthorized: true });
    } finally {
      signedOut('signedOut');
    }
  }, [signedOut]);

  const setUser = useCallback(
    (user: User) => {
      queryClient.setQueryData<SessionAnswer | null>(SESSION_KEY, (previous) =>
        previous ? { ...previous, user } : previous,
      );
    },
    [queryClient],
  );

  const value = useMemo<SessionValue>(
    () => ({
      status: query.isPending ? 'loading' : answer ? 'signedIn' : query.isError ? 'error' : 'signedOut',
      error: query.error,
      retry: () => void query.refetch(),
      user: answer?.user ?? null,
      ended,
      twoFactor: answer?.twoFactor ?? null,
      login,
      loginSecondFactor,
      setTwoFactor,
      logout,
      setUser,
    }),
    [
      query.isPending,
      query.isError,
      query.error,
      query.refetch,
      answer,
      ended,
      login,
      loginSecondFactor,
      setTwoFactor,
      logout,
      setUser,
    ],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session: who is signed in, and how to sign in and out. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in user; only for pages behind the sign-in guard. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser needs a signed-in user');
  return user;
}

/** Switches the interface language; when signed in, the account's locale follows. */
export function useLanguageSwitch() {
  const { user, setUser } = useSession();
  const queryClient = useQueryClient();
  return useCallback(
    async (language: Locale) => {
      await changeLanguage(language);
      // Labels (capitals…) come in the request's language: fetch them again.
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      if (user && user.locale !== language) {
        try {
          setUser(await api.patch<User>('/me', { locale: language }));
        } catch {
          // The interface has switched anyway; the account keeps its former locale.
        }
      }
    },
    [user, setUser, queryClient],
  );
}
