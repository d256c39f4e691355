import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BADGE_FIT } from '../../actors/labels';

/** "Published" or "Draft". */
export function ReportStatusBadge({ published }: { published: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={published ? 'teal' : 'gray'} variant="light" style={BADGE_FIT}>
      {published ? t('reports.status.published') : t('reports.status.draft')}
    </Badge>
  );
}
