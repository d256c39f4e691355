import {
  Alert,
  Button,
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
import {
  INITIATIVE_STATUSES,
  type Initiative,
  type InitiativeCreate,
  type InitiativeUpdate,
} from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { useServerErrors, useStaleEdit } from '../../../app/forms';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { oneOf } from '../../actors/labels';
import { useGoals } from '../../goals/api';
import { useChainDirectory } from '../../overview/api';
import { useCreateInitiative, useUpdateInitiative } from '../api';

type Status = (typeof INITIATIVE_STATUSES)[number];

interface InitiativeValues extends Record<string, unknown> {
  title: string;
  description: string;
  leadActorId: string | null;
  actorIds: string[];
  goalIds: string[];
  status: Status;
  startDate: string;
  endDate: string;
  budget: number | string;
}

const EMPTY: InitiativeValues = {
  title: '',
  description: '',
  leadActorId: null,
  actorIds: [],
  goalIds: [],
  status: 'planned',
  startDate: '',
  endDate: '',
  budget: '',
};

function toValues(i: Initiative): InitiativeValues {
  return {
    title: i.title,
    description: i.description ?? '',
    leadActorId: i.leadActorId,
    actorIds: i.actorIds,
    goalIds: i.goalIds,
    status: i.status,
    startDate: i.startDate ?? '',
    endDate: i.endDate ?? '',
    budget: i.budget ?? '',
  };
}

const num = (value: number | string) => (typeof value === 'number' ? value : null);

function toUpdate(v: InitiativeValues): InitiativeUpdate {
  return {
    title: v.title.trim(),
    description: v.description.trim() || null,
    leadActorId: v.leadActorId,
    actorIds: v.actorIds,
    goalIds: v.goalIds,
    status: v.status,
    startDate: v.startDate || null,
    endDate: v.endDate || null,
    budget: num(v.budget),
  };
}

function toCreate(v: InitiativeValues): InitiativeCreate {
  const body: InitiativeCreate = {
    title: v.title.trim(),
    actorIds: v.actorIds,
    goalIds: v.goalIds,
    status: v.status,
  };
  if (v.description.trim()) body.description = v.description.trim();
  if (v.leadActorId) body.leadActorId = v.leadActorId;
  if (v.startDate) body.startDate = v.startDate;
  if (v.endDate) body.endDate = v.endDate;
  const budget = num(v.budget);
  if (budget !== null) body.budget = budget;
  return body;
}

/**
 * Adds an initiative (no `initiative`) or edits what it is: title, actors, goals, status, dates,
 * budget (coordinators). The wealth matrix is edited on the initiative's page.
 */
export function InitiativeFormModal({
  chainId,
  initiative,
  onClose,
  onSaved,
}: {
  chainId: string;
  initiative?: Initiative;
  onClose: () => void;
  onSaved?: (initiative: Initiative) => void;
}) {
  const { t } = useTranslation();
  const directory = useChainDirectory(chainId);
  const goals = useGoals(chainId);
  const create = useCreateInitiative(chainId);
  const update = useUpdateInitiative(chainId);
  const form = useForm<InitiativeValues>({
    initialValues: initiative ? toValues(initiative) : EMPTY,
    validate: {
      title: (value) => (value.trim() ? null : t('errors.required')),
      endDate: (value, values) =>
        value && values.startDate && value < values.startDate ? t('initiatives.form.endBeforeStart') : null,
    },
  });
  const server = useServerErrors(form);
  const staleEdit = useStaleEdit(initiative, form, toValues);
  const values = form.getValues();
  const actorOptions = (directory.data?.actors ?? []).map((a) => ({ value: a.id, label: a.name }));

  const submit = form.onSubmit((v) => {
    server.clear();
    staleEdit.reset();
    const onError = staleEdit.onError(server.handle);
    const done = (saved: Initiative) => {
      notifySuccess(t(initiative ? 'initiatives.saved' : 'initiatives.created', { title: saved.title }));
      onSaved?.(saved);
      onClose();
    };
    if (initiative) update.mutate({ initiative, body: toUpdate(v) }, { onSuccess: done, onError });
    else create.mutate(toCreate(v), { onSuccess: done, onError });
  });

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      size="lg"
      title={
        initiative
          ? t('initiatives.form.editTitle', { title: initiative.title })
          : t('initiatives.form.createTitle')
      }
    >
      <form onSubmit={submit} noValidate data-testid="initiative-form">
        <Stack>
          {staleEdit.stale && (
            <Alert color="orange" variant="light" role="alert">
              {t('errors.stale')}
            </Alert>
          )}
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <TextInput
            label={t('initiatives.fields.title')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('initiatives.fields.description')}
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps('description')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('initiatives.fields.leadActor')}
              data={actorOptions}
              searchable
              clearable
              {...form.getInputProps('leadActorId')}
            />
            <Select
              label={t('initiatives.fields.status')}
              data={INITIATIVE_STATUSES.map((s) => ({ value: s, label: t(`initiatives.statuses.${s}`) }))}
              value={values.status}
              allowDeselect={false}
              onChange={(value) => {
                const chosen = oneOf(INITIATIVE_STATUSES, value);
                if (chosen) form.setFieldValue('status', chosen);
              }}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('initiatives.fields.actors')}
            description={t('initiatives.fields.actorsHelp')}
            data={actorOptions}
            searchable
            clearable
            {...form.getInputProps('actorIds')}
          />
          <MultiSelect
            label={t('initiatives.fields.goals')}
            data={(goals.data ?? []).map((g) => ({ value: g.id, label: g.title }))}
            searchable
            clearable
            nothingFoundMessage={t('initiatives.form.noGoal')}
            {...form.getInputProps('goalIds')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="date"
              label={t('initiatives.fields.startDate')}
              {...form.getInputProps('startDate')}
            />
            <TextInput
              type="date"
              label={t('initiatives.fields.endDate')}
              {...form.getInputProps('endDate')}
            />
            <NumberInput
              label={t('initiatives.fields.budget')}
              min={0}
              allowNegative={false}
              suffix=" €"
              thousandSeparator=" "
              {...form.getInputProps('budget')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={staleEdit.waiting}>
              {initiative ? t('common.save') : t('initiatives.form.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
