import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CapitalBalanceItem,
  Commitment,
  CommitmentCreate,
  CommitmentUpdate,
  Goal,
  GoalCreate,
  GoalProgress,
  GoalUpdate,
  ListOf,
} from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { metaKeys } from '../overview/api';

/** Query keys of the wealth-creation pages, all under the chain so that leaving a chain drops them. */
export const wealthKeys = {
  goals: (chainId: string) => ['chains', chainId, 'goals'] as const,
  commitments: (chainId: string) => ['chains', chainId, 'commitments'] as const,
  initiatives: (chainId: string) => ['chains', chainId, 'initiatives'] as const,
  capitalBalance: (chainId: string) => ['chains', chainId, 'capital-balance'] as const,
};

/**
 * After any change to goals, commitments or initiatives: the overview (harms, goal progress,
 * uncommitted goals) and the capital balance are computed from them, so both are stale.
 */
export function invalidateWealth(queryClient: QueryClient, chainId: string) {
  for (const key of [
    wealthKeys.capitalBalance(chainId),
    metaKeys.overview(chainId),
    metaKeys.gaps(chainId),
  ]) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
}

/** The goals of a chain (one page of up to 500: a chain has tens of goals), by title. */
export function useGoals(chainId: string) {
  return useQuery({
    queryKey: [...wealthKeys.goals(chainId), 'list'],
    queryFn: async ({ signal }) => {
      const page = await api.get<ListOf<Goal>>(`/chains/${chainId}/goals`, { query: { limit: 500 }, signal });
      return [...page.items].sort((a, b) => a.title.localeCompare(b.title));
    },
  });
}

/** One goal. */
export function useGoal(chainId: string, goalId: string) {
  return useQuery({
    queryKey: [...wealthKeys.goals(chainId), 'one', goalId],
    queryFn: ({ signal }) => api.get<Goal>(`/chains/${chainId}/goals/${goalId}`, { signal }),
  });
}

/** Where a goal stands: baseline, latest value, expected value today, target, on track or not. */
export function useGoalProgress(chainId: string, goalId: string) {
  return useQuery({
    queryKey: [...wealthKeys.goals(chainId), 'progress', goalId],
    queryFn: ({ signal }) => api.get<GoalProgress>(`/chains/${chainId}/goals/${goalId}/progress`, { signal }),
  });
}

function useGoalMutation<V, R>(chainId: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: wealthKeys.goals(chainId) });
      // Initiatives name their goals.
      void queryClient.invalidateQueries({ queryKey: wealthKeys.initiatives(chainId) });
      invalidateWealth(queryClient, chainId);
    },
  });
}

/** Adds a shared goal (coordinators). */
export function useCreateGoal(chainId: string) {
  return useGoalMutation(chainId, (body: GoalCreate) => api.post<Goal>(`/chains/${chainId}/goals`, body));
}

/** Edits a goal (coordinators), guarded by the version read. */
export function useUpdateGoal(chainId: string) {
  return useGoalMutation(chainId, ({ goal, body }: { goal: Goal; body: GoalUpdate }) =>
    api.patch<Goal>(`/chains/${chainId}/goals/${goal.id}`, body, goal.version),
  );
}

/** Deletes a goal (coordinators), guarded by the version read. */
export function useDeleteGoal(chainId: string) {
  return useGoalMutation(chainId, (goal: Goal) =>
    api.delete(`/chains/${chainId}/goals/${goal.id}`, goal.version),
  );
}

export interface CommitmentFilters {
  goalId?: string;
  actorId?: string;
}

/** Commitments, of one goal, one actor or the whole chain (every page). */
export function useCommitments(chainId: string, filters: CommitmentFilters = {}) {
  return useQuery({
    queryKey: [...wealthKeys.commitments(chainId), filters],
    queryFn: async ({ signal }) => {
      const items: Commitment[] = [];
      let cursor: string | null = null;
      do {
        const page: ListOf<Commitment> = await api.get<ListOf<Commitment>>(`/chains/${chainId}/commitments`, {
          query: { limit: 500, cursor, ...filters },
          signal,
        });
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return items;
    },
  });
}

function useCommitmentMutation<V, R>(chainId: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: wealthKeys.commitments(chainId) });
      invalidateWealth(queryClient, chainId);
    },
  });
}

/** Adds, edits (guarded by version) and deletes commitments (coordinators; a partner for its own actor). */
export function useCommitmentMutations(chainId: string) {
  const base = `/chains/${chainId}/commitments`;
  return {
    create: useCommitmentMutation(chainId, (body: CommitmentCreate) => api.post<Commitment>(base, body)),
    update: useCommitmentMutation(
      chainId,
      ({ commitment, body }: { commitment: Commitment; body: CommitmentUpdate }) =>
        api.patch<Commitment>(`${base}/${commitment.id}`, body, commitment.version),
    ),
    remove: useCommitmentMutation(chainId, (commitment: Commitment) =>
      api.delete(`${base}/${commitment.id}`, commitment.version),
    ),
  };
}

/** The capital balance: per capital, goals, indicators, initiatives' effects, a 0–100 score, blind spots. */
export function useCapitalBalance(chainId: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...wealthKeys.capitalBalance(chainId), i18n.language],
    queryFn: ({ signal }) => api.get<CapitalBalanceItem[]>(`/chains/${chainId}/capital-balance`, { signal }),
  });
}
