import { Stack, Table, Text } from '@mantine/core';
import type { ResolvedSection } from '@tisserand/core';
import { Suspense } from 'react';
import classes from '../PublicReport.module.css';
import { useReportKit } from '../report-context';
import { CapitalsRadar } from './lazy-charts';
import { ChartFallback, SectionFrame } from './SectionFrame';

type CapitalsData = Extract<ResolvedSection, { type: 'capitals' }>;

/** The chain across its capitals: a radar of the scores beside the same figures as a table, blind spots marked. */
export function CapitalsSection({ section }: { section: CapitalsData }) {
  const { t, format } = useReportKit();
  const items = section.items;
  const blindSpots = items.filter((i) => i.blindSpot);
  return (
    <SectionFrame
      title={t('publicReport.capitals.title')}
      intro={t('publicReport.capitals.intro')}
      testId="report-capitals"
    >
      {items.length === 0 ? (
        <Text c="dimmed">{t('publicReport.capitals.empty')}</Text>
      ) : (
        <div className={classes.twoCols}>
          <Suspense fallback={<ChartFallback height={320} />}>
            <CapitalsRadar items={items} />
          </Suspense>
          <Stack gap="sm">
            <Table.ScrollContainer minWidth={340}>
              <Table striped captionSide="top" data-testid="report-capitals-table">
                <Table.Caption>{t('publicReport.capitals.tableCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('publicReport.capitals.columns.capital')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('publicReport.capitals.columns.score')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('publicReport.capitals.columns.goals')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('publicReport.capitals.columns.indicators')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('publicReport.capitals.columns.initiatives')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item) => (
                    <Table.Tr key={item.capital}>
                      <Table.Th scope="row" fw={500}>
                        {item.label}
                        {item.blindSpot && (
                          <span className={classes.blindSpot}>⚠ {t('publicReport.capitals.blindSpot')}</span>
                        )}
                      </Table.Th>
                      <Table.Td ta="right" fw={600}>
                        {format.number(item.score)}
                      </Table.Td>
                      <Table.Td ta="right">{format.number(item.goals)}</Table.Td>
                      <Table.Td ta="right">{format.number(item.indicators)}</Table.Td>
                      <Table.Td ta="right">{format.number(item.initiatives)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="sm" c={blindSpots.length > 0 ? 'orange.9' : 'teal.8'}>
              {blindSpots.length > 0
                ? t('publicReport.capitals.blindSpots', {
                    count: blindSpots.length,
                    names: blindSpots.map((i) => i.label).join(', '),
                  })
                : t('publicReport.capitals.noBlindSpot')}
            </Text>
          </Stack>
        </div>
      )}
    </SectionFrame>
  );
}
