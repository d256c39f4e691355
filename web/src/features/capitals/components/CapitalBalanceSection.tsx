import {
  Anchor,
  Badge,
  Button,
  Card,
  Collapse,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconTable } from '@tabler/icons-react';
import type { CapitalBalanceItem } from '@tisserand/core';
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../app/format';
import { ErrorAlert, PageLoader } from '../../../app/ui';
import { useCapitalBalance } from '../../goals/api';

// ECharts is loaded with the radar only, so that the pages around it stay light.
const CapitalRadar = lazy(() => import('./CapitalRadar').then((m) => ({ default: m.CapitalRadar })));

/** A signed sum of effects: +3, −1, 0. */
function signed(value: number, format: (n: number) => string): string {
  if (value > 0) return `+${format(value)}`;
  if (value < 0) return `−${format(-value)}`;
  return '0';
}

/** The capital balance as a table: the same figures as the radar, for every reader. */
export function CapitalBalanceTable({ items }: { items: CapitalBalanceItem[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped data-testid="capital-balance-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('capitals.balance.columns.capital')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('capitals.balance.columns.goals')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('capitals.balance.columns.indicators')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('capitals.balance.columns.initiatives')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('capitals.balance.columns.effect')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('capitals.balance.columns.score')}
            </Table.Th>
            <Table.Th scope="col">{t('capitals.balance.columns.blindSpot')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.capital}>
              <Table.Th scope="row" fw={500}>
                {item.label}
              </Table.Th>
              <Table.Td ta="right">{format.number(item.goals)}</Table.Td>
              <Table.Td ta="right">{format.number(item.indicators)}</Table.Td>
              <Table.Td ta="right">{format.number(item.initiatives)}</Table.Td>
              <Table.Td ta="right" c={item.initiativesEffect < 0 ? 'red.8' : undefined}>
                {signed(item.initiativesEffect, format.number)}
              </Table.Td>
              <Table.Td ta="right" fw={600}>
                {format.number(item.score)}
              </Table.Td>
              <Table.Td>
                {item.blindSpot ? (
                  <Badge color="orange" variant="light">
                    {t('capitals.balance.blindSpot')}
                  </Badge>
                ) : (
                  <Text span size="sm" c="dimmed">
                    {t('common.no')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The chain across its capitals: a radar of the scores (0–100) with blind spots marked, and the
 * same figures as a table (shown at once, or behind a button where space is short).
 */
export function CapitalBalanceSection({
  chainId,
  tableShown = false,
  withLink = false,
}: {
  chainId: string;
  tableShown?: boolean;
  withLink?: boolean;
}) {
  const { t } = useTranslation();
  const balance = useCapitalBalance(chainId);
  const [showTable, setShowTable] = useState(tableShown);
  const titleId = useId();
  const tableId = useId();
  const items = balance.data ?? [];
  const blindSpots = items.filter((i) => i.blindSpot);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={titleId} data-testid="capital-balance">
      <Group justify="space-between" mb={4} wrap="wrap">
        <Title order={2} size="h4" id={titleId}>
          {t('capitals.balance.title')}
        </Title>
        {withLink && (
          <Anchor component={Link} to={`/chains/${chainId}/capitals`} size="sm">
            {t('capitals.balance.seeCapitals')}
          </Anchor>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('capitals.balance.intro')}
      </Text>
      {balance.isPending && <PageLoader />}
      {balance.isError && <ErrorAlert error={balance.error} onRetry={() => void balance.refetch()} />}
      {balance.isSuccess && (
        <SimpleGrid cols={{ base: 1, lg: tableShown ? 2 : 1 }} spacing="lg">
          <Stack gap="sm">
            <Suspense fallback={<PageLoader />}>
              <CapitalRadar items={items} />
            </Suspense>
            {blindSpots.length > 0 ? (
              <Text size="sm" c="orange.9" data-testid="blind-spots">
                {t('capitals.balance.blindSpots', {
                  count: blindSpots.length,
                  names: blindSpots.map((i) => i.label).join(', '),
                })}
              </Text>
            ) : (
              <Text size="sm" c="teal.8">
                {t('capitals.balance.noBlindSpot')}
              </Text>
            )}
            {!tableShown && (
              <Button
                variant="subtle"
                size="xs"
                w="fit-content"
                leftSection={<IconTable size={14} aria-hidden />}
                aria-expanded={showTable}
                aria-controls={tableId}
                onClick={() => setShowTable((v) => !v)}
              >
                {showTable ? t('capitals.balance.hideTable') : t('capitals.balance.showTable')}
              </Button>
            )}
          </Stack>
          <Collapse expanded={showTable} id={tableId}>
            <CapitalBalanceTable items={items} />
          </Collapse>
        </SimpleGrid>
      )}
    </Card>
  );
}
