import {
  Alert,
  Button,
  Fieldset,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { GOAL_STATUSES, type Goal, type GoalCreate, type GoalUpdate } from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { useServerErrors, useStaleEdit } from '../../../app/forms';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { oneOf } from '../../actors/labels';
import { useCapitals } from '../../capitals/api';
import { useIndicators } from '../../indicators/api';
import { useCreateGoal, useUpdateGoal } from '../api';

const DIMENSIONS = ['capital', 'ownership', 'livelihoods'] as const;
type Dimension = (typeof DIMENSIONS)[number];
type Status = (typeof GOAL_STATUSES)[number];

interface GoalFormValues extends Record<string, unknown> {
  title: string;
  description: string;
  dimension: Dimension;
  capitals: string[];
  indicatorId: string | null;
  baseline: number | string;
  targetValue: number | string;
  targetDate: string;
  status: Status;
}

const EMPTY: GoalFormValues = {
  title: '',
  description: '',
  dimension: 'capital',
  capitals: [],
  indicatorId: null,
  baseline: '',
  targetValue: '',
  targetDate: '',
  status: 'proposed',
};

function toValues(goal: Goal): GoalFormValues {
  return {
    title: goal.title,
    description: goal.description ?? '',
    dimension: goal.dimension,
    capitals: goal.capitals,
    indicatorId: goal.indicatorId,
    baseline: goal.baseline ?? '',
    targetValue: goal.targetValue ?? '',
    targetDate: goal.targetDate ?? '',
    status: goal.status,
  };
}

const num = (value: number | string) => (typeof value === 'number' ? value : null);

function toUpdate(v: GoalFormValues): GoalUpdate {
  return {
    title: v.title.trim(),
    description: v.description.trim() || null,
    dimension: v.dimension,
    capitals: v.capitals,
    indicatorId: v.indicatorId,
    baseline: num(v.baseline),
    targetValue: num(v.targetValue),
    targetDate: v.targetDate || null,
    status: v.status,
  };
}

function toCreate(v: GoalFormValues): GoalCreate {
  const body: GoalCreate = {
    title: v.title.trim(),
    dimension: v.dimension,
    capitals: v.capitals,
    status: v.status,
  };
  if (v.description.trim()) body.description = v.description.trim();
  if (v.indicatorId) body.indicatorId = v.indicatorId;
  const baseline = num(v.baseline);
  if (baseline !== null) body.baseline = baseline;
  const target = num(v.targetValue);
  if (target !== null) body.targetValue = target;
  if (v.targetDate) body.targetDate = v.targetDate;
  return body;
}

/** Adds a shared goal (no `goal`) or edits one (coordinators). */
export function GoalFormModal({
  chainId,
  goal,
  onClose,
  onSaved,
}: {
  chainId: string;
  goal?: Goal;
  onClose: () => void;
  onSaved?: (goal: Goal) => void;
}) {
  const { t } = useTranslation();
  const capitals = useCapitals(chainId);
  const indicators = useIndicators(chainId);
  const create = useCreateGoal(chainId);
  const update = useUpdateGoal(chainId);
  const form = useForm<GoalFormValues>({
    initialValues: goal ? toValues(goal) : EMPTY,
    validate: {
      title: (value) => (value.trim() ? null : t('errors.required')),
      capitals: (value, values) =>
        values.dimension === 'capital' && value.length === 0 ? t('goals.form.capitalsRequired') : null,
    },
  });
  const server = useServerErrors(form);
  const staleEdit = useStaleEdit(goal, form, toValues);
  const values = form.getValues();

  const submit = form.onSubmit((v) => {
    server.clear();
    staleEdit.reset();
    const onError = staleEdit.onError(server.handle);
    const done = (saved: Goal) => {
      notifySuccess(t(goal ? 'goals.saved' : 'goals.created', { title: saved.title }));
      onSaved?.(saved);
      onClose();
    };
    if (goal) update.mutate({ goal, body: toUpdate(v) }, { onSuccess: done, onError });
    else create.mutate(toCreate(v), { onSuccess: done, onError });
  });

  const indicatorOptions = (indicators.data?.items ?? [])
    .filter((i) => i.status !== 'retired' || i.id === values.indicatorId)
    .map((i) => ({ value: i.id, label: `${i.name} (${i.code})` }));

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      size="lg"
      title={goal ? t('goals.form.editTitle', { title: goal.title }) : t('goals.form.createTitle')}
    >
      <form onSubmit={submit} noValidate data-testid="goal-form">
        <Stack>
          {staleEdit.stale && (
            <Alert color="orange" variant="light" role="alert">
              {t('errors.stale')}
            </Alert>
          )}
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <TextInput
            label={t('goals.fields.title')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('goals.fields.description')}
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps('description')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('goals.fields.dimension')}
              description={t('goals.fields.dimensionHelp')}
              data={DIMENSIONS.map((d) => ({ value: d, label: t(`goals.dimensions.${d}`) }))}
              value={values.dimension}
              allowDeselect={false}
              error={form.errors.dimension}
              onChange={(value) => {
                const chosen = oneOf(DIMENSIONS, value);
                if (chosen) form.setFieldValue('dimension', chosen);
              }}
            />
            <Select
              label={t('goals.fields.status')}
              data={GOAL_STATUSES.map((s) => ({ value: s, label: t(`goals.statuses.${s}`) }))}
              value={values.status}
              allowDeselect={false}
              error={form.errors.status}
              onChange={(value) => {
                const chosen = oneOf(GOAL_STATUSES, value);
                if (chosen) form.setFieldValue('status', chosen);
              }}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('goals.fields.capitals')}
            description={t('goals.fields.capitalsHelp')}
            required={values.dimension === 'capital'}
            data={(capitals.data ?? []).map((c) => ({ value: c.key, label: c.label }))}
            searchable
            clearable
            {...form.getInputProps('capitals')}
          />
          <Fieldset legend={t('goals.form.target')}>
            <Stack gap="sm">
              <Select
                label={t('goals.fields.indicator')}
                description={t('goals.fields.indicatorHelp')}
                data={indicatorOptions}
                searchable
                clearable
                nothingFoundMessage={t('goals.form.noIndicator')}
                {...form.getInputProps('indicatorId')}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <NumberInput
                  label={t('goals.fields.baseline')}
                  description={t('goals.fields.baselineHelp')}
                  decimalScale={4}
                  {...form.getInputProps('baseline')}
                />
                <NumberInput
                  label={t('goals.fields.targetValue')}
                  decimalScale={4}
                  {...form.getInputProps('targetValue')}
                />
                <TextInput
                  type="date"
                  label={t('goals.fields.targetDate')}
                  {...form.getInputProps('targetDate')}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={staleEdit.waiting}>
              {goal ? t('common.save') : t('goals.form.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
