import {
  ActionIcon,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import type { Indicator } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import type { DraftSection } from '../draft';
import { IndicatorSectionEditor } from './IndicatorSectionEditor';
import { MarkdownText } from './MarkdownText';

/** The DOM id of a section's move button, to give the focus back after a move. */
export function moveButtonId(key: string, direction: 'up' | 'down') {
  return `${key}-move-${direction}`;
}

/** One section of the builder: its heading, move and remove buttons, and its type's own editor. */
export function SectionEditor({
  section,
  index,
  count,
  indicators,
  indicatorsLoading,
  minGroupSize,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  section: DraftSection;
  index: number;
  count: number;
  indicators: readonly Indicator[];
  indicatorsLoading: boolean;
  minGroupSize: number;
  /** Field errors of this section, keyed by field (`markdown`, `indicatorId`). */
  errors: Record<string, string | undefined>;
  onChange: (next: DraftSection) => void;
  onMove: (direction: 'up' | 'down') => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const type = t(`reports.sections.types.${section.type}`);
  const name = t('reports.sections.name', { position: index + 1, type });
  const heading = t('reports.sections.heading', { position: index + 1, type });
  const titleId = `${section.key}-title`;

  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby={titleId}
      data-testid="report-section"
      data-section-type={section.type}
    >
      <Group justify="space-between" wrap="nowrap" mb="sm" gap="xs">
        <Title order={3} size="h5" id={titleId} tabIndex={-1}>
          {heading}
        </Title>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('reports.sections.moveUpShort')}>
            <ActionIcon
              id={moveButtonId(section.key, 'up')}
              variant="subtle"
              color="gray"
              aria-label={t('reports.sections.moveUp', { name })}
              disabled={index === 0}
              onClick={() => onMove('up')}
            >
              <IconArrowUp size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('reports.sections.moveDownShort')}>
            <ActionIcon
              id={moveButtonId(section.key, 'down')}
              variant="subtle"
              color="gray"
              aria-label={t('reports.sections.moveDown', { name })}
              disabled={index === count - 1}
              onClick={() => onMove('down')}
            >
              <IconArrowDown size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('reports.sections.removeShort')}>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('reports.sections.remove', { name })}
              onClick={onRemove}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      {section.type === 'text' && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Textarea
            label={t('reports.text.label')}
            description={t('reports.text.help')}
            autosize
            minRows={6}
            maxRows={24}
            maxLength={50_000}
            value={section.markdown}
            error={errors.markdown}
            onChange={(event) => onChange({ ...section, markdown: event.currentTarget.value })}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id={`${section.key}-rendered`}>
              {t('reports.text.rendered')}
            </Text>
            <Paper
              withBorder
              p="sm"
              role="region"
              aria-labelledby={`${section.key}-rendered`}
              style={{ overflowWrap: 'anywhere' }}
            >
              {section.markdown.trim() ? (
                <MarkdownText markdown={section.markdown} />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('reports.text.empty')}
                </Text>
              )}
            </Paper>
          </Stack>
        </SimpleGrid>
      )}
      {section.type === 'indicator' && (
        <IndicatorSectionEditor
          section={section}
          idPrefix={section.key}
          indicators={indicators}
          indicatorsLoading={indicatorsLoading}
          minGroupSize={minGroupSize}
          error={errors.indicatorId}
          onChange={onChange}
        />
      )}
      {section.type !== 'text' && section.type !== 'indicator' && (
        <Text size="sm" c="dimmed">
          {t(`reports.sections.about.${section.type}`)}
        </Text>
      )}
    </Card>
  );
}
