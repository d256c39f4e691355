import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  FLOW_STATUSES,
  FLOW_TYPES,
  type Flow,
  type FlowCreate,
  type FlowUpdate,
  SUPPORT_KINDS,
} from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { useServerErrors } from '../../../app/forms';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { oneOf } from '../../actors/labels';
import { useChainDirectory } from '../../overview/api';
import { useFlowMutations } from '../api';

type FlowType = (typeof FLOW_TYPES)[number];
type SupportKind = (typeof SUPPORT_KINDS)[number];
type FlowStatus = (typeof FLOW_STATUSES)[number];

interface FlowValues extends Record<string, unknown> {
  sourceId: string;
  targetId: string;
  type: FlowType;
  supportKind: SupportKind | '';
  product: string;
  quantity: number | string;
  unit: string;
  value: number | string;
  status: FlowStatus;
  since: string;
  until: string;
  description: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Adds a flow (no `flow`) or edits one (coordinators). */
export function FlowFormModal({
  chainId,
  flow,
  onClose,
}: {
  chainId: string;
  flow?: Flow;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const directory = useChainDirectory(chainId);
  const { create, update } = useFlowMutations(chainId);
  const [stale, setStale] = useState(false);
  const form = useForm<FlowValues>({
    initialValues: {
      sourceId: flow?.sourceId ?? '',
      targetId: flow?.targetId ?? '',
      type: flow?.type ?? 'product',
      supportKind: flow?.supportKind ?? '',
      product: flow?.product ?? '',
      quantity: flow?.quantity ?? '',
      unit: flow?.unit ?? '',
      value: flow?.value ?? '',
      status: flow?.status ?? 'active',
      since: flow?.since ?? '',
      until: flow?.until ?? '',
      description: flow?.description ?? '',
    },
    validate: {
      sourceId: (v) => (v ? null : t('errors.required')),
      targetId: (v, values) =>
        !v ? t('errors.required') : v === values.sourceId ? t('flows.form.sameActor') : null,
      since: (v) => (!v || DATE.test(v) ? null : t('flows.form.badDate')),
      until: (v, values) =>
        !v
          ? null
          : !DATE.test(v)
            ? t('flows.form.badDate')
            : values.since && v < values.since
              ? t('flows.form.untilBeforeSince')
              : null,
    },
  });
  const server = useServerErrors(form);
  const values = form.getValues();
  const actorOptions = (directory.data?.actors ?? []).map((a) => ({ value: a.id, label: a.name }));

  const submit = form.onSubmit((v) => {
    server.clear();
    setStale(false);
    const onError = (error: unknown) => {
      if (isApiError(error, 412)) setStale(true);
      else server.handle(error);
    };
    const onSuccess = () => {
      notifySuccess(flow ? t('flows.saved') : t('flows.created'));
      onClose();
    };
    const text = (s: string) => s.trim() || null;
    const num = (n: number | string) => (typeof n === 'number' ? n : null);
    const supportKind = v.type === 'support' && v.supportKind ? v.supportKind : null;
    if (flow) {
      const body: FlowUpdate = {
        sourceId: v.sourceId,
        targetId: v.targetId,
        type: v.type,
        supportKind,
        product: text(v.product),
        quantity: num(v.quantity),
        unit: text(v.unit),
        value: num(v.value),
        status: v.status,
        since: v.since || null,
        until: v.until || null,
        description: text(v.description),
      };
      update.mutate({ flow, body }, { onSuccess, onError });
    } else {
      const body: FlowCreate = {
        sourceId: v.sourceId,
        targetId: v.targetId,
        type: v.type,
        status: v.status,
        supportKind: supportKind ?? undefined,
        product: text(v.product) ?? undefined,
        quantity: num(v.quantity) ?? undefined,
        unit: text(v.unit) ?? undefined,
        value: num(v.value) ?? undefined,
        since: v.since || undefined,
        until: v.until || undefined,
        description: text(v.description) ?? undefined,
      };
      create.mutate(body, { onSuccess, onError });
    }
  });

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      size="lg"
      title={flow ? t('flows.form.editTitle') : t('flows.form.createTitle')}
    >
      <form onSubmit={submit} noValidate data-testid="flow-form">
        <Stack>
          {stale && (
            <Alert color="orange" variant="light" role="alert">
              {t('errors.stale')}
            </Alert>
          )}
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('flows.fields.source')}
              description={t('flows.fields.sourceHelp')}
              data={actorOptions}
              searchable
              required
              nothingFoundMessage={t('flows.form.noActor')}
              data-autofocus
              {...form.getInputProps('sourceId')}
              value={values.sourceId || null}
              onChange={(value) => form.setFieldValue('sourceId', value ?? '')}
            />
            <Select
              label={t('flows.fields.target')}
              description={t('flows.fields.targetHelp')}
              data={actorOptions}
              searchable
              required
              nothingFoundMessage={t('flows.form.noActor')}
              {...form.getInputProps('targetId')}
              value={values.targetId || null}
              onChange={(value) => form.setFieldValue('targetId', value ?? '')}
            />
            <Select
              label={t('flows.fields.type')}
              data={FLOW_TYPES.map((type) => ({ value: type, label: t(`flows.types.${type}`) }))}
              allowDeselect={false}
              value={values.type}
              error={form.errors.type}
              onChange={(value) => {
                const type = oneOf(FLOW_TYPES, value);
                if (type) form.setFieldValue('type', type);
              }}
            />
            <Select
              label={t('flows.fields.status')}
              data={FLOW_STATUSES.map((s) => ({ value: s, label: t(`flows.statuses.${s}`) }))}
              allowDeselect={false}
              value={values.status}
              error={form.errors.status}
              onChange={(value) => {
                const status = oneOf(FLOW_STATUSES, value);
                if (status) form.setFieldValue('status', status);
              }}
            />
            {values.type === 'support' && (
              <Select
                label={t('flows.fields.supportKind')}
                data={SUPPORT_KINDS.map((k) => ({ value: k, label: t(`flows.supportKinds.${k}`) }))}
                clearable
                value={values.supportKind || null}
                error={form.errors.supportKind}
                onChange={(value) => form.setFieldValue('supportKind', oneOf(SUPPORT_KINDS, value) ?? '')}
              />
            )}
            <TextInput
              label={t('flows.fields.product')}
              description={t('flows.fields.productHelp')}
              maxLength={200}
              {...form.getInputProps('product')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('flows.fields.quantity')}
              min={0}
              allowNegative={false}
              {...form.getInputProps('quantity')}
            />
            <TextInput
              label={t('flows.fields.unit')}
              placeholder={t('flows.fields.unitPlaceholder')}
              maxLength={40}
              {...form.getInputProps('unit')}
            />
            <NumberInput
              label={t('flows.fields.value')}
              description={t('flows.fields.valueHelp')}
              min={0}
              allowNegative={false}
              thousandSeparator=" "
              {...form.getInputProps('value')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label={t('flows.fields.since')} {...form.getInputProps('since')} />
            <TextInput
              type="date"
              label={t('flows.fields.until')}
              description={t('flows.fields.untilHelp')}
              {...form.getInputProps('until')}
            />
          </SimpleGrid>
          <Textarea
            label={t('flows.fields.description')}
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={stale}>
              {flow ? t('common.save') : t('flows.form.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
