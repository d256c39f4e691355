import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import type { Agreement, AgreementCreate, AgreementUpdate } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { useServerErrors } from '../../../app/forms';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { oneOf } from '../../actors/labels';
import { useChainDirectory } from '../../overview/api';
import { useCreateAgreement, useUpdateAgreement } from '../api';
import { AGREEMENT_STATUSES } from '../labels';
import { Terms } from './Terms';

type Status = Agreement['status'];
const CREATE_STATUSES = ['draft', 'negotiation'] as const;

interface AgreementValues extends Record<string, unknown> {
  title: string;
  partyActorIds: string[];
  terms: string;
  status: Status;
  effectiveFrom: string;
  expiresOn: string;
}

/**
 * Drafts an agreement (no `agreement`) or edits one (coordinators). Changing the terms saves them
 * as a new version and sends the agreement back to negotiation: the form says so before saving.
 * `initialParties` preselects parties of a new agreement.
 */
export function AgreementFormModal({
  chainId,
  agreement,
  initialParties = [],
  onClose,
  onSaved,
}: {
  chainId: string;
  agreement?: Agreement;
  initialParties?: string[];
  onClose: () => void;
  onSaved?: (agreement: Agreement) => void;
}) {
  const { t } = useTranslation();
  const directory = useChainDirectory(chainId);
  const create = useCreateAgreement(chainId);
  const update = useUpdateAgreement(chainId);
  const [stale, setStale] = useState(false);
  const form = useForm<AgreementValues>({
    initialValues: {
      title: agreement?.title ?? '',
      partyActorIds: agreement?.partyActorIds ?? initialParties,
      terms: agreement?.terms ?? '',
      status: agreement?.status ?? 'draft',
      effectiveFrom: agreement?.effectiveFrom ?? '',
      expiresOn: agreement?.expiresOn ?? '',
    },
    validate: {
      title: (v) => (v.trim() ? null : t('errors.required')),
      partyActorIds: (v) => (v.length > 0 ? null : t('agreements.form.partiesRequired')),
      terms: (v) => (v.trim() ? null : t('errors.required')),
      expiresOn: (v, values) =>
        v && values.effectiveFrom && v < values.effectiveFrom
          ? t('agreements.form.expiresBeforeStart')
          : null,
    },
  });
  const server = useServerErrors(form);
  const values = form.getValues();
  const termsChanged = agreement !== undefined && values.terms.trim() !== agreement.terms.trim();
  const statuses = agreement ? AGREEMENT_STATUSES : CREATE_STATUSES;

  const submit = form.onSubmit((v) => {
    server.clear();
    setStale(false);
    const onError = (error: unknown) => {
      if (isApiError(error, 412)) setStale(true);
      else server.handle(error);
    };
    const onSuccess = (saved: Agreement) => {
      notifySuccess(
        agreement
          ? termsChanged
            ? t('agreements.form.savedVersion', { version: saved.termsVersion })
            : t('agreements.form.saved')
          : t('agreements.form.created', { title: saved.title }),
      );
      onSaved?.(saved);
      onClose();
    };
    if (agreement) {
      const body: AgreementUpdate = {
        title: v.title.trim(),
        partyActorIds: v.partyActorIds,
        effectiveFrom: v.effectiveFrom || null,
        expiresOn: v.expiresOn || null,
      };
      if (termsChanged) body.terms = v.terms.trim();
      // A change of terms decides the status (negotiation) on the server.
      if (!termsChanged && v.status !== agreement.status) body.status = v.status;
      update.mutate({ agreement, body }, { onSuccess, onError });
      return;
    }
    const status = oneOf(CREATE_STATUSES, v.status) ?? 'draft';
    const body: AgreementCreate = {
      title: v.title.trim(),
      partyActorIds: v.partyActorIds,
      terms: v.terms.trim(),
      status,
    };
    if (v.effectiveFrom) body.effectiveFrom = v.effectiveFrom;
    if (v.expiresOn) body.expiresOn = v.expiresOn;
    create.mutate(body, { onSuccess, onError });
  });

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      size="xl"
      title={
        agreement
          ? t('agreements.form.editTitle', { title: agreement.title })
          : t('agreements.form.createTitle')
      }
    >
      <form onSubmit={submit} noValidate data-testid="agreement-form">
        <Stack>
          {stale && (
            <Alert color="orange" variant="light" role="alert">
              {t('errors.stale')}
            </Alert>
          )}
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <TextInput
            label={t('agreements.fields.title')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <MultiSelect
            label={t('agreements.fields.parties')}
            description={t('agreements.fields.partiesHelp')}
            required
            searchable
            clearable
            data={(directory.data?.actors ?? []).map((a) => ({ value: a.id, label: a.name }))}
            {...form.getInputProps('partyActorIds')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('agreements.fields.status')}
              data={statuses.map((s) => ({ value: s, label: t(`agreements.statuses.${s}`) }))}
              value={termsChanged ? 'negotiation' : values.status}
              disabled={termsChanged}
              allowDeselect={false}
              onChange={(value) => {
                const chosen = oneOf(AGREEMENT_STATUSES, value);
                if (chosen) form.setFieldValue('status', chosen);
              }}
            />
            <TextInput
              type="date"
              label={t('agreements.fields.effectiveFrom')}
              {...form.getInputProps('effectiveFrom')}
            />
            <TextInput
              type="date"
              label={t('agreements.fields.expiresOn')}
              {...form.getInputProps('expiresOn')}
            />
          </SimpleGrid>
          <Tabs defaultValue="write" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="write">{t('agreements.form.write')}</Tabs.Tab>
              <Tabs.Tab value="preview">{t('agreements.form.preview')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="write" pt="sm">
              <Textarea
                label={t('agreements.fields.terms')}
                description={t('agreements.fields.termsHelp')}
                required
                autosize
                minRows={8}
                maxRows={20}
                maxLength={100_000}
                {...form.getInputProps('terms')}
              />
            </Tabs.Panel>
            <Tabs.Panel value="preview" pt="sm">
              <Paper withBorder p="md">
                {values.terms.trim() ? (
                  <Terms markdown={values.terms} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('agreements.form.previewEmpty')}
                  </Text>
                )}
              </Paper>
            </Tabs.Panel>
          </Tabs>
          {agreement && (
            <Alert
              color={termsChanged ? 'orange' : 'blue'}
              variant="light"
              icon={<IconInfoCircle aria-hidden />}
              data-testid="new-version-notice"
            >
              {termsChanged
                ? t('agreements.form.newVersionNotice', {
                    version: agreement.termsVersion,
                    next: agreement.termsVersion + 1,
                  })
                : t('agreements.form.versionHint', { version: agreement.termsVersion })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={stale}>
              {agreement
                ? termsChanged
                  ? t('agreements.form.submitVersion', { next: agreement.termsVersion + 1 })
                  : t('common.save')
                : t('agreements.form.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
