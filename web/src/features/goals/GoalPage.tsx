import {
  Alert,
  Anchor,
  Button,
  Card,
  Collapse,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconPencil, IconTable, IconTrash } from '@tabler/icons-react';
import type { Goal, GoalProgress, Indicator } from '@tisserand/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { BackLink, ErrorAlert, notifySuccess, PageHeader, PageLoader, QueryBoundary } from '../../app/ui';
import { ConfirmModal } from '../actors/components/ConfirmModal';
import { useCurrentChain } from '../chains/ChainLayout';
import { useCapitalLabel } from '../gaps/api';
import { useIndicators, useSeries } from '../indicators/api';
import { useDataFormat } from '../indicators/format';
import { useDeleteGoal, useGoal, useGoalProgress } from './api';
import { CommitmentsSection } from './components/CommitmentsSection';
import { GoalBadges } from './components/GoalBadges';
import { GoalChart, knownPoints } from './components/GoalChart';
import { GoalFormModal } from './components/GoalFormModal';
import { GoalProgressBar, TrackText } from './components/GoalProgressBar';

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <Stack gap={0}>
      <Text component="dt" size="xs" tt="uppercase" fw={700} c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fz="lg" fw={700}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Stack>
  );
}

/** The plain sentence under the figures: on track or not, and why. */
function useTrackSentence(progress: GoalProgress, unit: Pick<Indicator, 'unit' | 'valueType'> | undefined) {
  const { t } = useTranslation();
  const format = useDataFormat();
  const u = unit ?? { unit: null, valueType: 'number' as const };
  if (progress.target === null) return t('goals.sentence.noTarget');
  if (progress.latest === null) return t('goals.sentence.noData');
  if (progress.progress !== null && progress.progress >= 1) return t('goals.sentence.met');
  if (!progress.targetDate || progress.onTrack === null) return t('goals.sentence.noDate');
  const values = {
    latest: format.value(u, progress.latest),
    expected: progress.expected === null ? t('common.none') : format.value(u, progress.expected),
    period: progress.latestPeriod ? format.period(progress.latestPeriod) : '',
    date: format.date(progress.targetDate),
    target: format.value(u, progress.target),
  };
  return progress.onTrack ? t('goals.sentence.onTrack', values) : t('goals.sentence.behind', values);
}

function ProgressCard({
  goal,
  progress,
  indicator,
}: {
  goal: Goal;
  progress: GoalProgress;
  indicator?: Indicator;
}) {
  const { t } = useTranslation();
  const format = useDataFormat();
  const sentence = useTrackSentence(progress, indicator);
  const u = indicator ?? { unit: null, valueType: 'number' as const };
  const show = (v: number | null) => (v === null ? t('common.none') : format.value(u, v));
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="goal-progress-title">
      <Group justify="space-between" mb="md">
        <Title order={2} size="h4" id="goal-progress-title">
          {t('goals.page.progress')}
        </Title>
        {progress.target === null && <TrackText onTrack={progress.onTrack} size="sm" />}
      </Group>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" m={0}>
          <Figure
            label={t('goals.page.baseline')}
            value={show(progress.baseline)}
            detail={
              goal.baseline === null && progress.baseline !== null
                ? t('goals.page.baselineFromData')
                : undefined
            }
          />
          <Figure
            label={t('goals.page.latest')}
            value={show(progress.latest)}
            detail={progress.latestPeriod ? format.period(progress.latestPeriod) : undefined}
          />
          <Figure label={t('goals.page.expected')} value={show(progress.expected)} />
          <Figure
            label={t('goals.page.target')}
            value={show(progress.target)}
            detail={
              progress.targetDate ? t('goals.page.by', { date: format.date(progress.targetDate) }) : undefined
            }
          />
        </SimpleGrid>
        {progress.target !== null && (
          <GoalProgressBar progress={progress} unit={indicator} label={goal.title} />
        )}
        <Text size="sm" data-testid="goal-track-sentence">
          {sentence}
        </Text>
      </Stack>
    </Card>
  );
}

