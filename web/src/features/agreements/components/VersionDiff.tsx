import { Box, Group, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core';
import { diffWordsWithSpace } from 'diff';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const COLUMN = {
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
  fontFamily: 'var(--mantine-font-family-monospace)',
  fontSize: 'var(--mantine-font-size-sm)',
  lineHeight: 1.6,
} as const;

const DELETED = {
  background: 'var(--mantine-color-red-1)',
  color: 'var(--mantine-color-red-9)',
  textDecoration: 'line-through',
} as const;

const INSERTED = {
  background: 'var(--mantine-color-teal-1)',
  color: 'var(--mantine-color-teal-9)',
  textDecoration: 'underline',
} as const;

/**
 * Two versions of the terms side by side, word by word: what the newer one removed is struck
 * through on the left, what it added is underlined on the right. Colour is never the only sign:
 * the marks are `<del>` and `<ins>`, struck and underlined, and say so to screen readers.
 */
export function VersionDiff({
  before,
  after,
  beforeLabel,
  afterLabel,
}: {
  before: string;
  after: string;
  beforeLabel: string;
  afterLabel: string;
}) {
  const { t } = useTranslation();
  const changes = useMemo(() => diffWordsWithSpace(before, after), [before, after]);
  const words = (value: string) => value.trim().split(/\s+/).filter(Boolean).length;
  const removed = changes.filter((c) => c.removed).reduce((n, c) => n + words(c.value), 0);
  const added = changes.filter((c) => c.added).reduce((n, c) => n + words(c.value), 0);
  return (
    <Stack gap="sm" data-testid="version-diff">
      <Text size="sm" data-testid="diff-summary">
        {removed === 0 && added === 0
          ? t('agreements.diff.identical')
          : t('agreements.diff.summary', { added, removed })}
      </Text>
      <Group gap="md" aria-hidden>
        <Text size="xs" span style={DELETED} px={4}>
          {t('agreements.diff.legendRemoved')}
        </Text>
        <Text size="xs" span style={INSERTED} px={4}>
          {t('agreements.diff.legendAdded')}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap={4} component="section" aria-label={beforeLabel}>
          <Text size="sm" fw={700}>
            {beforeLabel}
          </Text>
          <Box
            p="sm"
            bg="gray.0"
            bd="1px solid var(--mantine-color-gray-3)"
            style={COLUMN}
            data-testid="diff-before"
          >
            {changes.map((c, i) =>
              c.added ? null : c.removed ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: the changes of one diff never reorder
                <del key={i} style={DELETED}>
                  <VisuallyHidden>{t('agreements.diff.removedStart')}</VisuallyHidden>
                  {c.value}
                  <VisuallyHidden>{t('agreements.diff.removedEnd')}</VisuallyHidden>
                </del>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: the changes of one diff never reorder
                <span key={i}>{c.value}</span>
              ),
            )}
          </Box>
        </Stack>
        <Stack gap={4} component="section" aria-label={afterLabel}>
          <Text size="sm" fw={700}>
            {afterLabel}
          </Text>
          <Box
            p="sm"
            bg="gray.0"
            bd="1px solid var(--mantine-color-gray-3)"
            style={COLUMN}
            data-testid="diff-after"
          >
            {changes.map((c, i) =>
              c.removed ? null : c.added ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: the changes of one diff never reorder
                <ins key={i} style={INSERTED}>
                  <VisuallyHidden>{t('agreements.diff.addedStart')}</VisuallyHidden>
                  {c.value}
                  <VisuallyHidden>{t('agreements.diff.addedEnd')}</VisuallyHidden>
                </ins>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: the changes of one diff never reorder
                <span key={i}>{c.value}</span>
              ),
            )}
          </Box>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
