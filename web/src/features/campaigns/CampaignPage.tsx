import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconChecks, IconLock, IconLockOpen } from '@tabler/icons-react';
import type { Campaign, CompletionItem, Indicator } from '@tisserand/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert, notifySuccess, PageHeader, PageLoader } from '../../app/ui';
import { BADGE_FIT } from '../actors/labels';
import { useCurrentChain } from '../chains/ChainLayout';
import { useIndicators } from '../indicators/api';
import { useDataFormat } from '../indicators/format';
import { type ChainDirectory, useChainDirectory } from '../overview/api';
import { useCampaign, useCompletion, useReview, useUpdateCampaign } from './api';
import { CompletionTable, isLateRespondent } from './components/CompletionTable';
import { DataEntryGrid } from './components/DataEntryGrid';
import { RejectModal } from './components/RejectModal';
import { indicatorsFor, isLate } from './model';

/** The actor Select's value for chain-level values (no actor). */
const CHAIN_LEVEL = 'chain';

/** `/chains/:chainId/campaigns/:campaignId`: who answered (coordinators) and the data-entry grid. */
export function CampaignPage() {
  const { campaignId = '' } = useParams();
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const campaign = useCampaign(chain.id, campaignId);
  const indicators = useIndicators(chain.id);
  const directory = useChainDirectory(chain.id);
  const back = (
    <Anchor component={Link} to={`/chains/${chain.id}/campaigns`} size="sm">
      <Group gap={4}>
        <IconArrowLeft size={14} aria-hidden />
        {t('campaigns.back')}
      </Group>
    </Anchor>
  );
  const failed = campaign.error ?? indicators.error ?? directory.error;
  if (failed) {
    return (
      <Stack align="flex-start">
        {back}
        <ErrorAlert
          error={failed}
          onRetry={() => {
            void campaign.refetch();
            void indicators.refetch();
            void directory.refetch();
          }}
        />
      </Stack>
    );
  }
  if (!campaign.data || !indicators.data || !directory.data) return <PageLoader />;
  return (
    <CampaignView
      campaign={campaign.data}
      indicators={indicators.data.items}
      directory={directory.data}
      back={back}
    />
  );
}

function CampaignView({
  campaign,
  indicators,
  directory,
  back,
}: {
  campaign: Campaign;
  indicators: Indicator[];
  directory: ChainDirectory;
  back: ReactNode;
}) {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const format = useDataFormat();
  const completion = useCompletion(chain.id, campaign.id);
  const update = useUpdateCampaign(chain.id);
  const isCoordinator = chain.myRole === 'coordinator';
  const nameOf = (id: string) => directory.actorById.get(id)?.name ?? t('campaigns.unknownActor');
  const campaignIndicators = campaign.indicatorIds
    .map((id) => indicators.find((i) => i.id === id))
    .filter((i): i is Indicator => Boolean(i));

  return (
    <>
      {back}
      <PageHeader
        title={campaign.name}
        description={t('campaigns.pageIntro', {
          period: format.period(campaign.period),
          due: format.date(campaign.dueDate),
        })}
        actions={
          isCoordinator && (
            <Button
              variant="default"
              leftSection={
                campaign.status === 'open' ? (
                  <IconLock size={16} aria-hidden />
                ) : (
                  <IconLockOpen size={16} aria-hidden />
                )
              }
              loading={update.isPending}
              onClick={() =>
                update.mutate(
                  { campaign, body: { status: campaign.status === 'open' ? 'closed' : 'open' } },
                  {
                    onSuccess: (c) =>
                      notifySuccess(t(c.status === 'open' ? 'campaigns.reopened' : 'campaigns.closed')),
                  },
                )
              }
            >
              {campaign.status === 'open' ? t('campaigns.close') : t('campaigns.open')}
            </Button>
          )
        }
      />
      <Stack gap="lg">
        <Group gap="sm" mt={-12}>
          <Badge color={campaign.status === 'open' ? 'teal' : 'gray'} variant="light" style={BADGE_FIT}>
            {t(`campaigns.statuses.${campaign.status}`)}
          </Badge>
          {isLate(campaign) && (
            <Badge color="orange" variant="light" style={BADGE_FIT}>
              {t('campaigns.pastDue')}
            </Badge>
          )}
          <Text size="sm" c="dimmed">
            {t('campaigns.indicatorList', {
              names: campaignIndicators.map((i) => i.name).join(', '),
            })}
          </Text>
        </Group>
        {update.isError && <ErrorAlert error={update.error} />}
        {completion.isError && (
          <ErrorAlert error={completion.error} onRetry={() => void completion.refetch()} />
        )}
        {isCoordinator ? (
          <CoordinatorView
            campaign={campaign}
            indicators={indicators}
            campaignIndicators={campaignIndicators}
            directory={directory}
            completion={completion.data}
            nameOf={nameOf}
          />
        ) : (
          <PartnerView
            campaign={campaign}
            indicators={indicators}
            directory={directory}
            completion={completion.data}
          />
        )}
      </Stack>
    </>
  );
}

