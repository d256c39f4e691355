import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  Actor,
  ActorCreate,
  ActorRole,
  ActorStatus,
  ActorUpdate,
  Contact,
  ContactCreate as ContactCreateSchema,
  ContactUpdate as ContactUpdateSchema,
  Intent,
  IntentCreate,
  IntentUpdate as IntentUpdateSchema,
  ListOf,
} from '@tisserand/core';
import { api } from '../../app/api';
import { type BodyOf, invalidateChainModel, metaKeys } from '../overview/api';

export type ContactCreate = BodyOf<typeof ContactCreateSchema>;
export type ContactUpdate = BodyOf<typeof ContactUpdateSchema>;
export type IntentUpdate = BodyOf<typeof IntentUpdateSchema>;

export interface ActorFilters {
  q?: string;
  role?: ActorRole;
  status?: ActorStatus;
  stageId?: string;
}

/** The actors of a chain, filtered, page by page (`?cursor=`). */
export function useActors(chainId: string, filters: ActorFilters) {
  return useInfiniteQuery({
    queryKey: [...metaKeys.actors(chainId), 'list', filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.get<ListOf<Actor>>(`/chains/${chainId}/actors`, {
        query: { limit: 50, cursor: pageParam, ...filters },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** One actor. */
export function useActor(chainId: string, actorId: string) {
  return useQuery({
    queryKey: [...metaKeys.actors(chainId), 'one', actorId],
    queryFn: ({ signal }) => api.get<Actor>(`/chains/${chainId}/actors/${actorId}`, { signal }),
  });
}

function useActorMutation<V, R>(chainId: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: metaKeys.actors(chainId) });
      invalidateChainModel(queryClient, chainId);
    },
  });
}

/** Adds an actor (coordinators). */
export function useCreateActor(chainId: string) {
  return useActorMutation(chainId, (body: ActorCreate) => api.post<Actor>(`/chains/${chainId}/actors`, body));
}

/** Edits an actor (coordinators; its own partner, except the status), guarded by its version. */
export function useUpdateActor(chainId: string) {
  return useActorMutation(chainId, ({ actor, body }: { actor: Actor; body: ActorUpdate }) =>
    api.patch<Actor>(`/chains/${chainId}/actors/${actor.id}`, body, actor.version),
  );
}

/** Deletes an actor (coordinators), guarded by its version; 409 while partners are bound to it. */
export function useDeleteActor(chainId: string) {
  const queryClient = useQueryClient();
  return useActorMutation(chainId, async (actor: Actor) => {
    await api.delete(`/chains/${chainId}/actors/${actor.id}`, actor.version);
    void queryClient.invalidateQueries({ queryKey: metaKeys.flows(chainId) });
    void queryClient.invalidateQueries({ queryKey: metaKeys.intents(chainId) });
  });
}

const contactsKey = (chainId: string, actorId: string) => [...metaKeys.actors(chainId), 'contacts', actorId];

/** An actor's contacts (personal data): only asked when the caller may see them. */
export function useContacts(chainId: string, actorId: string, enabled: boolean) {
  return useQuery({
    queryKey: contactsKey(chainId, actorId),
    queryFn: ({ signal }) =>
      api.get<ListOf<Contact>>(`/chains/${chainId}/actors/${actorId}/contacts`, {
        query: { limit: 500 },
        signal,
      }),
    enabled,
  });
}

function useContactMutation<V>(
  chainId: string,
  actorId: string,
  mutationFn: (variables: V) => Promise<unknown>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: contactsKey(chainId, actorId) }),
  });
}

/** Adds, edits (guarded by version) and deletes an actor's contacts. */
export function useContactMutations(chainId: string, actorId: string) {
  const base = `/chains/${chainId}/actors/${actorId}/contacts`;
  return {
    create: useContactMutation(chainId, actorId, (body: ContactCreate) => api.post<Contact>(base, body)),
    update: useContactMutation(
      chainId,
      actorId,
      ({ contact, body }: { contact: Contact; body: ContactUpdate }) =>
        api.patch<Contact>(`${base}/${contact.id}`, body, contact.version),
    ),
    remove: useContactMutation(chainId, actorId, (contact: Contact) =>
      api.delete(`${base}/${contact.id}`, contact.version),
    ),
  };
}

/** An actor's offers and needs. */
export function useActorIntents(chainId: string, actorId: string) {
  return useQuery({
    queryKey: [...metaKeys.intents(chainId), 'actor', actorId],
    queryFn: ({ signal }) =>
      api.get<ListOf<Intent>>(`/chains/${chainId}/intents`, { query: { actorId, limit: 500 }, signal }),
  });
}

function useIntentMutation<V>(chainId: string, mutationFn: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: metaKeys.intents(chainId) });
      invalidateChainModel(queryClient, chainId);
    },
  });
}

/** Adds, edits (guarded by version) and deletes intents (coordinators; a partner for its own actor). */
export function useIntentMutations(chainId: string) {
  const base = `/chains/${chainId}/intents`;
  return {
    create: useIntentMutation(chainId, (body: IntentCreate) => api.post<Intent>(base, body)),
    update: useIntentMutation(chainId, ({ intent, body }: { intent: Intent; body: IntentUpdate }) =>
      api.patch<Intent>(`${base}/${intent.id}`, body, intent.version),
    ),
    remove: useIntentMutation(chainId, (intent: Intent) =>
      api.delete(`${base}/${intent.id}`, intent.version),
    ),
  };
}
