import { Anchor, Badge, Group, Progress, Stack, Text } from '@mantine/core';
import type { Overview } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BADGE_FIT } from '../../actors/labels';
import { TrackText } from '../../goals/components/GoalProgressBar';
import { progressPercent, trackColor } from '../../goals/labels';
import { useDataFormat } from '../../indicators/format';
import { OpenHarmBadges } from '../../initiatives/components/HarmBadges';
import { Panel } from './Panel';

interface PanelProps {
  overview: Overview;
  base: string;
  chainId: string;
}

function SeeAll({ to, label }: { to: string; label: string }) {
  return (
    <Anchor component={Link} to={to} size="sm">
      {label}
    </Anchor>
  );
}

function Empty({ text, to, link }: { text: string; to?: string; link?: string }) {
  return (
    <Stack gap={4}>
      <Text size="sm" c="dimmed">
        {text}
      </Text>
      {to && link && (
        <Anchor component={Link} to={to} size="sm">
          {link}
        </Anchor>
      )}
    </Stack>
  );
}

/** The adopted goals' progress from baseline to target, coloured by whether they are on track. */
export function GoalsPanel({ overview, base }: PanelProps) {
  const { t } = useTranslation();
  const format = useDataFormat();
  return (
    <Panel
      title={t('overview.wealth.goals')}
      id="overview-goals"
      action={<SeeAll to={`${base}/goals`} label={t('overview.wealth.seeGoals')} />}
    >
      {overview.goals.length === 0 ? (
        <Empty text={t('overview.wealth.noGoal')} to={`${base}/goals`} link={t('overview.wealth.toGoals')} />
      ) : (
        <Stack gap="md" data-testid="overview-goals">
          {overview.goals.map((goal) => (
            <Stack key={goal.goalId} gap={4} data-testid="overview-goal">
              <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                <Anchor component={Link} to={`${base}/goals/${goal.goalId}`} size="sm" fw={500}>
                  {goal.title}
                </Anchor>
                <TrackText onTrack={goal.onTrack} />
              </Group>
              <Progress
                value={progressPercent(goal.progress)}
                color={trackColor(goal.onTrack)}
                size="md"
                aria-label={t('goals.progress.barLabel', { title: goal.title })}
              />
              <Text size="xs" c="dimmed">
                {[
                  goal.progress === null
                    ? t('overview.wealth.noProgress')
                    : goal.progress < 0
                      ? t('overview.wealth.belowBaseline')
                      : t('overview.wealth.progress', {
                          value: format.number(Math.round(goal.progress * 100)),
                        }),
                  goal.targetDate ? t('overview.wealth.by', { date: format.date(goal.targetDate) }) : null,
                  t('overview.wealth.commitments', { count: goal.commitments }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

/** Initiatives with a harm nobody accepted yet ("while harming none"). */
export function HarmsPanel({ overview, base, chainId }: PanelProps) {
  const { t } = useTranslation();
  return (
    <Panel
      title={t('overview.wealth.harms')}
      id="overview-harms"
      action={<SeeAll to={`${base}/initiatives`} label={t('overview.wealth.seeInitiatives')} />}
    >
      {overview.harms.length === 0 ? (
        <Text size="sm" c="teal.8">
          {t('overview.wealth.noHarm')}
        </Text>
      ) : (
        <Stack gap="sm" data-testid="overview-harms">
          <Text size="sm" c="dimmed">
            {t('overview.wealth.harmsHelp')}
          </Text>
          {overview.harms.map((h) => (
            <Stack key={h.initiativeId} gap={4}>
              <Anchor component={Link} to={`${base}/initiatives/${h.initiativeId}`} size="sm" fw={500}>
                {h.title}
              </Anchor>
              <OpenHarmBadges chainId={chainId} harms={h.harms} />
            </Stack>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

/** Adopted goals nobody has committed to. */
export function UncommittedPanel({ overview, base }: PanelProps) {
  const { t } = useTranslation();
  const title = (id: string) => overview.goals.find((g) => g.goalId === id)?.title ?? '…';
  return (
    <Panel title={t('overview.wealth.uncommitted')} id="overview-uncommitted">
      {overview.uncommittedGoals.length === 0 ? (
        <Text size="sm" c="teal.8">
          {t('overview.wealth.allCommitted')}
        </Text>
      ) : (
        <Stack gap="xs" data-testid="overview-uncommitted">
          <Text size="sm" c="dimmed">
            {t('overview.wealth.uncommittedHelp')}
          </Text>
          {overview.uncommittedGoals.map((id) => (
            <Anchor key={id} component={Link} to={`${base}/goals/${id}`} size="sm" fw={500}>
              {title(id)}
            </Anchor>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

/** Campaign due dates and goal target dates in the next 60 days. */
export function DeadlinesPanel({ overview, base }: PanelProps) {
  const { t } = useTranslation();
  const format = useDataFormat();
  const deadlines = [...overview.deadlines].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <Panel title={t('overview.wealth.deadlines')} id="overview-deadlines">
      {deadlines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('overview.wealth.noDeadline')}
        </Text>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          data-testid="overview-deadlines"
        >
          {deadlines.map((d) => (
            <Group component="li" key={`${d.kind}-${d.id}`} gap="xs" wrap="nowrap" align="flex-start">
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {format.date(d.date)}
              </Text>
              <Badge variant="light" color={d.kind === 'goal' ? 'blue' : 'cyan'} style={BADGE_FIT}>
                {t(`overview.wealth.deadlineKinds.${d.kind}`)}
              </Badge>
              <Anchor
                component={Link}
                to={
                  d.kind === 'goal'
                    ? `${base}/goals/${d.id}`
                    : d.kind === 'resource'
                      ? `${base}/resources`
                      : `${base}/campaigns/${d.id}`
                }
                size="sm"
              >
                {d.title}
              </Anchor>
            </Group>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

/** Open data-collection campaigns and how many of the expected values came in. */
export function CampaignsPanel({ overview, base }: PanelProps) {
  const { t } = useTranslation();
  const format = useDataFormat();
  return (
    <Panel
      title={t('overview.wealth.campaigns')}
      id="overview-campaigns"
      action={<SeeAll to={`${base}/campaigns`} label={t('overview.wealth.seeCampaigns')} />}
    >
      {overview.campaigns.length === 0 ? (
        <Empty
          text={t('overview.wealth.noCampaign')}
          to={`${base}/campaigns`}
          link={t('overview.wealth.toCampaigns')}
        />
      ) : (
        <Stack gap="md" data-testid="overview-campaigns">
          {overview.campaigns.map((c) => {
            const share = c.expected > 0 ? c.submitted / c.expected : 0;
            return (
              <Stack key={c.campaignId} gap={4}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Anchor component={Link} to={`${base}/campaigns/${c.campaignId}`} size="sm" fw={500}>
                    {c.name}
                  </Anchor>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {t('overview.wealth.submitted', {
                      submitted: format.number(c.submitted),
                      expected: format.number(c.expected),
                    })}
                  </Text>
                </Group>
                <Progress
                  value={share * 100}
                  color={share >= 1 ? 'teal' : 'blue'}
                  size="md"
                  aria-label={t('overview.wealth.completionLabel', { name: c.name })}
                />
                <Text size="xs" c="dimmed">
                  {t('overview.wealth.campaignDetail', {
                    period: format.period(c.period),
                    date: format.date(c.dueDate),
                  })}
                </Text>
              </Stack>
            );
          })}
        </Stack>
      )}
    </Panel>
  );
}

/** The latest successes the data shows (records, targets reached, growth) and stories. */
export function SuccessesPanel({ overview, base }: PanelProps) {
  const { t } = useTranslation();
  const format = useDataFormat();
  return (
    <Panel
      title={t('overview.wealth.successes')}
      id="overview-successes"
      action={<SeeAll to={`${base}/successes`} label={t('overview.wealth.seeSuccesses')} />}
    >
      {overview.successes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('overview.wealth.noSuccess')}
        </Text>
      ) : (
        <Stack
          gap="sm"
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          data-testid="overview-successes"
        >
          {overview.successes.map((s) => (
            <Stack component="li" key={s.key} gap={2}>
              <Group gap="xs" wrap="nowrap">
                <Badge variant="light" color="grape" style={BADGE_FIT}>
                  {t(`successes.kinds.${s.kind}`)}
                </Badge>
                <Text size="sm" fw={500}>
                  {s.title}
                </Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} ml="auto">
                  {s.period ? format.period(s.period) : format.date(s.at)}
                </Text>
              </Group>
              <Text size="sm" c="dimmed" lineClamp={2}>
                {s.message}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
    </Panel>
  );
}
