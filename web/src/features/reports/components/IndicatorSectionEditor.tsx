import { Alert, Input, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { Indicator } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { oneOf } from '../../actors/labels';
import { GROUP_BYS } from '../../indicators/api';
import type { DraftSection } from '../draft';
import { CHARTS, periodicitiesFor } from '../labels';

type IndicatorDraft = Extract<DraftSection, { type: 'indicator' }>;

/**
 * An indicator section: which indicator, broken down how, at which periodicity (its own or coarser),
 * drawn as a series or a breakdown. Warns at once when the choice would publish nothing.
 */
export function IndicatorSectionEditor({
  section,
  idPrefix,
  indicators,
  indicatorsLoading,
  minGroupSize,
  error,
  onChange,
}: {
  section: IndicatorDraft;
  /** Unique per section: names the fields for their labels. */
  idPrefix: string;
  indicators: readonly Indicator[];
  indicatorsLoading: boolean;
  minGroupSize: number;
  error: string | undefined;
  onChange: (next: IndicatorDraft) => void;
}) {
  const { t } = useTranslation();
  const indicator = indicators.find((i) => i.id === section.indicatorId);
  const missing = section.indicatorId !== null && !indicatorsLoading && !indicator;
  const periodicities = indicator ? periodicitiesFor(indicator.periodicity) : [];
  const chartLabelId = `${idPrefix}-chart-label`;

  const choose = (id: string | null) => {
    const next = indicators.find((i) => i.id === id);
    if (!next) {
      onChange({ ...section, indicatorId: null });
      return;
    }
    const allowed = periodicitiesFor(next.periodicity);
    onChange({
      ...section,
      indicatorId: next.id,
      // A first choice starts at the indicator's own periodicity; a change keeps the one chosen
      // when the new indicator allows it (a finer one cannot be shown: fall back to its own).
      periodicity:
        section.indicatorId !== null && allowed.includes(section.periodicity)
          ? section.periodicity
          : next.periodicity,
    });
  };

  return (
    <Stack gap="sm">
      <Select
        id={`${idPrefix}-indicator`}
        label={t('reports.indicator.indicator')}
        placeholder={indicatorsLoading ? t('common.loading') : t('reports.indicator.indicatorPlaceholder')}
        required
        searchable
        nothingFoundMessage={t('reports.indicator.noIndicator')}
        data={indicators.map((i) => ({
          value: i.id,
          label: t('reports.indicator.option', { name: i.name, code: i.code }),
        }))}
        value={indicator ? indicator.id : null}
        onChange={choose}
        error={error}
      />
      {missing && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
          {t('reports.indicator.missing')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          id={`${idPrefix}-group-by`}
          label={t('reports.indicator.groupBy')}
          data={GROUP_BYS.map((g) => ({ value: g, label: t(`reports.indicator.groupBys.${g}`) }))}
          value={section.groupBy}
          allowDeselect={false}
          onChange={(value) => {
            const groupBy = oneOf(GROUP_BYS, value);
            if (groupBy) onChange({ ...section, groupBy });
          }}
        />
        <Select
          id={`${idPrefix}-periodicity`}
          label={t('reports.indicator.periodicity')}
          description={indicator ? t('reports.indicator.periodicityHelp') : undefined}
          data={(indicator ? periodicities : [section.periodicity]).map((p) => ({
            value: p,
            label: t(`indicators.periodicities.${p}`),
          }))}
          value={section.periodicity}
          allowDeselect={false}
          disabled={!indicator}
          onChange={(value) => {
            const periodicity = oneOf(periodicities, value);
            if (periodicity) onChange({ ...section, periodicity });
          }}
        />
      </SimpleGrid>
      <Input.Wrapper label={t('reports.indicator.chart')} labelElement="div" id={chartLabelId}>
        <SegmentedControl
          aria-labelledby={`${chartLabelId}-label`}
          fullWidth
          data={CHARTS.map((c) => ({ value: c, label: t(`reports.indicator.charts.${c}`) }))}
          value={section.chart}
          onChange={(value) => {
            const chart = oneOf(CHARTS, value);
            if (chart) onChange({ ...section, chart });
          }}
        />
      </Input.Wrapper>
      {indicator?.confidentiality === 'private' && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
          {t('reports.indicator.privateWarning')}
        </Alert>
      )}
      {indicator &&
        indicator.confidentiality !== 'private' &&
        section.groupBy === 'actor' &&
        indicator.confidentiality !== 'public' && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {t('reports.indicator.actorWarning')}
          </Alert>
        )}
      {indicator && indicator.confidentiality !== 'private' && (
        <Text size="sm" c="dimmed">
          <IconInfoCircle size={14} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
          {t('reports.indicator.suppressionNote', { k: minGroupSize })}
        </Text>
      )}
    </Stack>
  );
}
