import { Alert, Badge, Group } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { Conflict } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { BADGE_FIT } from '../../actors/labels';
import { CONFLICT_STATUS_COLOR, SEVERITY_COLOR } from '../labels';

/** A conflict's status and severity as badges ("Severity: high": the word, not the colour alone). */
export function ConflictBadges({ conflict }: { conflict: Pick<Conflict, 'status' | 'severity'> }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      <Badge
        color={CONFLICT_STATUS_COLOR[conflict.status]}
        variant="light"
        style={BADGE_FIT}
        data-testid="conflict-status"
      >
        {t(`conflicts.statuses.${conflict.status}`)}
      </Badge>
      <Badge color={SEVERITY_COLOR[conflict.severity]} variant="outline" style={BADGE_FIT}>
        {t('conflicts.severityBadge', { severity: t(`conflicts.severities.${conflict.severity}`) })}
      </Badge>
    </Group>
  );
}

/** The confidentiality notice at the top of every conflict page. */
export function ConfidentialNotice() {
  const { t } = useTranslation();
  return (
    <Alert
      color="grape"
      variant="light"
      icon={<IconLock aria-hidden />}
      mb="lg"
      data-testid="confidential-notice"
    >
      {t('conflicts.confidential')}
    </Alert>
  );
}
