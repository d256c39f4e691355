import { Anchor, Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { Overview } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../app/format';
import { ErrorAlert, PageHeader, PageLoader } from '../../app/ui';
import { ROLE_COLOR, STATUS_COLOR } from '../actors/labels';
import { CapitalBalanceSection } from '../capitals/components/CapitalBalanceSection';
import { useCurrentChain } from '../chains/ChainLayout';
import { FLOW_TYPE_COLOR } from '../flows/components/FlowCells';
import { SeverityBadge } from '../gaps/components/GapCard';
import { SEVERITY_COLOR } from '../gaps/labels';
import { useOverview } from './api';
import { Panel } from './components/Panel';
import {
  CampaignsPanel,
  DeadlinesPanel,
  GoalsPanel,
  HarmsPanel,
  SuccessesPanel,
  UncommittedPanel,
} from './components/WealthPanels';

/** One labelled bar: the label and the count, then the bar (the text says it all, the bar only shows it). */
function Bar({
  label,
  value,
  max,
  color,
  detail,
  href,
}: {
  label: string;
  value: number;
  max: number;
  color: string;
  detail?: string;
  href?: string;
}) {
  const format = useFormat();
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        {href ? (
          <Anchor component={Link} to={href} size="sm" fw={500}>
            {label}
          </Anchor>
        ) : (
          <Text size="sm" fw={500}>
            {label}
          </Text>
        )}
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {detail ?? format.number(value)}
        </Text>
      </Group>
      <Progress value={max > 0 ? (value / max) * 100 : 0} color={color} size="md" aria-hidden />
    </Stack>
  );
}

