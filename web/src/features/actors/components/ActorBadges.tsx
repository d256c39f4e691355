import { Badge } from '@mantine/core';
import type { ActorRole, ActorStatus } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { BADGE_FIT, ROLE_COLOR, STATUS_COLOR } from '../labels';

/** An actor's WealthWorks role (demand, transactional, support). */
export function RoleBadge({ role }: { role: ActorRole }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={ROLE_COLOR[role]} style={BADGE_FIT}>
      {t(`actors.roles.${role}`)}
    </Badge>
  );
}

/** An actor's engagement status (potential → engaged → committed → inactive). */
export function StatusBadge({ status }: { status: ActorStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={STATUS_COLOR[status]} style={BADGE_FIT}>
      {t(`actors.statuses.${status}`)}
    </Badge>
  );
}
