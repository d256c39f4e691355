import {
  Alert,
  Button,
  Fieldset,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  AGGREGATIONS,
  CONFIDENTIALITIES,
  DIRECTIONS,
  INDICATOR_CATEGORIES,
  INDICATOR_STATUSES,
  type Indicator,
  type IndicatorCreate,
  type IndicatorUpdate,
  PERIODICITIES,
  REPORTERS,
  VALUE_TYPES,
  WEALTH_DIMENSIONS,
} from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { useServerErrors, useStaleEdit } from '../../../app/forms';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { oneOf } from '../../actors/labels';
import { useCapitals } from '../../capitals/api';
import { useStages } from '../../stages/api';
import { useCreateIndicator, useIndicators, useUpdateIndicator } from '../api';

type Field<K extends keyof Indicator> = NonNullable<Indicator[K]>;

interface IndicatorFormValues extends Record<string, unknown> {
  code: string;
  name: string;
  description: string;
  unit: string;
  category: Field<'category'>;
  capitals: string[];
  dimension: Field<'dimension'> | '';
  valueType: Field<'valueType'>;
  aggregation: Field<'aggregation'>;
  numeratorId: string;
  denominatorId: string;
  factor: number | string;
  periodicity: Field<'periodicity'>;
  direction: Field<'direction'>;
  target: number | string;
  min: number | string;
  max: number | string;
  reporters: Field<'reporters'>;
  reporterStageIds: string[];
  status: Field<'status'>;
  confidentiality: Field<'confidentiality'>;
}

const EMPTY: IndicatorFormValues = {
  code: '',
  name: '',
  description: '',
  unit: '',
  category: 'impact',
  capitals: [],
  dimension: '',
  valueType: 'number',
  aggregation: 'sum',
  numeratorId: '',
  denominatorId: '',
  factor: 100,
  periodicity: 'quarter',
  direction: 'increase',
  target: '',
  min: '',
  max: '',
  reporters: 'all',
  reporterStageIds: [],
  status: 'proposed',
  confidentiality: 'aggregate',
};

function toValues(i: Indicator): IndicatorFormValues {
  return {
    code: i.code,
    name: i.name,
    description: i.description ?? '',
    unit: i.unit ?? '',
    category: i.category,
    capitals: i.capitals,
    dimension: i.dimension ?? '',
    valueType: i.valueType,
    aggregation: i.aggregation,
    numeratorId: i.numeratorId ?? '',
    denominatorId: i.denominatorId ?? '',
    factor: i.factor ?? '',
    periodicity: i.periodicity,
    direction: i.direction,
    target: i.target ?? '',
    min: i.min ?? '',
    max: i.max ?? '',
    reporters: i.reporters,
    reporterStageIds: i.reporterStageIds ?? [],
    status: i.status,
    confidentiality: i.confidentiality,
  };
}

const num = (value: number | string) => (typeof value === 'number' ? value : null);
const text = (value: string) => value.trim() || null;

/** Every field; blanks as null (an update clears them), the ratio's fields only for a ratio. */
function toUpdate(v: IndicatorFormValues): IndicatorUpdate {
  const ratio = v.aggregation === 'ratio';
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    description: text(v.description),
    unit: text(v.unit),
    category: v.category,
    capitals: v.capitals,
    dimension: v.dimension || null,
    valueType: v.valueType,
    aggregation: v.aggregation,
    numeratorId: ratio ? v.numeratorId || null : null,
    denominatorId: ratio ? v.denominatorId || null : null,
    factor: ratio ? num(v.factor) : null,
    periodicity: v.periodicity,
    direction: v.direction,
    target: num(v.target),
    min: num(v.min),
    max: num(v.max),
    reporters: v.reporters,
    reporterStageIds: v.reporters === 'stages' ? v.reporterStageIds : null,
    status: v.status,
    confidentiality: v.confidentiality,
  };
}

