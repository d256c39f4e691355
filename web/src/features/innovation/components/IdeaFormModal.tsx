import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconBulb } from '@tabler/icons-react';
import type { Idea, IdeaCreate } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { useServerErrors } from '../../../app/forms';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { oneOf } from '../../actors/labels';
import { useCapitals } from '../../capitals/api';
import { useChainDirectory } from '../../overview/api';
import { type IdeaUpdate, useIdeaMutations } from '../api';
import { IDEA_STATUSES, RISK_LEVELS } from '../labels';

interface IdeaValues extends Record<string, unknown> {
  title: string;
  description: string;
  hypothesis: string;
  riskLevel: Idea['riskLevel'];
  capitals: string[];
  actorIds: string[];
  status: Idea['status'];
  learnings: string;
}

/**
 * Adds an idea to the lab (no `idea`) or edits one. `status` presets the status (moving a card to
 * "abandoned" opens this form so that its learnings are written down).
 */
export function IdeaFormModal({
  chainId,
  idea,
  status,
  onClose,
}: {
  chainId: string;
  idea?: Idea;
  status?: Idea['status'];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const capitals = useCapitals(chainId);
  const directory = useChainDirectory(chainId);
  const { create, update } = useIdeaMutations(chainId);
  const [stale, setStale] = useState(false);
  const form = useForm<IdeaValues>({
    initialValues: {
      title: idea?.title ?? '',
      description: idea?.description ?? '',
      hypothesis: idea?.hypothesis ?? '',
      riskLevel: idea?.riskLevel ?? 'medium',
      capitals: idea?.capitals ?? [],
      actorIds: idea?.actorIds ?? [],
      status: status ?? idea?.status ?? 'idea',
      learnings: idea?.learnings ?? '',
    },
    validate: { title: (v) => (v.trim() ? null : t('errors.required')) },
  });
  const server = useServerErrors(form);
  const values = form.getValues();
  const ended = values.status === 'abandoned' || values.status === 'adopted';

  const submit = form.onSubmit((v) => {
    server.clear();
    setStale(false);
    const onError = (error: unknown) => {
      if (isApiError(error, 412)) setStale(true);
      else server.handle(error);
    };
    const onSuccess = (saved: Idea) => {
      notifySuccess(t(idea ? 'innovation.form.saved' : 'innovation.form.created', { title: saved.title }));
      onClose();
    };
    if (idea) {
      const body: IdeaUpdate = {
        title: v.title.trim(),
        description: v.description.trim() || null,
        hypothesis: v.hypothesis.trim() || null,
        riskLevel: v.riskLevel,
        capitals: v.capitals,
        actorIds: v.actorIds,
        status: v.status,
        learnings: v.learnings.trim() || null,
      };
      update.mutate({ idea, body }, { onSuccess, onError });
      return;
    }
    const body: IdeaCreate = {
      title: v.title.trim(),
      riskLevel: v.riskLevel,
      capitals: v.capitals,
      actorIds: v.actorIds,
      status: v.status,
    };
    if (v.description.trim()) body.description = v.description.trim();
    if (v.hypothesis.trim()) body.hypothesis = v.hypothesis.trim();
    if (v.learnings.trim()) body.learnings = v.learnings.trim();
    create.mutate(body, { onSuccess, onError });
  });

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened
      onClose={onClose}
      size="lg"
      title={idea ? t('innovation.form.editTitle', { title: idea.title }) : t('innovation.form.createTitle')}
    >
      <form onSubmit={submit} noValidate data-testid="idea-form">
        <Stack>
          {stale && (
            <Alert color="orange" variant="light" role="alert">
              {t('errors.stale')}
            </Alert>
          )}
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <TextInput
            label={t('innovation.fields.title')}
            required
            maxLength={200}
            data-autofocus={status === 'abandoned' ? undefined : true}
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('innovation.fields.description')}
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps('description')}
          />
          <Textarea
            label={t('innovation.fields.hypothesis')}
            description={t('innovation.fields.hypothesisHelp')}
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps('hypothesis')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('innovation.fields.status')}
              data={IDEA_STATUSES.map((s) => ({ value: s, label: t(`innovation.statuses.${s}`) }))}
              value={values.status}
              allowDeselect={false}
              onChange={(value) => {
                const chosen = oneOf(IDEA_STATUSES, value);
                if (chosen) form.setFieldValue('status', chosen);
              }}
            />
            <Select
              label={t('innovation.fields.riskLevel')}
              description={t('innovation.fields.riskHelp')}
              data={RISK_LEVELS.map((r) => ({ value: r, label: t(`innovation.risks.${r}`) }))}
              value={values.riskLevel}
              allowDeselect={false}
              onChange={(value) => {
                const chosen = oneOf(RISK_LEVELS, value);
                if (chosen) form.setFieldValue('riskLevel', chosen);
              }}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('innovation.fields.capitals')}
            description={t('innovation.fields.capitalsHelp')}
            data={(capitals.data ?? []).map((c) => ({ value: c.key, label: c.label }))}
            searchable
            clearable
            {...form.getInputProps('capitals')}
          />
          <MultiSelect
            label={t('innovation.fields.actors')}
            data={(directory.data?.actors ?? []).map((a) => ({ value: a.id, label: a.name }))}
            searchable
            clearable
            {...form.getInputProps('actorIds')}
          />
          {values.status === 'abandoned' && (
            <Alert color="teal" variant="light" icon={<IconBulb aria-hidden />}>
              {t('innovation.form.abandonedEncouragement')}
            </Alert>
          )}
          <Textarea
            label={t('innovation.fields.learnings')}
            description={
              ended ? t('innovation.fields.learningsHelpEnded') : t('innovation.fields.learningsHelp')
            }
            autosize
            minRows={ended ? 3 : 2}
            maxRows={10}
            data-autofocus={status === 'abandoned' ? true : undefined}
            {...form.getInputProps('learnings')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={stale}>
              {idea ? t('common.save') : t('innovation.form.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
