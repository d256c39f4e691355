import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Card,
  Group,
  Select,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconBulb, IconPencil, IconSparkles } from '@tabler/icons-react';
import type { Idea } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BADGE_FIT, oneOf } from '../../actors/labels';
import { IDEA_STATUSES, isResult, RISK_COLOR } from '../labels';

/** One card of the lab: hypothesis, risk, capitals, actors; a status Select for those who may write. */
export function IdeaCard({
  idea,
  chainId,
  canWrite,
  highlighted,
  busy,
  capitalLabel,
  actorName,
  onEdit,
  onStatus,
}: {
  idea: Idea;
  chainId: string;
  canWrite: boolean;
  highlighted: boolean;
  busy: boolean;
  capitalLabel: (key: string) => string;
  actorName: (id: string) => string;
  onEdit: () => void;
  onStatus: (status: Idea['status']) => void;
}) {
  const { t } = useTranslation();
  const titleId = `idea-${idea.id}-title`;
  const result = isResult(idea);
  return (
    <Card
      withBorder
      padding="sm"
      component="article"
      aria-labelledby={titleId}
      data-testid="idea-card"
      id={`idea-${idea.id}`}
      tabIndex={-1}
      style={
        highlighted
          ? { outline: '3px solid var(--mantine-color-violet-5)', outlineOffset: 2 }
          : result
            ? { borderColor: 'var(--mantine-color-teal-4)' }
            : undefined
      }
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Title order={4} size="h6" id={titleId}>
            {idea.title}
          </Title>
          {canWrite && (
            <Tooltip label={t('innovation.edit')}>
              <ActionIcon
                variant="subtle"
                size="sm"
                aria-label={t('innovation.editLabel', { title: idea.title })}
                onClick={onEdit}
              >
                <IconPencil size={14} aria-hidden />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
        {idea.hypothesis && (
          <Text size="sm">
            <Text span fw={600}>
              {t('innovation.hypothesisLabel')}
            </Text>{' '}
            {idea.hypothesis}
          </Text>
        )}
        {!idea.hypothesis && idea.description && (
          <Text size="sm" c="dimmed" lineClamp={3}>
            {idea.description}
          </Text>
        )}
        <Group gap={4} wrap="wrap">
          <Badge color={RISK_COLOR[idea.riskLevel]} variant="light" size="sm" style={BADGE_FIT}>
            {t('innovation.riskBadge', { risk: t(`innovation.risks.${idea.riskLevel}`) })}
          </Badge>
          {idea.capitals.map((c) => (
            <Badge key={c} variant="outline" color="grape" size="sm" style={BADGE_FIT}>
              {capitalLabel(c)}
            </Badge>
          ))}
        </Group>
        {idea.actorIds.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('innovation.actorsLabel')}{' '}
            {idea.actorIds.map((id, i) => (
              <span key={id}>
                {i > 0 && ', '}
                <Anchor component={Link} to={`/chains/${chainId}/actors/${id}`} inherit>
                  {actorName(id)}
                </Anchor>
              </span>
            ))}
          </Text>
        )}
        {idea.learnings && (
          <Box
            p="xs"
            bg={result ? 'teal.0' : 'gray.0'}
            style={{ borderLeft: `3px solid var(--mantine-color-${result ? 'teal' : 'gray'}-5)` }}
            data-testid={result ? 'idea-result' : undefined}
          >
            <Group gap={4} mb={2} wrap="nowrap">
              <IconBulb size={14} aria-hidden />
              <Text size="xs" fw={700}>
                {result ? t('innovation.resultTitle') : t('innovation.learningsTitle')}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {idea.learnings}
            </Text>
          </Box>
        )}
        {idea.serendipityId && (
          <Anchor
            component={Link}
            to={`/chains/${chainId}/serendipity#entry-${idea.serendipityId}`}
            size="xs"
          >
            <Group gap={4} component="span" wrap="nowrap">
              <IconSparkles size={12} aria-hidden />
              {t('innovation.bornFromEncounter')}
            </Group>
          </Anchor>
        )}
        {canWrite && (
          <Select
            size="xs"
            label={t('innovation.moveTo')}
            aria-label={t('innovation.statusOf', { title: idea.title })}
            data={IDEA_STATUSES.map((s) => ({ value: s, label: t(`innovation.statuses.${s}`) }))}
            value={idea.status}
            allowDeselect={false}
            disabled={busy}
            onChange={(value) => {
              const chosen = oneOf(IDEA_STATUSES, value);
              if (chosen && chosen !== idea.status) onStatus(chosen);
            }}
          />
        )}
      </Stack>
    </Card>
  );
}
