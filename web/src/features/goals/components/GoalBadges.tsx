import { Badge, Group } from '@mantine/core';
import type { Goal } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { BADGE_FIT } from '../../actors/labels';
import { DIMENSION_COLOR, GOAL_STATUS_COLOR } from '../labels';

/** A goal's status as a badge. */
export function GoalStatusBadge({ status }: { status: Goal['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={GOAL_STATUS_COLOR[status]} variant="light" style={BADGE_FIT}>
      {t(`goals.statuses.${status}`)}
    </Badge>
  );
}

/** A goal's dimension and the capitals it concerns. */
export function GoalBadges({
  goal,
  capitalLabel,
  withStatus = false,
}: {
  goal: Goal;
  capitalLabel: (key: string) => string;
  withStatus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      {withStatus && <GoalStatusBadge status={goal.status} />}
      <Badge color={DIMENSION_COLOR[goal.dimension]} variant="filled" style={BADGE_FIT}>
        {t(`goals.dimensions.${goal.dimension}`)}
      </Badge>
      {goal.capitals.map((key) => (
        <Badge key={key} color="grape" variant="outline" style={BADGE_FIT}>
          {capitalLabel(key)}
        </Badge>
      ))}
    </Group>
  );
}
