import {
  Anchor,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowRight, IconHeartHandshake, IconUsers, IconX } from '@tabler/icons-react';
import type { Introduction, Suggestion } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format';
import { ErrorAlert, notifySuccess, PageHeader, PageLoader } from '../../app/ui';
import { useCurrentChain } from '../chains/ChainLayout';
import { useChainDirectory } from '../overview/api';
import { useCreateIntroduction, useIntroductions, useSuggestions, useUpdateIntroduction } from './api';
import { RelationshipModal } from './components/RelationshipModal';

type IntroductionStatus = Introduction['status'];
const STATUS_COLOR: Record<IntroductionStatus, string> = {
  proposed: 'gray',
  made: 'blue',
  relationship_formed: 'teal',
  declined: 'red',
};
const OPEN: readonly IntroductionStatus[] = ['proposed', 'made'];
const pairKey = (from: string, to: string) => `${from}→${to}`;

function ActorLink({ chainId, id, name }: { chainId: string; id: string; name: string }) {
  return (
    <Anchor component={Link} to={`/chains/${chainId}/actors/${id}`} fw={600}>
      {name}
    </Anchor>
  );
}

function Pair({
  chainId,
  from,
  to,
  name,
}: {
  chainId: string;
  from: string;
  to: string;
  name: (id: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <ActorLink chainId={chainId} id={from} name={name(from)} />
      <IconArrowRight size={16} aria-label={t('matchmaking.to')} role="img" />
      <ActorLink chainId={chainId} id={to} name={name(to)} />
    </Group>
  );
}

function SuggestionCard({
  suggestion,
  chainId,
  name,
  introduced,
  canWrite,
}: {
  suggestion: Suggestion;
  chainId: string;
  name: (id: string) => string;
  introduced: boolean;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const create = useCreateIntroduction(chainId);
  const score = Math.round(suggestion.score);
  const from = name(suggestion.fromActorId);
  const to = name(suggestion.toActorId);
  return (
    <Card
      withBorder
      padding="md"
      component="article"
      data-testid="suggestion-card"
      aria-label={t('matchmaking.suggestionLabel', { from, to })}
    >
      <Stack gap="xs">
        <Pair chainId={chainId} from={suggestion.fromActorId} to={suggestion.toActorId} name={name} />
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('matchmaking.resource')}
          </Text>
          <Badge variant="light" color="grape" style={{ textTransform: 'none' }}>
            {suggestion.resource}
          </Badge>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Progress
            value={score}
            flex={1}
            size="lg"
            color={score >= 70 ? 'teal' : score >= 40 ? 'blue' : 'gray'}
            aria-label={t('matchmaking.score')}
          />
          <Text size="sm" fw={600} miw={64} ta="right">
            {t('matchmaking.scoreValue', { score })}
          </Text>
        </Group>
        <Text size="sm">{suggestion.reason}</Text>
        {create.isError && <ErrorAlert error={create.error} />}
        {introduced ? (
          <Badge color="blue" variant="outline" w="fit-content">
            {t('matchmaking.alreadyIntroduced')}
          </Badge>
        ) : (
          canWrite && (
            <Button
              w="fit-content"
              size="sm"
              leftSection={<IconUsers size={16} aria-hidden />}
              loading={create.isPending}
              aria-label={t('matchmaking.introduceLabel', { from, to })}
              onClick={() =>
                create.mutate(
                  {
                    fromActorId: suggestion.fromActorId,
                    toActorId: suggestion.toActorId,
                    reason: suggestion.reason,
                    status: 'made',
                  },
                  { onSuccess: () => notifySuccess(t('matchmaking.introduced', { from, to })) },
                )
              }
            >
              {t('matchmaking.introduce')}
            </Button>
          )
        )}
      </Stack>
    </Card>
  );
}

function IntroductionCard({
  introduction,
  chainId,
  name,
  canWrite,
  onForm,
}: {
  introduction: Introduction;
  chainId: string;
  name: (id: string) => string;
  canWrite: boolean;
  onForm: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const update = useUpdateIntroduction(chainId);
  const from = name(introduction.fromActorId);
  const to = name(introduction.toActorId);
  const open = OPEN.includes(introduction.status);
  return (
    <Card
      withBorder
      padding="md"
      component="article"
      data-testid="introduction-card"
      aria-label={t('matchmaking.introductionLabel', { from, to })}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Pair chainId={chainId} from={introduction.fromActorId} to={introduction.toActorId} name={name} />
          <Badge
            color={STATUS_COLOR[introduction.status]}
            variant="light"
            data-testid="introduction-status"
            style={{ minWidth: 'max-content' }}
          >
            {t(`matchmaking.statuses.${introduction.status}`)}
          </Badge>
        </Group>
        {introduction.reason && <Text size="sm">{introduction.reason}</Text>}
        <Text size="xs" c="dimmed">
          {t('matchmaking.recordedOn', { date: format.date(introduction.createdAt) })}
        </Text>
        {introduction.flowId && (
          <Anchor component={Link} to={`/chains/${chainId}/flows`} size="sm">
            {t('matchmaking.seeFlow')}
          </Anchor>
        )}
        {update.isError && <ErrorAlert error={update.error} />}
        {canWrite && open && (
          <Group gap="xs">
            {introduction.status === 'proposed' && (
              <Button
                size="xs"
                variant="light"
                loading={update.isPending}
                onClick={() => update.mutate({ introduction, body: { status: 'made' } })}
              >
                {t('matchmaking.markMade')}
              </Button>
            )}
            <Button size="xs" leftSection={<IconHeartHandshake size={14} aria-hidden />} onClick={onForm}>
              {t('matchmaking.formed')}
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconX size={14} aria-hidden />}
              loading={update.isPending}
              onClick={() =>
                update.mutate(
                  { introduction, body: { status: 'declined' } },
                  { onSuccess: () => notifySuccess(t('matchmaking.declinedDone', { from, to })) },
                )
              }
            >
              {t('matchmaking.decline')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** `/chains/:chainId/matchmaking`: ranked pairs to introduce, and introductions followed to a relationship. */
export function MatchmakingPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const directory = useChainDirectory(chain.id);
  const suggestions = useSuggestions(chain.id);
  const introductions = useIntroductions(chain.id);
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const [forming, setForming] = useState<Introduction | null>(null);
  const canWrite = chain.myRole === 'coordinator';
  const name = (id: string) => directory.data?.actorById.get(id)?.name ?? '…';

  const suggestionItems = suggestions.data?.items ?? [];
  const intros = [...(introductions.data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const openPairs = new Set(
    intros.filter((i) => OPEN.includes(i.status)).map((i) => pairKey(i.fromActorId, i.toActorId)),
  );
  const resourceOf = new Map(suggestionItems.map((s) => [pairKey(s.fromActorId, s.toActorId), s.resource]));
  const shown = filter === 'open' ? intros.filter((i) => OPEN.includes(i.status)) : intros;

  return (
    <>
      <PageHeader title={t('matchmaking.title')} description={t('matchmaking.intro')} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
        <Stack gap="sm" component="section" aria-labelledby="suggestions-title">
          <Title order={2} size="h4" id="suggestions-title">
            {t('matchmaking.suggestions', { count: suggestionItems.length })}
          </Title>
          {suggestions.isPending && <PageLoader />}
          {suggestions.isError && (
            <ErrorAlert error={suggestions.error} onRetry={() => void suggestions.refetch()} />
          )}
          {suggestions.isSuccess && suggestionItems.length === 0 && (
            <EmptyState
              icon={<IconUsers size={28} />}
              withIndicatorBackground
              title={t('matchmaking.noSuggestionsTitle')}
              description={t('matchmaking.noSuggestionsBody')}
            >
              <EmptyState.Actions>
                <Button component={Link} to={`/chains/${chain.id}/actors`} variant="default">
                  {t('matchmaking.goToActors')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          )}
          {suggestionItems.map((s) => (
            <SuggestionCard
              key={`${s.offerIntentId}:${s.needIntentId}`}
              suggestion={s}
              chainId={chain.id}
              name={name}
              introduced={openPairs.has(pairKey(s.fromActorId, s.toActorId))}
              canWrite={canWrite}
            />
          ))}
        </Stack>
        <Stack gap="sm" component="section" aria-labelledby="introductions-title">
          <Group justify="space-between">
            <Title order={2} size="h4" id="introductions-title">
              {t('matchmaking.introductions')}
            </Title>
            <SegmentedControl
              size="xs"
              aria-label={t('matchmaking.filterLabel')}
              value={filter}
              onChange={(v) => setFilter(v === 'all' ? 'all' : 'open')}
              data={[
                { value: 'open', label: t('matchmaking.filterOpen') },
                { value: 'all', label: t('matchmaking.filterAll') },
              ]}
            />
          </Group>
          <Text size="sm" c="dimmed">
            {t('matchmaking.statusFlow')}
          </Text>
          {introductions.isPending && <PageLoader />}
          {introductions.isError && (
            <ErrorAlert error={introductions.error} onRetry={() => void introductions.refetch()} />
          )}
          {introductions.isSuccess && shown.length === 0 && (
            <Text size="sm" c="dimmed" data-testid="no-introductions">
              {t(filter === 'open' ? 'matchmaking.noOpenIntroductions' : 'matchmaking.noIntroductions')}
            </Text>
          )}
          {shown.map((i) => (
            <IntroductionCard
              key={i.id}
              introduction={i}
              chainId={chain.id}
              name={name}
              canWrite={canWrite}
              onForm={() => setForming(i)}
            />
          ))}
        </Stack>
      </SimpleGrid>
      {forming && (
        <RelationshipModal
          chainId={chain.id}
          introduction={forming}
          fromName={name(forming.fromActorId)}
          toName={name(forming.toActorId)}
          defaultProduct={resourceOf.get(pairKey(forming.fromActorId, forming.toActorId)) ?? ''}
          onClose={() => setForming(null)}
        />
      )}
    </>
  );
}
