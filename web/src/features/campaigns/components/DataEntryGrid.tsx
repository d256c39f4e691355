import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconDeviceFloppy, IconLock, IconSend } from '@tabler/icons-react';
import {
  type Campaign,
  type Indicator,
  type Observation,
  type ObservationInput,
  previousPeriod,
} from '@tisserand/core';
import type { TFunction } from 'i18next';
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api';
import { fieldMessage } from '../../../app/errors';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { BADGE_FIT } from '../../actors/labels';
import { useObservations } from '../../indicators/api';
import { OBSERVATION_STATUS_COLOR, useDataFormat } from '../../indicators/format';
import { useSaveObservations } from '../api';

/**
 * What the user typed in a row: a number, yes/no, nothing yet (''), or a number being typed that the
 * input gives as a string ('12.', '3.50'): kept as typed, read as a number when sent.
 */
type Entry = { value: number | boolean | string; note: string };

/** The number an entry stands for (NaN when it is not one). */
function numberOf(value: number | string): number {
  return typeof value === 'number' ? value : Number(value.replace(',', '.'));
}
type RowErrors = { value?: string; note?: string; row?: string };

function entryOf(indicator: Indicator, observation: Observation | undefined): Entry {
  if (!observation) return { value: '', note: '' };
  return {
    value: indicator.valueType === 'boolean' ? observation.value >= 1 : observation.value,
    note: observation.note ?? '',
  };
}

/** One respondent's observations (the list may hold other actors' public ones), by indicator. */
function byIndicator(
  observations: Observation[] | undefined,
  actorId: string | null,
): Map<string, Observation> {
  return new Map((observations ?? []).filter((o) => o.actorId === actorId).map((o) => [o.indicatorId, o]));
}

/** The same checks as the server (type and valid range), with messages in the interface language. */
function checkEntry(
  t: TFunction,
  indicator: Indicator,
  value: number | boolean,
  unit: string,
): string | null {
  if (indicator.valueType === 'boolean')
    return typeof value === 'boolean' ? null : t('campaigns.grid.errors.yesNo');
  if (typeof value !== 'number') return t('campaigns.grid.errors.number');
  if (indicator.valueType === 'count' && (!Number.isInteger(value) || value < 0))
    return t('campaigns.grid.errors.count');
  const min = indicator.min ?? (indicator.valueType === 'percentage' ? 0 : null);
  const max = indicator.max ?? (indicator.valueType === 'percentage' ? 100 : null);
  if (min !== null && value < min) return t('campaigns.grid.errors.min', { limit: `${min}${unit}` });
  if (max !== null && value > max) return t('campaigns.grid.errors.max', { limit: `${max}${unit}` });
  return null;
}

/** A server message about one value, in the interface language when it is a known one. */
function serverMessage(t: TFunction, message: string): string {
  const min = /^must be at least (.+)$/.exec(message);
  if (min) return t('campaigns.grid.errors.min', { limit: min[1] });
  const max = /^must be at most (.+)$/.exec(message);
  if (max) return t('campaigns.grid.errors.max', { limit: max[1] });
  const known: Record<string, string> = {
    'expected a whole number, 0 or more': t('campaigns.grid.errors.count'),
    'expected a number': t('campaigns.grid.errors.number'),
    'expected yes or no (true/false)': t('campaigns.grid.errors.yesNo'),
    'this indicator is retired': t('campaigns.grid.errors.retired'),
    'this indicator is reported by the coordinators': t('campaigns.grid.errors.coordinatorOnly'),
    'this actor’s stages do not report this indicator': t('campaigns.grid.errors.notReporter'),
    'approved: locked': t('campaigns.grid.errors.locked'),
  };
  return known[message] ?? fieldMessage(message);
}

/**
 * The data-entry grid of one respondent (an actor, or the chain itself with `actorId` null) for a
 * campaign's period: one row per indicator it reports, last period's value for reference, a value
 * and a note per row. "Save draft" keeps the values to oneself; "Send" submits them to the
 * coordinators. Approved values are locked. Enter moves to the next row.
 */
