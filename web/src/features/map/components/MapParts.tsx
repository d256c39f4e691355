import { Button, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { ACTOR_ROLES, FLOW_STATUSES, FLOW_TYPES } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FLOW_COLORS, ROLE_COLORS } from '../model';

/** No actors yet: say where to add them. */
export function MapEmptyState({ chainId }: { chainId: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" data-testid="map-empty">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h4">
          {t('map.empty.title')}
        </Title>
        <Text c="dimmed">{t('map.empty.body')}</Text>
        <Group gap="sm">
          <Button component={Link} to={`/chains/${chainId}/actors`}>
            {t('map.empty.actors')}
          </Button>
          <Button component={Link} to={`/chains/${chainId}/import`} variant="default">
            {t('map.empty.import')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The switch between the drawing and its table (the drawing's text alternative). */
export function TableToggle({ checked, onChange }: { checked: boolean; onChange: (value: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Switch
      label={t('map.showTable')}
      checked={checked}
      onChange={(event) => onChange(event.currentTarget.checked)}
      data-testid="table-toggle"
    />
  );
}

/** Colour keys of roles and, optionally, flow types and statuses. */
export function MapLegend({ flows = true }: { flows?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap="lg" wrap="wrap" aria-label={t('map.legend')} role="group">
      <Group gap="sm" wrap="wrap">
        {ACTOR_ROLES.map((role) => (
          <Group key={role} gap={6} wrap="nowrap">
            <span className="tisserand-map-swatch" style={{ background: ROLE_COLORS[role] }} aria-hidden />
            <Text size="xs">{t(`map.roles.${role}`)}</Text>
          </Group>
        ))}
      </Group>
      {flows && (
        <>
          <Group gap="sm" wrap="wrap">
            {FLOW_TYPES.map((type) => (
              <Group key={type} gap={6} wrap="nowrap">
                <span
                  className="tisserand-map-line"
                  style={{ borderTopColor: FLOW_COLORS[type] }}
                  aria-hidden
                />
                <Text size="xs">{t(`map.flowTypes.${type}`)}</Text>
              </Group>
            ))}
          </Group>
          <Group gap="sm" wrap="wrap">
            {FLOW_STATUSES.map((status) => (
              <Group key={status} gap={6} wrap="nowrap">
                <span
                  className="tisserand-map-line"
                  style={{
                    borderTopColor: 'var(--mantine-color-gray-6)',
                    borderTopStyle:
                      status === 'active' ? 'solid' : status === 'planned' ? 'dashed' : 'dotted',
                  }}
                  aria-hidden
                />
                <Text size="xs">{t(`map.statuses.${status}`)}</Text>
              </Group>
            ))}
          </Group>
        </>
      )}
    </Group>
  );
}
