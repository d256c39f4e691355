import {
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  EmptyState,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconChartLine, IconClipboardList, IconFileImport, IconLock, IconPlus } from '@tabler/icons-react';
import { INDICATOR_CATEGORIES, INDICATOR_STATUSES, type Indicator, previousPeriod } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../app/api';
import { ErrorAlert, PageHeader, PageLoader } from '../../app/ui';
import { oneOf } from '../actors/labels';
import { useCurrentChain } from '../chains/ChainLayout';
import { useCapitalLabel } from '../gaps/api';
import { type IndicatorFilters, useIndicators, useSeries } from './api';
import { ChangeText, IndicatorBadges } from './components/IndicatorBadges';
import { IndicatorFormModal } from './components/IndicatorFormModal';
import { Sparkline } from './components/Sparkline';
import { latestChange, useDataFormat } from './format';

/** How many periods the sparkline of a card shows. */
const SPARK_PERIODS = 8;
const ALL = '';

/** `/chains/:chainId/indicators`: the shared indicators by category, each with its latest value and trend. */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const [filters, setFilters] = useState<IndicatorFilters>({});
  const [creating, setCreating] = useState(false);
  const query = useIndicators(chain.id, filters);
  const isCoordinator = chain.myRole === 'coordinator';
  const base = `/chains/${chain.id}`;
  const items = query.data?.items ?? [];
  const filtered = Boolean(filters.status || filters.category);

  return (
    <>
      <PageHeader
        title={t('indicators.title')}
        description={t('indicators.intro')}
        actions={
          <>
            <Button
              component={Link}
              to={`${base}/campaigns`}
              variant="default"
              leftSection={<IconClipboardList size={16} aria-hidden />}
            >
              {t('indicators.toCampaigns')}
            </Button>
            {isCoordinator && (
              <Button
                component={Link}
                to={`${base}/import`}
                variant="default"
                leftSection={<IconFileImport size={16} aria-hidden />}
              >
                {t('indicators.importValues')}
              </Button>
            )}
            {isCoordinator && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                {t('indicators.create')}
              </Button>
            )}
          </>
        }
      />
      <Group gap="md" mb="lg" align="flex-end" wrap="wrap">
        <Select
          label={t('indicators.fields.status')}
          data={[
            { value: ALL, label: t('indicators.filters.allStatuses') },
            ...INDICATOR_STATUSES.map((s) => ({ value: s, label: t(`indicators.statuses.${s}`) })),
          ]}
          value={filters.status ?? ALL}
          onChange={(value) =>
            setFilters((f) => ({ ...f, status: oneOf(INDICATOR_STATUSES, value) ?? undefined }))
          }
          allowDeselect={false}
          w={200}
        />
        <Select
          label={t('indicators.fields.category')}
          data={[
            { value: ALL, label: t('indicators.filters.allCategories') },
            ...INDICATOR_CATEGORIES.map((c) => ({ value: c, label: t(`indicators.categories.${c}`) })),
          ]}
          value={filters.category ?? ALL}
          onChange={(value) =>
            setFilters((f) => ({ ...f, category: oneOf(INDICATOR_CATEGORIES, value) ?? undefined }))
          }
          allowDeselect={false}
          w={240}
        />
        {query.isSuccess && (
          <Text size="sm" c="dimmed" role="status">
            {t('indicators.count', { count: items.length })}
          </Text>
        )}
      </Group>

      {query.isPending && <PageLoader />}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && items.length === 0 && (
        <Card withBorder padding="xl" data-testid="indicators-empty">
          <EmptyState
            icon={<IconChartLine size={28} />}
            withIndicatorBackground
            title={filtered ? t('indicators.emptyFilteredTitle') : t('indicators.emptyTitle')}
            description={
              filtered
                ? t('indicators.emptyFilteredBody')
                : isCoordinator
                  ? t('indicators.emptyBodyCoordinator')
                  : t('indicators.emptyBody')
            }
          >
            {isCoordinator && !filtered && (
              <EmptyState.Actions>
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                  {t('indicators.create')}
                </Button>
              </EmptyState.Actions>
            )}
            {filtered && (
              <EmptyState.Actions>
                <Button variant="default" onClick={() => setFilters({})}>
                  {t('indicators.filters.clear')}
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        </Card>
      )}

      <Stack gap="xl">
        {INDICATOR_CATEGORIES.map((category) => {
          const group = items.filter((i) => i.category === category);
          if (group.length === 0) return null;
          const headingId = `indicator-category-${category}`;
          return (
            <section key={category} aria-labelledby={headingId} data-testid={`indicator-group-${category}`}>
              <Group gap="sm" mb="sm">
                <Title order={2} size="h4" id={headingId}>
                  {t(`indicators.categories.${category}`)}
                </Title>
                <Badge variant="default">{group.length}</Badge>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }}>
                {group.map((indicator) => (
                  <IndicatorCard key={indicator.id} indicator={indicator} base={base} />
                ))}
              </SimpleGrid>
            </section>
          );
        })}
      </Stack>

      {creating && <IndicatorFormModal chainId={chain.id} onClose={() => setCreating(false)} />}
    </>
  );
}

