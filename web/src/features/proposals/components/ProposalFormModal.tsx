import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Slider,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Proposal, ProposalCreate } from '@tisserand/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { useServerErrors } from '../../../app/forms';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { useAgreements } from '../../agreements/api';
import { useGoals } from '../../goals/api';
import { useIndicators } from '../../indicators/api';
import { useChainDirectory } from '../../overview/api';
import { type ProposalUpdate, useCreateProposal, useUpdateProposal } from '../api';
import { toLocalInput } from '../labels';

interface ProposalValues extends Record<string, unknown> {
  title: string;
  description: string;
  participantActorIds: string[];
  /** In percent (0–100), as people read a quorum. */
  quorum: number;
  /** `YYYY-MM-DDTHH:mm` in the browser's time zone. */
  closesAt: string;
  /** `goal:<id>`, `indicator:<id>`, `agreement:<id>` or null. */
  subject: string | null;
}

const SUBJECT_TYPES = ['goal', 'indicator', 'agreement'] as const;

function parseSubject(value: string | null): Proposal['subject'] {
  if (!value) return null;
  const [type, id] = value.split(':');
  const known = SUBJECT_TYPES.find((s) => s === type);
  return known && id ? { type: known, id } : null;
}

function defaultClosing(): string {
  const d = new Date(Date.now() + 14 * 86_400_000);
  d.setHours(18, 0, 0, 0);
  return toLocalInput(d.toISOString());
}

function toValues(proposal: Proposal | undefined): ProposalValues {
  if (!proposal) {
    return {
      title: '',
      description: '',
      participantActorIds: [],
      quorum: 50,
      closesAt: defaultClosing(),
      subject: null,
    };
  }
  return {
    title: proposal.title,
    description: proposal.description ?? '',
    participantActorIds: proposal.participantActorIds,
    quorum: Math.round(proposal.quorum * 100),
    closesAt: toLocalInput(proposal.closesAt),
    subject: proposal.subject ? `${proposal.subject.type}:${proposal.subject.id}` : null,
  };
}

