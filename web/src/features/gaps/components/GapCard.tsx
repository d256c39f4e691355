import { Anchor, Badge, Button, Card, Group, List, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconEyeOff } from '@tabler/icons-react';
import type { GapItem } from '@tisserand/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import { BADGE_FIT } from '../../actors/labels';
import type { ChainDirectory } from '../../overview/api';
import { SEVERITY_COLOR } from '../labels';

/** A coloured severity badge ("Gravité : élevée"). */
export function SeverityBadge({ severity }: { severity: GapItem['severity'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={SEVERITY_COLOR[severity]}
      variant="light"
      style={BADGE_FIT}
      title={t(`gaps.severity.${severity}`)}
    >
      {t(`gaps.severityShort.${severity}`)}
    </Badge>
  );
}

/** The entities a gap names, as links: actors to their profile, stages to the stages page, intents to their actor. */
function Entities({
  gap,
  chainId,
  directory,
  capitalLabel,
}: {
  gap: GapItem;
  chainId: string;
  directory: ChainDirectory | undefined;
  capitalLabel: (key: string) => string;
}) {
  const { t } = useTranslation();
  const base = `/chains/${chainId}`;
  const items: ReactNode[] = [];
  for (const id of gap.entityIds) {
    const stage = directory?.stageById.get(id);
    const actor = directory?.actorById.get(id);
    const intent = directory?.intentById.get(id);
    if (stage) {
      items.push(
        <Anchor key={id} component={Link} to={`${base}/stages`}>
          {t('gaps.entity.stage', { name: stage.name })}
        </Anchor>,
      );
    } else if (actor) {
      items.push(
        <Anchor key={id} component={Link} to={`${base}/actors/${actor.id}`}>
          {actor.name}
        </Anchor>,
      );
    } else if (intent) {
      const owner = directory?.actorById.get(intent.actorId);
      const amount =
        intent.quantity !== null ? ` ${intent.quantity}${intent.unit ? ` ${intent.unit}` : ''}` : '';
      items.push(
        <Anchor key={id} component={Link} to={`${base}/actors/${intent.actorId}`}>
          {t(`gaps.entity.${intent.direction}`, {
            actor: owner?.name ?? t('gaps.entity.unknownActor'),
            resource: intent.resource,
            amount,
          })}
        </Anchor>,
      );
    } else {
      // While the names load, a placeholder; once loaded, an id nothing names was deleted meanwhile.
      items.push(
        <Text key={id} span c="dimmed">
          {directory ? t('gaps.entity.unknown') : '…'}
        </Text>,
      );
    }
  }
  if (gap.capital) {
    items.push(
      <Anchor key="capital" component={Link} to={`${base}/capitals`}>
        {t('gaps.entity.capital', { name: capitalLabel(gap.capital) })}
      </Anchor>,
    );
  }
  if (items.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('gaps.concerned')}
      </Text>
      <List size="sm" spacing={2}>
        {items.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the entities of a gap keep their order
          <List.Item key={index}>{item}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** One gap: severity, explanation, entities concerned, suggestions, and dismissal for coordinators. */
export function GapCard({
  gap,
  chainId,
  directory,
  capitalLabel,
  canDismiss,
  onDismiss,
  onRestore,
  restoring,
  showType,
}: {
  gap: GapItem;
  chainId: string;
  directory: ChainDirectory | undefined;
  capitalLabel: (key: string) => string;
  canDismiss: boolean;
  onDismiss?: (gap: GapItem) => void;
  onRestore?: (gap: GapItem) => void;
  restoring?: boolean;
  /** Shows the gap's type as its title (when not already grouped under it). */
  showType?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = `/chains/${chainId}`;
  return (
    <Card
      withBorder
      padding="md"
      data-testid="gap-card"
      data-gap-key={gap.key}
      style={gap.dismissed ? { opacity: 0.75 } : undefined}
      component="article"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="xs">
            <SeverityBadge severity={gap.severity} />
            {gap.resource && (
              <Badge variant="outline" color="gray">
                {gap.resource}
              </Badge>
            )}
            {showType && (
              <Text fw={600} size="sm">
                {t(`gaps.types.${gap.type}.title`)}
              </Text>
            )}
            {gap.dismissed && (
              <Badge color="gray" variant="filled">
                {t('gaps.dismissedBadge')}
              </Badge>
            )}
          </Group>
          {canDismiss && !gap.dismissed && onDismiss && (
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              leftSection={<IconEyeOff size={14} aria-hidden />}
              onClick={() => onDismiss(gap)}
            >
              {t('gaps.dismiss')}
            </Button>
          )}
          {canDismiss && gap.dismissed && onRestore && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconArrowBackUp size={14} aria-hidden />}
              onClick={() => onRestore(gap)}
              loading={restoring}
            >
              {t('gaps.restore')}
            </Button>
          )}
        </Group>
        <Text data-testid="gap-explanation">{gap.explanation}</Text>
        {gap.dismissed && (
          <Text size="sm" c="dimmed">
            {t('gaps.dismissedBecause', {
              reason: gap.dismissed.reason,
              date: format.date(gap.dismissed.at),
            })}
          </Text>
        )}
        <Entities gap={gap} chainId={chainId} directory={directory} capitalLabel={capitalLabel} />
        {gap.suggestions.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('gaps.suggestions')}
            </Text>
            <List size="sm" spacing={4}>
              {gap.suggestions.map((s) => {
                const actor = s.kind === 'actor' ? directory?.actorById.get(s.id) : undefined;
                return (
                  <List.Item key={`${s.kind}:${s.id}`}>
                    {actor ? (
                      <Anchor component={Link} to={`${base}/actors/${actor.id}`} fw={500}>
                        {actor.name}
                      </Anchor>
                    ) : (
                      <Text span fw={500}>
                        {s.kind === 'actor'
                          ? directory
                            ? t('gaps.suggestionActor')
                            : '…'
                          : t('gaps.suggestionResource')}
                      </Text>
                    )}
                    <Text span c="dimmed">
                      {' — '}
                      {s.reason}
                    </Text>
                  </List.Item>
                );
              })}
            </List>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
