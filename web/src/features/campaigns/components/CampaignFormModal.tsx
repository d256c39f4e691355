import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  type Campaign,
  nextPeriod,
  PERIODICITIES,
  type Periodicity,
  periodOfDate,
  previousPeriod,
} from '@tisserand/core';
import { useTranslation } from 'react-i18next';
import { useServerErrors } from '../../../app/forms';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { oneOf } from '../../actors/labels';
import { useIndicators } from '../../indicators/api';
import { useDataFormat } from '../../indicators/format';
import { useChainDirectory } from '../../overview/api';
import { useCreateCampaign } from '../api';
import { todayIso } from '../model';

interface CampaignFormValues extends Record<string, unknown> {
  name: string;
  kind: Periodicity;
  period: string;
  indicatorIds: string[];
  actorIds: string[];
  dueDate: string;
}

/** The periods one may collect: a few before the current one (the usual case: the one just ended) and the next. */
function periodChoices(kind: Periodicity): string[] {
  const current = periodOfDate(todayIso(), kind);
  const before: string[] = [];
  let p = current;
  for (let i = 0; i < 8; i++) {
    p = previousPeriod(p);
    before.unshift(p);
  }
  return [...before, current, nextPeriod(current)].reverse();
}

/** A month after today: a reasonable default for answers. */
function inAMonth(): string {
  const d = new Date();
  d.setMonth(d.getMonth() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Opens a collection campaign: a period, its indicators (collected at that pace), the respondents, a due date. */
export function CampaignFormModal({
  chainId,
  onClose,
  onCreated,
}: {
  chainId: string;
  onClose: () => void;
  onCreated?: (campaign: Campaign) => void;
}) {
  const { t } = useTranslation();
  const format = useDataFormat();
  const indicators = useIndicators(chainId);
  const directory = useChainDirectory(chainId);
  const create = useCreateCampaign(chainId);
  const initialPeriod = previousPeriod(periodOfDate(todayIso(), 'quarter'));
  const form = useForm<CampaignFormValues>({
    initialValues: {
      name: t('campaigns.form.defaultName', { period: format.period(initialPeriod) }),
      kind: 'quarter',
      period: initialPeriod,
      indicatorIds: [],
      actorIds: [],
      dueDate: inAMonth(),
    },
    validate: {
      name: (value) => (value.trim() ? null : t('errors.required')),
      period: (value) => (value ? null : t('errors.required')),
      indicatorIds: (value) => (value.length > 0 ? null : t('campaigns.form.indicatorsRequired')),
      actorIds: (value) => (value.length > 0 ? null : t('campaigns.form.respondentsRequired')),
      dueDate: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : t('errors.required')),
    },
  });
  const server = useServerErrors(form);
  const values = form.getValues();

  const collectable = (indicators.data?.items ?? []).filter(
    (i) => i.periodicity === values.kind && i.aggregation !== 'ratio' && i.status !== 'retired',
  );
  const actors = directory.data?.actors ?? [];
  const transactional = actors.filter((a) => a.role === 'transactional' && a.status !== 'inactive');

  /** The name follows the period while the user has not written one of their own. */
  const choosePeriod = (period: string) => {
    const defaultName = t('campaigns.form.defaultName', { period: format.period(values.period) });
    form.setFieldValue('period', period);
    if (values.name === defaultName || !values.name.trim())
      form.setFieldValue('name', t('campaigns.form.defaultName', { period: format.period(period) }));
  };

  const submit = form.onSubmit((v) => {
    server.clear();
    create.mutate(
      {
        name: v.name.trim(),
        period: v.period,
        indicatorIds: v.indicatorIds,
        actorIds: v.actorIds,
        dueDate: v.dueDate,
      },
      {
        onSuccess: (campaign) => {
          notifySuccess(t('campaigns.form.created', { name: campaign.name }));
          onCreated?.(campaign);
          onClose();
        },
        onError: server.handle,
      },
    );
  });

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      size="lg"
      title={t('campaigns.form.title')}
    >
      <form onSubmit={submit} noValidate data-testid="campaign-form">
        <Stack>
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <TextInput
            label={t('campaigns.fields.name')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('campaigns.fields.periodicity')}
              data={PERIODICITIES.map((p) => ({ value: p, label: t(`indicators.periodicities.${p}`) }))}
              value={values.kind}
              allowDeselect={false}
              onChange={(value) => {
                const kind = oneOf(PERIODICITIES, value);
                if (!kind || kind === values.kind) return;
                form.setFieldValue('kind', kind);
                choosePeriod(previousPeriod(periodOfDate(todayIso(), kind)));
                // Indicators collected at another pace cannot be in this campaign.
                const keep = new Set(
                  (indicators.data?.items ?? []).filter((i) => i.periodicity === kind).map((i) => i.id),
                );
                form.setFieldValue(
                  'indicatorIds',
                  values.indicatorIds.filter((id) => keep.has(id)),
                );
              }}
            />
            <Select
              label={t('campaigns.fields.period')}
              required
              data={periodChoices(values.kind).map((p) => ({ value: p, label: format.period(p) }))}
              value={values.period}
              error={form.errors.period}
              allowDeselect={false}
              onChange={(value) => value && choosePeriod(value)}
            />
            <TextInput
              type="date"
              label={t('campaigns.fields.dueDate')}
              required
              {...form.getInputProps('dueDate')}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('campaigns.fields.indicators')}
            description={t('campaigns.form.indicatorsHelp', {
              periodicity: t(`indicators.periodicities.${values.kind}`),
            })}
            data={collectable.map((i) => ({ value: i.id, label: `${i.name} (${i.code})` }))}
            searchable
            clearable
            required
            nothingFoundMessage={t('campaigns.form.noIndicator')}
            {...form.getInputProps('indicatorIds')}
          />
          <Stack gap={4}>
            <MultiSelect
              label={t('campaigns.fields.respondents')}
              description={t('campaigns.form.respondentsHelp')}
              data={actors.map((a) => ({ value: a.id, label: a.name }))}
              searchable
              clearable
              required
              maxDropdownHeight={260}
              {...form.getInputProps('actorIds')}
            />
            <Group gap="xs">
              <Button
                size="compact-sm"
                variant="light"
                disabled={transactional.length === 0}
                onClick={() =>
                  form.setFieldValue(
                    'actorIds',
                    transactional.map((a) => a.id),
                  )
                }
              >
                {t('campaigns.form.allTransactional', { count: transactional.length })}
              </Button>
              {values.actorIds.length > 0 && (
                <Text size="xs" c="dimmed">
                  {t('campaigns.form.respondentCount', { count: values.actorIds.length })}
                </Text>
              )}
            </Group>
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('campaigns.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