/** Puts a question to named participants (no `proposal`), or edits an open one (coordinators). */
export function ProposalFormModal({
  chainId,
  proposal,
  onClose,
  onSaved,
}: {
  chainId: string;
  proposal?: Proposal;
  onClose: () => void;
  onSaved?: (proposal: Proposal) => void;
}) {
  const { t } = useTranslation();
  const quorumLabel = useId();
  const directory = useChainDirectory(chainId);
  const goals = useGoals(chainId);
  const indicators = useIndicators(chainId);
  const agreements = useAgreements(chainId);
  const create = useCreateProposal(chainId);
  const update = useUpdateProposal(chainId);
  const [stale, setStale] = useState(false);
  const form = useForm<ProposalValues>({
    initialValues: toValues(proposal),
    validate: {
      title: (v) => (v.trim() ? null : t('errors.required')),
      participantActorIds: (v) => (v.length > 0 ? null : t('proposals.form.participantsRequired')),
      closesAt: (v) => {
        if (!v) return t('errors.required');
        return new Date(v).getTime() > Date.now() ? null : t('proposals.form.closesInFuture');
      },
    },
  });
  const server = useServerErrors(form, { subject: 'subject' });
  const values = form.getValues();

  const current = parseSubject(values.subject);
  const keep = (type: string, id: string, ok: boolean) => ok || (current?.type === type && current.id === id);
  const subjectData = [
    {
      group: t('proposals.form.subjectGoals'),
      items: (goals.data ?? [])
        .filter((g) => keep('goal', g.id, g.status === 'proposed'))
        .map((g) => ({ value: `goal:${g.id}`, label: g.title })),
    },
    {
      group: t('proposals.form.subjectIndicators'),
      items: (indicators.data?.items ?? [])
        .filter((i) => keep('indicator', i.id, i.status === 'proposed'))
        .map((i) => ({ value: `indicator:${i.id}`, label: `${i.name} (${i.code})` })),
    },
    {
      group: t('proposals.form.subjectAgreements'),
      items: (agreements.data ?? [])
        .filter((a) => keep('agreement', a.id, a.status === 'draft' || a.status === 'negotiation'))
        .map((a) => ({ value: `agreement:${a.id}`, label: a.title })),
    },
  ].filter((g) => g.items.length > 0);

  const submit = form.onSubmit((v) => {
    server.clear();
    setStale(false);
    const onError = (error: unknown) => {
      if (isApiError(error, 412)) setStale(true);
      else server.handle(error);
    };
    const onSuccess = (saved: Proposal) => {
      notifySuccess(
        t(proposal ? 'proposals.form.updated' : 'proposals.form.created', { title: saved.title }),
      );
      onSaved?.(saved);
      onClose();
    };
    const closesAt = new Date(v.closesAt).toISOString();
    const subject = parseSubject(v.subject);
    if (proposal) {
      const body: ProposalUpdate = {
        title: v.title.trim(),
        description: v.description.trim() || null,
        participantActorIds: v.participantActorIds,
        quorum: v.quorum / 100,
        closesAt,
        subject,
      };
      update.mutate({ proposal, body }, { onSuccess, onError });
      return;
    }
    const body: ProposalCreate = {
      title: v.title.trim(),
      participantActorIds: v.participantActorIds,
      quorum: v.quorum / 100,
      closesAt,
    };
    if (v.description.trim()) body.description = v.description.trim();
    if (subject) body.subject = subject;
    create.mutate(body, { onSuccess, onError });
  });

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      size="lg"
      title={
        proposal ? t('proposals.form.editTitle', { title: proposal.title }) : t('proposals.form.createTitle')
      }
    >
      <form onSubmit={submit} noValidate data-testid="proposal-form">
        <Stack>
          {stale && (
            <Alert color="orange" variant="light" role="alert">
              {t('errors.stale')}
            </Alert>
          )}
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <TextInput
            label={t('proposals.fields.title')}
            description={t('proposals.fields.titleHelp')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('proposals.fields.description')}
            autosize
            minRows={2}
            maxRows={8}
            {...form.getInputProps('description')}
          />
          <MultiSelect
            label={t('proposals.fields.participants')}
            description={t('proposals.fields.participantsHelp')}
            required
            searchable
            clearable
            data={(directory.data?.actors ?? []).map((a) => ({ value: a.id, label: a.name }))}
            {...form.getInputProps('participantActorIds')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id={quorumLabel}>
              {t('proposals.fields.quorum')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('proposals.fields.quorumHelp')}
            </Text>
            <Group align="center" wrap="nowrap" gap="md">
              <Slider
                flex={1}
                min={0}
                max={100}
                step={5}
                label={(v) => `${v} %`}
                thumbProps={{ 'aria-labelledby': quorumLabel }}
                value={values.quorum}
                onChange={(v) => form.setFieldValue('quorum', v)}
              />
              <NumberInput
                w={110}
                min={0}
                max={100}
                suffix=" %"
                clampBehavior="strict"
                allowDecimal={false}
                aria-labelledby={quorumLabel}
                value={values.quorum}
                onChange={(v) => form.setFieldValue('quorum', typeof v === 'number' ? v : 0)}
              />
            </Group>
          </Stack>
          <TextInput
            type="datetime-local"
            label={t('proposals.fields.closesAt')}
            required
            w={{ base: '100%', sm: 280 }}
            {...form.getInputProps('closesAt')}
          />
          <Select
            label={t('proposals.fields.subject')}
            description={t('proposals.fields.subjectHelp')}
            data={subjectData}
            searchable
            clearable
            nothingFoundMessage={t('proposals.form.noSubject')}
            {...form.getInputProps('subject')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={stale}>
              {proposal ? t('common.save') : t('proposals.form.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