/** What the coordinators see: who answered, the review actions, and the grid of any respondent. */
function CoordinatorView({
  campaign,
  indicators,
  campaignIndicators,
  directory,
  completion,
  nameOf,
}: {
  campaign: Campaign;
  indicators: Indicator[];
  campaignIndicators: Indicator[];
  directory: ChainDirectory;
  completion: CompletionItem[] | undefined;
  nameOf: (id: string) => string;
}) {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const format = useDataFormat();
  const review = useReview(chain.id);
  const [search, setSearch] = useSearchParams();
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const items = completion ?? [];
  const complete = items.filter((i) => i.expected > 0 && i.submitted >= i.expected).length;
  const late = items.filter((i) => isLateRespondent(campaign, i)).length;
  const toApprove = items.reduce((sum, i) => sum + i.submitted - i.approved, 0);
  const chainLevel = indicatorsFor(indicators, campaign, null);
  const requested = search.get('actor');
  const selected =
    requested &&
    (campaign.actorIds.includes(requested) || (requested === CHAIN_LEVEL && chainLevel.length > 0))
      ? requested
      : (campaign.actorIds[0] ?? null);
  const actor = selected && selected !== CHAIN_LEVEL ? directory.actorById.get(selected) : undefined;
  const gridIndicators =
    selected === CHAIN_LEVEL ? chainLevel : actor ? indicatorsFor(indicators, campaign, actor) : [];

  const choose = (value: string) => {
    setSearch((s) => {
      s.set('actor', value);
      return s;
    });
    document.getElementById('data-entry')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  const approve = (actorId?: string) => {
    setBusy(actorId ?? 'all');
    review.approve.mutate(
      { period: campaign.period, ...(actorId ? { actorId } : {}) },
      {
        onSuccess: ({ count }) =>
          notifySuccess(
            actorId
              ? t('campaigns.review.approvedFor', { count, name: nameOf(actorId) })
              : t('campaigns.review.approved', { count }),
          ),
        onSettled: () => setBusy(null),
      },
    );
  };
  const reopen = (actorId: string) => {
    setBusy(actorId);
    review.reopen.mutate(
      { period: campaign.period, actorId },
      {
        onSuccess: ({ count }) =>
          notifySuccess(t('campaigns.review.reopened', { count, name: nameOf(actorId) })),
        onSettled: () => setBusy(null),
      },
    );
  };
  const reviewError = review.approve.error ?? review.reopen.error;

  return (
    <>
      <Card withBorder padding="md" component="section" aria-labelledby="completion-title">
        <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap">
          <Stack gap={2}>
            <Title order={2} size="h4" id="completion-title">
              {t('campaigns.completion.title')}
            </Title>
            <Text size="sm" c="dimmed" role="status" data-testid="completion-summary">
              {t('campaigns.completion.summary', { complete, total: items.length })}
              {late > 0 && ` · ${t('campaigns.completion.lateCount', { count: late })}`}
            </Text>
          </Stack>
          <Button
            color="teal"
            leftSection={<IconChecks size={16} aria-hidden />}
            disabled={toApprove === 0}
            loading={busy === 'all'}
            onClick={() => approve()}
          >
            {t('campaigns.review.approveAll', { count: toApprove, period: format.period(campaign.period) })}
          </Button>
        </Group>
        {reviewError && <ErrorAlert error={reviewError} />}
        {completion === undefined ? (
          <PageLoader />
        ) : (
          <CompletionTable
            chainId={chain.id}
            campaign={campaign}
            items={items}
            nameOf={nameOf}
            onEnter={choose}
            onApprove={(id) => approve(id)}
            onReject={setRejecting}
            onReopen={reopen}
            busyActorId={busy}
          />
        )}
      </Card>

      <Card withBorder padding="md" component="section" aria-labelledby="data-entry-title" id="data-entry">
        <Stack gap="sm">
          <Title order={2} size="h4" id="data-entry-title">
            {t('campaigns.grid.titleCoordinator')}
          </Title>
          <Select
            label={t('campaigns.grid.respondent')}
            description={t('campaigns.grid.respondentHelp')}
            data={[
              ...campaign.actorIds.map((id) => ({ value: id, label: nameOf(id) })),
              ...(chainLevel.length > 0
                ? [{ value: CHAIN_LEVEL, label: t('campaigns.grid.chainLevel') }]
                : []),
            ]}
            value={selected}
            onChange={(v) => v && choose(v)}
            allowDeselect={false}
            searchable
            maw={420}
          />
          {selected && (
            <DataEntryGrid
              key={selected}
              chainId={chain.id}
              campaign={campaign}
              actorId={selected === CHAIN_LEVEL ? null : selected}
              indicators={gridIndicators}
              readOnly={false}
            />
          )}
        </Stack>
      </Card>

      {rejecting && (
        <RejectModal
          chainId={chain.id}
          campaign={campaign}
          actor={{ id: rejecting, name: nameOf(rejecting) }}
          indicators={campaignIndicators}
          onClose={() => setRejecting(null)}
        />
      )}
    </>
  );
}

/** What a partner sees: its own progress and the grid of its own actor. */
function PartnerView({
  campaign,
  indicators,
  directory,
  completion,
}: {
  campaign: Campaign;
  indicators: Indicator[];
  directory: ChainDirectory;
  completion: CompletionItem[] | undefined;
}) {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const format = useDataFormat();
  const actorId = chain.myActorId;
  const actor = actorId ? directory.actorById.get(actorId) : undefined;
  if (chain.myRole !== 'partner' || !actorId || !actor) {
    return (
      <Alert color="gray" variant="light" data-testid="campaign-observer">
        {t('campaigns.observerNote')}
      </Alert>
    );
  }
  if (!campaign.actorIds.includes(actorId)) {
    return (
      <Alert color="gray" variant="light" data-testid="campaign-not-asked">
        {t('campaigns.notAsked', { name: actor.name })}
      </Alert>
    );
  }
  const mine = completion?.find((c) => c.actorId === actorId);
  const closed = campaign.status === 'closed';
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="data-entry-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Title order={2} size="h4" id="data-entry-title">
              {t('campaigns.grid.title', { name: actor.name })}
            </Title>
            <Text size="sm" c="dimmed">
              {t('campaigns.grid.intro', {
                period: format.period(campaign.period),
                due: format.date(campaign.dueDate),
              })}
            </Text>
          </Stack>
          {mine && mine.expected > 0 && (
            <Stack gap={2} miw={220} data-testid="my-progress">
              <Text size="sm">
                {t('campaigns.grid.progress', { count: mine.submitted, total: mine.expected })}
              </Text>
              <Progress
                value={(mine.submitted / mine.expected) * 100}
                color={mine.submitted >= mine.expected ? 'teal' : 'blue'}
                aria-label={t('campaigns.grid.progress', { count: mine.submitted, total: mine.expected })}
              />
            </Stack>
          )}
        </Group>
        {closed && (
          <Alert color="gray" variant="light">
            {t('campaigns.grid.closed')}
          </Alert>
        )}
        <DataEntryGrid
          chainId={chain.id}
          campaign={campaign}
          actorId={actorId}
          indicators={indicatorsFor(indicators, campaign, actor)}
          readOnly={closed}
        />
      </Stack>
    </Card>
  );
}
