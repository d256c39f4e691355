import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  ACTOR_KINDS,
  ACTOR_ROLES,
  ACTOR_STATUSES,
  type Actor,
  type ActorCreate,
  type ActorUpdate,
} from '@tisserand/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useServerErrors, useStaleEdit } from '../../../app/forms';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { useStages } from '../../stages/api';
import { useCreateActor, useUpdateActor } from '../api';
import { oneOf } from '../labels';

type Kind = (typeof ACTOR_KINDS)[number];
type Role = (typeof ACTOR_ROLES)[number];
type Status = (typeof ACTOR_STATUSES)[number];

interface ActorFormValues extends Record<string, unknown> {
  name: string;
  kind: Kind;
  role: Role;
  stageIds: string[];
  status: Status;
  selfInterest: string;
  description: string;
  municipality: string;
  postalCode: string;
  lat: number | string;
  lon: number | string;
  inRegion: boolean;
  localOwnershipPct: number | string;
  lowIncomeFocus: boolean;
  employees: number | string;
  tags: string[];
}

const EMPTY: ActorFormValues = {
  name: '',
  kind: 'business',
  role: 'transactional',
  stageIds: [],
  status: 'potential',
  selfInterest: '',
  description: '',
  municipality: '',
  postalCode: '',
  lat: '',
  lon: '',
  inRegion: true,
  localOwnershipPct: 100,
  lowIncomeFocus: false,
  employees: '',
  tags: [],
};

function toValues(actor: Actor): ActorFormValues {
  return {
    name: actor.name,
    kind: actor.kind,
    role: actor.role,
    stageIds: actor.stageIds,
    status: actor.status,
    selfInterest: actor.selfInterest ?? '',
    description: actor.description ?? '',
    municipality: actor.municipality ?? '',
    postalCode: actor.postalCode ?? '',
    lat: actor.lat ?? '',
    lon: actor.lon ?? '',
    inRegion: actor.inRegion,
    localOwnershipPct: actor.localOwnershipPct,
    lowIncomeFocus: actor.lowIncomeFocus,
    employees: actor.employees ?? '',
    tags: actor.tags,
  };
}

const text = (value: string) => value.trim() || null;
const num = (value: number | string) => (typeof value === 'number' ? value : null);

function range(t: TFunction, min: number, max: number, optional: boolean) {
  return (value: number | string) => {
    if (value === '' && optional) return null;
    return typeof value === 'number' && value >= min && value <= max
      ? null
      : t('actors.form.range', { min, max });
  };
}

/** The body of an update: every field, blanks as null (the partner never sends the status). */
function toUpdate(values: ActorFormValues, withStatus: boolean): ActorUpdate {
  return {
    name: values.name.trim(),
    kind: values.kind,
    role: values.role,
    stageIds: values.stageIds,
    ...(withStatus ? { status: values.status } : {}),
    selfInterest: text(values.selfInterest),
    description: text(values.description),
    municipality: text(values.municipality),
    postalCode: text(values.postalCode),
    lat: num(values.lat),
    lon: num(values.lon),
    inRegion: values.inRegion,
    localOwnershipPct: num(values.localOwnershipPct) ?? 100,
    lowIncomeFocus: values.lowIncomeFocus,
    employees: num(values.employees),
    tags: values.tags,
  };
}

/** The body of a creation: blanks left out. */
function toCreate(values: ActorFormValues): ActorCreate {
  const body: ActorCreate = {
    name: values.name.trim(),
    kind: values.kind,
    role: values.role,
    stageIds: values.stageIds,
    status: values.status,
    inRegion: values.inRegion,
    localOwnershipPct: num(values.localOwnershipPct) ?? 100,
    lowIncomeFocus: values.lowIncomeFocus,
    tags: values.tags,
  };
  const optionalTexts = ['selfInterest', 'description', 'municipality', 'postalCode'] as const;
  for (const key of optionalTexts) {
    const value = text(values[key]);
    if (value) body[key] = value;
  }
  const optionalNumbers = ['lat', 'lon', 'employees'] as const;
  for (const key of optionalNumbers) {
    const value = num(values[key]);
    if (value !== null) body[key] = value;
  }
  return body;
}

/**
 * Adds an actor (no `actor`) or edits one. `canEditStatus` is false for a partner editing its own
 * actor: the engagement status is the coordinators' to move.
 */