function IndicatorCard({ goal, progress, chainId }: { goal: Goal; progress: GoalProgress; chainId: string }) {
  const { t } = useTranslation();
  const format = useDataFormat();
  const indicatorId = goal.indicatorId ?? '';
  const indicators = useIndicators(chainId);
  const found = indicators.data?.items.find((i) => i.id === indicatorId);
  const series = useSeries(chainId, indicatorId, { groupBy: 'none' }, indicatorId !== '');
  const [showTable, setShowTable] = useState(false);
  const points = knownPoints(series.data?.items ?? []);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="goal-chart-title">
      <Group justify="space-between" mb={4} wrap="wrap">
        <Title order={2} size="h4" id="goal-chart-title">
          {t('goals.page.chartTitle')}
        </Title>
        {found && (
          <Anchor component={Link} to={`/chains/${chainId}/indicators/${indicatorId}`} size="sm">
            {t('goals.page.openIndicator', { name: found.name })}
          </Anchor>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('goals.page.chartIntro')}
      </Text>
      {(indicators.isError || series.isError) && (
        <ErrorAlert
          error={indicators.error ?? series.error}
          onRetry={() => {
            void indicators.refetch();
            void series.refetch();
          }}
        />
      )}
      {(indicators.isPending || series.isPending) && <PageLoader />}
      {found && series.isSuccess && points.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('goals.page.noValues')}
        </Text>
      )}
      {found && series.isSuccess && points.length > 0 && (
        <Stack gap="sm">
          <GoalChart
            indicator={found}
            progress={progress}
            items={series.data.items}
            label={t('goals.chart.label', {
              name: found.name,
              values: points
                .map((p) => `${format.period(p.period)} ${format.value(found, p.value)}`)
                .join(', '),
            })}
          />
          <Text size="xs" c="dimmed">
            {t('goals.chart.legend')}
          </Text>
          <Button
            variant="subtle"
            size="xs"
            w="fit-content"
            leftSection={<IconTable size={14} aria-hidden />}
            aria-expanded={showTable}
            aria-controls="goal-values-table"
            onClick={() => setShowTable((v) => !v)}
          >
            {showTable ? t('goals.page.hideTable') : t('goals.page.showTable')}
          </Button>
          <Collapse expanded={showTable} id="goal-values-table">
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('goals.page.period')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('goals.page.value')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {points.map((p) => (
                  <Table.Tr key={p.period}>
                    <Table.Th scope="row" fw={500}>
                      {format.period(p.period)}
                    </Table.Th>
                    <Table.Td ta="right">{format.value(found, p.value)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Collapse>
        </Stack>
      )}
    </Card>
  );
}

function GoalBody({ goal, back }: { goal: Goal; back: ReactNode }) {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const navigate = useNavigate();
  const capitalLabel = useCapitalLabel(chain.id);
  const progress = useGoalProgress(chain.id, goal.id);
  const indicators = useIndicators(chain.id);
  const indicator = indicators.data?.items.find((i) => i.id === goal.indicatorId);
  const remove = useDeleteGoal(chain.id);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const isCoordinator = chain.myRole === 'coordinator';
  return (
    <>
      {back}
      <PageHeader
        title={goal.title}
        actions={
          isCoordinator && (
            <>
              <Button leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                {t('goals.edit')}
              </Button>
              <Button
                color="red"
                variant="outline"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => {
                  remove.reset();
                  setDeleting(true);
                }}
              >
                {t('goals.delete')}
              </Button>
            </>
          )
        }
      />
      <Stack gap="lg">
        <Stack gap="sm" mt={-8}>
          <GoalBadges goal={goal} capitalLabel={capitalLabel} withStatus />
          {goal.description && <Text style={{ whiteSpace: 'pre-line' }}>{goal.description}</Text>}
        </Stack>
        {progress.isError && <ErrorAlert error={progress.error} onRetry={() => void progress.refetch()} />}
        {progress.isSuccess && <ProgressCard goal={goal} progress={progress.data} indicator={indicator} />}
        {goal.indicatorId && progress.isSuccess ? (
          <IndicatorCard goal={goal} progress={progress.data} chainId={chain.id} />
        ) : (
          !goal.indicatorId && (
            <Alert color="gray" variant="light">
              {isCoordinator ? t('goals.page.noIndicatorCoordinator') : t('goals.page.noIndicator')}
            </Alert>
          )
        )}
        <CommitmentsSection chain={chain} goalId={goal.id} />
      </Stack>
      {editing && <GoalFormModal chainId={chain.id} goal={goal} onClose={() => setEditing(false)} />}
      {deleting && (
        <ConfirmModal
          title={t('goals.deleteTitle', { title: goal.title })}
          body={t('goals.deleteBody')}
          confirmLabel={t('goals.delete')}
          loading={remove.isPending}
          error={
            remove.error ? (
              isApiError(remove.error, 409) ? (
                <Alert color="orange" variant="light" role="alert">
                  {t('goals.deleteBound')}
                </Alert>
              ) : (
                <ErrorAlert error={remove.error} />
              )
            ) : null
          }
          onClose={() => setDeleting(false)}
          onConfirm={() =>
            remove.mutate(goal, {
              onSuccess: () => {
                notifySuccess(t('goals.deleted', { title: goal.title }));
                void navigate(`/chains/${chain.id}/goals`, { replace: true });
              },
            })
          }
        />
      )}
    </>
  );
}

/** `/chains/:chainId/goals/:goalId`: one shared goal, its progress along its indicator, and who acts on it. */
export function GoalPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const { goalId = '' } = useParams();
  const goal = useGoal(chain.id, goalId);
  const back = <BackLink to={`/chains/${chain.id}/goals`} label={t('goals.page.back')} />;
  return (
    <QueryBoundary query={goal} back={back}>
      {(data) => <GoalBody goal={data} back={back} />}
    </QueryBoundary>
  );
}
