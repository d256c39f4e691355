import { Group, Progress, Stack, Text } from '@mantine/core';
import type { GoalProgress, Indicator } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { useDataFormat } from '../../indicators/format';
import { progressPercent, trackColor } from '../labels';

type Unit = Pick<Indicator, 'unit' | 'valueType'>;
const NO_UNIT: Unit = { unit: null, valueType: 'number' };

/** "On track", "Behind" or "Not followed yet": the words beside the colour of the bar. */
export function TrackText({ onTrack, size = 'xs' }: { onTrack: boolean | null; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const key = onTrack === null ? 'unknown' : onTrack ? 'onTrack' : 'behind';
  return (
    <Text size={size} fw={600} c={onTrack === null ? 'dimmed' : onTrack ? 'teal.8' : 'orange.8'}>
      {t(`goals.track.${key}`)}
    </Text>
  );
}

/**
 * The way from the baseline to the target as a bar (green on track, orange behind, grey unknown),
 * with "latest / target by date" in words: the bar only shows what the text says.
 */
export function GoalProgressBar({
  progress,
  unit,
  label,
}: {
  progress: GoalProgress;
  unit?: Unit;
  /** The goal's title, naming the bar for assistive technologies. */
  label: string;
}) {
  const { t } = useTranslation();
  const format = useDataFormat();
  const u = unit ?? NO_UNIT;
  const hasTarget = progress.target !== null;
  const summary = !hasTarget
    ? t('goals.progress.noTarget')
    : progress.latest === null
      ? t('goals.progress.noData', {
          target: format.value(u, progress.target),
          date: progress.targetDate ? format.date(progress.targetDate) : t('goals.progress.noDate'),
        })
      : t('goals.progress.latestOfTarget', {
          latest: format.value(u, progress.latest),
          target: format.value(u, progress.target),
          date: progress.targetDate ? format.date(progress.targetDate) : t('goals.progress.noDate'),
        });
  const percent = progressPercent(progress.progress);
  return (
    <Stack gap={4} data-testid="goal-progress">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm">{summary}</Text>
        <TrackText onTrack={progress.onTrack} />
      </Group>
      <Progress
        value={percent}
        color={trackColor(progress.onTrack)}
        size="md"
        aria-label={t('goals.progress.barLabel', { title: label })}
      />
    </Stack>
  );
}
