import {
  Anchor,
  Badge,
  Button,
  Card,
  EmptyState,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconMapPin, IconPlus, IconTopologyStar3 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useServerErrors } from '../../app/forms';
import { useUser } from '../../app/session';
import { ErrorAlert, notifySuccess, PageHeader, PageLoader } from '../../app/ui';
import { useChains, useCreateChain } from './api';
import {
  ChainFields,
  type ChainFormValues,
  chainValidation,
  EMPTY_CHAIN,
  optionalText,
} from './components/ChainFields';

function CreateChainModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateChain();
  const form = useForm<ChainFormValues>({ initialValues: EMPTY_CHAIN, validate: chainValidation(t) });
  const server = useServerErrors(form);

  const submit = form.onSubmit((values) => {
    server.clear();
    create.mutate(
      {
        name: values.name.trim(),
        region: values.region.trim(),
        description: optionalText(values.description),
        marketOpportunity: optionalText(values.marketOpportunity),
        capitalFramework: values.capitalFramework,
        publicMinGroupSize: Number(values.publicMinGroupSize),
      },
      {
        onSuccess: (chain) => {
          notifySuccess(t('chains.created', { name: chain.name }));
          form.reset();
          onClose();
          void navigate(`/chains/${chain.id}`);
        },
        onError: server.handle,
      },
    );
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('chains.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <ChainFields form={form} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('chains.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** `/`: the caller's chains; instance admins can create one. */
export function ChainsPage() {
  const { t } = useTranslation();
  const user = useUser();
  const chains = useChains();
  const [creating, { open, close }] = useDisclosure(false);

  const createButton = user.isAdmin ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
      {t('chains.create')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader
        title={t('chains.title')}
        description={user.isAdmin ? t('chains.introAdmin') : t('chains.intro')}
        actions={chains.data && chains.data.items.length > 0 ? createButton : null}
      />
      {chains.isPending && <PageLoader />}
      {chains.isError && <ErrorAlert error={chains.error} onRetry={() => void chains.refetch()} />}
      {chains.data && chains.data.items.length === 0 && (
        <Card withBorder padding="xl">
          <EmptyState
            icon={<IconTopologyStar3 size={32} aria-hidden />}
            variant="light"
            title={t('chains.title')}
            description={user.isAdmin ? t('chains.emptyAdmin') : t('chains.empty')}
          >
            {createButton && <EmptyState.Actions>{createButton}</EmptyState.Actions>}
          </EmptyState>
        </Card>
      )}
      {chains.data && chains.data.items.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {chains.data.items.map((chain) => (
            <Card key={chain.id} withBorder padding="lg" component="article" data-testid="chain-card">
              <Stack gap="xs" h="100%">
                <Title order={2} size="h4">
                  <Anchor component={Link} to={`/chains/${chain.id}`} c="teal.9">
                    {chain.name}
                  </Anchor>
                </Title>
                <Group gap={6} c="dimmed">
                  <IconMapPin size={16} aria-hidden />
                  <Text size="sm">
                    <VisuallyHidden>{t('chains.region')}</VisuallyHidden>
                    {chain.region}
                  </Text>
                </Group>
                {chain.description && (
                  <Text size="sm" lineClamp={3}>
                    {chain.description}
                  </Text>
                )}
                <Group gap="xs" mt="auto">
                  <Text size="sm" c="dimmed">
                    {t('chains.myRole')}
                  </Text>
                  <Badge variant="light">{t(`roles.${chain.myRole}`)}</Badge>
                </Group>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
      {user.isAdmin && <CreateChainModal opened={creating} onClose={close} />}
    </>
  );
}
