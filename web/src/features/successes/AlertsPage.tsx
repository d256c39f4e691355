import {
  Anchor,
  Badge,
  Alert as Callout,
  Card,
  EmptyState,
  Group,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconChartDots,
  IconCircleCheck,
  IconClockExclamation,
  IconTrendingDown,
  type TablerIcon,
} from '@tabler/icons-react';
import type { Alert } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, PageHeader, PageLoader } from '../../app/ui';
import { useCurrentChain } from '../chains/ChainLayout';
import { useDataFormat } from '../indicators/format';
import { useChainDirectory } from '../overview/api';
import { useAlerts } from './api';

type Kind = Alert['kind'];
const KINDS = ['off_track', 'missing_data', 'outlier'] as const satisfies readonly Kind[];
const LOOK: Record<Kind, { icon: TablerIcon; color: string }> = {
  off_track: { icon: IconTrendingDown, color: 'red' },
  missing_data: { icon: IconClockExclamation, color: 'orange' },
  outlier: { icon: IconChartDots, color: 'violet' },
};

/**
 * The campaign a missing-data alert is about. The contract gives no campaign id: the server builds the
 * alert's id as `missing_data:<campaignId>:<actorId>`, a stable key this reads.
 */
function campaignOf(alert: Alert): string | null {
  const m = /^missing_data:([0-9a-f-]{36}):/.exec(alert.id);
  return m?.[1] ?? null;
}

/** `/chains/:chainId/alerts` (ajuster, coordinators): what to act on, by kind, with where to act. */
export function AlertsPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const isCoordinator = chain.myRole === 'coordinator';
  const query = useAlerts(chain.id, isCoordinator);
  const items = query.data?.items ?? [];

  if (!isCoordinator) {
    return (
      <>
        <PageHeader title={t('successes.alerts.title')} />
        <Callout color="orange" variant="light" role="alert">
          {t('errors.coordinatorOnly')}
        </Callout>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('successes.alerts.title')} description={t('successes.alerts.intro')} />
      {query.isPending && <PageLoader />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && items.length === 0 && (
        <Card withBorder padding="xl" data-testid="alerts-empty">
          <EmptyState
            icon={<IconCircleCheck size={28} />}
            variant="light"
            color="teal"
            title={t('successes.alerts.emptyTitle')}
            description={t('successes.alerts.emptyBody')}
          />
        </Card>
      )}
      {items.length > 0 && (
        <Text mb="md" role="status">
          {t('successes.alerts.summary', { count: items.length })}
        </Text>
      )}
      <Stack gap="xl">
        {KINDS.map((kind) => {
          const group = items.filter((a) => a.kind === kind);
          if (group.length === 0) return null;
          const headingId = `alerts-${kind}`;
          const look = LOOK[kind];
          const Icon = look.icon;
          return (
            <section key={kind} aria-labelledby={headingId} data-testid={`alert-group-${kind}`}>
              <Group gap="sm" mb={4}>
                <ThemeIcon color={look.color} variant="light" aria-hidden>
                  <Icon size={18} />
                </ThemeIcon>
                <Title order={2} size="h4" id={headingId}>
                  {t(`successes.alerts.kinds.${kind}.title`)}
                </Title>
                <Badge variant="default">{group.length}</Badge>
              </Group>
              <Text size="sm" c="dimmed" mb="sm">
                {t(`successes.alerts.kinds.${kind}.definition`)}
              </Text>
              <Stack gap="xs">
                {group.map((alert) => (
                  <AlertCard key={alert.id} alert={alert} color={look.color} />
                ))}
              </Stack>
            </section>
          );
        })}
      </Stack>
    </>
  );
}

function AlertCard({ alert, color }: { alert: Alert; color: string }) {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const format = useDataFormat();
  const directory = useChainDirectory(chain.id);
  const base = `/chains/${chain.id}`;
  const campaignId = campaignOf(alert);
  const actorName = alert.actorId ? directory.data?.actorById.get(alert.actorId)?.name : undefined;
  return (
    <Card
      withBorder
      padding="sm"
      style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}
      data-testid="alert-card"
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <IconAlertTriangle size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <Stack gap={4}>
          <Text size="sm">{alert.message}</Text>
          <Group gap="md" wrap="wrap">
            {alert.period && (
              <Text size="xs" c="dimmed">
                {format.period(alert.period)}
              </Text>
            )}
            {alert.indicatorId && (
              <Anchor component={Link} to={`${base}/indicators/${alert.indicatorId}`} size="xs">
                {t('successes.alerts.openIndicator')}
              </Anchor>
            )}
            {alert.actorId && (
              <Anchor component={Link} to={`${base}/actors/${alert.actorId}`} size="xs">
                {actorName
                  ? t('successes.alerts.openActorNamed', { name: actorName })
                  : t('successes.alerts.openActor')}
              </Anchor>
            )}
            {campaignId && (
              <Anchor
                component={Link}
                to={`${base}/campaigns/${campaignId}${alert.actorId ? `?actor=${alert.actorId}` : ''}`}
                size="xs"
              >
                {t('successes.alerts.openCampaign')}
              </Anchor>
            )}
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}
