import { Badge, Text } from '@mantine/core';
import type { Flow } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../app/format';
import { BADGE_FIT } from '../../actors/labels';

export const FLOW_TYPE_COLOR = {
  product: 'teal',
  money: 'yellow',
  service: 'blue',
  information: 'gray',
  support: 'violet',
} as const;
export const FLOW_STATUS_COLOR = { active: 'teal', planned: 'blue', broken: 'red' } as const;

/** The type of a flow, with its kind for support flows ("Soutien · formation"). */
export function FlowTypeBadge({ flow }: { flow: Pick<Flow, 'type' | 'supportKind'> }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={FLOW_TYPE_COLOR[flow.type]} style={{ ...BADGE_FIT, textTransform: 'none' }}>
      {t(`flows.types.${flow.type}`)}
      {flow.supportKind ? ` · ${t(`flows.supportKinds.${flow.supportKind}`)}` : ''}
    </Badge>
  );
}

/** Active, planned or broken. */
export function FlowStatusBadge({ status }: { status: Flow['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={FLOW_STATUS_COLOR[status]} style={BADGE_FIT}>
      {t(`flows.statuses.${status}`)}
    </Badge>
  );
}

/** Quantity with its unit, and value, in the interface's number format. */
export function FlowAmount({ flow }: { flow: Pick<Flow, 'quantity' | 'unit' | 'value'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const parts: string[] = [];
  if (flow.quantity !== null)
    parts.push(`${format.number(flow.quantity)}${flow.unit ? ` ${flow.unit}` : ''}`);
  if (flow.value !== null) parts.push(t('flows.valueOf', { value: format.number(flow.value) }));
  if (parts.length === 0)
    return (
      <Text span c="dimmed">
        {t('common.none')}
      </Text>
    );
  return (
    <Text span size="sm">
      {parts.join(' · ')}
    </Text>
  );
}

/** "depuis le 1 janv. 2024", "jusqu’au …", or both. */
export function FlowDates({ flow }: { flow: Pick<Flow, 'since' | 'until'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const since = flow.since ? format.date(flow.since) : null;
  const until = flow.until ? format.date(flow.until) : null;
  const text =
    since && until
      ? t('flows.dates.between', { since, until })
      : since
        ? t('flows.dates.since', { since })
        : until
          ? t('flows.dates.until', { until })
          : t('common.none');
  return (
    <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
      {text}
    </Text>
  );
}
