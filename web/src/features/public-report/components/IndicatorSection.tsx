import { Stack, Table, Text } from '@mantine/core';
import type { PublicPoint } from '@tisserand/core';
import { type ReactNode, Suspense } from 'react';
import {
  type IndicatorSectionData,
  latestPeriod,
  pointIndex,
  seriesGroups,
  seriesPeriods,
  WHOLE_CHAIN,
} from '../indicator-data';
import classes from '../PublicReport.module.css';
import { useReportKit } from '../report-context';
import { IndicatorChart } from './lazy-charts';
import { ChartFallback, SectionFrame, SuppressedText } from './SectionFrame';

/** One figure in a table: the value and how many actors are behind it, or why it is not published. */
function FigureCell({ point, section }: { point: PublicPoint | undefined; section: IndicatorSectionData }) {
  const { t, format } = useReportKit();
  if (!point) return <Text span>{t('common.none')}</Text>;
  if (point.suppressed) return <SuppressedText />;
  const indicator = section.indicator;
  return (
    <Stack gap={0} className={classes.figureCell}>
      <Text span size="sm">
        {format.value(point.value, indicator?.unit ?? null, indicator?.valueType)}
      </Text>
      {point.n !== null && point.n > 0 && (
        <Text span size="xs" c="dimmed">
          {t('publicReport.indicator.contributors', { count: point.n })}
        </Text>
      )}
    </Stack>
  );
}

/** The figures of a line chart: one row per period (oldest first), one column per group. */
function SeriesTable({ section, name }: { section: IndicatorSectionData; name: string }) {
  const { t, format } = useReportKit();
  const periods = seriesPeriods(section.items);
  const groups = seriesGroups(section, t('publicReport.indicator.wholeChain'));
  const at = pointIndex(section.items);
  const single = groups.length === 1 && groups[0]?.key === WHOLE_CHAIN;
  return (
    <Table.ScrollContainer minWidth={single ? 320 : 160 + groups.length * 150}>
      <Table striped captionSide="top" data-testid="report-indicator-table">
        <Table.Caption>{t('publicReport.indicator.tableCaption', { name })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('publicReport.indicator.period')}</Table.Th>
            {single ? (
              <Table.Th scope="col">{t('publicReport.indicator.value')}</Table.Th>
            ) : (
              groups.map((g) => (
                <Table.Th scope="col" key={g.key}>
                  {g.label}
                </Table.Th>
              ))
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {periods.map((period) => (
            <Table.Tr key={period}>
              <Table.Th scope="row" fw={500}>
                {format.period(period)}
              </Table.Th>
              {groups.map((g) => (
                <Table.Td key={g.key}>
                  <FigureCell point={at(g.key, period)} section={section} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The figures of a bar chart: the latest period, one row per group. */
function BreakdownTable({ section, name }: { section: IndicatorSectionData; name: string }) {
  const { t, format, labels } = useReportKit();
  const period = latestPeriod(section.items);
  if (!period) return null;
  const items = section.items.filter((p) => p.period === period);
  const groups = seriesGroups(section, t('publicReport.indicator.wholeChain'), items);
  const at = pointIndex(items);
  return (
    <Table.ScrollContainer minWidth={320}>
      <Table striped captionSide="top" data-testid="report-indicator-table">
        <Table.Caption>
          {t('publicReport.indicator.tableCaptionPeriod', { name, period: format.period(period) })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{labels.groupBy(section.groupBy)}</Table.Th>
            <Table.Th scope="col">{t('publicReport.indicator.value')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((g) => (
            <Table.Tr key={g.key}>
              <Table.Th scope="row" fw={500}>
                {g.label}
              </Table.Th>
              <Table.Td>
                <FigureCell point={at(g.key, period)} section={section} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** What the indicator measures: definition, unit, periodicity, breakdown, target. */
function IndicatorFacts({ section }: { section: IndicatorSectionData }) {
  const { t, format, labels } = useReportKit();
  const indicator = section.indicator;
  if (!indicator) return null;
  const unit = indicator.unit ?? (indicator.valueType === 'percentage' ? '%' : null);
  return (
    <dl className={classes.facts}>
      {indicator.description && (
        <>
          <dt>{t('publicReport.indicator.definition')}</dt>
          <dd>{indicator.description}</dd>
        </>
      )}
      {unit && (
        <>
          <dt>{t('publicReport.indicator.unit')}</dt>
          <dd>{unit}</dd>
        </>
      )}
      <dt>{t('publicReport.indicator.periodicity')}</dt>
      <dd>{labels.periodicity(section.periodicity)}</dd>
      {section.groupBy !== 'none' && (
        <>
          <dt>{t('publicReport.indicator.breakdown')}</dt>
          <dd>{labels.groupBy(section.groupBy)}</dd>
        </>
      )}
      {indicator.target !== null && (
        <>
          <dt>{t('publicReport.indicator.target')}</dt>
          <dd>{format.value(indicator.target, indicator.unit, indicator.valueType)}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * An indicator of the report: its definition, then its chart with the same figures as a table; figures
 * built from too few actors are gaps in the chart and said so in the table. When nothing may be
 * published (private indicator, per-actor values of a non-public one, indicator removed), a sentence
 * says why instead.
 */
export function IndicatorSection({ section }: { section: IndicatorSectionData }) {
  const { t, minGroupSize } = useReportKit();
  const indicator = section.indicator;
  const name = indicator?.name ?? t('publicReport.indicator.removedTitle');
  const suppressed = section.items.some((p) => p.suppressed);
  const breakdown = section.chart === 'breakdown';

  let body: ReactNode;
  if (section.withheld || !indicator) {
    body = (
      <Text className={classes.note} data-testid="report-withheld">
        {t(`publicReport.indicator.withheld.${section.withheld ?? 'missing'}`)}
      </Text>
    );
  } else if (section.items.length === 0) {
    body = <Text c="dimmed">{t('publicReport.indicator.noData')}</Text>;
  } else {
    // A chart with nothing drawn says nothing: when every figure is withheld, the table alone says why.
    const drawable = section.items.some((p) => p.value !== null);
    body = (
      <>
        {drawable ? (
          <Suspense fallback={<ChartFallback height={breakdown ? 200 : 320} />}>
            <IndicatorChart section={section} />
          </Suspense>
        ) : (
          <Text className={classes.note}>{t('publicReport.indicator.allSuppressed')}</Text>
        )}
        {breakdown ? (
          <BreakdownTable section={section} name={name} />
        ) : (
          <SeriesTable section={section} name={name} />
        )}
        {suppressed && (
          <Text size="sm" c="dimmed">
            {t('publicReport.suppressionNote', { k: minGroupSize })}
          </Text>
        )}
      </>
    );
  }

  return (
    <SectionFrame title={name} testId="report-indicator">
      <IndicatorFacts section={section} />
      {body}
    </SectionFrame>
  );
}