/** The body of a creation: the update's fields with the blanks left out. */
function toCreate(v: IndicatorFormValues): IndicatorCreate {
  const update = toUpdate(v);
  const body: IndicatorCreate = {
    code: v.code.trim(),
    name: v.name.trim(),
    category: v.category,
    capitals: v.capitals,
    valueType: v.valueType,
    aggregation: v.aggregation,
    periodicity: v.periodicity,
    direction: v.direction,
    reporters: v.reporters,
    status: v.status,
    confidentiality: v.confidentiality,
  };
  if (update.description) body.description = update.description;
  if (update.unit) body.unit = update.unit;
  if (update.dimension) body.dimension = update.dimension;
  if (update.numeratorId) body.numeratorId = update.numeratorId;
  if (update.denominatorId) body.denominatorId = update.denominatorId;
  if (typeof update.factor === 'number') body.factor = update.factor;
  if (typeof update.target === 'number') body.target = update.target;
  if (typeof update.min === 'number') body.min = update.min;
  if (typeof update.max === 'number') body.max = update.max;
  if (update.reporterStageIds) body.reporterStageIds = update.reporterStageIds;
  return body;
}

/** Defines a shared indicator (no `indicator`) or edits one: every field, each explained. */
export function IndicatorFormModal({
  chainId,
  indicator,
  onClose,
  onSaved,
}: {
  chainId: string;
  indicator?: Indicator;
  onClose: () => void;
  onSaved?: (indicator: Indicator) => void;
}) {
  const { t } = useTranslation();
  const capitals = useCapitals(chainId);
  const stages = useStages(chainId);
  const indicators = useIndicators(chainId);
  const create = useCreateIndicator(chainId);
  const update = useUpdateIndicator(chainId);
  const form = useForm<IndicatorFormValues>({
    initialValues: indicator ? toValues(indicator) : EMPTY,
    validate: {
      code: (value) =>
        !value.trim()
          ? t('errors.required')
          : /^[A-Za-z0-9_.-]+$/.test(value.trim())
            ? null
            : t('indicators.form.codeFormat'),
      name: (value) => (value.trim() ? null : t('errors.required')),
      numeratorId: (value, v) => (v.aggregation === 'ratio' && !value ? t('errors.required') : null),
      denominatorId: (value, v) =>
        v.aggregation !== 'ratio'
          ? null
          : !value
            ? t('errors.required')
            : value === v.numeratorId
              ? t('indicators.form.sameRatioParts')
              : null,
      max: (value, v) =>
        typeof value === 'number' && typeof v.min === 'number' && value < v.min
          ? t('indicators.form.maxBelowMin')
          : null,
      reporterStageIds: (value, v) =>
        v.reporters === 'stages' && value.length === 0 ? t('indicators.form.stagesRequired') : null,
    },
  });
  const server = useServerErrors(form);
  const staleEdit = useStaleEdit(indicator, form, toValues);
  const values = form.getValues();
  const pending = create.isPending || update.isPending;

  const submit = form.onSubmit((v) => {
    server.clear();
    staleEdit.reset();
    const onError = staleEdit.onError(server.handle);
    const done = (saved: Indicator) => {
      notifySuccess(t(indicator ? 'indicators.form.saved' : 'indicators.form.created', { name: saved.name }));
      onSaved?.(saved);
      onClose();
    };
    if (indicator) update.mutate({ indicator, body: toUpdate(v) }, { onSuccess: done, onError });
    else create.mutate(toCreate(v), { onSuccess: done, onError });
  });

  /** Props of a Select over one of the contract's enumerations, labelled from the locale files. */
  const choice = <T extends string>(
    field: keyof IndicatorFormValues & string,
    options: readonly T[],
    labelOf: (value: T) => string,
    set: (value: T) => void,
  ) => ({
    data: options.map((value) => ({ value, label: labelOf(value) })),
    value: String(values[field] ?? ''),
    error: form.errors[field],
    allowDeselect: false,
    onChange: (value: string | null) => {
      const chosen = oneOf(options, value);
      if (chosen !== null) set(chosen);
    },
  });

  const ratioParts = (indicators.data?.items ?? [])
    .filter((i) => i.id !== indicator?.id && i.aggregation !== 'ratio')
    .map((i) => ({ value: i.id, label: `${i.name} (${i.code})` }));

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      size="xl"
      title={
        indicator
          ? t('indicators.form.editTitle', { name: indicator.name })
          : t('indicators.form.createTitle')
      }
    >
      <form onSubmit={submit} noValidate data-testid="indicator-form">
        <Stack>
          {staleEdit.stale && (
            <Alert color="orange" variant="light" role="alert">
              {t('errors.stale')}
            </Alert>
          )}
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <Fieldset legend={t('indicators.form.what')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  label={t('indicators.fields.code')}
                  description={t('indicators.fields.codeHelp')}
                  required
                  maxLength={40}
                  spellCheck={false}
                  autoComplete="off"
                  data-autofocus
                  {...form.getInputProps('code')}
                />
                <TextInput
                  label={t('indicators.fields.name')}
                  required
                  maxLength={200}
                  style={{ gridColumn: 'span 2' }}
                  {...form.getInputProps('name')}
                />
              </SimpleGrid>
              <Textarea
                label={t('indicators.fields.description')}
                description={t('indicators.fields.descriptionHelp')}
                autosize
                minRows={2}
                maxRows={6}
                {...form.getInputProps('description')}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label={t('indicators.fields.category')}
                  {...choice(
                    'category',
                    INDICATOR_CATEGORIES,
                    (c) => t(`indicators.categories.${c}`),
                    (v) => form.setFieldValue('category', v),
                  )}
                />
                <Select
                  label={t('indicators.fields.valueType')}
                  {...choice(
                    'valueType',
                    VALUE_TYPES,
                    (v) => t(`indicators.valueTypes.${v}`),
                    (v) => form.setFieldValue('valueType', v),
                  )}
                />
                <TextInput
                  label={t('indicators.fields.unit')}
                  description={t('indicators.fields.unitHelp')}
                  maxLength={40}
                  disabled={values.valueType === 'boolean'}
                  {...form.getInputProps('unit')}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <MultiSelect
                  label={t('indicators.fields.capitals')}
                  description={t('indicators.fields.capitalsHelp')}
                  data={(capitals.data ?? []).map((c) => ({ value: c.key, label: c.label }))}
                  clearable
                  {...form.getInputProps('capitals')}
                />
                <Select
                  label={t('indicators.fields.dimension')}
                  description={t('indicators.fields.dimensionHelp')}
                  clearable
                  placeholder={t('common.optional')}
                  data={WEALTH_DIMENSIONS.map((d) => ({ value: d, label: t(`indicators.dimensions.${d}`) }))}
                  value={values.dimension || null}
                  onChange={(value) => form.setFieldValue('dimension', oneOf(WEALTH_DIMENSIONS, value) ?? '')}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('indicators.form.how')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('indicators.fields.aggregation')}
                  description={t(`indicators.aggregations.${values.aggregation}.help`)}
                  {...choice(
                    'aggregation',
                    AGGREGATIONS,
                    (a) => t(`indicators.aggregations.${a}.label`),
                    (v) => form.setFieldValue('aggregation', v),
                  )}
                />
                <Select
                  label={t('indicators.fields.periodicity')}
                  description={t('indicators.fields.periodicityHelp')}
                  {...choice(
                    'periodicity',
                    PERIODICITIES,
                    (p) => t(`indicators.periodicities.${p}`),
                    (v) => form.setFieldValue('periodicity', v),
                  )}
                />
              </SimpleGrid>
              {values.aggregation === 'ratio' && (
                <SimpleGrid cols={{ base: 1, sm: 3 }} data-testid="ratio-fields">
                  <Select
                    label={t('indicators.fields.numerator')}
                    description={t('indicators.fields.numeratorHelp')}
                    data={ratioParts}
                    searchable
                    required
                    {...form.getInputProps('numeratorId')}
                    value={values.numeratorId || null}
                    onChange={(value) => form.setFieldValue('numeratorId', value ?? '')}
                  />
                  <Select
                    label={t('indicators.fields.denominator')}
                    description={t('indicators.fields.denominatorHelp')}
                    data={ratioParts}
                    searchable
                    required
                    {...form.getInputProps('denominatorId')}
                    value={values.denominatorId || null}
                    onChange={(value) => form.setFieldValue('denominatorId', value ?? '')}
                  />
                  <NumberInput
                    label={t('indicators.fields.factor')}
                    description={t('indicators.fields.factorHelp')}
                    {...form.getInputProps('factor')}
                  />
                </SimpleGrid>
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('indicators.fields.reporters')}
                  description={t(`indicators.reporters.${values.reporters}.help`)}
                  {...choice(
                    'reporters',
                    REPORTERS,
                    (r) => t(`indicators.reporters.${r}.label`),
                    (v) => form.setFieldValue('reporters', v),
                  )}
                />
                {values.reporters === 'stages' && (
                  <MultiSelect
                    label={t('indicators.fields.reporterStages')}
                    description={t('indicators.fields.reporterStagesHelp')}
                    data={(stages.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
                    searchable
                    required
                    {...form.getInputProps('reporterStageIds')}
                  />
                )}
              </SimpleGrid>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('indicators.form.goal')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('indicators.fields.direction')}
                  description={t('indicators.fields.directionHelp')}
                  {...choice(
                    'direction',
                    DIRECTIONS,
                    (d) => t(`indicators.directions.${d}`),
                    (v) => form.setFieldValue('direction', v),
                  )}
                />
                <NumberInput
                  label={t('indicators.fields.target')}
                  description={t('indicators.fields.targetHelp')}
                  suffix={values.unit.trim() ? ` ${values.unit.trim()}` : undefined}
                  {...form.getInputProps('target')}
                />
              </SimpleGrid>
              <Text size="sm" fw={500}>
                {t('indicators.fields.range')}
              </Text>
              <Text size="xs" c="dimmed" mt={-8}>
                {t('indicators.fields.rangeHelp')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberInput label={t('indicators.fields.min')} {...form.getInputProps('min')} />
                <NumberInput label={t('indicators.fields.max')} {...form.getInputProps('max')} />
              </SimpleGrid>
            </Stack>
          </Fieldset>

          <Fieldset legend={t('indicators.form.sharing')}>
            <Stack gap="sm">
              <Select
                label={t('indicators.fields.status')}
                description={t('indicators.fields.statusHelp')}
                {...choice(
                  'status',
                  INDICATOR_STATUSES,
                  (s) => t(`indicators.statuses.${s}`),
                  (v) => form.setFieldValue('status', v),
                )}
              />
              <Radio.Group
                label={t('indicators.fields.confidentiality')}
                value={values.confidentiality}
                onChange={(value) => {
                  const chosen = oneOf(CONFIDENTIALITIES, value);
                  if (chosen) form.setFieldValue('confidentiality', chosen);
                }}
                error={form.errors.confidentiality}
              >
                <Stack gap="xs" mt="xs">
                  {CONFIDENTIALITIES.map((c) => (
                    <Radio
                      key={c}
                      value={c}
                      label={t(`indicators.confidentialities.${c}.label`)}
                      description={t(`indicators.confidentialities.${c}.help`)}
                    />
                  ))}
                </Stack>
              </Radio.Group>
            </Stack>
          </Fieldset>

          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending} disabled={staleEdit.waiting}>
              {indicator ? t('common.save') : t('indicators.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
