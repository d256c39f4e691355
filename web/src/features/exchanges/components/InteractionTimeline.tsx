import { ActionIcon, Anchor, Badge, Group, Text, ThemeIcon, Timeline } from '@mantine/core';
import { IconAlarm, IconPencil, IconTrash } from '@tabler/icons-react';
import type { Interaction } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChainDirectory } from '../../overview/api';
import { daysFromToday, formatDay } from '../dates';
import { KIND_LOOK } from '../labels';

/** A follow-up date: highlighted (and said in words) once it is due. */
export function FollowUpBadge({ date }: { date: string }) {
  const { t, i18n } = useTranslation();
  const days = daysFromToday(date);
  const day = formatDay(date, i18n.language);
  if (days <= 0) {
    return (
      <Badge
        color="orange"
        variant="filled"
        leftSection={<IconAlarm size={12} aria-hidden />}
        data-testid="follow-up-due"
        style={{ textTransform: 'none' }}
      >
        {t('exchanges.followUpDue', { date: day })}
      </Badge>
    );
  }
  return (
    <Badge
      color="gray"
      variant="outline"
      leftSection={<IconAlarm size={12} aria-hidden />}
      style={{ textTransform: 'none' }}
    >
      {t('exchanges.followUpOn', { date: day })}
    </Badge>
  );
}

/** The exchanges as a timeline, newest first, with the kind's icon and word. */
export function InteractionTimeline({
  interactions,
  chainId,
  directory,
  onEdit,
  onDelete,
}: {
  interactions: Interaction[];
  chainId: string;
  directory: ChainDirectory | undefined;
  onEdit?: (interaction: Interaction) => void;
  onDelete?: (interaction: Interaction) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Timeline bulletSize={28} lineWidth={2} data-testid="interaction-timeline">
      {interactions.map((interaction) => {
        const look = KIND_LOOK[interaction.kind];
        const Icon = look.icon;
        const kind = t(`exchanges.kinds.${interaction.kind}`);
        return (
          <Timeline.Item
            key={interaction.id}
            bullet={
              <ThemeIcon size={28} radius="xl" color={look.color} variant="light">
                <Icon size={16} aria-hidden />
              </ThemeIcon>
            }
            title={
              <Group gap="xs" justify="space-between" wrap="nowrap">
                <Text fw={600} size="sm">
                  {kind} · {formatDay(interaction.date, i18n.language)}
                </Text>
                {(onEdit || onDelete) && (
                  <Group gap={2} wrap="nowrap">
                    {onEdit && (
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        aria-label={t('exchanges.editLabel', {
                          kind,
                          date: formatDay(interaction.date, i18n.language),
                        })}
                        onClick={() => onEdit(interaction)}
                      >
                        <IconPencil size={14} aria-hidden />
                      </ActionIcon>
                    )}
                    {onDelete && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="sm"
                        aria-label={t('exchanges.deleteLabel', {
                          kind,
                          date: formatDay(interaction.date, i18n.language),
                        })}
                        onClick={() => onDelete(interaction)}
                      >
                        <IconTrash size={14} aria-hidden />
                      </ActionIcon>
                    )}
                  </Group>
                )}
              </Group>
            }
            data-testid="interaction-item"
          >
            <Group gap={4} mt={2}>
              {interaction.actorIds.map((id, index) => (
                <Text key={id} size="sm" span>
                  {index > 0 && ', '}
                  <Anchor component={Link} to={`/chains/${chainId}/actors/${id}`} size="sm">
                    {directory?.actorById.get(id)?.name ?? '…'}
                  </Anchor>
                </Text>
              ))}
            </Group>
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
              {interaction.summary}
            </Text>
            {interaction.followUpDate && (
              <Group mt={6}>
                <FollowUpBadge date={interaction.followUpDate} />
              </Group>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
