import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight } from '@tabler/icons-react';
import type { Indicator } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { BADGE_FIT } from '../../actors/labels';
import { CONFIDENTIALITY_COLOR, INDICATOR_STATUS_COLOR, useDataFormat } from '../format';

/** The indicator's status and confidentiality, the latter explained on hover and to screen readers. */
export function IndicatorBadges({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const help = t(`indicators.confidentialities.${indicator.confidentiality}.help`);
  return (
    <Group gap={6} wrap="wrap">
      <Badge color={INDICATOR_STATUS_COLOR[indicator.status]} variant="light" style={BADGE_FIT}>
        {t(`indicators.statuses.${indicator.status}`)}
      </Badge>
      <Tooltip label={help} multiline w={260} withArrow>
        <Badge
          color={CONFIDENTIALITY_COLOR[indicator.confidentiality]}
          variant="outline"
          style={BADGE_FIT}
          aria-label={`${t(`indicators.confidentialities.${indicator.confidentiality}.label`)} : ${help}`}
          tabIndex={0}
        >
          {t(`indicators.confidentialities.${indicator.confidentiality}.label`)}
        </Badge>
      </Tooltip>
    </Group>
  );
}

/**
 * A change since the previous period, green when it goes the desired way, red when it goes the
 * other way, grey for an indicator to keep stable.
 */
export function ChangeText({
  indicator,
  relativeChange,
  previousLabel,
  size = 'sm',
}: {
  indicator: Pick<Indicator, 'direction'>;
  relativeChange: number | null;
  previousLabel: string;
  size?: 'xs' | 'sm';
}) {
  const { t } = useTranslation();
  const format = useDataFormat();
  if (relativeChange === null) {
    return (
      <Text size={size} c="dimmed">
        {t('indicators.noComparison')}
      </Text>
    );
  }
  const up = relativeChange > 0;
  const flat = relativeChange === 0;
  const good =
    indicator.direction === 'increase' ? up : indicator.direction === 'decrease' ? !up && !flat : null;
  const color = flat || good === null ? 'dimmed' : good ? 'teal.8' : 'red.8';
  const Icon = flat ? IconArrowRight : up ? IconArrowUpRight : IconArrowDownRight;
  return (
    <Group gap={4} wrap="nowrap">
      <Icon
        size={16}
        aria-hidden
        color={`var(--mantine-color-${color === 'dimmed' ? 'dimmed' : color.replace('.', '-')})`}
      />
      <Text size={size} c={color} data-testid="indicator-change">
        {t('indicators.changeSince', { change: format.change(relativeChange), period: previousLabel })}
      </Text>
    </Group>
  );
}