function Counts({ overview, base }: { overview: Overview; base: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const items = [
    { key: 'stages', value: overview.counts.stages, to: `${base}/stages` },
    { key: 'actors', value: overview.counts.actors, to: `${base}/actors` },
    { key: 'flows', value: overview.counts.flows, to: `${base}/flows` },
    { key: 'intents', value: overview.counts.intents, to: `${base}/actors` },
    { key: 'gaps', value: overview.gaps.open, to: `${base}/gaps` },
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} data-testid="overview-counts">
      {items.map((item) => (
        <Card
          key={item.key}
          withBorder
          padding="md"
          component={Link}
          to={item.to}
          style={{ textDecoration: 'none' }}
        >
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            {t(`overview.counts.${item.key}`)}
          </Text>
          <Text fz={28} fw={700} c={item.key === 'gaps' && item.value > 0 ? 'orange.8' : undefined}>
            {format.number(item.value)}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

/** The body of the dashboard, shared by the overview page and (in short) the chain's home. */
export function OverviewPanels({ overview, chainId }: { overview: Overview; chainId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = `/chains/${chainId}`;
  const maxStage = Math.max(1, ...overview.byStage.map((s) => s.actors));
  const maxRole = Math.max(1, ...overview.byRole.map((r) => r.actors));
  const maxStatus = Math.max(1, ...overview.byStatus.map((s) => s.actors));
  const maxFlows = Math.max(1, ...overview.flowsByType.map((f) => f.total));
  const severities = ['high', 'medium', 'low'] as const;
  const maxSeverity = Math.max(1, ...severities.map((s) => overview.gaps.bySeverity[s]));
  const stages = [...overview.byStage].sort((a, b) => a.position - b.position);

  const wealth = { overview, base, chainId };

  return (
    <Stack gap="lg">
      <Counts overview={overview} base={base} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="lg">
          <GoalsPanel {...wealth} />
          <CampaignsPanel {...wealth} />
        </Stack>
        <CapitalBalanceSection chainId={chainId} withLink />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }} spacing="lg">
        <HarmsPanel {...wealth} />
        <UncommittedPanel {...wealth} />
        <DeadlinesPanel {...wealth} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Panel
          title={t('overview.byStage')}
          id="overview-by-stage"
          action={
            <Anchor component={Link} to={`${base}/stages`} size="sm">
              {t('overview.seeStages')}
            </Anchor>
          }
        >
          {stages.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('overview.noStage')}
            </Text>
          ) : (
            <Stack gap="sm" data-testid="overview-stage-counts">
              {stages.map((s) => (
                <Bar
                  key={s.stageId}
                  label={s.name}
                  value={s.actors}
                  max={maxStage}
                  color={s.transactional === 0 ? 'red' : s.transactional === 1 ? 'orange' : 'teal'}
                  detail={t('overview.stageDetail', {
                    actors: s.actors,
                    active: s.active,
                    transactional: s.transactional,
                  })}
                  href={`${base}/actors?stageId=${s.stageId}`}
                />
              ))}
              <Text size="xs" c="dimmed">
                {t('overview.stageLegend')}
              </Text>
            </Stack>
          )}
        </Panel>
        <Panel
          title={t('overview.gaps')}
          id="overview-gaps"
          action={
            <Anchor component={Link} to={`${base}/gaps`} size="sm">
              {t('overview.seeGaps')}
            </Anchor>
          }
        >
          <Stack gap="md">
            <Stack gap="sm" data-testid="overview-gap-severity">
              {severities.map((severity) => (
                <Bar
                  key={severity}
                  label={t(`gaps.severity.${severity}`)}
                  value={overview.gaps.bySeverity[severity]}
                  max={maxSeverity}
                  color={SEVERITY_COLOR[severity]}
                />
              ))}
              {overview.gaps.dismissed > 0 && (
                <Text size="xs" c="dimmed">
                  {t('overview.dismissed', { count: overview.gaps.dismissed })}
                </Text>
              )}
            </Stack>
            {overview.gaps.top.length === 0 ? (
              <Text size="sm" c="teal.8">
                {t('overview.noGap')}
              </Text>
            ) : (
              <Stack gap="xs">
                <Text size="sm" fw={600}>
                  {t('overview.topGaps')}
                </Text>
                {overview.gaps.top.map((gap) => (
                  <Group key={gap.key} gap="xs" wrap="nowrap" align="flex-start">
                    <SeverityBadge severity={gap.severity} />
                    <Anchor component={Link} to={`${base}/gaps`} size="sm">
                      {gap.explanation}
                    </Anchor>
                  </Group>
                ))}
              </Stack>
            )}
          </Stack>
        </Panel>
        <Panel title={t('overview.byRole')} id="overview-by-role">
          <Stack gap="sm" data-testid="overview-role-counts">
            {overview.byRole.map((r) => (
              <Bar
                key={r.role}
                label={t(`actors.roles.${r.role}`)}
                value={r.actors}
                max={maxRole}
                color={ROLE_COLOR[r.role]}
                detail={t('overview.roleDetail', { actors: r.actors, active: r.active })}
              />
            ))}
          </Stack>
        </Panel>
        <Panel title={t('overview.byStatus')} id="overview-by-status">
          <Stack gap="sm">
            {overview.byStatus.map((s) => (
              <Bar
                key={s.status}
                label={t(`actors.statuses.${s.status}`)}
                value={s.actors}
                max={maxStatus}
                color={STATUS_COLOR[s.status] === 'dark' ? 'gray' : STATUS_COLOR[s.status]}
              />
            ))}
          </Stack>
        </Panel>
        <Panel
          title={t('overview.flowsByType')}
          id="overview-flows"
          action={
            <Anchor component={Link} to={`${base}/flows`} size="sm">
              {t('overview.seeFlows')}
            </Anchor>
          }
        >
          <Stack gap="sm">
            {overview.flowsByType.map((f) => (
              <Bar
                key={f.type}
                label={t(`flows.types.${f.type}`)}
                value={f.total}
                max={maxFlows}
                color={FLOW_TYPE_COLOR[f.type]}
                detail={t('overview.flowDetail', {
                  total: format.number(f.total),
                  active: format.number(f.active),
                })}
              />
            ))}
          </Stack>
        </Panel>
        <SuccessesPanel {...wealth} />
      </SimpleGrid>
    </Stack>
  );
}

/** `/chains/:chainId/overview`: the chain at a glance (tableau de bord). */
export function OverviewPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const overview = useOverview(chain.id);
  return (
    <>
      <PageHeader title={t('overview.title')} description={t('overview.intro', { name: chain.name })} />
      {overview.isPending && <PageLoader />}
      {overview.isError && <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />}
      {overview.isSuccess && <OverviewPanels overview={overview.data} chainId={chain.id} />}
    </>
  );
}

/** A short dashboard for the chain's home: the headline counts and a way to the full overview. */
export function OverviewTeaser({ chainId }: { chainId: string }) {
  const { t } = useTranslation();
  const overview = useOverview(chainId);
  const base = `/chains/${chainId}`;
  if (!overview.isSuccess) return null;
  const { gaps } = overview.data;
  return (
    <Card
      withBorder
      padding="lg"
      mb="md"
      component="section"
      aria-labelledby="home-overview-title"
      data-testid="home-overview"
    >
      <Group justify="space-between" mb="md" wrap="wrap">
        <Title order={2} size="h4" id="home-overview-title">
          {t('overview.teaserTitle')}
        </Title>
        <Group gap="xs">
          {gaps.open > 0 && (
            <Badge color={gaps.bySeverity.high > 0 ? 'red' : 'orange'} variant="light" size="lg">
              {t('overview.openGaps', { count: gaps.open })}
            </Badge>
          )}
          <Button
            component={Link}
            to={`${base}/overview`}
            rightSection={<IconArrowRight size={16} aria-hidden />}
          >
            {t('overview.open')}
          </Button>
        </Group>
      </Group>
      <Counts overview={overview.data} base={base} />
    </Card>
  );
}
