import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';

/** A notification as `GET /chains/:chainId/notifications` answers it (the contract is the server route's). */
export interface AppNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** A path of the web app, or null. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

const POLL_MS = 60_000;
const notificationsKey = (chainId: string) => ['chains', chainId, 'notifications'] as const;

/** The caller's notifications in a chain (newest first), polled every minute. */
export function useNotifications(chainId: string | undefined) {
  return useQuery({
    queryKey: notificationsKey(chainId ?? ''),
    queryFn: async ({ signal }) =>
      (await api.get<{ items: AppNotification[] }>(`/chains/${chainId}/notifications`, { signal })).items,
    enabled: Boolean(chainId),
    refetchInterval: POLL_MS,
  });
}

/** Marks notifications as read (one request each: the API reads them one by one). */
export function useMarkRead(chainId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) =>
      Promise.all(ids.map((id) => api.post<void>(`/chains/${chainId}/notifications/${id}/read`))),
    onMutate: (ids) => {
      const now = new Date().toISOString();
      queryClient.setQueryData<AppNotification[]>(notificationsKey(chainId), (previous) =>
        previous?.map((n) => (ids.includes(n.id) && !n.readAt ? { ...n, readAt: now } : n)),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey(chainId) }),
  });
}
