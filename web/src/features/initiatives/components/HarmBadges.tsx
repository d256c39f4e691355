import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import type { Initiative } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { BADGE_FIT } from '../../actors/labels';
import { useHarmText } from '../labels';

/** The open harms of an initiative, in red ("while harming none"). */
export function OpenHarmBadges({ chainId, harms }: { chainId: string; harms: readonly string[] }) {
  const harmText = useHarmText(chainId);
  if (harms.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap" data-testid="open-harms">
      {harms.map((key) => (
        <Badge
          key={key}
          color="red"
          variant="filled"
          leftSection={<IconAlertTriangle size={12} aria-hidden />}
          style={BADGE_FIT}
          data-testid="harm-badge"
        >
          {harmText(key)}
        </Badge>
      ))}
    </Group>
  );
}

/** The harms accepted with a reason: shown with the reason, calm (grey), never hidden. */
export function AcceptedHarms({ chainId, initiative }: { chainId: string; initiative: Initiative }) {
  const { t } = useTranslation();
  const harmText = useHarmText(chainId);
  const accepted = Object.entries(initiative.harmAcceptances);
  if (accepted.length === 0) return null;
  return (
    <Stack gap={4} data-testid="accepted-harms">
      {accepted.map(([key, reason]) => (
        <Stack key={key} gap={2} align="flex-start">
          <Badge
            color="gray"
            variant="light"
            leftSection={<IconCheck size={12} aria-hidden />}
            style={BADGE_FIT}
          >
            {t('initiatives.harm.accepted', { harm: harmText(key) })}
          </Badge>
          <Text size="xs" c="dimmed">
            {t('initiatives.harm.reason', { reason })}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}
