import { Badge } from '@mantine/core';
import type { Agreement } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { BADGE_FIT } from '../../actors/labels';
import { AGREEMENT_STATUS_COLOR } from '../labels';

/** An agreement's status as a badge. */
export function AgreementStatusBadge({ status }: { status: Agreement['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={AGREEMENT_STATUS_COLOR[status]}
      variant="light"
      style={BADGE_FIT}
      data-testid="agreement-status"
    >
      {t(`agreements.statuses.${status}`)}
    </Badge>
  );
}
