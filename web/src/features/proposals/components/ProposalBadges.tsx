import { Badge, Group, Text } from '@mantine/core';
import { IconBan, IconCheck, IconClock, IconMinus } from '@tabler/icons-react';
import type { Proposal } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { BADGE_FIT } from '../../actors/labels';
import { OUTCOME_COLOR, POSITION_COLOR, useRelativeTime } from '../labels';

const OUTCOME_ICON = { consensus: IconCheck, no_consensus: IconMinus, blocked: IconBan } as const;

/** Open (with its closing countdown) or closed with its outcome, as a badge: word and icon, not colour alone. */
export function ProposalStatusBadge({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  if (proposal.status === 'open') {
    return (
      <Badge color="blue" variant="light" style={BADGE_FIT} leftSection={<IconClock size={12} aria-hidden />}>
        {t('proposals.status.open')}
      </Badge>
    );
  }
  const outcome = proposal.outcome ?? 'no_consensus';
  const Icon = OUTCOME_ICON[outcome];
  return (
    <Badge
      color={OUTCOME_COLOR[outcome]}
      variant="filled"
      style={BADGE_FIT}
      leftSection={<Icon size={12} aria-hidden />}
      data-testid="outcome-badge"
    >
      {t(`proposals.outcomes.${outcome}`)}
    </Badge>
  );
}

/** When an open proposal closes ("closes in 3 days, on 12 Oct 2026 18:00"), or when it closed. */
export function ClosingLine({ proposal, size = 'sm' }: { proposal: Proposal; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const format = useFormat();
  const relative = useRelativeTime();
  if (proposal.status === 'closed') {
    return (
      <Text size={size} c="dimmed">
        {t('proposals.closedOn', { date: format.dateTime(proposal.closedAt ?? proposal.closesAt) })}
      </Text>
    );
  }
  const past = new Date(proposal.closesAt).getTime() <= Date.now();
  return (
    <Text size={size} c={past ? 'orange.8' : undefined} data-testid="closing-line">
      {past
        ? t('proposals.closingNow', { date: format.dateTime(proposal.closesAt) })
        : t('proposals.closesIn', {
            relative: relative(proposal.closesAt),
            date: format.dateTime(proposal.closesAt),
          })}
    </Text>
  );
}

/** A position as a badge: its word on its colour. */
export function PositionBadge({ position }: { position: keyof typeof POSITION_COLOR }) {
  const { t } = useTranslation();
  return (
    <Badge color={POSITION_COLOR[position]} variant="light" style={BADGE_FIT}>
      {t(`proposals.positions.${position}`)}
    </Badge>
  );
}

/** The badges of a proposal card: status or outcome, and "awaiting your position" for a partner. */
export function ProposalBadges({ proposal, myActorId }: { proposal: Proposal; myActorId: string | null }) {
  const { t } = useTranslation();
  const awaiting =
    proposal.status === 'open' && myActorId !== null && proposal.spread.missing.includes(myActorId);
  return (
    <Group gap="xs" wrap="wrap">
      <ProposalStatusBadge proposal={proposal} />
      {awaiting && (
        <Badge color="orange" variant="outline" style={BADGE_FIT}>
          {t('proposals.awaitingYou')}
        </Badge>
      )}
    </Group>
  );
}
