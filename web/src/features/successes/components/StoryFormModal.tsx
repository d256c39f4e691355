import {
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
import { useTranslation } from 'react-i18next';
import { useServerErrors } from '../../../app/forms';
import { ErrorAlert, notifySuccess } from '../../../app/ui';
import { todayIso } from '../../campaigns/model';
import { useIndicators } from '../../indicators/api';
import { useChainDirectory } from '../../overview/api';
import { useCreateStory } from '../api';

interface StoryFormValues extends Record<string, unknown> {
  title: string;
  story: string;
  actorIds: string[];
  indicatorId: string;
  date: string;
}

/** Tells a success in words (coordinators): what happened, who made it, when. */
export function StoryFormModal({ chainId, onClose }: { chainId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const directory = useChainDirectory(chainId);
  const indicators = useIndicators(chainId);
  const create = useCreateStory(chainId);
  const form = useForm<StoryFormValues>({
    initialValues: { title: '', story: '', actorIds: [], indicatorId: '', date: todayIso() },
    validate: {
      title: (value) => (value.trim() ? null : t('errors.required')),
      story: (value) => (value.trim() ? null : t('errors.required')),
      date: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : t('errors.required')),
    },
  });
  const server = useServerErrors(form);
  const values = form.getValues();

  const submit = form.onSubmit((v) => {
    server.clear();
    create.mutate(
      {
        title: v.title.trim(),
        story: v.story.trim(),
        actorIds: v.actorIds,
        date: v.date,
        ...(v.indicatorId ? { indicatorId: v.indicatorId } : {}),
      },
      {
        onSuccess: (story) => {
          notifySuccess(t('successes.form.created', { title: story.title }));
          onClose();
        },
        onError: server.handle,
      },
    );
  });

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={t('successes.form.title')}
    >
      <form onSubmit={submit} noValidate data-testid="story-form">
        <Stack>
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <TextInput
            label={t('successes.form.storyTitle')}
            required
            maxLength={200}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('successes.form.story')}
            description={t('successes.form.storyHelp')}
            required
            autosize
            minRows={4}
            maxRows={12}
            {...form.getInputProps('story')}
          />
          <MultiSelect
            label={t('successes.form.actors')}
            description={t('successes.form.actorsHelp')}
            data={(directory.data?.actors ?? []).map((a) => ({ value: a.id, label: a.name }))}
            searchable
            clearable
            {...form.getInputProps('actorIds')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t('successes.form.date')}
              required
              {...form.getInputProps('date')}
            />
            <Select
              label={t('successes.form.indicator')}
              placeholder={t('common.optional')}
              data={(indicators.data?.items ?? []).map((i) => ({ value: i.id, label: i.name }))}
              clearable
              searchable
              value={values.indicatorId || null}
              onChange={(v) => form.setFieldValue('indicatorId', v ?? '')}
              error={form.errors.indicatorId}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('successes.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
