import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconUserPlus } from '@tabler/icons-react';
import { type Locale, PASSWORD_MAX, PASSWORD_MIN } from '@tisserand/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerErrors } from '../../app/forms';
import { currentLanguage, LANGUAGES } from '../../app/i18n';
import { useUser } from '../../app/session';
import { ErrorAlert, notifySuccess, PageHeader, PageLoader } from '../../app/ui';
import { useCreateUser, useUsers } from './api';
import { RestoreChainCard } from './RestoreChainCard';

function isLocale(value: string | null): value is Locale {
  return LANGUAGES.some((l) => l === value);
}

function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const form = useForm({
    initialValues: { email: '', name: '', password: '', locale: currentLanguage(), isAdmin: false },
    validate: {
      email: (value: string) =>
        !value.trim() ? t('errors.required') : /^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('errors.email'),
      name: (value: string) => (value.trim() ? null : t('errors.required')),
      password: (value: string) =>
        value.length >= PASSWORD_MIN && value.length <= PASSWORD_MAX
          ? null
          : t('errors.passwordLength', { min: PASSWORD_MIN, max: PASSWORD_MAX }),
    },
  });
  const server = useServerErrors(form);

  const submit = form.onSubmit((values) => {
    server.clear();
    create.mutate(
      {
        email: values.email.trim(),
        name: values.name.trim(),
        password: values.password,
        locale: values.locale,
        isAdmin: values.isAdmin,
      },
      {
        onSuccess: (user) => {
          notifySuccess(t('users.created', { name: user.name }));
          form.reset();
          onClose();
        },
        onError: server.handle,
      },
    );
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('users.createTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {server.formError !== null && <ErrorAlert error={server.formError} />}
          <TextInput
            label={t('users.fields.email')}
            type="email"
            required
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('email')}
          />
          <TextInput
            label={t('users.fields.name')}
            required
            maxLength={200}
            autoComplete="off"
            {...form.getInputProps('name')}
          />
          <PasswordInput
            label={t('users.fields.password')}
            description={t('users.fields.passwordHelp', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Select
            label={t('users.fields.locale')}
            data={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            allowDeselect={false}
            value={form.getValues().locale}
            onChange={(value) => {
              if (isLocale(value)) form.setFieldValue('locale', value);
            }}
          />
          <Checkbox
            label={t('users.fields.isAdmin')}
            description={t('users.fields.isAdminHelp')}
            {...form.getInputProps('isAdmin', { type: 'checkbox' })}
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** `/admin/users` (instance admins): the accounts of the instance, and a form to create one. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useUser();
  const [creating, setCreating] = useState(false);
  const users = useUsers(me.isAdmin);

  if (!me.isAdmin) {
    return (
      <>
        <PageHeader title={t('users.title')} />
        <Alert color="orange" variant="light" role="alert">
          {t('errors.adminOnly')}
        </Alert>
      </>
    );
  }

  const rows = users.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.intro')}
        actions={
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('users.create')}
          </Button>
        }
      />
      {users.isPending && <PageLoader />}
      {users.isError && <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />}
      {users.isSuccess && rows.length === 0 && <Text c="dimmed">{t('users.empty')}</Text>}
      {rows.length > 0 && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover data-testid="users-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('users.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('users.columns.email')}</Table.Th>
                  <Table.Th scope="col">{t('users.columns.locale')}</Table.Th>
                  <Table.Th scope="col">{t('users.columns.isAdmin')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Th scope="row" fw={500}>
                      {user.name}
                    </Table.Th>
                    <Table.Td>{user.email}</Table.Td>
                    <Table.Td>{t(`languages.${user.locale}`)}</Table.Td>
                    <Table.Td>
                      {user.isAdmin ? (
                        <Badge variant="light">{t('common.yes')}</Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('common.no')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {users.hasNextPage && (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            onClick={() => void users.fetchNextPage()}
            loading={users.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
      <CreateUserModal opened={creating} onClose={() => setCreating(false)} />
      <RestoreChainCard />
    </>
  );
}
