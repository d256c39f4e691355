import { Alert, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../app/api';
import { useServerErrors } from '../../app/forms';
import { ErrorAlert, notifySuccess, PageHeader } from '../../app/ui';
import { chainKeys, useDeleteChain, useUpdateChain } from './api';
import { useCurrentChain } from './ChainLayout';
import { ChainFields, type ChainFormValues, chainToValues, chainValidation } from './components/ChainFields';

function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed ? trimmed : null;
}

/** `/chains/:chainId/settings` (coordinators): edit or delete the chain, never over someone else's change. */
export function ChainSettingsPage() {
  const { t } = useTranslation();
  const chain = useCurrentChain();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const update = useUpdateChain(chain.id);
  const remove = useDeleteChain(chain.id);
  const [stale, setStale] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const [confirming, { open, close }] = useDisclosure(false);
  const form = useForm<ChainFormValues>({
    initialValues: chainToValues(chain),
    validate: chainValidation(t),
  });
  const server = useServerErrors(form);

  // A newer version of the chain (after a save or a reload) becomes the form's starting point.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the version changes
  useEffect(() => {
    form.setInitialValues(chainToValues(chain));
    form.setValues(chainToValues(chain));
  }, [chain.version]);

  if (chain.myRole !== 'coordinator') {
    return (
      <>
        <PageHeader title={t('settings.title')} />
        <Alert color="orange" variant="light" role="alert">
          {t('errors.coordinatorOnly')}
        </Alert>
      </>
    );
  }

  const reloadAfterConflict = async () => {
    setStale(true);
    await queryClient.invalidateQueries({ queryKey: chainKeys.one(chain.id), exact: true });
  };

  const submit = form.onSubmit((values) => {
    server.clear();
    setStale(false);
    update.mutate(
      {
        version: chain.version,
        body: {
          name: values.name.trim(),
          region: values.region.trim(),
          description: blankToNull(values.description),
          marketOpportunity: blankToNull(values.marketOpportunity),
          capitalFramework: values.capitalFramework,
          publicMinGroupSize: Number(values.publicMinGroupSize),
        },
      },
      {
        onSuccess: () => notifySuccess(t('settings.saved')),
        onError: (error) => {
          if (isApiError(error, 412)) void reloadAfterConflict();
          else server.handle(error);
        },
      },
    );
  });

  const confirmDelete = () => {
    setDeleteError(null);
    remove.mutate(chain.version, {
      onSuccess: () => {
        close();
        notifySuccess(t('settings.deleted', { name: chain.name }));
        void navigate('/', { replace: true });
      },
      onError: (error) => {
        close();
        if (isApiError(error, 412)) void reloadAfterConflict();
        else setDeleteError(error);
      },
    });
  };

  return (
    <>
      <PageHeader title={t('settings.title')} description={chain.name} />
      <Stack gap="lg" maw={720}>
        {stale && (
          <Alert
            color="orange"
            variant="light"
            role="alert"
            data-testid="stale-alert"
            withCloseButton
            onClose={() => setStale(false)}
          >
            {t('errors.stale')}
          </Alert>
        )}
        <Card withBorder padding="lg">
          <form onSubmit={submit} noValidate>
            <Stack>
              {server.formError !== null && <ErrorAlert error={server.formError} />}
              <ChainFields form={form} />
              <Group justify="flex-end">
                <Button type="submit" loading={update.isPending}>
                  {t('common.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>

        <Card withBorder padding="lg" style={{ borderColor: 'var(--mantine-color-red-3)' }}>
          <Stack gap="sm" align="flex-start">
            <Title order={2} size="h4" c="red.8">
              {t('settings.dangerZone')}
            </Title>
            <Text size="sm">{t('settings.deleteIntro')}</Text>
            {deleteError !== null && <ErrorAlert error={deleteError} />}
            <Button
              color="red"
              variant="outline"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={open}
            >
              {t('settings.delete')}
            </Button>
          </Stack>
        </Card>
      </Stack>

      <Modal opened={confirming} onClose={close} title={t('settings.deleteTitle', { name: chain.name })}>
        <Stack>
          <Text size="sm">{t('settings.deleteBody', { name: chain.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={confirmDelete} loading={remove.isPending}>
              {t('settings.deleteConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