export function DataEntryGrid({
  chainId,
  campaign,
  actorId,
  indicators,
  readOnly,
}: {
  chainId: string;
  campaign: Campaign;
  actorId: string | null;
  indicators: Indicator[];
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const format = useDataFormat();
  const save = useSaveObservations(chainId);
  const filter = actorId ? { actorId } : {};
  const current = useObservations(chainId, { ...filter, period: campaign.period });
  const previous = useObservations(chainId, { ...filter, period: previousPeriod(campaign.period) });
  const [edits, setEdits] = useState<Record<string, Entry>>({});
  const [errors, setErrors] = useState<Record<string, RowErrors>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  const currentBy = useMemo(() => byIndicator(current.data, actorId), [current.data, actorId]);
  const previousBy = useMemo(() => byIndicator(previous.data, actorId), [previous.data, actorId]);

  const unitOf = (i: Indicator) => i.unit ?? (i.valueType === 'percentage' ? '%' : '');
  const entryFor = (i: Indicator) => edits[i.id] ?? entryOf(i, currentBy.get(i.id));
  const lockedRow = (i: Indicator) => readOnly || currentBy.get(i.id)?.status === 'approved';
  const edit = (i: Indicator, change: Partial<Entry>) => {
    setEdits((all) => ({ ...all, [i.id]: { ...entryFor(i), ...change } }));
    setErrors((all) => {
      const { [i.id]: _gone, ...rest } = all;
      return rest;
    });
  };

  /** Enter goes to the next row's value (the last row's Enter goes to "Send"). */
  const onEnter = (index: number) => (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    const next = tableRef.current?.querySelector<HTMLElement>(
      `[data-grid-row="${index + 1}"] input:not([disabled])`,
    );
    if (next) next.focus();
    else submitRef.current?.focus();
  };

  const send = (status: 'draft' | 'submitted') => {
    setFailure(null);
    const found: Record<string, RowErrors> = {};
    const items: ObservationInput[] = [];
    const rows: Indicator[] = [];
    for (const indicator of indicators) {
      if (lockedRow(indicator)) continue;
      const existing = currentBy.get(indicator.id);
      const edited = edits[indicator.id];
      // A draft keeps what was changed; sending also sends the drafts and rejected values left as they were.
      const resend =
        status === 'submitted' && (existing?.status === 'draft' || existing?.status === 'rejected');
      if (!edited && !resend) continue;
      const entry = entryFor(indicator);
      if (entry.value === '') {
        if (edited && existing) found[indicator.id] = { value: t('campaigns.grid.errors.empty') };
        continue;
      }
      const unit = unitOf(indicator) ? ` ${unitOf(indicator)}` : '';
      const value = typeof entry.value === 'boolean' ? entry.value : numberOf(entry.value);
      const problem = checkEntry(t, indicator, value, unit);
      if (problem) {
        found[indicator.id] = { value: problem };
        continue;
      }
      items.push({
        indicatorId: indicator.id,
        actorId,
        period: campaign.period,
        value,
        ...(entry.note.trim() ? { note: entry.note.trim() } : {}),
        status,
      });
      rows.push(indicator);
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (items.length === 0) {
      notifySuccess(t('campaigns.grid.nothingToSave'));
      return;
    }
    save.mutate(
      { items },
      {
        onSuccess: (answer) => {
          setEdits({});
          notifySuccess(
            t(status === 'draft' ? 'campaigns.grid.savedDraft' : 'campaigns.grid.submitted', {
              count: answer.items.length,
            }),
          );
        },
        onError: (error) => {
          const byRow: Record<string, RowErrors> = {};
          if (error instanceof ApiError) {
            for (const e of error.errors) {
              const m = /^body\.items\.(\d+)(?:\.(\w+))?/.exec(e.path);
              const row = m ? rows[Number(m[1])] : undefined;
              if (!row) continue;
              const field = m?.[2] === 'note' ? 'note' : m?.[2] === 'value' ? 'value' : 'row';
              byRow[row.id] = { ...byRow[row.id], [field]: serverMessage(t, e.message) };
            }
          }
          setErrors(byRow);
          if (Object.keys(byRow).length === 0 || !(error instanceof ApiError) || error.status !== 400)
            setFailure(error);
        },
      },
    );
  };

  const dirty = Object.keys(edits).length;
  const errorCount = Object.keys(errors).length;

  if (indicators.length === 0) {
    return (
      <Text c="dimmed" data-testid="grid-empty">
        {t('campaigns.grid.noIndicator')}
      </Text>
    );
  }

  return (
    <Stack gap="sm">
      {failure !== null &&
        (failure instanceof ApiError && failure.status === 409 ? (
          <Alert color="orange" variant="light" role="alert">
            {t('campaigns.grid.lockedMeanwhile')}
          </Alert>
        ) : failure instanceof ApiError && failure.status === 403 ? (
          <Alert color="orange" variant="light" role="alert">
            {t('campaigns.grid.forbidden')}
          </Alert>
        ) : (
          <ErrorAlert error={failure} />
        ))}
      {errorCount > 0 && (
        <Alert color="red" variant="light" role="alert" data-testid="grid-errors">
          {t('campaigns.grid.fixErrors', { count: errorCount })}
        </Alert>
      )}
      {current.isError && <ErrorAlert error={current.error} onRetry={() => void current.refetch()} />}
      <Table.ScrollContainer minWidth={860}>
        <Table ref={tableRef} verticalSpacing="sm" data-testid="data-grid">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w="34%">
                {t('campaigns.grid.indicator')}
              </Table.Th>
              <Table.Th scope="col">
                {t('campaigns.grid.previous', { period: format.period(previousPeriod(campaign.period)) })}
              </Table.Th>
              <Table.Th scope="col" w={200}>
                {t('campaigns.grid.value', { period: format.period(campaign.period) })}
              </Table.Th>
              <Table.Th scope="col">{t('campaigns.grid.note')}</Table.Th>
              <Table.Th scope="col">{t('campaigns.grid.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {indicators.map((indicator, index) => {
              const entry = entryFor(indicator);
              const observation = currentBy.get(indicator.id);
              const before = previousBy.get(indicator.id);
              const locked = lockedRow(indicator);
              const rowErrors = errors[indicator.id];
              const unit = unitOf(indicator);
              const nameId = `grid-${indicator.id}-name`;
              const helpId = `grid-${indicator.id}-help`;
              const valueLabel = unit
                ? t('campaigns.grid.valueOfUnit', { name: indicator.name, unit })
                : t('campaigns.grid.valueOf', { name: indicator.name });
              return (
                <Table.Tr
                  key={indicator.id}
                  data-testid="grid-row"
                  data-indicator={indicator.code}
                  bg={rowErrors ? 'var(--mantine-color-red-0)' : undefined}
                >
                  <Table.Td>
                    <Text fw={600} size="sm" id={nameId}>
                      {indicator.name}
                    </Text>
                    {indicator.description && (
                      <Text size="xs" c="dimmed" id={helpId}>
                        {indicator.description}
                      </Text>
                    )}
                    {rowErrors?.row && (
                      <Text size="xs" c="red.8" role="alert">
                        {rowErrors.row}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={before ? undefined : 'dimmed'}>
                      {before ? format.value(indicator, before.value) : t('common.none')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <div data-grid-row={index}>
                      {indicator.valueType === 'boolean' ? (
                        <Stack gap={2}>
                          <SegmentedControl
                            aria-label={valueLabel}
                            onKeyDown={onEnter(index)}
                            size="xs"
                            disabled={locked}
                            value={entry.value === '' ? '' : entry.value ? 'yes' : 'no'}
                            onChange={(v) => edit(indicator, { value: v === 'yes' })}
                            data={[
                              { value: 'yes', label: t('common.yes') },
                              { value: 'no', label: t('common.no') },
                            ]}
                          />
                          {rowErrors?.value && (
                            <Text size="xs" c="red.8">
                              {rowErrors.value}
                            </Text>
                          )}
                        </Stack>
                      ) : (
                        <NumberInput
                          aria-label={valueLabel}
                          onKeyDown={onEnter(index)}
                          aria-describedby={indicator.description ? helpId : undefined}
                          value={typeof entry.value === 'boolean' ? '' : entry.value}
                          onChange={(v) => edit(indicator, { value: v })}
                          selectAllOnFocus
                          readOnly={locked}
                          variant={locked ? 'filled' : 'default'}
                          hideControls
                          clampBehavior="none"
                          allowDecimal={indicator.valueType !== 'count'}
                          allowNegative={indicator.valueType !== 'count'}
                          decimalSeparator={format.locale === 'fr' ? ',' : '.'}
                          thousandSeparator={format.locale === 'fr' ? '\u202f' : ','}
                          rightSection={
                            unit ? (
                              <Text size="xs" c="dimmed" aria-hidden>
                                {unit}
                              </Text>
                            ) : undefined
                          }
                          rightSectionWidth={unit ? Math.max(28, unit.length * 9 + 12) : undefined}
                          rightSectionPointerEvents="none"
                          error={rowErrors?.value}
                          data-testid="grid-value"
                        />
                      )}
                    </div>
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={t('campaigns.grid.noteOf', { name: indicator.name })}
                      value={entry.note}
                      onChange={(e) => edit(indicator, { note: e.currentTarget.value })}
                      onKeyDown={onEnter(index)}
                      readOnly={locked}
                      variant={locked ? 'filled' : 'default'}
                      maxLength={2000}
                      error={rowErrors?.note}
                      placeholder={locked ? undefined : t('common.optional')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ObservationStatus observation={observation} edited={Boolean(edits[indicator.id])} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!readOnly && indicators.every(lockedRow) && (
        <Text size="sm" c="teal.8" role="status" data-testid="grid-all-approved">
          {t('campaigns.grid.allApproved')}
        </Text>
      )}
      {!readOnly && !indicators.every(lockedRow) && (
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed" role="status">
            {dirty > 0 ? t('campaigns.grid.unsaved', { count: dirty }) : t('campaigns.grid.keyboardHint')}
          </Text>
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              loading={save.isPending && save.variables?.items[0]?.status === 'draft'}
              disabled={save.isPending}
              onClick={() => send('draft')}
            >
              {t('campaigns.grid.saveDraft')}
            </Button>
            <Button
              ref={submitRef}
              leftSection={<IconSend size={16} aria-hidden />}
              loading={save.isPending && save.variables?.items[0]?.status === 'submitted'}
              disabled={save.isPending}
              onClick={() => send('submitted')}
            >
              {t('campaigns.grid.submit')}
            </Button>
          </Group>
        </Group>
      )}
    </Stack>
  );
}

/** The state of a row's value: not entered, draft, sent, approved (locked) or rejected with its reason. */
function ObservationStatus({
  observation,
  edited,
}: {
  observation: Observation | undefined;
  edited: boolean;
}) {
  const { t } = useTranslation();
  if (!observation) {
    return (
      <Text size="sm" c="dimmed" data-testid="grid-status" data-status="empty">
        {edited ? t('campaigns.grid.notSaved') : t('campaigns.grid.notEntered')}
      </Text>
    );
  }
  return (
    <Stack gap={2} data-testid="grid-status" data-status={observation.status}>
      <Group gap={4} wrap="nowrap">
        <Badge
          color={OBSERVATION_STATUS_COLOR[observation.status]}
          variant="light"
          style={BADGE_FIT}
          leftSection={observation.status === 'approved' ? <IconLock size={12} aria-hidden /> : undefined}
        >
          {t(`campaigns.observationStatuses.${observation.status}`)}
        </Badge>
        {edited && (
          <Text size="xs" c="orange.8">
            {t('campaigns.grid.modified')}
          </Text>
        )}
      </Group>
      {observation.status === 'approved' && (
        <Text size="xs" c="dimmed">
          {t('campaigns.grid.lockedHelp')}
        </Text>
      )}
      {observation.status === 'rejected' && observation.rejectReason && (
        <Text size="xs" c="red.8" data-testid="reject-reason">
          {t('campaigns.grid.rejectedBecause', { reason: observation.rejectReason })}
        </Text>
      )}
    </Stack>
  );
}