export function ActorFormModal({
  chainId,
  actor,
  canEditStatus,
  onClose,
  onSaved,
}: {
  chainId: string;
  actor?: Actor;
  canEditStatus: boolean;
  onClose: () => void;
  onSaved?: (actor: Actor) => void;
}) {
  const { t } = useTranslation();
  const stages = useStages(chainId);
  const create = useCreateActor(chainId);
  const update = useUpdateActor(chainId);
  const form = useForm<ActorFormValues>({
    initialValues: actor ? toValues(actor) : EMPTY,
    validate: {
      name: (value) => (value.trim() ? null : t('errors.required')),
      localOwnershipPct: range(t, 0, 100, false),
      lat: range(t, -90, 90, true),
      lon: range(t, -180, 180, true),
      employees: range(t, 0, 10_000_000, true),
    },
  });
  const server = useServerErrors(form);
  const staleEdit = useStaleEdit(actor, form, toValues);
  const values = form.getValues();
  const pending = create.isPending || update.isPending;

  const submit = form.onSubmit((v) => {
    server.clear();
    staleEdit.reset();
    const onError = staleEdit.onError(server.handle);
    const done = (saved: Actor) => {
      notifySuccess(t(actor ? 'actors.saved' : 'actors.created', { name: saved.name }));
      onSaved?.(saved);
      onClose();
    };
    if (actor) update.mutate({ actor, body: toUpdate(v, canEditStatus) }, { onSuccess: done, onError });
    else create.mutate(toCreate(v), { onSuccess: done, onError });
  });

  const select = <T extends string>(
    field: 'kind' | 'role' | 'status',
    options: readonly T[],
    labelOf: (value: T) => string,
    set: (value: T) => void,
  ) => ({
    data: options.map((value) => ({ value, label: labelOf(value) })),
    value: values[field],
    error: form.errors[field],
    allowDeselect: false,
    onChange: (value: string | null) => {
      const chosen = oneOf(options, value);
      if (chosen !== null) set(chosen);
    },
  });

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      size="xl"
      title={actor ? t('actors.form.editTitle', { name: actor.name }) : t('actors.form.createTitle')}
    >
      <form onSubmit={submit} noValidate data-testid="actor-form">
        <Stack>
          {staleEdit.stale && (
            <Alert color="orange" variant="light" role="alert">
              {t('errors.stale')}
            </Alert>
          )}
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <Fieldset legend={t('actors.form.identity')}>
            <Stack gap="sm">
              <TextInput
                label={t('actors.fields.name')}
                required
                maxLength={200}
                data-autofocus
                {...form.getInputProps('name')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('actors.fields.kind')}
                  {...select(
                    'kind',
                    ACTOR_KINDS,
                    (k) => t(`actors.kinds.${k}`),
                    (v) => form.setFieldValue('kind', v),
                  )}
                />
                <Select
                  label={t('actors.fields.role')}
                  description={t('actors.fields.roleHelp')}
                  {...select(
                    'role',
                    ACTOR_ROLES,
                    (r) => t(`actors.roles.${r}`),
                    (v) => form.setFieldValue('role', v),
                  )}
                />
              </SimpleGrid>
              <Textarea
                label={t('actors.fields.description')}
                autosize
                minRows={2}
                maxRows={6}
                {...form.getInputProps('description')}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('actors.form.inChain')}>
            <Stack gap="sm">
              <MultiSelect
                label={t('actors.fields.stages')}
                description={t('actors.fields.stagesHelp')}
                data={(stages.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
                searchable
                clearable
                nothingFoundMessage={t('actors.form.noStage')}
                {...form.getInputProps('stageIds')}
              />
              {canEditStatus && (
                <Select
                  label={t('actors.fields.status')}
                  description={t('actors.fields.statusHelp')}
                  {...select(
                    'status',
                    ACTOR_STATUSES,
                    (s) => t(`actors.statuses.${s}`),
                    (v) => form.setFieldValue('status', v),
                  )}
                />
              )}
              <Textarea
                label={t('actors.fields.selfInterest')}
                description={t('actors.fields.selfInterestHelp')}
                autosize
                minRows={2}
                maxRows={6}
                {...form.getInputProps('selfInterest')}
              />
              <TagsInput
                label={t('actors.fields.tags')}
                description={t('actors.fields.tagsHelp')}
                clearable
                maxTags={50}
                {...form.getInputProps('tags')}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('actors.form.location')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('actors.fields.municipality')}
                maxLength={200}
                {...form.getInputProps('municipality')}
              />
              <TextInput
                label={t('actors.fields.postalCode')}
                maxLength={20}
                {...form.getInputProps('postalCode')}
              />
              <NumberInput
                label={t('actors.fields.lat')}
                description={t('actors.fields.latHelp')}
                min={-90}
                max={90}
                decimalScale={6}
                {...form.getInputProps('lat')}
              />
              <NumberInput
                label={t('actors.fields.lon')}
                description={t('actors.fields.lonHelp')}
                min={-180}
                max={180}
                decimalScale={6}
                {...form.getInputProps('lon')}
              />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend={t('actors.form.wealth')}>
            <Stack gap="sm">
              <Checkbox
                label={t('actors.fields.inRegion')}
                description={t('actors.fields.inRegionHelp')}
                {...form.getInputProps('inRegion', { type: 'checkbox' })}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberInput
                  label={t('actors.fields.localOwnershipPct')}
                  description={t('actors.fields.localOwnershipPctHelp')}
                  min={0}
                  max={100}
                  suffix=" %"
                  allowNegative={false}
                  required
                  {...form.getInputProps('localOwnershipPct')}
                />
                <NumberInput
                  label={t('actors.fields.employees')}
                  description={t('actors.fields.employeesHelp')}
                  min={0}
                  allowDecimal={false}
                  allowNegative={false}
                  {...form.getInputProps('employees')}
                />
              </SimpleGrid>
              <Checkbox
                label={t('actors.fields.lowIncomeFocus')}
                description={t('actors.fields.lowIncomeFocusHelp')}
                {...form.getInputProps('lowIncomeFocus', { type: 'checkbox' })}
              />
            </Stack>
          </Fieldset>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={pending} disabled={staleEdit.waiting}>
              {actor ? t('common.save') : t('actors.form.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
