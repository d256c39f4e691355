import { Badge, Group, Text, Title } from '@mantine/core';
import type { ResolvedSection } from '@tisserand/core';
import classes from '../PublicReport.module.css';
import { useReportKit } from '../report-context';
import { SectionFrame, SuppressedText } from './SectionFrame';

type GoalsData = Extract<ResolvedSection, { type: 'goals' }>;
type Goal = GoalsData['items'][number];

const STATUS_COLOR: Record<string, string> = {
  proposed: 'yellow',
  adopted: 'teal',
  achieved: 'green',
  abandoned: 'gray',
};

/** One goal: what it is for, then baseline → latest → target by its date, and whether it is on track. */
function GoalCard({ goal }: { goal: Goal }) {
  const { t, format, labels, heading } = useReportKit();
  const value = (x: number | null) => format.value(x, goal.unit, undefined);
  const dimension =
    goal.dimension === 'capital' && goal.capitals.length > 0
      ? goal.capitals.map(labels.capital).join(', ')
      : labels.goalDimension(goal.dimension);
  const track =
    goal.status === 'achieved' || goal.onTrack === null
      ? null
      : goal.onTrack
        ? { color: 'teal', text: t('goals.track.onTrack') }
        : { color: 'orange', text: t('goals.track.behind') };
  const measured = goal.indicatorName !== null;
  return (
    <li className={classes.card} data-testid="report-goal">
      <Title order={heading(3)} size="h5">
        {goal.title}
      </Title>
      <Group gap={6}>
        <Badge color={STATUS_COLOR[goal.status] ?? 'gray'} variant="light">
          {labels.goalStatus(goal.status)}
        </Badge>
        {track && (
          <Badge color={track.color} variant="outline">
            {track.text}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {dimension}
      </Text>
      {goal.description && (
        <Text size="sm" className={classes.story}>
          {goal.description}
        </Text>
      )}
      {measured ? (
        <>
          <Text size="sm">{t('publicReport.goals.measuredBy', { name: goal.indicatorName })}</Text>
          <dl className={classes.progress}>
            <dt>{t('publicReport.goals.baseline')}</dt>
            <dd>{value(goal.baseline)}</dd>
            <dt>{t('publicReport.goals.latest')}</dt>
            <dd>
              {goal.suppressed ? (
                <SuppressedText />
              ) : goal.latest !== null && goal.latestPeriod ? (
                t('publicReport.goals.latestIn', {
                  value: value(goal.latest),
                  period: format.period(goal.latestPeriod),
                })
              ) : (
                value(goal.latest)
              )}
            </dd>
            <dt>{t('publicReport.goals.target')}</dt>
            <dd>{value(goal.target)}</dd>
            <dt>{t('publicReport.goals.targetDate')}</dt>
            <dd>{goal.targetDate ? format.date(goal.targetDate) : t('common.none')}</dd>
          </dl>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('publicReport.goals.noIndicator')}
        </Text>
      )}
    </li>
  );
}

/** The chain's shared goals and where each one stands. */
export function GoalsSection({ section }: { section: GoalsData }) {
  const { t } = useReportKit();
  return (
    <SectionFrame title={t('publicReport.goals.title')} testId="report-goals">
      {section.items.length === 0 ? (
        <Text c="dimmed">{t('publicReport.goals.empty')}</Text>
      ) : (
        <ul className={classes.cards}>
          {section.items.map((goal, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: published goals carry no id and never reorder
            <GoalCard key={index} goal={goal} />
          ))}
        </ul>
      )}
    </SectionFrame>
  );
}
