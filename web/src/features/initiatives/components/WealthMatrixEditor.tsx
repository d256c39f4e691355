import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy } from '@tabler/icons-react';
import type { Capital, Initiative, InitiativeUpdate, WealthMatrix } from '@tisserand/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { fieldMessage } from '../../../app/errors';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { useUpdateInitiative } from '../api';
import { EFFECTS, effectColor, effectText, isOtherKey, OTHER_KEYS } from '../labels';

interface Row {
  key: string;
  label: string;
  /** Capitals carry their one-line description. */
  description?: string;
}

interface Cell {
  effect: number;
  note: string;
  /** The reason a negative effect is accepted ('' while it is not). */
  reason: string;
}

type Cells = Record<string, Cell>;

function cellsOf(initiative: Initiative, rows: readonly Row[]): Cells {
  const cells: Cells = {};
  for (const { key } of rows) {
    const effect =
      key === 'ownership'
        ? initiative.ownershipEffect
        : key === 'livelihoods'
          ? initiative.livelihoodsEffect
          : (initiative.wealthMatrix[key]?.effect ?? 0);
    cells[key] = {
      effect,
      note: isOtherKey(key) ? '' : (initiative.wealthMatrix[key]?.note ?? ''),
      reason: initiative.harmAcceptances[key] ?? '',
    };
  }
  return cells;
}

/** The PATCH body: capitals with an effect or a note, both other effects, reasons of negative effects only. */
function bodyOf(cells: Cells, rows: readonly Row[]): InitiativeUpdate {
  const wealthMatrix: WealthMatrix = {};
  const harmAcceptances: Record<string, string> = {};
  for (const { key } of rows) {
    const cell = cells[key];
    if (!cell) continue;
    const note = cell.note.trim();
    if (!isOtherKey(key) && (cell.effect !== 0 || note)) {
      wealthMatrix[key] = note ? { effect: cell.effect, note } : { effect: cell.effect };
    }
    if (cell.effect < 0 && cell.reason.trim()) harmAcceptances[key] = cell.reason.trim();
  }
  return {
    wealthMatrix,
    ownershipEffect: cells.ownership?.effect ?? 0,
    livelihoodsEffect: cells.livelihoods?.effect ?? 0,
    harmAcceptances,
  };
}

const SEGMENT_COLOR = (effect: number) => (effect < 0 ? 'red' : effect > 0 ? 'teal' : 'gray');

/**
 * The wealth matrix of an initiative: one row per capital of the chain's framework, plus ownership
 * and control, and livelihoods; each an effect from −2 to +2 and a note. A negative effect is a
 * harm: its row turns red and offers to accept it with a reason. Coordinators edit and save (with
 * the version read); everyone else reads. Open harms come from the server after each save.
 */
