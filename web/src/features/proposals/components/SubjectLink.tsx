import { Anchor, Text } from '@mantine/core';
import type { Proposal } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAgreements } from '../../agreements/api';
import { useGoals } from '../../goals/api';
import { useIndicators } from '../../indicators/api';

const PATHS = { goal: 'goals', indicator: 'indicators', agreement: 'agreements' } as const;

/** What a proposal would adopt ("Goal: …"), linked to its page. */
export function SubjectLink({
  chainId,
  subject,
}: {
  chainId: string;
  subject: NonNullable<Proposal['subject']>;
}) {
  const { t } = useTranslation();
  const goals = useGoals(chainId);
  const indicators = useIndicators(chainId);
  const agreements = useAgreements(chainId);
  const name =
    subject.type === 'goal'
      ? goals.data?.find((g) => g.id === subject.id)?.title
      : subject.type === 'indicator'
        ? indicators.data?.items.find((i) => i.id === subject.id)?.name
        : agreements.data?.find((a) => a.id === subject.id)?.title;
  return (
    <Text size="sm">
      <Text span fw={600}>
        {t(`proposals.subjects.${subject.type}`)}
      </Text>{' '}
      <Anchor component={Link} to={`/chains/${chainId}/${PATHS[subject.type]}/${subject.id}`} inherit>
        {name ?? '…'}
      </Anchor>
    </Text>
  );
}
