import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Resource, ResourceCreate, ResourceUpdate } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { useServerErrors } from '../../../app/forms';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { oneOf } from '../../actors/labels';
import { useCapitals } from '../../capitals/api';
import { useGaps } from '../../gaps/api';
import { useChainDirectory } from '../../overview/api';
import { useResourceMutations } from '../api';
import { RESOURCE_KINDS, RESOURCE_STATUSES } from '../labels';

type Kind = (typeof RESOURCE_KINDS)[number];
type Status = (typeof RESOURCE_STATUSES)[number];

interface ResourceValues extends Record<string, unknown> {
  kind: Kind | null;
  name: string;
  organization: string;
  description: string;
  url: string;
  deadline: string;
  amount: number | string;
  capitals: string[];
  actorIds: string[];
  gapKeys: string[];
  status: Status | null;
}

/** Adds an outside resource (no `resource`) or edits one (coordinators). */
export function ResourceFormModal({
  chainId,
  resource,
  onClose,
}: {
  chainId: string;
  resource?: Resource;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const directory = useChainDirectory(chainId);
  const capitals = useCapitals(chainId);
  const gaps = useGaps(chainId, true);
  const { create, update } = useResourceMutations(chainId);
  const [stale, setStale] = useState(false);
  const form = useForm<ResourceValues>({
    initialValues: {
      kind: resource?.kind ?? 'funding',
      name: resource?.name ?? '',
      organization: resource?.organization ?? '',
      description: resource?.description ?? '',
      url: resource?.url ?? '',
      deadline: resource?.deadline ?? '',
      amount: resource?.amount ?? '',
      capitals: resource?.capitals ?? [],
      actorIds: resource?.actorIds ?? [],
      gapKeys: resource?.gapKeys ?? [],
      status: resource?.status ?? 'identified',
    },
    validate: {
      name: (v) => (v.trim() ? null : t('errors.required')),
      kind: (v) => (v ? null : t('errors.required')),
      url: (v) => (!v.trim() || /^https?:\/\/\S+$/.test(v.trim()) ? null : t('resources.form.urlInvalid')),
    },
  });
  const server = useServerErrors(form);
  const gapData = (gaps.data?.items ?? []).map((g) => ({ value: g.key, label: g.explanation }));
  for (const key of form.getValues().gapKeys) {
    if (!gapData.some((g) => g.value === key)) gapData.push({ value: key, label: t('resources.gapGone') });
  }
  const submit = form.onSubmit((v) => {
    server.clear();
    setStale(false);
    if (!v.kind || !v.status) return;
    const onError = (error: unknown) => {
      if (isApiError(error, 412)) setStale(true);
      else server.handle(error);
    };
    const onSuccess = (saved: Resource) => {
      notifySuccess(t(resource ? 'resources.form.updated' : 'resources.form.created', { name: saved.name }));
      onClose();
    };
    const text = (s: string) => s.trim() || null;
    const amount = typeof v.amount === 'number' ? v.amount : null;
    if (resource) {
      const body: ResourceUpdate = {
        kind: v.kind,
        name: v.name.trim(),
        organization: text(v.organization),
        description: text(v.description),
        url: text(v.url),
        deadline: v.deadline || null,
        amount,
        capitals: v.capitals,
        actorIds: v.actorIds,
        gapKeys: v.gapKeys,
        status: v.status,
      };
      update.mutate({ resource, body }, { onSuccess, onError });
      return;
    }
    const body: ResourceCreate = {
      kind: v.kind,
      name: v.name.trim(),
      capitals: v.capitals,
      actorIds: v.actorIds,
      gapKeys: v.gapKeys,
      status: v.status,
    };
    if (v.organization.trim()) body.organization = v.organization.trim();
    if (v.description.trim()) body.description = v.description.trim();
    if (v.url.trim()) body.url = v.url.trim();
    if (v.deadline) body.deadline = v.deadline;
    if (amount !== null) body.amount = amount;
    create.mutate(body, { onSuccess, onError });
  });
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={
        resource ? t('resources.form.editTitle', { name: resource.name }) : t('resources.form.createTitle')
      }
    >
      <form onSubmit={submit} noValidate data-testid="resource-form">
        <Stack>
          {stale && (
            <Alert color="orange" variant="light" role="alert">
              {t('errors.stale')}
            </Alert>
          )}
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <TextInput
            label={t('resources.fields.name')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Group grow align="flex-start">
            <Select
              label={t('resources.fields.kind')}
              required
              allowDeselect={false}
              data={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`resources.kinds.${k}`) }))}
              {...form.getInputProps('kind')}
              onChange={(value) => form.setFieldValue('kind', oneOf(RESOURCE_KINDS, value))}
            />
            <Select
              label={t('resources.fields.status')}
              required
              allowDeselect={false}
              data={RESOURCE_STATUSES.map((s) => ({ value: s, label: t(`resources.statuses.${s}`) }))}
              {...form.getInputProps('status')}
              onChange={(value) => form.setFieldValue('status', oneOf(RESOURCE_STATUSES, value))}
            />
          </Group>
          <TextInput
            label={t('resources.fields.organization')}
            maxLength={300}
            {...form.getInputProps('organization')}
          />
          <Textarea
            label={t('resources.fields.description')}
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps('description')}
          />
          <TextInput
            type="url"
            label={t('resources.fields.url')}
            placeholder="https://"
            {...form.getInputProps('url')}
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={t('resources.fields.deadline')}
              {...form.getInputProps('deadline')}
            />
            <NumberInput
              label={t('resources.fields.amount')}
              min={0}
              thousandSeparator=" "
              suffix=" €"
              {...form.getInputProps('amount')}
            />
          </Group>
          <MultiSelect
            label={t('resources.fields.capitals')}
            data={(capitals.data ?? []).map((c) => ({ value: c.key, label: c.label }))}
            clearable
            {...form.getInputProps('capitals')}
          />
          <MultiSelect
            label={t('resources.fields.actors')}
            description={t('resources.fields.actorsHelp')}
            searchable
            clearable
            data={(directory.data?.actors ?? []).map((a) => ({ value: a.id, label: a.name }))}
            {...form.getInputProps('actorIds')}
          />
          <MultiSelect
            label={t('resources.fields.gaps')}
            description={t('resources.fields.gapsHelp')}
            searchable
            clearable
            data={gapData}
            {...form.getInputProps('gapKeys')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={stale}>
              {resource ? t('common.save') : t('resources.form.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