function IndicatorCard({ indicator, base }: { indicator: Indicator; base: string }) {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const format = useDataFormat();
  const capitalLabel = useCapitalLabel(chain.id);
  const series = useSeries(chain.id, indicator.id, { groupBy: 'none' });
  const points = series.data?.items.filter((p) => p.group === 'all') ?? [];
  const latest = latestChange(points);
  const spark = points.slice(-SPARK_PERIODS);
  const titleId = `indicator-${indicator.id}-name`;

  return (
    <Card withBorder padding="md" component="article" aria-labelledby={titleId} data-testid="indicator-card">
      <Stack gap="xs" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={2}>
            <Anchor component={Link} to={`${base}/indicators/${indicator.id}`} fw={600} id={titleId}>
              {indicator.name}
            </Anchor>
            <Group gap={6}>
              <Code>{indicator.code}</Code>
              <Text size="xs" c="dimmed">
                {[
                  indicator.unit,
                  t(`indicators.periodicities.${indicator.periodicity}`),
                  t(`indicators.aggregations.${indicator.aggregation}.label`),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Group>
          </Stack>
        </Group>
        <IndicatorBadges indicator={indicator} />
        {indicator.capitals.length > 0 && (
          <Group gap={4} aria-label={t('indicators.fields.capitals')}>
            {indicator.capitals.map((c) => (
              <Badge key={c} size="xs" variant="dot" color="green">
                {capitalLabel(c)}
              </Badge>
            ))}
          </Group>
        )}
        <div style={{ flex: 1 }} />
        {series.isPending && (
          <Text size="sm" c="dimmed">
            {t('common.loading')}
          </Text>
        )}
        {series.isError &&
          (isApiError(series.error, 403) ? (
            <Group gap={6} wrap="nowrap">
              <IconLock size={16} aria-hidden />
              <Text size="sm" c="dimmed">
                {t('indicators.privateShort')}
              </Text>
            </Group>
          ) : (
            <Text size="sm" c="red.8">
              {t('indicators.seriesFailed')}
            </Text>
          ))}
        {series.isSuccess && !latest && (
          <Text size="sm" c="dimmed" data-testid="indicator-no-value">
            {t('indicators.noValueYet')}
          </Text>
        )}
        {latest && (
          <Group justify="space-between" align="flex-end" wrap="nowrap" gap="sm">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="xl" fw={700} data-testid="indicator-latest">
                {format.value(indicator, latest.value)}
              </Text>
              <Text size="xs" c="dimmed">
                {t('indicators.latestIn', { period: format.period(latest.period) })}
                {latest.n > 0 && ` · ${t('indicators.dashboard.contributors', { count: latest.n })}`}
              </Text>
              <ChangeText
                indicator={indicator}
                relativeChange={latest.relativeChange}
                previousLabel={format.period(previousPeriod(latest.period))}
                size="xs"
              />
            </Stack>
            {spark.length > 1 && (
              <div style={{ width: 120, flexShrink: 0 }}>
                <Sparkline
                  values={spark.map((p) => p.value)}
                  label={t('indicators.sparklineLabel', {
                    count: spark.length,
                    from: format.value(indicator, spark[0]?.value ?? null),
                    to: format.value(indicator, latest.value),
                  })}
                />
              </div>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
