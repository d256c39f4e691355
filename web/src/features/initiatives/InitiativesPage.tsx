import {
  Anchor,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconPlus, IconRocket } from '@tabler/icons-react';
import type { Goal, Initiative } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert, PageHeader, PageLoader } from '../../app/ui';
import { BADGE_FIT } from '../actors/labels';
import { useCurrentChain } from '../chains/ChainLayout';
import { useGoals } from '../goals/api';
import { useDataFormat } from '../indicators/format';
import { type ChainDirectory, useChainDirectory } from '../overview/api';
import { useInitiatives } from './api';
import { AcceptedHarms, OpenHarmBadges } from './components/HarmBadges';
import { InitiativeFormModal } from './components/InitiativeFormModal';
import { INITIATIVE_STATUS_COLOR } from './labels';

/** An initiative's status as a badge. */
export function InitiativeStatusBadge({ status }: { status: Initiative['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={INITIATIVE_STATUS_COLOR[status]} variant="light" style={BADGE_FIT}>
      {t(`initiatives.statuses.${status}`)}
    </Badge>
  );
}

/** "48 000 €": a budget in the interface language. */
export function useBudgetText() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language, {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  });
  return (value: number) => format.format(value);
}

function InitiativeCard({
  initiative,
  chainId,
  directory,
  goalById,
}: {
  initiative: Initiative;
  chainId: string;
  directory: ChainDirectory | undefined;
  goalById: Map<string, Goal>;
}) {
  const { t } = useTranslation();
  const format = useDataFormat();
  const budget = useBudgetText();
  const base = `/chains/${chainId}`;
  const titleId = `initiative-${initiative.id}-title`;
  const lead = initiative.leadActorId ? directory?.actorById.get(initiative.leadActorId) : undefined;
  const dates = [initiative.startDate, initiative.endDate].map((d) => (d ? format.date(d) : null));
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId} data-testid="initiative-card">
      <Stack gap="sm" h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Title order={2} size="h5" id={titleId}>
            <Anchor component={Link} to={`${base}/initiatives/${initiative.id}`} inherit>
              {initiative.title}
            </Anchor>
          </Title>
          <InitiativeStatusBadge status={initiative.status} />
        </Group>
        {initiative.description && (
          <Text size="sm" lineClamp={3}>
            {initiative.description}
          </Text>
        )}
        <Stack gap={2} component="dl" m={0}>
          <Group gap={6} wrap="nowrap">
            <Text component="dt" size="sm" c="dimmed">
              {t('initiatives.fields.leadActor')}
            </Text>
            <Text component="dd" m={0} size="sm">
              {lead ? (
                <Anchor component={Link} to={`${base}/actors/${lead.id}`} inherit>
                  {lead.name}
                </Anchor>
              ) : (
                t('common.none')
              )}
            </Text>
          </Group>
          {initiative.budget !== null && (
            <Group gap={6} wrap="nowrap">
              <Text component="dt" size="sm" c="dimmed">
                {t('initiatives.fields.budget')}
              </Text>
              <Text component="dd" m={0} size="sm">
                {budget(initiative.budget)}
              </Text>
            </Group>
          )}
          {(dates[0] || dates[1]) && (
            <Group gap={6} wrap="nowrap">
              <Text component="dt" size="sm" c="dimmed">
                {t('initiatives.card.dates')}
              </Text>
              <Text component="dd" m={0} size="sm">
                {dates[0] && dates[1]
                  ? t('initiatives.card.fromTo', { from: dates[0], to: dates[1] })
                  : dates[0]
                    ? t('initiatives.card.from', { from: dates[0] })
                    : t('initiatives.card.to', { to: dates[1] ?? '' })}
              </Text>
            </Group>
          )}
        </Stack>
        {initiative.goalIds.length > 0 && (
          <Stack gap={2}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase">
              {t('initiatives.fields.goals')}
            </Text>
            {initiative.goalIds.map((id) => (
              <Anchor key={id} component={Link} to={`${base}/goals/${id}`} size="sm">
                {goalById.get(id)?.title ?? '…'}
              </Anchor>
            ))}
          </Stack>
        )}
        <Stack gap={6} mt="auto">
          <OpenHarmBadges chainId={chainId} harms={initiative.harms} />
          <AcceptedHarms chainId={chainId} initiative={initiative} />
        </Stack>
      </Stack>
    </Card>
  );
}

/** `/chains/:chainId/initiatives`: actions and investments in the chain, with their harms in plain sight. */
export function InitiativesPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const navigate = useNavigate();
  const initiatives = useInitiatives(chain.id);
  const directory = useChainDirectory(chain.id);
  const goals = useGoals(chain.id);
  const [creating, setCreating] = useState(false);
  const isCoordinator = chain.myRole === 'coordinator';
  const goalById = new Map((goals.data ?? []).map((g) => [g.id, g]));
  const items = initiatives.data ?? [];
  const withHarms = items.filter((i) => i.harms.length > 0 && i.status !== 'stopped');

  return (
    <>
      <PageHeader
        title={t('initiatives.title')}
        description={t('initiatives.intro')}
        actions={
          isCoordinator && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('initiatives.create')}
            </Button>
          )
        }
      />
      {initiatives.isPending && <PageLoader />}
      {initiatives.isError && (
        <ErrorAlert error={initiatives.error} onRetry={() => void initiatives.refetch()} />
      )}
      {initiatives.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconRocket size={28} />}
          withIndicatorBackground
          title={t('initiatives.emptyTitle')}
          description={isCoordinator ? t('initiatives.emptyBody') : t('initiatives.emptyBodyReader')}
        >
          {isCoordinator && (
            <EmptyState.Actions>
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('initiatives.create')}
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      )}
      {initiatives.isSuccess && items.length > 0 && (
        <Stack gap="md">
          <Text size="sm" c={withHarms.length > 0 ? 'red.8' : 'teal.8'} fw={500}>
            {withHarms.length > 0
              ? t('initiatives.harmSummary', { count: withHarms.length })
              : t('initiatives.noHarm')}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
            {items.map((initiative) => (
              <InitiativeCard
                key={initiative.id}
                initiative={initiative}
                chainId={chain.id}
                directory={directory.data}
                goalById={goalById}
              />
            ))}
          </SimpleGrid>
        </Stack>
      )}
      {creating && (
        <InitiativeFormModal
          chainId={chain.id}
          onClose={() => setCreating(false)}
          onSaved={(saved) => void navigate(`/chains/${chain.id}/initiatives/${saved.id}`)}
        />
      )}
    </>
  );
}