export function WealthMatrixEditor({
  chainId,
  initiative,
  capitals,
  canEdit,
}: {
  chainId: string;
  initiative: Initiative;
  capitals: readonly Capital[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const update = useUpdateInitiative(chainId);
  const rows: Row[] = [
    ...capitals.map((c) => ({ key: c.key, label: c.label, description: c.description })),
    ...OTHER_KEYS.map((key) => ({
      key,
      label: t(`initiatives.matrix.${key}`),
      description: t(`initiatives.matrix.${key}Help`),
    })),
  ];
  const rowKeys = rows.map((r) => r.key).join(',');
  const [cells, setCells] = useState<Cells>(() => cellsOf(initiative, rows));
  const [stale, setStale] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A saved (or reloaded) version becomes the grid's content: harms and reasons as the server keeps them.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the version or the capitals change
  useEffect(() => {
    setCells(cellsOf(initiative, rows));
    setErrors({});
  }, [initiative.version, rowKeys]);

  const saved = cellsOf(initiative, rows);
  const dirty = rows.some(({ key }) => {
    const a = cells[key];
    const b = saved[key];
    return (
      !a ||
      !b ||
      a.effect !== b.effect ||
      a.note.trim() !== b.note.trim() ||
      (a.effect < 0 && a.reason.trim() !== b.reason.trim())
    );
  });

  const set = (key: string, patch: Partial<Cell>) =>
    setCells((current) => {
      const cell = current[key] ?? { effect: 0, note: '', reason: '' };
      return { ...current, [key]: { ...cell, ...patch } };
    });

  const save = () => {
    setStale(false);
    setErrors({});
    update.mutate(
      { initiative, body: bodyOf(cells, rows) },
      {
        onSuccess: (next) => {
          notifySuccess(
            next.harms.length > 0
              ? t('initiatives.matrix.savedWithHarms', { count: next.harms.length })
              : t('initiatives.matrix.saved'),
          );
        },
        onError: (error) => {
          if (isApiError(error, 412)) {
            setStale(true);
            return;
          }
          if (isApiError(error, 400)) {
            const byKey: Record<string, string> = {};
            for (const e of error.errors) {
              const m = /^body\.(?:wealthMatrix|harmAcceptances)\.([^.]+)/.exec(e.path);
              if (m?.[1]) byKey[m[1]] = fieldMessage(e.message);
            }
            setErrors(byKey);
          }
        },
      },
    );
  };

  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="matrix-title"
      data-testid="wealth-matrix"
    >
      <Title order={2} size="h4" id="matrix-title" mb={4}>
        {t('initiatives.matrix.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {canEdit ? t('initiatives.matrix.introEdit') : t('initiatives.matrix.introRead')}
      </Text>
      <Stack gap="xs">
        {stale && (
          <Alert color="orange" variant="light" role="alert">
            {t('errors.stale')}
          </Alert>
        )}
        {update.isError && !isApiError(update.error, 412) && Object.keys(errors).length === 0 && (
          <ErrorAlert error={update.error} />
        )}
        {rows.map((row) => {
          const cell = cells[row.key] ?? { effect: 0, note: '', reason: '' };
          const negative = cell.effect < 0;
          const labelId = `matrix-${row.key}-label`;
          const accepted =
            negative && (saved[row.key]?.reason ?? '') !== '' && cell.effect === saved[row.key]?.effect;
          return (
            <Paper
              key={row.key}
              withBorder
              p="sm"
              bg={negative ? 'red.0' : undefined}
              style={negative ? { borderColor: 'var(--mantine-color-red-4)', borderLeftWidth: 4 } : undefined}
              data-testid={`matrix-row-${row.key}`}
              data-negative={negative || undefined}
            >
              <Stack gap="xs">
                <Group gap="md" wrap="wrap" align="center">
                  <Box w={{ base: '100%', sm: 220 }}>
                    <Group gap={6} wrap="nowrap">
                      {negative && (
                        <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" aria-hidden />
                      )}
                      <Text fw={600} size="sm" id={labelId}>
                        {row.label}
                      </Text>
                    </Group>
                    {row.description && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {row.description}
                      </Text>
                    )}
                  </Box>
                  {canEdit ? (
                    <SegmentedControl
                      aria-label={t('initiatives.matrix.effectLabel', { label: row.label })}
                      size="sm"
                      color={SEGMENT_COLOR(cell.effect)}
                      value={String(cell.effect)}
                      onChange={(value) => set(row.key, { effect: Number(value) })}
                      data={EFFECTS.map((e) => ({ value: String(e), label: effectText(e) }))}
                    />
                  ) : (
                    <Badge
                      size="lg"
                      variant="light"
                      color={SEGMENT_COLOR(cell.effect)}
                      aria-label={t('initiatives.matrix.effectRead', {
                        label: row.label,
                        effect: effectText(cell.effect),
                      })}
                    >
                      <Text span fw={700} c={effectColor(cell.effect)}>
                        {effectText(cell.effect)}
                      </Text>
                    </Badge>
                  )}
                  {!isOtherKey(row.key) &&
                    (canEdit ? (
                      <TextInput
                        style={{ flex: 1, minWidth: 200 }}
                        aria-label={t('initiatives.matrix.noteLabel', { label: row.label })}
                        placeholder={t('initiatives.matrix.notePlaceholder')}
                        maxLength={2000}
                        value={cell.note}
                        error={errors[row.key]}
                        onChange={(event) => set(row.key, { note: event.currentTarget.value })}
                      />
                    ) : (
                      cell.note && (
                        <Text size="sm" style={{ flex: 1 }}>
                          {cell.note}
                        </Text>
                      )
                    ))}
                </Group>
                {negative &&
                  (canEdit ? (
                    <Textarea
                      label={t('initiatives.matrix.accept')}
                      description={t('initiatives.matrix.acceptHelp', { label: row.label })}
                      aria-label={t('initiatives.matrix.acceptLabel', { label: row.label })}
                      autosize
                      minRows={1}
                      maxRows={4}
                      maxLength={2000}
                      value={cell.reason}
                      error={isOtherKey(row.key) ? errors[row.key] : undefined}
                      onChange={(event) => set(row.key, { reason: event.currentTarget.value })}
                    />
                  ) : accepted ? (
                    <Text size="sm">
                      <Text span fw={600}>
                        {t('initiatives.matrix.acceptedBecause')}
                      </Text>{' '}
                      {cell.reason}
                    </Text>
                  ) : (
                    <Text size="sm" c="red.8" fw={600}>
                      {t('initiatives.matrix.openHarm')}
                    </Text>
                  ))}
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      {canEdit && (
        <Group justify="flex-end" mt="md" gap="sm">
          {dirty && (
            <Text size="sm" c="dimmed" role="status">
              {t('initiatives.matrix.unsaved')}
            </Text>
          )}
          <Button
            variant="default"
            disabled={!dirty || update.isPending}
            onClick={() => {
              setCells(saved);
              setErrors({});
            }}
          >
            {t('initiatives.matrix.reset')}
          </Button>
          <Button
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            loading={update.isPending}
            disabled={!dirty}
            onClick={save}
          >
            {t('initiatives.matrix.save')}
          </Button>
        </Group>
      )}
    </Card>
  );
}
